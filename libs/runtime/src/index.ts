export { runProcess, describeStartupFailure } from './run-process';
export type { ProcessContext, Closable } from './run-process';
export { checkDatabase, checkRedis, StartupError } from './preflight';
