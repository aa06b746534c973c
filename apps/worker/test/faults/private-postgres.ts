import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from './support';

/** Debian's PostgreSQL binaries (/usr/lib/postgresql/<major>/bin), newest major first. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) if (existsSync(join(root, major, 'bin', 'postgres'))) return join(root, major, 'bin');
  throw new Error(`no PostgreSQL server binaries under ${root} (install the Debian package postgresql)`);
}

/** The uid/gid of the `postgres` OS user: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0)
    throw new Error('running as root needs the OS user "postgres" to own a private PostgreSQL cluster');
  return { uid, gid };
}

/**
 * A private PostgreSQL cluster for one test run (never the machine's shared one on 5432): initdb'd
 * into a temporary folder, on its own loopback port, so the test can crash the whole server —
 * SIGKILL of the postmaster and every backend, as an OOM kill or a power cut of the process would
 * — and start it again on the same data, which then goes through crash recovery. Run as root (CI),
 * the server runs as the OS user `postgres`, who owns the data folder.
 *
 * fsync is off: the faults here kill processes, not the machine, and the kernel's page cache
 * outlives a killed process, so durability is the same and the shared 2-core machine is spared.
 */
export class PrivatePostgres {
  private child: ChildProcess | undefined;
  private readonly root = mkdtempSync(join(tmpdir(), 'resonance-pg-'));
  private readonly data = join(this.root, 'data');
  private readonly bin = postgresBin();
  private readonly user = postgresUser();
  crashes = 0;

  constructor(readonly port: number) {}

  /** The URL of a database in this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private own(path: string): void {
    if (this.user) chownSync(path, this.user.uid, this.user.gid);
  }

  /** initdb (first time only) and start the server; resolves once it accepts connections. */
  async start(): Promise<void> {
    if (!existsSync(join(this.data, 'PG_VERSION'))) {
      chmodSync(this.root, 0o755); // the postgres user must reach its folders below the root-owned temp folder
      mkdirSync(this.data, { mode: 0o700 });
      this.own(this.data);
      const init = spawnSync(join(this.bin, 'initdb'), ['-D', this.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C'], {
        encoding: 'utf8',
        ...(this.user ?? {}),
      });
      if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    }
    this.child = spawn(
      join(this.bin, 'postgres'),
      [
        '-D',
        this.data,
        '-p',
        String(this.port),
        '-k',
        this.data,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'max_connections=200',
        '-c',
        'shared_buffers=32MB',
      ],
      // Its own process group: a crash kills the postmaster and all its backends at once.
      { stdio: 'ignore', detached: true, ...(this.user ?? {}) },
    );
    await waitFor(async () => ((await this.answers()) ? true : undefined), 60_000, 'the private PostgreSQL to accept connections');
  }

  private async answers(): Promise<boolean> {
    const client = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** A crash: SIGKILL to the postmaster and every backend; no shutdown checkpoint. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
    // Backends are gone with the group; wait until none still holds the data folder's lock.
    await waitFor(
      () => Promise.resolve(spawnSync('pgrep', ['-g', String(child.pid)]).status !== 0 ? true : undefined),
      10_000,
      'the killed PostgreSQL backends to exit',
    );
    this.child = undefined;
    this.crashes++;
  }

  /** For process exit: no waiting (the folder stays in the temp dir). */
  killNow(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Crash, then start again on the same data (crash recovery replays the WAL). */
  async restart(downMs = 0): Promise<void> {
    await this.crash();
    if (downMs) await new Promise((r) => setTimeout(r, downMs));
    await this.start();
  }

  /** Stops the server (fast) and removes its folder. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGINT'); // fast shutdown: backends end, no waiting for clients
      } catch {
        child.kill('SIGINT');
      }
      const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
      if (!killed) await this.crash();
    }
    this.child = undefined;
    rmSync(this.root, { recursive: true, force: true });
  }
}
