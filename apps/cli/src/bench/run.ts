import { randomBytes } from 'node:crypto';
import { loadConfig, testServices, type Config } from '@resonance/config';
import { createQueueBackend, prepareQueueBackend, QueueName } from '@resonance/queue';
import { startSim, type RunningSim } from '@resonance/sim';
import { Rollups } from '@resonance/worker';
import { createBenchDatabase, type BenchDatabase } from './database';
import { measureFreshness } from './freshness';
import type { NetworkCounts } from './generate-threads';
import { createNetworkChannels, measureFreshnessByNetwork, type FreshnessByNetwork } from './freshness-networks';
import { generateBulk } from './generate';
import { ApiClient } from './http';
import { measureInbox, measureThreadOpen, type InboxNumbers } from './inbox';
import { benchTraffic, loadSimComments, measurePipeline, measureRawUpsert, type IngestNumbers } from './ingest';
import type { BenchOptions } from './options';
import { freePort, startProductProcess, type ProductProcess } from './processes';
import { removeQueueKeys } from './queue-keys';
import { measureReports, type ReportNumbers } from './reports';
import { createBenchRules, ruleOutcomes } from './rules';
import { round, type Timings } from './stats';
import { BENCH_EMAIL, BENCH_NETWORKS, BENCH_PASSWORD, connectDemoChannel, createWorld } from './world';

const POLL_INTERVAL_MS = 1_000;
/**
 * Per-network freshness: the product's adaptive pacing (not pinned like the polling path above),
 * with a usual interval of 5 s so a sample takes seconds, not a minute; the longest interval stays
 * the product's default, so an interval that runs away (issue 28: 15 minutes) shows.
 */
const NETWORK_BASE_INTERVAL_MS = 5_000;
const NETWORK_MIN_INTERVAL_MS = 1_000;
const NETWORK_ROUNDS_MAX = 10;

export interface BenchResult {
  ingest: IngestNumbers;
  inboxList: InboxNumbers;
  threadOpen: Timings;
  reports: ReportNumbers;
  freshness: {
    pollP95Ms: number;
    webhookP95Ms: number;
    pollIntervalMs: number;
    pollSamples: number;
    webhookSamples: number;
    missed: number;
    /** Each network's polling path under the adaptive pacing, against its pacing + 2 s (freshness-networks.ts). */
    byNetwork: FreshnessByNetwork;
    byNetworkBaseIntervalMs: number;
  };
  memory: { workerPeakMb: number; apiPeakMb: number };
  scale: {
    quick: boolean;
    threads: number;
    messages: number;
    /** The bulk data set's threads and messages on each network. */
    byNetwork: NetworkCounts;
    posts: number;
    contacts: number;
    days: number;
    networks: number;
    ingestComments: number;
    loadMs: number;
    indexMs: number;
    rollupMs: number;
    totalMs: number;
    database: string;
    /** The run's Redis key prefix (its keys are removed at the end unless kept). */
    queuePrefix: string;
    kept: boolean;
  };
}

/**
 * One benchmark run (DESIGN.md §6): its own database and queue prefix, the bulk data set, then
 * api and worker as child processes of the built product against an in-process sim.
 */
export async function runBenchmark(options: BenchOptions, log: (line: string) => void): Promise<BenchResult> {
  const started = Date.now();
  const config = loadConfig();
  const services = testServices();
  const redisUrl = config.REDIS_URL ?? services.redisUrl;
  const db = await createBenchDatabase(config.DATABASE_URL ?? services.databaseUrl);
  log(`database ${db.name}`);
  let sim: RunningSim | undefined;
  const processes: ProductProcess[] = [];
  const queuePrefix = `bench_${randomBytes(4).toString('hex')}`;
  const api = { client: undefined as ApiClient | undefined };
  try {
    const ds = db.dataSource;
    const world = await createWorld(ds, config);
    // Before any worker starts: its rules cache reads them with the first batch.
    if (options.rules) log(`${await createBenchRules(ds, world, options.rules)} rules active`);
    const bulk = await generateBulk(ds, world, options, log);
    const rollupStart = Date.now();
    await new Rollups(ds).rebuild({ workspaceId: world.workspaceId });
    // What autovacuum does on a live install: the rollup tables were empty at the bulk ANALYZE.
    await ds.query(`VACUUM ANALYZE`);
    // As after any restore: write the load's dirty pages now, not during the first measurements.
    await ds.query(`CHECKPOINT`);
    const rollupMs = Date.now() - rollupStart;
    log(`rollups rebuilt (and VACUUM ANALYZE) in ${rollupMs} ms`);

    sim = await startSim({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 0,
      SIM_SEED: 42,
      SIM_TRAFFIC_PER_MINUTE: 0,
      SIM_WEBHOOK_URL: 'off',
      SIM_WEBHOOK_RETRY_DELAYS_MS: '200,500',
    });
    // The sim's Facebook page (DESIGN.md §6), and with --instagram-share an Instagram account beside
    // it, as a retailer runs them: each network its own stream of posts and comments (the Facebook
    // one goes on for the freshness measurements).
    const igTarget = Math.round(options.ingestComments * options.instagramShare);
    const traffic = benchTraffic(Date.now(), options.ingestComments - igTarget);
    const fb = loadSimComments(sim, traffic, options.ingestComments - igTarget, 'facebook');
    const ig = loadSimComments(sim, benchTraffic(Date.now(), igTarget, 'bench:ingest:instagram'), igTarget, 'instagram');
    // The measurement waits for (and counts) the comments on each account's own posts.
    const ingestByNetwork = {
      facebook: { comments: fb.onOwnPosts, loaded: fb.comments },
      instagram: { comments: ig.onOwnPosts, loaded: ig.comments },
    };
    const comments = ingestByNetwork.facebook.comments + ingestByNetwork.instagram.comments;
    const liveInstagramId = await connectDemoChannel(ds, config, world.workspaceId, 'instagram');
    log(
      `sim holds ${fb.comments + ig.comments} comments (Facebook ${fb.comments}, Instagram ${ig.comments}: ${ig.onOwnPosts} on its own media, ${ig.comments - ig.onOwnPosts} mentioning it elsewhere)`,
    );

    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    const env = productEnv(config, { databaseUrl: db.url, redisUrl, prefix: queuePrefix, simUrl: sim.url, port });
    const queueBackend = createQueueBackend({ redisUrl, databaseUrl: db.url, prefix: env.QUEUE_PREFIX });
    await prepareQueueBackend(queueBackend);
    const apiProcess = startProductProcess('api', env);
    processes.push(apiProcess);
    await withTimeout(apiProcess.ready, 60_000, 'the api to listen');

    // --pause-outbound: what the rules queue waits until the ingest is measured.
    const outbound = options.pauseOutbound
      ? new queueBackend.Queue(QueueName.Outbound, { connection: queueBackend.connection as never, prefix: queueBackend.prefix })
      : undefined;
    await outbound?.pause();
    // Ingest: the worker syncs the sim's page; its peak RSS is read when the last comment is stored.
    const worker = startProductProcess('worker', { ...env, ...pollEnv(POLL_INTERVAL_MS) });
    processes.push(worker);
    const pipeline = await measurePipeline(
      ds,
      [
        { channelId: world.liveChannelId, comments: ingestByNetwork.facebook.comments },
        { channelId: liveInstagramId, comments: ingestByNetwork.instagram.comments },
      ],
      30 * 60_000,
    );
    const workerPeakMb = worker.peakMb();
    log(`pipeline: ${pipeline.perSecond} comments/s${outbound ? ' (outbound queue paused)' : ''}`);
    const rules = await ruleOutcomes(ds, world.workspaceId, world.liveChannelId);
    if (rules.active) log(`rules: ${rules.active} active, ${rules.matched} matches, ${rules.suggested} suggestions, ${rules.actionsTotal} automatic actions`);
    // The raw upsert runs with no worker: the ingest's rollup drain (every 10 s) would otherwise
    // share the machine with it in some runs and not in others.
    await worker.stop();
    if (outbound) {
      await outbound.resume();
      await outbound.close();
      await queueBackend.close();
    }
    const raw = await measureRawUpsert(ds, [world.liveChannelId, liveInstagramId], world.rawChannelId, world.workspaceId);
    log(`raw upsert: ${raw.perSecond} rows/s`);
    const ingest: IngestNumbers = {
      perSecond: pipeline.perSecond,
      rawUpsertPerSecond: raw.perSecond,
      ratioToRawUpsert: raw.perSecond ? round(pipeline.perSecond / raw.perSecond, 2) : 0,
      comments,
      byNetwork: ingestByNetwork,
      pipelineMs: pipeline.ms,
      rawMs: raw.ms,
      rules,
      outboundPaused: options.pauseOutbound,
    };
    const pollWorker = startProductProcess('worker', { ...env, ...pollEnv(POLL_INTERVAL_MS) });
    processes.push(pollWorker);
    await withTimeout(pollWorker.ready, 60_000, 'the polling worker to start');

    api.client = new ApiClient(apiUrl);
    await api.client.login(BENCH_EMAIL, BENCH_PASSWORD);
    const common = { sim, generator: traffic, api: api.client, channelId: world.liveChannelId, samples: options.freshnessSamples };
    const poll = await measureFreshness({ ...common, spreadMs: POLL_INTERVAL_MS, timeoutMs: POLL_INTERVAL_MS + 10_000, label: 'p' });
    log(`freshness (polling): p95 ${poll.p95Ms} ms`);
    // Webhook path: a worker that polls only once a minute, and the sim delivering to the api.
    await pollWorker.stop();
    const hookWorker = startProductProcess('worker', { ...env, ...pollEnv(60_000) });
    processes.push(hookWorker);
    await withTimeout(hookWorker.ready, 60_000, 'the webhook-path worker to start');
    sim.context.settings.webhookUrl = `${apiUrl}/api/webhooks`;
    const hook = await measureFreshness({ ...common, spreadMs: 300, timeoutMs: 10_000, label: 'w' });
    sim.context.settings.webhookUrl = null;
    log(`freshness (webhook): p95 ${hook.p95Ms} ms`);
    await hookWorker.stop();

    // Per network: one channel on each network's demo account, a worker with the adaptive pacing, webhooks off.
    const networkChannels = await createNetworkChannels(ds, config, world.workspaceId, { facebook: world.liveChannelId, instagram: liveInstagramId });
    const networkWorker = startProductProcess('worker', {
      ...env,
      SYNC_INTERVAL_MS: String(NETWORK_BASE_INTERVAL_MS),
      SYNC_MIN_INTERVAL_MS: String(NETWORK_MIN_INTERVAL_MS),
    });
    processes.push(networkWorker);
    await withTimeout(networkWorker.ready, 60_000, 'the per-network worker to start');
    const byNetwork = await measureFreshnessByNetwork({
      sim,
      ds,
      channels: networkChannels,
      rounds: Math.min(NETWORK_ROUNDS_MAX, options.freshnessSamples),
      spreadMs: NETWORK_BASE_INTERVAL_MS,
      timeoutMs: 60_000,
    });
    for (const [network, f] of Object.entries(byNetwork))
      log(`freshness (${network}, polling): p95 ${f.p95Ms} ms, pacing ${f.pacingMs} ms, ${f.withinBudget ? 'within' : 'NOT within'} pacing + 2 s`);
    await networkWorker.stop();

    const inboxList = await measureInbox(api.client, world, options.samples);
    log(`inbox list: p95 ${inboxList.p95Ms} ms`);
    const threadOpen = await measureThreadOpen(api.client, bulk.longThreadId, options.samples);
    log(`thread open: p95 ${threadOpen.p95Ms} ms`);
    const reports = await measureReports({
      api: api.client,
      ds,
      workspaceId: world.workspaceId,
      days: options.days,
      samples: options.samples,
      fullScanSamples: options.fullScanSamples,
    });
    log(`reports: p95 ${reports.p95Ms} ms, full scan p95 ${reports.fullScanP95Ms} ms`);
    const apiPeakMb = apiProcess.peakMb();

    return {
      ingest,
      inboxList,
      threadOpen,
      reports,
      freshness: {
        pollP95Ms: poll.p95Ms,
        webhookP95Ms: hook.p95Ms,
        pollIntervalMs: POLL_INTERVAL_MS,
        pollSamples: poll.samples,
        webhookSamples: hook.samples,
        missed: poll.missed + hook.missed,
        byNetwork,
        byNetworkBaseIntervalMs: NETWORK_BASE_INTERVAL_MS,
      },
      memory: { workerPeakMb, apiPeakMb },
      scale: {
        quick: options.quick,
        threads: bulk.threads,
        messages: bulk.messages,
        byNetwork: bulk.byNetwork,
        posts: bulk.posts,
        contacts: bulk.contacts,
        days: options.days,
        networks: BENCH_NETWORKS.length,
        ingestComments: comments,
        loadMs: bulk.loadMs,
        indexMs: bulk.indexMs,
        rollupMs,
        totalMs: Date.now() - started,
        database: db.name,
        queuePrefix,
        kept: options.keep,
      },
    };
  } finally {
    api.client?.close();
    await Promise.all(processes.map((p) => p.stop()));
    await sim?.close();
    if (!options.keep)
      await removeQueueKeys(redisUrl, queuePrefix).catch((error: unknown) =>
        process.stderr.write(`bench: could not remove the queue keys ${queuePrefix}:*: ${error instanceof Error ? error.message : String(error)}\n`),
      );
    await closeDatabase(db, options.keep);
  }
}

export function productEnv(config: Config, p: { databaseUrl: string; redisUrl: string; prefix: string; simUrl: string; port: number }): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DEMO_MODE: 'true',
    DATABASE_URL: p.databaseUrl,
    REDIS_URL: p.redisUrl,
    QUEUE_PREFIX: p.prefix,
    SIM_URL: p.simUrl,
    API_HOST: '127.0.0.1',
    API_PORT: String(p.port),
    PUBLIC_URL: `http://127.0.0.1:${p.port}`,
    ENCRYPTION_KEY: config.ENCRYPTION_KEY,
    SESSION_SECRET: config.SESSION_SECRET,
  };
}

const pollEnv = (ms: number): Record<string, string> => ({
  SYNC_INTERVAL_MS: String(ms),
  SYNC_MIN_INTERVAL_MS: String(ms),
  SYNC_MAX_INTERVAL_MS: String(ms),
});

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: timed out after ${ms} ms waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function closeDatabase(db: BenchDatabase, keep: boolean): Promise<void> {
  await db
    .close({ keep })
    .catch((error: unknown) => process.stderr.write(`bench: could not drop ${db.name}: ${error instanceof Error ? error.message : String(error)}\n`));
}
