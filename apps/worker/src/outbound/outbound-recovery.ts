import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OUTBOUND_RECOVERY_AFTER_MS, OUTBOUND_RECOVERY_SWEEP_MS } from '@resonance/contracts';
import { repeatEvery, type Repeating } from '@resonance/runtime';
import { ensureOutboundJob, isStallFailure, QueueName, type OutboundWork } from '@resonance/queue';
import { ModerationRunner } from './moderation-runner';
import { OutboundSender } from './outbound-sender';
import { stalePendingActions, stalePendingReplies, type PendingWork } from './pending-outbound';

/** Rows looked at per kind and sweep; the sweep pages on by id, so a long backlog is covered in turns. */
const BATCH = 100;

export interface RecoveryCounts {
  checked: number;
  requeued: number;
  failed: number;
}

/**
 * Nothing between a commit and a queue (issue 29). The api commits a reply (delivery 'queued') or a
 * like/hide/delete (message_action 'queued') and only then adds its job; a crash of the api, or
 * Redis unreachable, between the two left the row without a job for good. This sweep makes
 * PostgreSQL alone enough: every OUTBOUND_RECOVERY_SWEEP_MS it reads the rows still pending
 * OUTBOUND_RECOVERY_AFTER_MS after they were written and makes sure each has a live job under its
 * deterministic id (`send-<id>`, `moderate-<id>`), so a stranded row is queued again within
 * 10 s + 5 s = 15 s.
 *
 * Why a sweep and not a transactional outbox: the committed row already is the outbox — the job
 * carries nothing but the row's id — so an outbox table would store the same fact twice and add a
 * write (and a relay) to every reply. The sweep also recovers what an outbox relay cannot: a job
 * lost inside Redis (a Redis without AOF restarted, a flushed queue), and a job BullMQ failed
 * because its worker died twice mid-send. Every worker copy runs it; the deterministic job ids
 * make concurrent sweeps harmless (see ensureOutboundJob), and the outbound worker reconciles with
 * the network before it sends, so a re-queued reply is never sent twice. It reads only two tiny
 * partial indexes (migration 1733630000000) and never touches the ingest path.
 *
 * A job that failed for another reason than a dead worker (attempts used up on errors that are not
 * the network's, e.g. the database away for minutes) is not retried for ever: its row is marked
 * failed with the reason, and the agent retries it.
 */
@Injectable()
export class OutboundRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboundRecovery.name);
  private repeating: Repeating | undefined;
  private readonly after = { reply: '0', moderation: '0' };

  constructor(
    @InjectQueue(QueueName.Outbound) private readonly queue: Queue,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboundSender) private readonly sender: OutboundSender,
    @Inject(ModerationRunner) private readonly moderation: ModerationRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.repeating = repeatEvery(OUTBOUND_RECOVERY_SWEEP_MS, () =>
      this.sweep()
        .then(
          (c) =>
            (c.requeued || c.failed) && this.logger.log(c, `outbound recovery: ${c.requeued} re-queued, ${c.failed} marked failed of ${c.checked} pending`),
        )
        .catch((error: unknown) =>
          this.logger.warn(
            `outbound recovery sweep failed (next in ${OUTBOUND_RECOVERY_SWEEP_MS} ms): ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.repeating?.stop();
  }

  /** One pass over a page of each kind of pending work. */
  async sweep(): Promise<RecoveryCounts> {
    const counts: RecoveryCounts = { checked: 0, requeued: 0, failed: 0 };
    const page = (afterId: string) => ({ afterId, olderThanMs: OUTBOUND_RECOVERY_AFTER_MS, limit: BATCH });
    const replies = await stalePendingReplies(this.dataSource, page(this.after.reply));
    this.after.reply = nextAfter(replies);
    for (const r of replies) await this.recover({ kind: 'reply', messageId: r.id }, counts);
    const actions = await stalePendingActions(this.dataSource, page(this.after.moderation));
    this.after.moderation = nextAfter(actions);
    for (const a of actions) await this.recover({ kind: 'moderation', actionId: a.id }, counts);
    return counts;
  }

  private async recover(work: OutboundWork, counts: RecoveryCounts): Promise<void> {
    counts.checked++;
    const result = await ensureOutboundJob(this.queue, work, isStallFailure);
    if (result.status === 'added' || result.status === 'retried' || result.status === 'replaced') {
      counts.requeued++;
      this.logger.warn({ work, result: result.status }, 'pending outbound work had no live job; queued again');
    } else if (result.status === 'failed') {
      counts.failed++;
      const reason = `delivery stopped: ${result.reason}`;
      if (work.kind === 'reply') await this.sender.giveUp(work.messageId, reason);
      else await this.moderation.giveUp(work.actionId, reason);
    }
  }
}

/** Where the next sweep starts: after this page's last row, or from the start once a page ran short. */
function nextAfter(rows: PendingWork[]): string {
  return rows.length < BATCH ? '0' : rows[rows.length - 1].id;
}
