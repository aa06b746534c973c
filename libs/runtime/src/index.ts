export { runProcess, describeStartupFailure } from './run-process';
export type { ProcessContext, Closable } from './run-process';
export { checkDatabase, checkRedis, checkRedisCluster, checkQueueRedis, StartupError } from './preflight';
export { NODE_FLAGS, type ProductProcessName } from './node-flags';
export { repeatEvery, type Repeating } from './repeat-every';
export { REDACT_PATHS, REDACT_CENSOR, logRedaction } from './log-redaction';
export * from './metrics';
