import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { repeatEvery, type Repeating } from '@resonance/runtime';
import { DataSource } from 'typeorm';

const EVERY_MS = 60 * 60_000;
/** Rows per statement: a long retention backlog is deleted in short transactions, not one huge one. */
const BATCH = 5_000;

export interface RetentionResult {
  messages: number;
  threads: number;
}

/**
 * Deletes the messages older than each workspace's retention_days, then the threads left without
 * messages. Runs in every worker copy; the deletes are idempotent, so copies racing is harmless.
 */
export async function purgeExpiredMessages(dataSource: DataSource): Promise<RetentionResult> {
  const result: RetentionResult = { messages: 0, threads: 0 };
  const workspaces = (await dataSource.query(`SELECT id, retention_days FROM workspace WHERE retention_days IS NOT NULL`)) as Array<{ id: string; retention_days: number }>;
  for (const w of workspaces) {
    for (;;) {
      const [{ n }] = (await dataSource.query(
        `WITH d AS (DELETE FROM message WHERE id IN (
            SELECT id FROM message WHERE workspace_id = $1 AND created_at < now() - $2 * interval '1 day' LIMIT ${BATCH})
          RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [w.id, w.retention_days],
      )) as Array<{ n: number }>;
      result.messages += n;
      if (n < BATCH) break;
    }
    const [{ n }] = (await dataSource.query(
      `WITH d AS (DELETE FROM thread t WHERE t.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM message m WHERE m.thread_id = t.id) RETURNING 1)
       SELECT count(*)::int AS n FROM d`,
      [w.id],
    )) as Array<{ n: number }>;
    result.threads += n;
  }
  return result;
}

/** Runs the retention purge at start and every hour. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  private repeating: Repeating | undefined;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.repeating = repeatEvery(EVERY_MS, () =>
      purgeExpiredMessages(this.dataSource)
        .then((r) => r.messages && this.logger.log(`retention: deleted ${r.messages} messages and ${r.threads} emptied threads`))
        .catch((error: Error) => this.logger.warn(`retention purge failed: ${error.message}`)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.repeating?.stop();
  }
}
