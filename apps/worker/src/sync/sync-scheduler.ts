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

/**
 * The next time after `now` at the channel's phase of the interval: a fixed offset within the
 * interval taken from its id (uuids are random), the same in every worker and after restarts, so
 * the channels' runs spread evenly over each interval instead of coming due together.
 */
export function syncPhaseStart(channelId: string, every: number, now: number): number {
  const phase = Number.parseInt(channelId.replace(/-/g, '').slice(-8), 16) % every;
  const start = Math.floor(now / every) * every + (Number.isFinite(phase) ? phase : 0);
  return start > now ? start : start + every;
}
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
    const backfilled = new Set<string>();
    for (const c of channels) {
      if (c.status !== 'connected' || !isNetwork(c.network) || !this.registry.get(c.network).available) continue;
      wanted.set(c.id, c.interval_ms ?? this.config.SYNC_INTERVAL_MS);
      if (!c.last_synced_at) {
        await this.runNow(c.id, 'backfill');
        backfilled.add(c.id);
      }
    }
    const existing = await this.queue.getJobSchedulers(0, -1);
    const have = new Map(existing.filter((s) => s.key.startsWith(PREFIX)).map((s) => [s.key.slice(PREFIX.length), Number(s.every)]));
    for (const id of have.keys()) if (!wanted.has(id)) await this.queue.removeJobScheduler(jobId.sync(id));
    // A schedule that exists keeps its pace (next run one interval from now); a new one runs at once
    // (a one-off run) and then at its own phase of the interval.
    for (const [id, every] of wanted) {
      if (have.get(id) === every) continue;
      if (!have.has(id) && !backfilled.has(id)) await this.runNow(id, 'schedule');
      await this.schedule(id, every, { keepPace: have.has(id) });
    }
  }

  /**
   * Sets the channel's schedule to this interval (after a run adapted it). BullMQ starts a
   * scheduler whose `every` changed at once (its Lua resets the next time to now), so without a
   * start date each change ran the channel again immediately: a run that lengthened the interval
   * ran again, lengthened it again, and within a second a quiet or failing channel sat at
   * SYNC_MAX_INTERVAL_MS (15 minutes) — the minutes YouTube, XING and X items waited (issue 28).
   * `keepPace`: the next run comes one interval from now. Otherwise (a new schedule) the first run
   * comes at the channel's own phase of the interval (syncPhaseStart): without a start date BullMQ
   * takes the creation time as every later run's phase, and the schedules a worker creates at
   * start, all within a second or two, then came due at the same instant each interval — a fleet
   * of 1,000 channels synced up to 46 s late at a one-minute interval (bench --fleet).
   */
  async schedule(channelId: string, every: number, { keepPace = true }: { keepPace?: boolean } = {}): Promise<void> {
    const now = Date.now();
    await this.queue.upsertJobScheduler(
      jobId.sync(channelId),
      { every, startDate: keepPace ? now + every : syncPhaseStart(channelId, every, now) },
      {
        name: 'sync',
        data: { channelAccountId: channelId, reason: 'schedule' },
        opts: SYNC_JOB_OPTS,
      },
    );
  }

  async unschedule(channelId: string): Promise<void> {
    await this.queue.removeJobScheduler(jobId.sync(channelId));
  }

  /** A one-off run now (backfill on connect, webhook hint, manual); at most one waiting per kind and second. */
  async runNow(channelId: string, reason: SyncJob['reason']): Promise<void> {
    await this.queue.add('sync', { channelAccountId: channelId, reason }, syncNowJobOptions(channelId, reason));
  }
}
