import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { CONFIG, type Config } from '@resonance/config';
import { MODERATION_JOB_NAME, QueueName, type ModerationJob, type OutboundJob } from '@resonance/queue';
import { processorConcurrency } from '../concurrency';
import { ModerationRunner, type ModerationResult } from './moderation-runner';
import { OutboundSender, type SendResult } from './outbound-sender';

/**
 * How soon a send whose worker died is taken up again: the job's lock (renewed every 7.5 s while
 * the worker lives) runs out at most 15 s after the death, and every live worker looks for such
 * jobs every 5 s, so within 20 s the job is waiting again — and its next run finds the row
 * 'sending' and looks for the reply on the network before it sends anything (OutboundSender).
 * BullMQ's defaults (30 s and 30 s) made that a minute.
 */
const OUTBOUND_LOCK = { lockDuration: 15_000, stalledInterval: 5_000 } as const;

/**
 * send-<messageId> jobs: one reply each. Rate limits delay the job (not counted as an attempt),
 * transient failures retry with the queue's backoff, and anything that cannot succeed fails the
 * job for good (kept for inspection; the API's retry re-queues it) with the reason on the message.
 * moderate-<actionId> jobs (name 'moderate'): one like/hide/delete each, under the same policy,
 * the reason on the message_action row.
 */
// Concurrency 1 until bootstrap sets WORKER_CONCURRENCY's share (concurrency.ts): the decorator is
// evaluated before any configuration is read.
@Processor(QueueName.Outbound, { concurrency: 1, ...OUTBOUND_LOCK })
export class OutboundProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboundProcessor.name);

  constructor(
    @Inject(OutboundSender) private readonly sender: OutboundSender,
    @Inject(ModerationRunner) private readonly moderation: ModerationRunner,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = processorConcurrency(this.config).outbound;
  }

  async process(job: Job<OutboundJob | ModerationJob>, token?: string): Promise<SendResult | ModerationResult> {
    if (job.name === MODERATION_JOB_NAME) {
      const { actionId } = job.data as ModerationJob;
      const result = await this.moderation.run(actionId);
      return this.settle(job, token, result, 'moderation', (reason) => this.moderation.giveUp(actionId, reason));
    }
    const { messageId } = job.data as OutboundJob;
    const result = await this.sender.send(messageId);
    return this.settle(job, token, result, 'reply', (reason) => this.sender.giveUp(messageId, reason));
  }

  private async settle<R extends SendResult | ModerationResult>(
    job: Job,
    token: string | undefined,
    result: R,
    what: string,
    giveUp: (reason: string) => Promise<void>,
  ): Promise<R> {
    if (result.status !== 'failed') {
      this.logger.log({ jobId: job.id, ...result }, `${what} ${result.status}`);
      return result;
    }
    const { outcome } = result;
    if (outcome.action === 'give_up') throw new UnrecoverableError(result.reason);
    if (outcome.action === 'delay') {
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      // The reason first: it starts with the code the inbox words.
      await giveUp(`${result.reason} (gave up after ${attempts} attempts)`);
      throw new UnrecoverableError(result.reason);
    }
    throw new Error(result.reason);
  }
}
