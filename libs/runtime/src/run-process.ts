import { ConfigError, loadConfig, type Config } from '@resonance/config';
import { checkDatabase, checkQueueRedis, StartupError } from './preflight';

export interface ProcessContext {
  config: Config;
  databaseUrl: string;
}

export interface Closable {
  close(): Promise<void>;
}

/**
 * The life of one Resonance process (api, worker, sim): validate the configuration, make sure
 * PostgreSQL and Redis answer, start, and stop cleanly on SIGINT/SIGTERM. Every failure an operator
 * can fix ends the process with one line that names it.
 */
export function runProcess(name: string, start: (ctx: ProcessContext) => Promise<Closable>, options: { needsDatabase?: boolean } = {}): void {
  const needsDatabase = options.needsDatabase ?? true;
  let handle: Closable | undefined;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await handle?.close();
      process.exit(0);
    } catch (error) {
      console.error(`resonance ${name}: error while stopping on ${signal}: ${(error as Error).message}`);
      process.exit(1);
    }
  };

  (async () => {
    const config = loadConfig();
    if (needsDatabase && !config.DATABASE_URL) {
      throw new StartupError('DATABASE_URL is not set (only `resonance start` runs an embedded PostgreSQL)');
    }
    const databaseUrl = config.DATABASE_URL ?? '';
    if (needsDatabase) await checkDatabase(databaseUrl);
    if (needsDatabase) await checkQueueRedis(config);
    handle = await start({ config, databaseUrl });
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  })().catch((error: unknown) => {
    console.error(`resonance ${name}: ${describeStartupFailure(error)}`);
    process.exit(1);
  });
}

export function describeStartupFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  const e = error as { code?: string; message?: string };
  if (e.code === 'EADDRINUSE') return `port already in use (${e.message})`;
  return e.message ?? String(error);
}
