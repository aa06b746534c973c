import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Debian's PostgreSQL server binaries (/usr/lib/postgresql/<major>/bin, newest first); undefined when none is installed. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  const needed = ['initdb', 'postgres', 'pg_basebackup'];
  for (const major of majors) {
    const bin = join(root, major, 'bin');
    if (needed.every((name) => existsSync(join(bin, name)))) return bin;
  }
  return undefined;
}

/** The uid/gid of the OS user `postgres` when running as root (PostgreSQL refuses root); undefined otherwise. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) throw new Error('running as root needs the OS user "postgres" to run PostgreSQL');
  return { uid, gid };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
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

/** One PostgreSQL server process of the pair, in its own process group (so a stop takes every backend). */
class Server {
  child: ChildProcess | undefined;

  constructor(
    readonly data: string,
    readonly port: number,
  ) {}

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(bin: string, user: { uid: number; gid: number } | undefined): Promise<void> {
    const args = ['-D', this.data, '-p', String(this.port), '-k', this.data, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=60'];
    this.child = spawn(join(bin, 'postgres'), args, { stdio: 'ignore', detached: true, ...(user ?? {}) });
    const until = Date.now() + 60_000;
    while (!(await answers(this.url()))) {
      if (this.child.exitCode !== null) throw new Error(`PostgreSQL on port ${this.port} exited with ${this.child.exitCode}`);
      if (Date.now() > until) throw new Error(`PostgreSQL on port ${this.port} did not accept connections in 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Fast shutdown (SIGINT), SIGKILL of the group when it does not end in 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // already gone
      }
    };
    signal('SIGINT');
    const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!done) {
      signal('SIGKILL');
      await exited;
    }
  }
}

/**
 * A private primary and a streaming replica of it (pg_basebackup -R, hot standby) on two free
 * loopback ports, in one temporary folder: never the machine's shared PostgreSQL. Run as root (CI),
 * both servers run as the OS user `postgres`, who owns their folders. stop() ends both process
 * groups and removes the folder.
 */
export class StreamingPair {
  private readonly user = postgresUser();
  private readonly root = mkdtempSync(join(tmpdir(), 'resonance-rr-'));
  primary: Server | undefined;
  replica: Server | undefined;

  constructor(private readonly bin: string) {}

  private folder(name: string): string {
    const path = join(this.root, name);
    mkdirSync(path, { mode: 0o700 });
    if (this.user) chownSync(path, this.user.uid, this.user.gid);
    return path;
  }

  private run(program: string, args: string[]): void {
    const result = spawnSync(join(this.bin, program), args, { encoding: 'utf8', timeout: 120_000, ...(this.user ?? {}) });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout || String(result.error)}`);
  }

  async start(): Promise<void> {
    chmodSync(this.root, 0o755); // the postgres user must reach its folders below the root-owned temp folder
    this.primary = new Server(this.folder('primary'), await freePort());
    // initdb's trust pg_hba.conf lets local and 127.0.0.1 replication connections in.
    this.run('initdb', ['-D', this.primary.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C']);
    await this.primary.start(this.bin, this.user);
    this.replica = new Server(this.folder('replica'), await freePort());
    this.run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.primary.port),
      '-U',
      'postgres',
      '-D',
      this.replica.data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    await this.replica.start(this.bin, this.user);
  }

  /** Runs one statement on the replica (pause or resume its WAL replay). */
  async onReplica(sql: string): Promise<void> {
    const client = new Client({ connectionString: this.replica!.url(), connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async stopReplica(): Promise<void> {
    await this.replica?.stop();
  }

  async stop(): Promise<void> {
    await this.replica?.stop();
    await this.primary?.stop();
    rmSync(this.root, { recursive: true, force: true });
  }
}
