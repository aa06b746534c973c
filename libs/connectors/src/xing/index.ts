export { createXingConnector, XING_ENDPOINTS } from './connector';
export { xingSettings, DEMO_XING_CONSUMER_DEFAULTS } from './settings';
export type { XingSettings } from './settings';
export { parseXingError, XING_PARTNER_ACCESS_HINT, XING_RATE_LIMIT_DELAY_MS } from './errors';
