export { createXingConnector, XING_ENDPOINTS } from './connector';
export { xingSettings, DEMO_XING_CONSUMER_DEFAULTS } from './settings';
export type { XingSettings } from './settings';
export { parseXingError, XING_PARTNER_ACCESS_HINT, XING_RATE_LIMIT_DELAY_MS } from './errors';
export { countXingCall, XING_WINDOW_MS } from './budget';
export type { XingBudgetState } from './budget';
export { XingClient, xingSigner } from './client';
