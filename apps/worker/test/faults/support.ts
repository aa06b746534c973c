import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { RunningSim } from '@resonance/sim';
import { compareWithTruth, simJson, storedMessages, truthOf } from '../pipeline-support';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * A private redis-server for the test alone (never the machine's shared one), on a free loopback
 * port, with an append-only file fsynced on every write as BullMQ's Redis should run in production:
 * the test can SIGKILL it and start it again on the same port and data folder.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'resonance-redis-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        this.dir,
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitFor(async () => ((await this.ping()) ? true : undefined), 10_000, 'the private redis-server to answer');
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const child = spawn('redis-cli', ['-p', String(this.port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', () => resolve(out.includes('PONG')));
    });
  }

  /** A crash: SIGKILL, no shutdown save (the append-only file holds what was acknowledged). */
  async kill(): Promise<void> {
    const child = this.child;
    if (child?.exitCode !== null) return;
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }

  /** For process exit: no waiting. */
  killNow(): void {
    if (this.child?.exitCode === null) {
      this.child.kill('SIGCONT');
      this.child.kill('SIGKILL');
    }
  }

  /** SIGSTOP: connections stay open, nothing answers (a Redis that hangs: a full disk, a long fork). */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Waits until the database holds the sim's ground truth exactly (every comment and message once,
 * in the right thread). Returns the problems left when time ran out (none on success).
 */
export async function converge(
  ds: DataSource,
  sim: RunningSim,
  channelId: string,
  ms: number,
): Promise<{ problems: string[]; expected: number; stored: number; namesMissing: number }> {
  let cleanSince: number | undefined;
  const until = Date.now() + ms;
  for (;;) {
    const truth = (await truthOf(sim)).filter((t) => t.kind !== 'post');
    const rows = await storedMessages(ds, channelId);
    // Replies sent from Resonance are in the truth too; the comparison covers them.
    const sentIds = new Set(rows.filter((r) => r.delivery === 'sent').map((r) => r.external_id));
    // A reply sent from Resonance keeps the time the agent wrote it; the network stamps its arrival.
    // Author names of Messenger senders come only with a sync (webhooks carry ids): counted apart.
    const all = compareWithTruth(truth, rows).filter((p) => !(p.includes(': created ') && sentIds.has(p.slice(0, p.indexOf(':')))));
    const problems = all.filter((p) => !/: author \S+\/null, expected /.test(p));
    const namesMissing = all.length - problems.length;
    const expected = truth.length;
    const stored = rows.filter((r) => r.delivery === null || r.delivery === 'sent').length;
    if (problems.length) cleanSince = undefined;
    else cleanSince ??= Date.now();
    // Once nothing is missing or doubled, names get a few more seconds to arrive with a sync.
    const settled = cleanSince !== undefined && (!namesMissing || Date.now() - cleanSince > 10_000);
    if (settled || Date.now() > until) return { problems, expected, stored, namesMissing };
    await sleep(500);
  }
}

/** Turns sim faults on, each for `count` requests (or deliveries); returns how many of each were used. */
export async function withFaults(
  sim: RunningSim,
  faults: ReadonlyArray<{ kind: string; count: number; options?: Record<string, unknown> }>,
  during: () => Promise<void>,
): Promise<Record<string, number>> {
  for (const fault of faults) await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', ...fault } });
  const used: Record<string, number> = {};
  try {
    await during();
  } finally {
    // A fault leaves the list when its count is used up; what is left of a count was never injected.
    const left = (await simJson<{ faults: Array<{ kind: string; remaining: number | null }> }>(sim, '/_sim/faults')).faults;
    for (const fault of faults) used[fault.kind] = fault.count - (left.find((f) => f.kind === fault.kind)?.remaining ?? 0);
    await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook' } });
  }
  return used;
}
