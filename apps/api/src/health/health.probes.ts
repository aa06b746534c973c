import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ReadRouter, sqlClient } from '@resonance/db';
import { QUEUE_BACKEND, QueueName, type QueueBackend } from '@resonance/queue';
import { ping } from './health.queries';

/** A dependency that hangs counts as down after `ms`; the timer never outlives the check. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The two dependencies the health check reports: PostgreSQL and the queue backend. */
@Injectable()
export class HealthProbes {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Sync) private readonly syncQueue: Queue,
    @Inject(QUEUE_BACKEND) private readonly queueBackend: QueueBackend,
    @Inject(ReadRouter) private readonly reads: ReadRouter,
  ) {}

  /** Whether a read replica is configured (its probe is listed only then). */
  get hasReadReplica(): boolean {
    return this.reads.enabled;
  }

  /**
   * The read replica's state for operators. Always up: a lagging or down replica only sends reads to
   * the primary, the api keeps answering. No reason text: this endpoint is public.
   */
  readReplica(indicators: HealthIndicatorService) {
    const { state, lagMs } = this.reads.status();
    return indicators.check('readReplica').up({ replica: state, lagMs });
  }

  async database(indicators: HealthIndicatorService) {
    const session = indicators.check('database');
    try {
      await withTimeout(ping.run(undefined, sqlClient(this.dataSource)), 2_000);
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  async queue(indicators: HealthIndicatorService) {
    const session = indicators.check('queue');
    try {
      await withTimeout(this.syncQueue.getJobCounts('waiting'), 2_000);
      return session.up({ backend: this.queueBackend.kind });
    } catch (error) {
      return session.down({ backend: this.queueBackend.kind, message: (error as Error).message });
    }
  }
}
