import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ensureOutboundJob, jobId, MODERATION_JOB_NAME, type OutboundWork } from '@resonance/queue';

/**
 * How long a request waits for the queue. BullMQ's connection retries for ever while Redis is
 * away (maxRetriesPerRequest: null), so without a limit a request would hang with it.
 */
export const ENQUEUE_TIMEOUT_MS = 2_000;

const logger = new Logger('OutboundQueue');

class QueueTimeout extends Error {}

/** `work` within ENQUEUE_TIMEOUT_MS, or a rejection; a late answer is dropped (never an unhandled rejection). */
async function withinTimeout<T>(what: string, work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueTimeout(`the queue did not answer within ${ENQUEUE_TIMEOUT_MS} ms (${what})`)), ENQUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const idOf = (work: OutboundWork) => (work.kind === 'reply' ? jobId.send(work.messageId) : jobId.moderate(work.actionId));

/**
 * Adds the job of work that was just committed. When the queue cannot take it (Redis unreachable,
 * slow) the request still succeeds: the row is committed as queued, and the worker's recovery
 * sweep (apps/worker/src/outbound/outbound-recovery.ts) queues it within the recovery bound.
 * Returns whether the job was added now.
 */
export async function enqueueCommitted(queue: Queue, work: OutboundWork): Promise<boolean> {
  const id = idOf(work);
  try {
    const data = work.kind === 'reply' ? { messageId: work.messageId } : { actionId: work.actionId };
    await withinTimeout(id, queue.add(work.kind === 'reply' ? 'send' : MODERATION_JOB_NAME, data, { jobId: id }));
    return true;
  } catch (error) {
    logger.warn(`${id} is committed but not queued yet (the worker's recovery sweep will queue it): ${(error as Error).message}`);
    return false;
  }
}

/** Makes sure `work` has a live job (a failed or finished one is replaced); false when the queue is unreachable. */
export async function ensureLiveJob(queue: Queue, work: OutboundWork): Promise<boolean> {
  try {
    await withinTimeout(
      idOf(work),
      ensureOutboundJob(queue, work, () => true),
    );
    return true;
  } catch (error) {
    logger.warn(`${idOf(work)}: live job not ensured (the worker's recovery sweep will): ${(error as Error).message}`);
    return false;
  }
}

/**
 * Removes the finished (failed or completed) job of `work`, so the row can be queued again and a
 * new job of the same id added. Throws when the queue is unreachable: the caller changes nothing then.
 */
export async function removeFinishedJob(queue: Queue, work: OutboundWork): Promise<void> {
  const id = idOf(work);
  const state = await withinTimeout(id, queue.getJobState(id));
  if (state === 'failed' || state === 'completed') await withinTimeout(id, queue.remove(id));
}
