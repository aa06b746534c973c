import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig, testServices } from '@resonance/config';
import { hashPassword, sqlClient } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createBenchDatabase } from '../database';
import { ApiClient, BROWSER_CONNECTIONS } from '../http';
import { freePort, startProductProcess, waitFor, type ProductProcess } from '../processes';
import { removeQueueKeys } from '../queue-keys';
import { startSimProcess, type SimProcess } from '../sim-process';
import { productEnv, withTimeout } from '../run';
import { round, sleep, summarize, type Timings } from '../stats';
import { loadAverage, processCpuMs } from '../fleet/process-cpu';
import { createWorld } from '../world';
import { ApiProbe, type ApiProbeResult } from './api-probe';
import { agentLoop, LiveRefetch, type AgentTimings } from './agent-loop';
import { countLiveMessages, insertAgents } from './agents.queries';
import { CommitClock } from './commit-clock';
import { EventLatency } from './event-latency';
import { LiveStream } from './live-stream';

export interface AgentsOptions {
  agents: number;
  commentsPerSecond: number;
  durationMs: number;
}

export interface AgentsResult {
  scenario: 'agents';
  agents: number;
  commentsPerSecondOffered: number;
  /** Comments the worker stored per second over the measurement (the sim got commentsPerSecondOffered). */
  commentsPerSecondStored: number;
  durationMs: number;
  /** GET /api/threads?limit=50 as the agents issued it (target p95 ≤ 50 ms). */
  inboxList: Timings & { liveRefetches: number };
  threadOpen: Timings;
  replies: Timings;
  agentErrors: number;
  /** GETs sent again after the api had closed their idle keep-alive connection (ApiClient, as a browser does). */
  staleConnectionRetries: number;
  /** agentErrors by what failed (countError in agent-loop.ts). */
  agentErrorKinds: Record<string, number>;
  /** From the ingest commit to the event's arrival on the watched streams (target p95 ≤ 1 s). */
  liveEvent: Timings & { watchedStreams: number; unmatched: number };
  /** Events all streams received. */
  streamEvents: number;
  api: { peakRssMb: number; cpuCores: number };
  worker: { peakRssMb: number; cpuCores: number };
  /** The load generator (this process: agents, streams) and its own CPU. */
  generatorCpuCores: number;
  /** The sim (a process of its own, as the networks are elsewhere: the worker's fetches do not wait on the agents' event loop). */
  simCpuCores: number;
  /**
   * Where a request's time went: the api's own latency per route (its /metrics histogram), its
   * database pool, and on the load generator's side the time requests waited for their agent's
   * connection and this process's event-loop delay (both inflate the agents' timings above).
   */
  breakdown: ApiProbeResult & {
    apiCpuMsPerRequest: number;
    clientSocketWaitMsPerRequest: number;
    generatorEventLoopDelayMs: { p50: number; p99: number; max: number };
  };
  loadAverage: number;
  withinTargets: { inboxList: boolean; liveEvent: boolean };
}

const POLL_INTERVAL_MS = 1_000;
/** Every tenth stream is watched (its events parsed and timed); fan-out order covers first to last subscriber. */
const WATCH_EVERY = 10;
const FEED_TICK_MS = 100;

/** `resonance bench --agents <n>`: n agents with live streams working while comments arrive through ingest. */
export async function runAgentsBenchmark(options: AgentsOptions, log: (line: string) => void): Promise<AgentsResult> {
  const config = loadConfig();
  const services = testServices();
  const redisUrl = config.REDIS_URL ?? services.redisUrl;
  const db = await createBenchDatabase(config.DATABASE_URL ?? services.databaseUrl);
  const queuePrefix = `bench_${randomBytes(4).toString('hex')}`;
  const processes: ProductProcess[] = [];
  const clients: ApiClient[] = [];
  const streams: LiveStream[] = [];
  const clock = new CommitClock(db.url);
  let sim: SimProcess | undefined;
  try {
    const ds = db.dataSource;
    const world = await createWorld(ds, config);
    const password = `agents-${randomBytes(6).toString('hex')}`;
    const agents = await insertAgents.run({ workspaceId: world.workspaceId, passwordHash: await hashPassword(password), count: options.agents }, sqlClient(ds));
    sim = await startSimProcess({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 0,
      SIM_SEED: 42,
      SIM_TRAFFIC_PER_MINUTE: 0,
      SIM_WEBHOOK_URL: 'off',
      SIM_WEBHOOK_RETRY_DELAYS_MS: '200,500',
    });
    sim.useGenerator({
      seed: 'bench:agents',
      startTime: Date.now() - 3_600_000,
      perMinute: options.commentsPerSecond * 60,
      kinds: { post: 0.05, comment: 50, reply: 14, accountReply: 0, message: 0, accountMessage: 0 },
    });
    // The inbox the agents start with: a few thousand comments, stored before the clock runs.
    const initial = 3_000;
    sim.feed(initial, Date.now());
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    const metricsToken = randomBytes(24).toString('hex');
    const env = { ...productEnv(config, { databaseUrl: db.url, redisUrl, prefix: queuePrefix, simUrl: sim.url, port }), METRICS_TOKEN: metricsToken };
    await prepareQueueBackend(createQueueBackend({ redisUrl, databaseUrl: db.url, prefix: queuePrefix }));
    const api = startProductProcess('api', env);
    processes.push(api);
    const worker = startProductProcess('worker', {
      ...env,
      SYNC_INTERVAL_MS: String(POLL_INTERVAL_MS),
      SYNC_MIN_INTERVAL_MS: String(POLL_INTERVAL_MS),
      SYNC_MAX_INTERVAL_MS: String(POLL_INTERVAL_MS),
    });
    processes.push(worker);
    await withTimeout(Promise.all([api.ready, worker.ready]), 120_000, 'the api and worker to start');
    await waitFor(
      async () => ((await countLiveMessages.run({ channelId: world.liveChannelId }, sqlClient(ds)))[0].n >= initial ? true : undefined),
      180_000,
      `the first ${initial} comments to be stored`,
      500,
    );

    // Sign every agent in (one after another: each sign-in is a scrypt on the api) and open its stream.
    await clock.start();
    const liveLatency: number[] = [];
    const watchers: EventLatency[] = [];
    const timings: AgentTimings = { inboxList: [], liveRefetches: 0, threadOpen: [], replies: [], errors: 0, errorKinds: {} };
    const refetchers: LiveRefetch[] = [];
    for (const [i, agent] of agents.entries()) {
      // The dashboard's requests go side by side as a browser sends them (a live refetch asks for the list, thread and messages at once).
      const client = new ApiClient(apiUrl, BROWSER_CONNECTIONS);
      await client.login(agent.email, password);
      clients.push(client);
      const watcher = i % WATCH_EVERY === 0 ? new EventLatency(clock, liveLatency) : null;
      if (watcher) watchers.push(watcher);
      const refetch = new LiveRefetch(client, timings);
      refetchers.push(refetch);
      const stream = new LiveStream(apiUrl, client.cookieHeader, watcher ? (e) => watcher.onEvent(e) : null, (type) => refetch.changed(type));
      await stream.open();
      streams.push(stream);
    }
    log(`agents: ${agents.length} signed in with live streams; comments arrive at ${options.commentsPerSecond}/s for ${options.durationMs} ms`);

    const [storedBefore] = await countLiveMessages.run({ channelId: world.liveChannelId }, sqlClient(ds));
    const cpuBefore = {
      api: processCpuMs(api.child.pid) ?? 0,
      worker: processCpuMs(worker.child.pid) ?? 0,
      sim: processCpuMs(sim.pid) ?? 0,
      generator: process.cpuUsage(),
    };
    const probe = new ApiProbe(apiUrl, metricsToken);
    await probe.start();
    const requestsBefore = clients.reduce((n, c) => n + c.requests, 0);
    const socketWaitBefore = clients.reduce((n, c) => n + c.socketWaitMs, 0);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const start = performance.now();
    const until = start + options.durationMs;
    const simProcess = sim;
    const feeding = (async () => {
      let sent = 0;
      while (performance.now() < until) {
        const due = Math.floor(((performance.now() - start) / 1000) * options.commentsPerSecond);
        if (due > sent) {
          simProcess.feed(due - sent, Date.now());
          sent = due;
        }
        await sleep(FEED_TICK_MS);
      }
    })();
    // The refetches live events cause count from here (the sign-ins' events are before the clock).
    timings.inboxList.length = 0;
    timings.liveRefetches = 0;
    await Promise.all([feeding, ...clients.map((c, i) => agentLoop(c, until, [2_000, 6_000], 5, timings, refetchers[i]))]);
    const elapsed = performance.now() - start;
    loopDelay.disable();
    for (const r of refetchers) r.stop();
    const probed = await probe.stop();
    const requests = clients.reduce((n, c) => n + c.requests, 0) - requestsBefore;
    const socketWait = clients.reduce((n, c) => n + c.socketWaitMs, 0) - socketWaitBefore;
    const generatorCpu = process.cpuUsage(cpuBefore.generator);
    const apiCpu = (processCpuMs(api.child.pid) ?? cpuBefore.api) - cpuBefore.api;
    const workerCpu = (processCpuMs(worker.child.pid) ?? cpuBefore.worker) - cpuBefore.worker;
    const simCpu = (processCpuMs(sim.pid) ?? cpuBefore.sim) - cpuBefore.sim;
    // Events of the last commits still on their way are given two seconds.
    await sleep(2_000);
    const [storedAfter] = await countLiveMessages.run({ channelId: world.liveChannelId }, sqlClient(ds));

    const inboxList = summarize(timings.inboxList);
    const live = summarize(liveLatency);
    return {
      scenario: 'agents',
      agents: agents.length,
      commentsPerSecondOffered: options.commentsPerSecond,
      commentsPerSecondStored: Math.round(((storedAfter.n - storedBefore.n) * 1000) / elapsed),
      durationMs: Math.round(elapsed),
      inboxList: { ...inboxList, liveRefetches: timings.liveRefetches },
      threadOpen: summarize(timings.threadOpen),
      replies: summarize(timings.replies),
      agentErrors: timings.errors,
      staleConnectionRetries: clients.reduce((n, c) => n + c.staleRetries, 0),
      // A copy: refetches still in flight fail when the clients close below, after the measurement.
      agentErrorKinds: { ...timings.errorKinds },
      liveEvent: { ...live, watchedStreams: watchers.length, unmatched: watchers.reduce((n, w) => n + w.unmatched, 0) },
      streamEvents: streams.reduce((n, s) => n + s.events, 0),
      api: { peakRssMb: api.peakMb(), cpuCores: round(apiCpu / elapsed, 3) },
      worker: { peakRssMb: worker.peakMb(), cpuCores: round(workerCpu / elapsed, 3) },
      generatorCpuCores: round((generatorCpu.user + generatorCpu.system) / 1000 / elapsed, 3),
      simCpuCores: round(simCpu / elapsed, 3),
      breakdown: {
        ...probed,
        apiCpuMsPerRequest: requests ? round(apiCpu / requests, 2) : 0,
        clientSocketWaitMsPerRequest: requests ? round(socketWait / requests, 1) : 0,
        generatorEventLoopDelayMs: {
          p50: round(loopDelay.percentile(50) / 1e6, 1),
          p99: round(loopDelay.percentile(99) / 1e6, 1),
          max: round(loopDelay.max / 1e6, 1),
        },
      },
      loadAverage: loadAverage(),
      withinTargets: { inboxList: inboxList.samples > 0 && inboxList.p95Ms <= 50, liveEvent: live.samples > 0 && live.p95Ms <= 1_000 },
    };
  } finally {
    for (const s of streams) s.close();
    for (const c of clients) c.close();
    await clock.close();
    await Promise.all(processes.map((p) => p.stop()));
    await sim?.close();
    await removeQueueKeys(redisUrl, queuePrefix).catch(() => undefined);
    await db.close({ keep: false }).catch((error: unknown) => process.stderr.write(`bench: could not drop ${db.name}: ${String(error)}\n`));
  }
}
