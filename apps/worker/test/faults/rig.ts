import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Network } from '@resonance/contracts';
import { CredentialsCipher, createDataSource, ensureDatabase, runMigrations, type Workspace } from '@resonance/db';
import { DEMO_ACCOUNTS, DEMO_XING_CONSUMER, DEMO_YOUTUBE_CLIENT, startSim, type RunningSim } from '@resonance/sim';
import { childProcessEnv, faultTestSettings, loadConfig } from '@resonance/config';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { makeChannel, makeWorkspace, uniqueSuffix } from '@resonance/testing';
import { makeLoginUser, PASSWORD } from '../../../api/test/support';
import { simJson } from '../pipeline-support';
import { PrivatePostgres } from './private-postgres';
import { freePort, PrivateRedis, sleep, waitFor } from './support';

export const RIG_NETWORKS: readonly Network[] = ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'xing'];

/** Settings of the api and worker processes: fast syncs, and budgets that the test's own polling cannot use up. */
const PROCESS_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  DEMO_MODE: 'true',
  SYNC_INTERVAL_MS: '1000',
  SYNC_MIN_INTERVAL_MS: '500',
  SYNC_MAX_INTERVAL_MS: '2000',
  SYNC_LEASE_MS: '3000',
  RATE_LIMIT_MAX_DELAY_MS: '1000',
  API_WRITE_LIMIT_PER_MINUTE: '100000',
  X_MONTHLY_READ_BUDGET: '100000000',
  LINKEDIN_DAILY_CALL_BUDGET: '100000000',
  XING_CALLS_PER_MINUTE: '100000',
  XING_CONSUMER_KEY: DEMO_XING_CONSUMER.consumerKey,
  XING_CONSUMER_SECRET: DEMO_XING_CONSUMER.consumerSecret,
  YOUTUBE_CLIENT_ID: DEMO_YOUTUBE_CLIENT.clientId,
  YOUTUBE_CLIENT_SECRET: DEMO_YOUTUBE_CLIENT.clientSecret,
  YOUTUBE_DAILY_QUOTA_UNITS: '100000000',
  // Replies under older YouTube threads are found by the reconcile walk; every few seconds here.
  YOUTUBE_RECONCILE_EVERY_MS: '5000',
};

/** A child process of the rig (api or worker) that the test can SIGKILL and start again. */
class ChildApp {
  private child: ChildProcess | undefined;
  kills = 0;

  constructor(
    private readonly name: 'api' | 'worker',
    private readonly env: () => Record<string, string>,
    private readonly logFile: string,
  ) {}

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Exits the rig did not cause (the process crashed on its own); each is restarted as a supervisor would. */
  exitedOnItsOwn: Array<{ code: number | null; signal: string | null }> = [];
  stopped = false;

  start(): void {
    if (this.running) return;
    const log = openSync(this.logFile, 'a');
    const script = join(__dirname, '..', '..', '..', 'api', 'test', 'security', 'child', 'run-app.cjs');
    const child = spawn(process.execPath, [script, this.name], { env: childProcessEnv(this.env()), stdio: ['ignore', log, log] });
    closeSync(log);
    child.once('exit', (code, signal) => {
      if (this.child !== child) return; // killed by the rig
      this.child = undefined;
      this.exitedOnItsOwn.push({ code, signal });
      // As production's supervisor (systemd Restart=always, a container restart policy) does.
      if (!this.stopped) setTimeout(() => !this.stopped && this.start(), 1_000);
    });
    this.child = child;
  }

  /** SIGKILL: no shutdown hook runs, as a crash or an OOM kill. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child?.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.kills++;
  }

  /** For process exit: no waiting. */
  killNow(): void {
    this.stopped = true;
    if (this.running) this.child!.kill('SIGKILL');
  }
}

export interface RigChannel {
  network: Network;
  id: string;
}

/**
 * Every process of a Resonance installation, each one killable: a private PostgreSQL cluster and a
 * private Redis (never the machine's shared servers), the api and the worker as child processes
 * started as production starts them (apps/<name>/src/main.ts), and the sim with one channel on each
 * of the six networks, delivering signed webhooks to the api. Used by the fault suite and the soak.
 */
export class FaultRig {
  readonly dir = mkdtempSync(join(tmpdir(), 'resonance-fault-rig-'));
  readonly prefix = `fault-${uniqueSuffix()}`;
  pg!: PrivatePostgres;
  redis!: PrivateRedis;
  sim!: RunningSim;
  ds!: DataSource;
  api!: ChildApp;
  worker!: ChildApp;
  databaseUrl!: string;
  apiUrl!: string;
  channels: RigChannel[] = [];
  workspaceId!: string;
  session!: { cookie: string; csrf: string };
  private readonly onExit = () => this.killEverythingNow();

  constructor(private readonly options: { simSeed?: number; logLevel?: string } = {}) {}

  channel(network: Network): RigChannel {
    return this.channels.find((c) => c.network === network)!;
  }

  private env(): Record<string, string> {
    const apiPort = new URL(this.apiUrl).port;
    return {
      ...PROCESS_ENV,
      LOG_LEVEL: this.options.logLevel ?? PROCESS_ENV.LOG_LEVEL,
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: this.prefix,
      SIM_URL: this.sim.url,
      API_HOST: '127.0.0.1',
      API_PORT: apiPort,
      PUBLIC_URL: this.apiUrl,
      ...(faultTestSettings().nodeOptions ? { NODE_OPTIONS: faultTestSettings().nodeOptions } : {}),
    };
  }

  async start(): Promise<void> {
    process.once('exit', this.onExit);
    this.pg = new PrivatePostgres(await freePort());
    await this.pg.start();
    this.redis = new PrivateRedis(await freePort());
    await this.redis.start();
    this.databaseUrl = this.pg.url('resonance_faults');
    await ensureDatabase(this.databaseUrl);
    this.ds = await createDataSource({ url: this.databaseUrl, poolSize: 5, applicationName: 'fault-rig' }).initialize();
    await runMigrations(this.ds);
    this.apiUrl = `http://127.0.0.1:${await freePort()}`;
    this.sim = await startSim({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 0,
      SIM_SEED: this.options.simSeed ?? 11,
      SIM_TRAFFIC_PER_MINUTE: 0,
      SIM_WEBHOOK_URL: `${this.apiUrl}/api/webhooks`,
      // A restarted api takes a few seconds to listen again: the last retries reach it.
      SIM_WEBHOOK_RETRY_DELAYS_MS: '200,1000,3000,8000,15000',
    });
    await this.raiseSimLimits();
    const env = loadConfig({ ...PROCESS_ENV, ...this.env() });
    await prepareQueueBackend(createQueueBackend({ redisUrl: env.REDIS_URL, databaseUrl: this.databaseUrl, prefix: this.prefix }));

    const workspace = await makeWorkspace(this.ds);
    this.workspaceId = workspace.id;
    const cipher = new CredentialsCipher(env.ENCRYPTION_KEY);
    for (const network of RIG_NETWORKS) {
      const demo = DEMO_ACCOUNTS.find((a) => a.network === network)!;
      const channel = await makeChannel(this.ds, workspace, {
        network,
        externalId: demo.externalId,
        displayName: demo.displayName,
        credentialsEncrypted: cipher.encrypt(demo.credentials),
      });
      this.channels.push({ network, id: channel.id });
    }
    const user = await makeLoginUser(this.ds, { id: workspace.id } as Workspace, 'admin');

    this.api = new ChildApp('api', () => this.env(), join(this.dir, 'api.log'));
    this.worker = new ChildApp('worker', () => this.env(), join(this.dir, 'worker.log'));
    await this.startApi();
    this.worker.start();
    const login = await fetch(`${this.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    this.session = {
      cookie: login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
  }

  /** The sim's call limits sized for syncs every second on six channels (the faults exhaust them on purpose, not the polling). */
  private async raiseSimLimits(): Promise<void> {
    await simJson(this.sim, '/_sim/facebook/limits', { method: 'POST', body: { appCallsPerHour: 1_000_000, pageCallsPerHour: 1_000_000 } });
    await simJson(this.sim, '/_sim/instagram/limits', { method: 'POST', body: { appCallsPerHour: 1_000_000, pageCallsPerHour: 1_000_000 } });
    await simJson(this.sim, '/_sim/x/limits', { method: 'POST', body: { windowSeconds: 1 } });
    await simJson(this.sim, '/_sim/linkedin/limits', { method: 'POST', body: { appCallsPerDay: 100_000_000, memberCallsPerDay: 100_000_000 } });
    await simJson(this.sim, '/_sim/xing/limits', { method: 'POST', body: { callsPerMinute: 1_000_000 } });
    await simJson(this.sim, '/_sim/youtube/quota', { method: 'POST', body: { dailyUnits: 1_000_000_000 } });
  }

  async startApi(): Promise<void> {
    this.api.start();
    await waitFor(async () => ((await fetch(`${this.apiUrl}/api/health`)).ok ? true : undefined), 90_000, 'the api process to answer');
  }

  async restartApi(): Promise<void> {
    await this.api.kill();
    await this.startApi();
  }

  async restartWorker(): Promise<void> {
    await this.worker.kill();
    this.worker.start();
  }

  /** A call to the api as the signed-in admin; a killed api answers status 0. */
  async call(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    try {
      const res = await fetch(`${this.apiUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { cookie: this.session.cookie, 'x-csrf-token': this.session.csrf, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch (error) {
      return { status: 0, body: { error: (error as Error).message } };
    }
  }

  /** A browser navigation to the api with the admin's session cookie (no redirect followed); a killed api answers undefined. */
  async navigate(pathAndQuery: string): Promise<Response | undefined> {
    return fetch(`${this.apiUrl}${pathAndQuery}`, { headers: { cookie: this.session.cookie }, redirect: 'manual' }).catch(() => undefined);
  }

  generate(count: number, network?: Network): Promise<unknown> {
    return simJson(this.sim, '/_sim/generate', { method: 'POST', body: { count, ...(network ? { network } : {}) } });
  }

  /** Turns a sim fault on for one network or all ('*'). */
  fault(network: Network | '*', fault: { kind: string; count?: number; probability?: number; options?: Record<string, unknown> }): Promise<unknown> {
    return simJson(this.sim, '/_sim/faults', { method: 'POST', body: { network, ...fault } });
  }

  /** The faults still on, with what is left of their counts (a fault leaves the list when its count is used up). */
  async activeFaults(): Promise<Array<{ network: string; kind: string; remaining: number | null }>> {
    return (await simJson<{ faults: Array<{ network: string; kind: string; remaining: number | null }> }>(this.sim, '/_sim/faults')).faults;
  }

  clearFaults(): Promise<unknown> {
    return simJson(this.sim, '/_sim/faults', { method: 'DELETE', body: {} });
  }

  /** Webhook deliveries the sim has made so far (any state). */
  async webhookDeliveries(state?: 'pending' | 'delivered' | 'failed'): Promise<number> {
    const { deliveries } = await simJson<{ deliveries: Array<{ state: string }> }>(this.sim, '/_sim/webhooks');
    return state ? deliveries.filter((d) => d.state === state).length : deliveries.length;
  }

  /** Waits until every channel has stored at least `n` messages (the first syncs ran). */
  async waitForMessages(n: number, ms = 120_000): Promise<void> {
    await waitFor(
      async () => {
        const rows = await this.ds.query<
          Array<{
            id: string;
            n: number;
          }>
        >(`SELECT channel_account_id::text AS id, count(*)::int AS n FROM message GROUP BY 1`);
        return this.channels.every((c) => (rows.find((r) => r.id === c.id)?.n ?? 0) >= n) ? true : undefined;
      },
      ms,
      `every channel to hold ${n} messages`,
    );
  }

  /** Processes that ended without the rig killing them (a crash of their own). */
  unexpectedExits(): string[] {
    return [
      ...this.api.exitedOnItsOwn.map((e) => `api exited on its own (code ${e.code}, signal ${e.signal})`),
      ...this.worker.exitedOnItsOwn.map((e) => `worker exited on its own (code ${e.code}, signal ${e.signal})`),
    ];
  }

  private killEverythingNow(): void {
    this.api?.killNow();
    this.worker?.killNow();
    this.redis?.killNow();
    this.pg?.killNow();
  }

  async stop(): Promise<void> {
    if (this.worker) this.worker.stopped = true;
    if (this.api) this.api.stopped = true;
    await this.worker?.kill().catch(() => undefined);
    await this.api?.kill().catch(() => undefined);
    await this.sim?.close().catch(() => undefined);
    if (this.ds?.isInitialized) await this.ds.destroy().catch(() => undefined);
    await this.redis?.stop().catch(() => undefined);
    await this.pg?.stop().catch(() => undefined);
    process.removeListener('exit', this.onExit);
    if (!faultTestSettings().keepLogs) rmSync(this.dir, { recursive: true, force: true });
  }

  /** The last lines of a child's log (for a failure message). */
  logTail(name: 'api' | 'worker', lines = 30): string {
    try {
      const text = readFileSync(join(this.dir, `${name}.log`), 'utf8');
      return text.split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

export { sleep };
