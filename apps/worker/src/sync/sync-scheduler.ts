import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import { ConnectorRegistry } from '@resonance/connectors';
import { isNetwork } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { jobId, QueueName, syncNowJobOptions, type SyncJob } from '@resonance/queue';
import { channelSchedules } from './sync.queries';

const RECONCILE_EVERY_MS = 15_000;
const PREFIX = jobId.sync('');

/** Options of every scheduled sync job: the schedule itself is the retry, so one attempt each. */
const SYNC_JOB_OPTS = { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } };

/**
 * Keeps exactly one sync schedule (BullMQ job scheduler `sync:<channelId>`) per connected channel
 * of a network with a connector: adds missing ones, changes their interval, removes those of
 * channels that were disconnected, paused or need re-authorisation. A channel never synced gets a
 * backfill run at once. Every worker runs this; upserts are idempotent.
 */
@Injectable()
export class SyncScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SyncScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectQueue(QueueName.Sync) private readonly queue: Queue<SyncJob>,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), RECONCILE_EVERY_MS);
    this.timer.unref();
    this.tick();
  }

  /** Stops reconciling before the queues close (a reconcile in flight may fail; the next process redoes it). */
  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    if (this.running || !this.timer) return;
    this.running = this.reconcile()
      .catch((error: unknown) => this.logger.warn(`sync schedules not reconciled: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = null));
  }

  async reconcile(): Promise<void> {
    const channels = await channelSchedules.run(undefined, sqlClient(this.dataSource));
    const wanted = new Map<string, number>();
    for (const c of channels) {
      if (c.status !== 'connected' || !isNetwork(c.network) || !this.registry.get(c.network).available) continue;
      wanted.set(c.id, c.interval_ms ?? this.config.SYNC_INTERVAL_MS);
      if (!c.last_synced_at) await this.runNow(c.id, 'backfill');
    }
    const existing = await this.queue.getJobSchedulers(0, -1);
    const have = new Map(existing.filter((s) => s.key.startsWith(PREFIX)).map((s) => [s.key.slice(PREFIX.length), Number(s.every)]));
    for (const id of have.keys()) if (!wanted.has(id)) await this.queue.removeJobScheduler(jobId.sync(id));
    // A schedule that exists keeps its pace (next run one interval from now); a new one runs at once.
    for (const [id, every] of wanted) if (have.get(id) !== every) await this.schedule(id, every, { keepPace: have.has(id) });
  }

  /**
   * Sets the channel's schedule to this interval (after a run adapted it). BullMQ starts a
   * scheduler whose `every` changed at once (its Lua resets the next time to now), so without a
   * start date each change ran the channel again immediately: a run that lengthened the interval
   * ran again, lengthened it again, and within a second a quiet or failing channel sat at
   * SYNC_MAX_INTERVAL_MS (15 minutes) — the minutes YouTube, XING and X items waited (issue 28).
   * `keepPace`: the next run comes one interval from now.
   */
  async schedule(channelId: string, every: number, { keepPace = true }: { keepPace?: boolean } = {}): Promise<void> {
    await this.queue.upsertJobScheduler(jobId.sync(channelId), keepPace ? { every, startDate: Date.now() + every } : { every }, {
      name: 'sync',
      data: { channelAccountId: channelId, reason: 'schedule' },
      opts: SYNC_JOB_OPTS,
    });
  }

  async unschedule(channelId: string): Promise<void> {
    await this.queue.removeJobScheduler(jobId.sync(channelId));
  }

  /** A one-off run now (backfill on connect, webhook hint, manual); at most one waiting per kind and second. */
  async runNow(channelId: string, reason: SyncJob['reason']): Promise<void> {
    await this.queue.add('sync', { channelAccountId: channelId, reason }, syncNowJobOptions(channelId, reason));
  }
}
