import { createHash } from 'node:crypto';
import { configSchema, type RawConfig } from './schema';

export type QueueBackendKind = 'redis' | 'postgres';

export interface Config extends Omit<RawConfig, 'DEMO_MODE' | 'ENCRYPTION_KEY' | 'SESSION_SECRET' | 'API_DOCS' | 'START_SIM'> {
  DEMO_MODE: boolean;
  API_DOCS: NonNullable<RawConfig['API_DOCS']>;
  START_SIM: boolean;
  ENCRYPTION_KEY: string;
  SESSION_SECRET: string;
  /** Which queue backend BullMQ uses: Redis when REDIS_URL or REDIS_CLUSTER_NODES is set, else PostgreSQL. */
  queueBackend: QueueBackendKind;
}

/** Raised when the environment does not satisfy the schema; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

// Fixed, public development secrets: usable only outside production, and said so in the log.
const DEV_SECRET_SEED = 'resonance-development-only';
const devKey = (purpose: string) => createHash('sha256').update(`${DEV_SECRET_SEED}:${purpose}`).digest('base64');

/**
 * Reads and validates the configuration. This is the only place in Resonance that reads
 * process.env; everything else receives a Config.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in docker-compose files and .env templates.
  const input = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((name) => [name, env[name]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`));
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !raw.ENCRYPTION_KEY) problems.push('ENCRYPTION_KEY is required in production');
  if (production && !raw.SESSION_SECRET) problems.push('SESSION_SECRET is required in production');
  if (production && raw.DEMO_MODE) problems.push('DEMO_MODE must not be true in production');
  if (raw.TEST_CRASH_AFTER_COMMIT && raw.NODE_ENV !== 'test') problems.push('TEST_CRASH_AFTER_COMMIT is allowed only with NODE_ENV=test');
  if (raw.REDIS_URL && raw.REDIS_CLUSTER_NODES) problems.push('REDIS_URL and REDIS_CLUSTER_NODES are both set: give one (a single Redis or a Redis Cluster)');
  if (raw.CLASSIFIER_URL && raw.CLASSIFIER_API === 'openai' && !raw.CLASSIFIER_MODEL) problems.push('CLASSIFIER_MODEL is required with CLASSIFIER_API=openai');
  if (problems.length) throw new ConfigError(problems);

  return {
    ...raw,
    DEMO_MODE: raw.DEMO_MODE ?? !production,
    API_DOCS: raw.API_DOCS ?? (production ? 'admins' : 'public'),
    START_SIM: raw.START_SIM ?? !production,
    ENCRYPTION_KEY: raw.ENCRYPTION_KEY ?? devKey('encryption'),
    SESSION_SECRET: raw.SESSION_SECRET ?? devKey('session'),
    queueBackend: raw.REDIS_URL || raw.REDIS_CLUSTER_NODES ? 'redis' : 'postgres',
  };
}

/** Names of every variable the schema knows; used to keep .env.example complete. */
export const configVariableNames = (): string[] => Object.keys(configSchema.shape);

/** A URL with its password replaced, for log lines. */
export function redactUrl(value: string | undefined): string {
  if (!value) return '(unset)';
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}

/** The environment for a child process of `resonance start`: ours, plus the given overrides. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/**
 * The environment of a child process that must not inherit this one's settings (a first-run test of
 * `resonance start`): only PATH and HOME, which any process needs to find programs and its home, plus
 * the overrides.
 */
export function cleanChildProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...overrides };
}

/** Injection token of the validated Config in the NestJS apps. */
export const CONFIG = Symbol('resonance.config');

/**
 * Where the test suites find their services: DATABASE_URL / REDIS_URL when set, else the
 * machine's own PostgreSQL and Redis on 127.0.0.1. Tests create their own database and prefix.
 */
export function testServices(env: NodeJS.ProcessEnv = process.env): { databaseUrl: string; redisUrl: string } {
  return {
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

/**
 * What the browser tests need of the environment: Debian's Chromium (CHROMIUM_PATH overrides
 * /usr/bin/chromium; never a downloaded browser) and RESONANCE_TRACE to list a page's requests.
 */
export function browserTestSettings(env: NodeJS.ProcessEnv = process.env): { chromiumPath: string; trace: boolean } {
  return { chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium', trace: Boolean(env.RESONANCE_TRACE) };
}

/**
 * The fuzz tests' knobs (apps/api/test/security): FUZZ_SEED repeats a run (else a fresh random
 * seed), FUZZ_ROUTE narrows the route fuzz to one route, FUZZ_RUNS_PER_ROUTE and
 * FUZZ_REQUEST_TIMEOUT_MS size it, FUZZ_SHRINK=1 shrinks a counterexample.
 */
export function fuzzTestSettings(env: NodeJS.ProcessEnv = process.env): {
  seed: number | undefined;
  route: string | undefined;
  runsPerRoute: number;
  requestTimeoutMs: number;
  shrink: boolean;
} {
  return {
    seed: env.FUZZ_SEED ? Number(env.FUZZ_SEED) : undefined,
    route: env.FUZZ_ROUTE || undefined,
    runsPerRoute: Number(env.FUZZ_RUNS_PER_ROUTE || 15),
    requestTimeoutMs: Number(env.FUZZ_REQUEST_TIMEOUT_MS || 5_000),
    shrink: env.FUZZ_SHRINK === '1',
  };
}

/**
 * The fault suite's knobs (apps/worker/test/faults): RESONANCE_FAULT_NODE_OPTIONS for the api and
 * worker it starts (e.g. --cpu-prof), RESONANCE_KEEP_FAULT_LOGS to keep their logs afterwards.
 */
export function faultTestSettings(env: NodeJS.ProcessEnv = process.env): { nodeOptions: string | undefined; keepLogs: boolean } {
  return { nodeOptions: env.RESONANCE_FAULT_NODE_OPTIONS || undefined, keepLogs: Boolean(env.RESONANCE_KEEP_FAULT_LOGS) };
}

/**
 * The bench's knobs (apps/cli/src/bench): BENCH_CPU_PROF_DIR makes the api and worker it starts
 * write CPU profiles there; BENCH_SIM_CONFIG is the sim's configuration a `--fleet` bench hands the
 * sim's own process (JSON).
 */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): { cpuProfileDir: string | undefined; simConfigJson: string | undefined } {
  return { cpuProfileDir: env.BENCH_CPU_PROF_DIR || undefined, simConfigJson: env.BENCH_SIM_CONFIG || undefined };
}

/** The VITE_* settings the dashboard's build reads, by name (sorted): part of what names a build. */
export function viteBuildSettings(env: NodeJS.ProcessEnv = process.env): Array<[string, string]> {
  return Object.keys(env)
    .filter((name) => name.startsWith('VITE_'))
    .sort()
    .map((name) => [name, env[name] ?? '']);
}

/** The sim's networks, each at its own origin (SIM_*_PORT), and the setting that points the product there. */
const SIM_NETWORK_SETTINGS = [
  { network: 'facebook', port: 'SIM_FACEBOOK_PORT', apiUrl: 'FACEBOOK_GRAPH_URL' },
  { network: 'x', port: 'SIM_X_PORT', apiUrl: 'X_API_URL' },
  { network: 'linkedin', port: 'SIM_LINKEDIN_PORT', apiUrl: 'LINKEDIN_API_URL' },
  { network: 'youtube', port: 'SIM_YOUTUBE_PORT', apiUrl: 'YOUTUBE_API_URL' },
  { network: 'xing', port: 'SIM_XING_PORT', apiUrl: 'XING_API_URL' },
  { network: 'instagram', port: 'SIM_INSTAGRAM_PORT', apiUrl: 'INSTAGRAM_API_URL' },
] as const;

export type SimNetworkName = (typeof SIM_NETWORK_SETTINGS)[number]['network'];
export type SimPortSetting = (typeof SIM_NETWORK_SETTINGS)[number]['port'];

/** The port setting of each network's own origin on the sim. */
export const simPortSettings = (): Record<SimNetworkName, SimPortSetting> =>
  Object.fromEntries(SIM_NETWORK_SETTINGS.map((s) => [s.network, s.port])) as Record<SimNetworkName, SimPortSetting>;

/**
 * The *_API_URL settings that point each network the operator has not configured at its own
 * origin on a sim run with this config (`resonance start` passes them to api and worker). A
 * network whose port is 0 (any free port) has no origin known in advance and keeps the default
 * (`${SIM_URL}/{network}` on the sim's shared origin).
 */
export function simNetworkUrls(config: Config): Partial<Record<(typeof SIM_NETWORK_SETTINGS)[number]['apiUrl'], string>> {
  const host = config.SIM_HOST === '0.0.0.0' || config.SIM_HOST === '::' ? '127.0.0.1' : config.SIM_HOST;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const scheme = config.SIM_TLS ? 'https' : 'http';
  const urls: Partial<Record<(typeof SIM_NETWORK_SETTINGS)[number]['apiUrl'], string>> = {};
  for (const s of SIM_NETWORK_SETTINGS) {
    const port = config[s.port];
    if (config[s.apiUrl] === undefined && port !== 0) urls[s.apiUrl] = `${scheme}://${hostPart}:${port}`;
  }
  return urls;
}
