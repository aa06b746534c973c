export { startWorker } from './bootstrap';
export type { WorkerHandle } from './bootstrap';
export { IngestStore } from './ingest/ingest-store';
export type { IngestResult } from './ingest/ingest-store';
