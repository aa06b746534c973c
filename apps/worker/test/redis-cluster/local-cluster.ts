import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/** Debian's redis-server and redis-cli, or why they cannot be used. */
export function redisBinaries(): { server: string; cli: string } | { missing: string } {
  const server = '/usr/bin/redis-server';
  const cli = '/usr/bin/redis-cli';
  if (!existsSync(server) || !existsSync(cli)) return { missing: `${server} or ${cli} is not installed (Debian package redis-server)` };
  return { server, cli };
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Node {
  port: number;
  child: ChildProcess;
}

/**
 * A Redis Cluster of 3 masters with one replica each, from Debian's redis-server, on free loopback
 * ports and a temporary folder (no persistence: the test kills processes, not the machine).
 * `redis-cli --cluster create` assigns the slots and the replicas. stop() kills every node it
 * started (by pid) and removes the folder.
 */
export class LocalRedisCluster {
  private readonly root = mkdtempSync(join(tmpdir(), 'resonance-redis-cluster-'));
  private nodes: Node[] = [];
  /** A test run that ends without stop() (a timeout, --forceExit) still takes its nodes along. */
  private readonly killAll = () => {
    for (const node of this.live()) node.child.kill('SIGKILL');
  };

  constructor(private readonly bin: { server: string; cli: string }) {
    process.once('exit', this.killAll);
  }

  /** The REDIS_CLUSTER_NODES value: every master and replica. */
  get urls(): string[] {
    return this.nodes.map((n) => `redis://127.0.0.1:${n.port}`);
  }

  async start(): Promise<void> {
    for (let i = 0; i < 6; i++) {
      const port = await freePort();
      const dir = join(this.root, String(port));
      mkdirSync(dir);
      const child = spawn(
        this.bin.server,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          // A dead master is failed over after ~2 s instead of the default 15 s (1 s flapped on a busy
          // machine), and its replica may always take over: a replica whose link looked old under load
          // (validity factor 10 × node timeout) refused to, and the cluster never became healthy (full run).
          '--cluster-node-timeout',
          '2000',
          '--cluster-replica-validity-factor',
          '0',
          '--save',
          '',
          '--appendonly',
          'no',
          '--maxmemory-policy',
          'noeviction',
        ],
        { stdio: 'ignore' },
      );
      this.nodes.push({ port, child });
    }
    for (const node of this.nodes) await this.waitUntil(() => this.ping(node.port), 15_000, `redis-server on ${node.port} to answer`);
    const create = spawnSync(
      this.bin.cli,
      ['--cluster', 'create', ...this.nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stderr || create.stdout}`);
    await this.waitUntilHealthy();
  }

  private async ping(port: number): Promise<boolean> {
    const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  }

  private async command<T>(port: number, run: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      return await run(redis);
    } finally {
      redis.disconnect();
    }
  }

  private async waitUntil(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
    const until = Date.now() + ms;
    while (!(await probe().catch(() => false))) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(200);
    }
  }

  /** Every live node says cluster_state:ok and the live nodes hold 3 masters. */
  async waitUntilHealthy(ms = 60_000): Promise<void> {
    await this.waitUntil(
      async () => {
        for (const node of this.live()) {
          const info = await this.command(node.port, (r) => r.cluster('INFO'));
          if (!info.includes('cluster_state:ok')) return false;
        }
        return (await this.masters()).length === 3;
      },
      ms,
      'the Redis Cluster to be healthy',
    );
  }

  private live(): Node[] {
    return this.nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null);
  }

  /** The ports of the live masters, as a live node sees them. */
  async masters(): Promise<number[]> {
    const [asker] = this.live();
    const text = String(await this.command(asker.port, (r) => r.cluster('NODES')));
    return text
      .split('\n')
      .filter((line) => {
        const flags = line.split(' ')[2]?.split(',') ?? [];
        return flags.includes('master') && !flags.includes('fail') && !flags.includes('fail?');
      })
      .map((line) => Number(/:(\d+)@/.exec(line)?.[1]))
      .filter((port) => this.live().some((n) => n.port === port));
  }

  /** The port of the master that serves the slot of `key` (e.g. the queue prefix's hash tag). */
  async masterOf(key: string): Promise<number> {
    const [asker] = this.live();
    const slot = await this.command(asker.port, (r) => r.cluster('KEYSLOT', key));
    const slots = await this.command(asker.port, (r) => r.cluster('SLOTS'));
    const range = slots.find(([from, to]) => slot >= from && slot <= to);
    const master = range?.[2];
    if (!master) throw new Error(`no node serves slot ${slot}`);
    return master[1];
  }

  /** A master's death: SIGKILL, no shutdown; its replica takes over after the node timeout. */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port);
    if (!node) throw new Error(`no node on ${port}`);
    const exited = new Promise((r) => node.child.once('exit', r));
    node.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    process.removeListener('exit', this.killAll);
    await Promise.all(
      this.live().map(async (node) => {
        const exited = new Promise((r) => node.child.once('exit', r));
        node.child.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(this.root, { recursive: true, force: true });
  }
}
