export { loadConfig, ConfigError, configVariableNames, redactUrl, childProcessEnv, CONFIG, testServices, browserTestSettings, fuzzTestSettings, faultTestSettings } from './config';
export type { Config, QueueBackendKind } from './config';
export { configSchema } from './schema';
export { parseTrustProxy } from './trust-proxy';
export type { TrustProxy } from './trust-proxy';
