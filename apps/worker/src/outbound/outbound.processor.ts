import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { QueueName, type OutboundJob } from '@resonance/queue';
import { OutboundSender, type SendResult } from './outbound-sender';

/**
 * send-<messageId> jobs: one reply each. Rate limits delay the job (not counted as an attempt),
 * transient failures retry with the queue's backoff, and anything that cannot succeed fails the
 * job for good (kept for inspection; the API's retry re-queues it) with the reason on the message.
 */
@Processor(QueueName.Outbound, { concurrency: 4 })
export class OutboundProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboundProcessor.name);

  constructor(@Inject(OutboundSender) private readonly sender: OutboundSender) {
    super();
  }

  async process(job: Job<OutboundJob>, token?: string): Promise<SendResult> {
    const result = await this.sender.send(job.data.messageId);
    if (result.status !== 'failed') {
      this.logger.log({ jobId: job.id, ...result }, `reply ${result.status}`);
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
      await this.sender.giveUp(job.data.messageId, `gave up after ${attempts} attempts: ${result.reason}`);
      throw new UnrecoverableError(result.reason);
    }
    throw new Error(result.reason);
  }
}
