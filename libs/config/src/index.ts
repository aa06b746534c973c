export {
  loadConfig,
  ConfigError,
  configVariableNames,
  redactUrl,
  childProcessEnv,
  cleanChildProcessEnv,
  CONFIG,
  testServices,
  viteBuildSettings,
  benchSettings,
  browserTestSettings,
  fuzzTestSettings,
  faultTestSettings,
  simNetworkUrls,
  simPortSettings,
} from './config';
export type { SimNetworkName, SimPortSetting } from './config';
export type { Config, QueueBackendKind } from './config';
export { configSchema } from './schema';
export { parseTrustProxy } from './trust-proxy';
export type { TrustProxy } from './trust-proxy';
