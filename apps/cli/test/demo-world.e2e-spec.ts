import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NETWORKS } from '@resonance/contracts';
import { testServices } from '@resonance/config';
import { dropDatabase, withDatabase } from '@resonance/db';
import { uniqueSuffix } from '@resonance/testing';
import { simNetworkPorts } from './start-harness';

// The first impression: `resonance start` on a fresh database shows every network with history
// and every report with numbers within a minute, and a restart continues the world.
const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'resonance.cjs');
const FIRST_LOOK_MS = 60_000;

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

interface ThreadItem {
  id: string;
  network: string;
  firstInboundAt: string | null;
  lastMessageAt: string;
}

class Product {
  private child: ChildProcess | null = null;
  output = '';
  private cookie = '';

  constructor(readonly env: Record<string, string>) {}

  get api(): string {
    return `http://127.0.0.1:${this.env.API_PORT}/api`;
  }

  /** Starts `resonance start`; resolves when the api answers its health check (it listens). */
  async start(): Promise<number> {
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (b: Buffer) => (this.output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (this.output += b.toString('utf8')));
    const until = Date.now() + 90_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`resonance start exited early (${child.exitCode}):\n${this.output}`);
      const ok = await fetch(`${this.api}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        console.log(`resonance start answered after ${Date.now() - (until - 90_000)} ms`);
        return Date.now();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no healthy answer in 90 s:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child?.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  async login(): Promise<void> {
    const res = await fetch(`${this.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'analyst@demo.local', password: 'resonance' }),
    });
    expect(res.status).toBe(200);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.api}${path}`, { headers: { cookie: this.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async allThreads(): Promise<ThreadItem[]> {
    const all: ThreadItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ThreadItem[]; nextCursor: string | null } = await this.get(
        `/threads?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
}

/** What a newcomer looks at: threads per network and the three reports' numbers. */
async function firstLook(product: Product): Promise<{ networks: string[]; responses: number; comments: number; intents: number }> {
  const networks: string[] = [];
  for (const network of NETWORKS) {
    const page = await product.get<{ items: ThreadItem[] }>(`/threads?network=${network}&limit=1`);
    if (page.items.length > 0) networks.push(network);
  }
  const times = await product.get<{ rows: Array<{ firstResponse: { count: number } }> }>('/reports/response-times?period=30d&interval=total');
  const resonance = await product.get<{ rows: Array<{ comments: number }> }>('/reports/resonance?period=30d&interval=total');
  const intents = await product.get<{ rows: Array<{ messages: number; intents: Record<string, { count: number }> }> }>(
    '/reports/intents?period=30d&interval=total',
  );
  const classified = intents.rows.reduce((s, r) => s + r.messages - (r.intents.unclassified?.count ?? 0), 0);
  return {
    networks,
    responses: times.rows.reduce((s, r) => s + r.firstResponse.count, 0),
    comments: resonance.rows.reduce((s, r) => s + r.comments, 0),
    intents: classified,
  };
}

describe('the demo on first start', () => {
  it('shows threads from all five networks and every report with numbers within 60 s, and continues the world after a restart', async () => {
    const services = testServices();
    const databaseUrl = withDatabase(services.databaseUrl, `resonance_demo_${uniqueSuffix()}`);
    const dir = mkdtempSync(join(tmpdir(), 'resonance-demo-world-'));
    const apiPort = await freePort();
    const simPort = await freePort();
    const product = new Product({
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: `demo-${uniqueSuffix()}`,
      API_PORT: String(apiPort),
      SIM_PORT: String(simPort),
      SIM_URL: `http://127.0.0.1:${simPort}`,
      ...(await simNetworkPorts()),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      SIM_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/api/webhooks`,
      SIM_STATE_FILE: join(dir, 'sim-world.json'),
      SIM_TRAFFIC_PER_MINUTE: '6', // the default: the first look comes from the history, not from fast traffic
    });
    try {
      const listening = await product.start();
      await product.login();
      let look = await firstLook(product);
      while (
        !(look.networks.length === NETWORKS.length && look.responses > 0 && look.comments > 0 && look.intents > 0) &&
        Date.now() - listening < FIRST_LOOK_MS
      ) {
        await new Promise((r) => setTimeout(r, 2_000));
        look = await firstLook(product);
      }
      console.log(`demo first look after ${Date.now() - listening} ms: ${JSON.stringify(look)}`);
      expect(look.networks.sort()).toEqual([...NETWORKS].sort());
      expect(look.responses).toBeGreaterThan(0);
      expect(look.comments).toBeGreaterThan(0);
      expect(look.intents).toBeGreaterThan(0);
      // The perception gap: customers ask about discounts and buying far more than the posts talk about deals.
      const { perceptionGap } = await product.get<{ perceptionGap: Array<{ topic: string; gap: number }> }>('/reports/intents?period=30d&interval=total');
      expect(perceptionGap.find((g) => g.topic === 'deals')!.gap).toBeGreaterThan(0.2);

      // A restart (same database, same world file) continues the world: new items are new threads
      // with new ids. Run 1 makes 100 more items; if run 2 repeated run 1's ids, its first 100
      // items (100 s at 60 a minute) would land in run 1's threads and no new thread could appear
      // in the 15 s checked below.
      const generated = await fetch(`http://127.0.0.1:${simPort}/_sim/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"count":100}',
      });
      expect(generated.status).toBe(200);
      await new Promise((r) => setTimeout(r, 3_000)); // the sim saves its world every 2 s (and on stop)
      const before = new Set((await product.allThreads()).map((t) => t.id));
      const stoppedAt = Date.now();
      await product.stop();
      product.env.SIM_TRAFFIC_PER_MINUTE = '60';
      const restarted = await product.start();
      expect(product.output).toMatch(/continuing the world with 30 days of history/);
      await product.login();
      let fresh: ThreadItem[] = [];
      while (fresh.length === 0 && Date.now() - restarted < 15_000) {
        await new Promise((r) => setTimeout(r, 1_000));
        const page = await product.get<{ items: ThreadItem[] }>('/threads?limit=50');
        fresh = page.items.filter((t) => !before.has(t.id));
      }
      console.log(`demo restart: first new thread ${Date.now() - restarted} ms after the api answered`);
      expect(fresh.length).toBeGreaterThan(0);
      expect(Date.parse(fresh[0].firstInboundAt ?? fresh[0].lastMessageAt)).toBeGreaterThan(stoppedAt);
    } finally {
      await product.stop();
      await dropDatabase(databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
