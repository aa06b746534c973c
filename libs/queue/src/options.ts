import type { DefaultJobOptions, JobsOptions } from 'bullmq';
import { jobId } from './job-ids';
import type { SyncJob } from './names';

/** Retries with exponential backoff; failed jobs are kept for inspection, completed ones trimmed. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: false,
};

/**
 * A one-off "sync now" run (backfill on connect, webhook hint, manual request): its deterministic
 * id, one attempt (the channel's schedule is the retry), removed once done, the last failures kept
 * for inspection. The api and the worker queue these alike.
 */
export const syncNowJobOptions = (channelAccountId: string, reason: SyncJob['reason'], now?: number): JobsOptions => ({
  jobId: jobId.syncNow(channelAccountId, reason, now),
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: { count: 200 },
});

/**
 * An admin's "sync now": the channel's one manual job id, one attempt, removed when done or failed
 * (the run's outcome is on the channel's card, and the id must be free for the next request).
 */
export const manualSyncJobOptions = (channelAccountId: string): JobsOptions => ({
  jobId: jobId.syncManual(channelAccountId),
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: true,
});
