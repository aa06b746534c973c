import type { DefaultJobOptions } from 'bullmq';

/** Retries with exponential backoff; failed jobs are kept for inspection, completed ones trimmed. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: false,
};
