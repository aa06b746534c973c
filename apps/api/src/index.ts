export { createApi, startApi } from './bootstrap';
export type { ApiHandle } from './bootstrap';
export { ApiMetrics } from './metrics';
