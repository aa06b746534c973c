import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { repeatEvery, type Repeating } from '@resonance/runtime';
import { BACKOFF_MEMORY_MS, LOGIN_WINDOW_MS } from '../auth/login-throttle';
import { REPLAY_WINDOW_DAYS } from '../webhooks/webhook-deliveries';
import { SecurityRepository } from './security.repository';
import { WRITE_WINDOW_MS } from './write-rate-limit';

const EVERY_MS = 15 * 60_000;
/** Rows per statement: a backlog is deleted in short statements, not one long lock-holding one. */
const BATCH = 5_000;
/**
 * How long a used or expired invitation/reset link is kept: long enough that the person who opens
 * it late is told "used already" or "expired" (410) rather than "unknown link" (404).
 */
export const ACCESS_LINK_MEMORY_DAYS = 30;

export interface PurgeResult {
  sessions: number;
  loginThrottle: number;
  apiRateLimit: number;
  accessLinks: number;
  webhookDeliveries: number;
}

/** Repeats one batch of a purge (security.sql) until a batch deletes fewer than BATCH rows. */
async function deleteInBatches(purgeBatch: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await purgeBatch(BATCH);
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * Deletes what can never count again: expired sessions, login counters past their window (window
 * counters) or memory (backoff counters), write counters past their minute, invitation and reset
 * links used or expired ACCESS_LINK_MEMORY_DAYS ago. A purged counter
 * behaves exactly like an expired one, so racing api copies or requests change nothing.
 */
export async function purgeExpiredSecurityRows(dataSource: DataSource): Promise<PurgeResult> {
  const rows = new SecurityRepository(dataSource);
  return {
    sessions: await deleteInBatches((batch) => rows.purgeSessions(batch)),
    loginThrottle: await deleteInBatches((batch) => rows.purgeLoginThrottle(batch, LOGIN_WINDOW_MS, BACKOFF_MEMORY_MS)),
    apiRateLimit: await deleteInBatches((batch) => rows.purgeApiRateLimit(batch, WRITE_WINDOW_MS)),
    accessLinks: await deleteInBatches((batch) => rows.purgeAccessLinks(batch, ACCESS_LINK_MEMORY_DAYS)),
    // Past the replay window a delivery's hash protects nothing (a replay re-stores only what the idempotent ingest holds).
    webhookDeliveries: await deleteInBatches((batch) => rows.purgeWebhookDeliveries(batch, REPLAY_WINDOW_DAYS)),
  };
}

/** Runs the purge at start and every 15 minutes in every api copy (the deletes are idempotent). */
@Injectable()
export class ExpiredRowsPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpiredRowsPurge.name);
  private repeating: Repeating | undefined;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.repeating = repeatEvery(EVERY_MS, () =>
      purgeExpiredSecurityRows(this.dataSource)
        .then((r) => {
          if (r.sessions + r.loginThrottle + r.apiRateLimit + r.accessLinks + r.webhookDeliveries > 0) {
            this.logger.log(
              `purged ${r.sessions} expired sessions, ${r.loginThrottle} login counters, ${r.apiRateLimit} write counters, ${r.accessLinks} used or expired access links, ${r.webhookDeliveries} webhook deliveries past the replay window`,
            );
          }
        })
        .catch((error: unknown) => this.logger.warn(`purge of expired security rows failed: ${error instanceof Error ? error.message : String(error)}`)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.repeating?.stop();
  }
}
