import type { Queue } from 'bullmq';
import { jobId } from './job-ids';
import { MODERATION_JOB_NAME, type ModerationJob, type OutboundJob } from './names';

/** Committed outbound work: a reply (outbound message row) or a like/hide/delete (message_action row). */
export type OutboundWork = { kind: 'reply'; messageId: string } | { kind: 'moderation'; actionId: string };

/** What `ensureOutboundJob` found and did. */
export type EnsureResult =
  | { status: 'live' }
  | { status: 'added' }
  | { status: 'retried' }
  /** The job had completed although its row is still pending: a fresh job of the same id replaces it. */
  | { status: 'replaced' }
  /** The job failed for good and `retryFailed` said no: the caller settles the row. */
  | { status: 'failed'; reason: string };

/** BullMQ's reason for a job whose worker died more often than maxStalledCount allows. */
export const isStallFailure = (reason: string): boolean => reason.includes('stalled more than allowable limit');

function describe(work: OutboundWork): { id: string; name: string; data: OutboundJob | ModerationJob } {
  return work.kind === 'reply'
    ? { id: jobId.send(work.messageId), name: 'send', data: { messageId: work.messageId } }
    : { id: jobId.moderate(work.actionId), name: MODERATION_JOB_NAME, data: { actionId: work.actionId } };
}

/**
 * Makes sure committed outbound work has exactly one live job under its deterministic id: none
 * → added; failed → retried when `retryFailed(reason)` says so; completed while the row is still
 * pending → removed and added again; waiting, delayed or active → left alone. Every step is safe to
 * repeat from several processes at once: a second add of the same id is a no-op, a job being
 * processed cannot be removed (BullMQ refuses while it is locked), and the worker reconciles with
 * the network before it sends, so no path makes a second send.
 */
export async function ensureOutboundJob(queue: Queue, work: OutboundWork, retryFailed: (reason: string) => boolean): Promise<EnsureResult> {
  const { id, name, data } = describe(work);
  const state = await queue.getJobState(id);
  if (state === 'unknown') {
    await queue.add(name, data, { jobId: id });
    return { status: 'added' };
  }
  if (state === 'failed') {
    const job = await queue.getJob(id);
    const reason = job?.failedReason ?? 'failed';
    if (!job || !retryFailed(reason)) return { status: 'failed', reason };
    await job.retry('failed');
    return { status: 'retried' };
  }
  if (state === 'completed') {
    await queue.remove(id);
    await queue.add(name, data, { jobId: id });
    return { status: 'replaced' };
  }
  return { status: 'live' };
}

/**
 * Queues outbound work committed just now, whose ids were never queued (a rule's moderation actions
 * and replies, rule-jobs.ts): one addBulk for all of it instead of ensureOutboundJob's state read
 * and add per item (two round trips each; a batch's rules can queue hundreds). A job id that exists
 * after all (a recovery sweep was faster) is left as it is: a second add of an id is a no-op.
 */
export async function addNewOutboundJobs(queue: Queue, work: readonly OutboundWork[]): Promise<void> {
  if (!work.length) return;
  await queue.addBulk(
    work.map((w) => {
      const { id, name, data } = describe(w);
      return { name, data, opts: { jobId: id } };
    }),
  );
}
