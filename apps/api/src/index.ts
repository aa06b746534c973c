export { createApi, startApi } from './bootstrap';
export type { ApiHandle } from './bootstrap';
