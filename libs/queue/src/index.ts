export * from './names';
export { jobId } from './job-ids';
export { DEFAULT_JOB_OPTIONS, manualSyncJobOptions, syncNowJobOptions } from './options';
export { createQueueBackend, queueBackendFromConfig, prepareQueueBackend, clusterPrefix } from './backend';
export type { QueueBackend, QueueBackendInput } from './backend';
export { QueueModule, QUEUE_BACKEND } from './queue.module';
export { addNewOutboundJobs, ensureOutboundJob, isStallFailure } from './outbound-jobs';
export type { EnsureResult, OutboundWork } from './outbound-jobs';
