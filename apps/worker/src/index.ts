export { startWorker } from './bootstrap';
export type { WorkerHandle } from './bootstrap';
export { IngestStore } from './ingest/ingest-store';
export type { IngestResult } from './ingest/ingest-store';
export { Rollups } from './rollup/rollups';
export { MAX_BATCH_RECORDS } from './sync/read-ahead';
export type { DrainResult } from './rollup/rollups';
export { purgeExpiredMessages } from './retention/retention';
