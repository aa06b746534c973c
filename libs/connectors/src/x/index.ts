export { createXConnector, X_ENDPOINTS } from './connector';
export { xSettings, DEMO_X_APP_DEFAULTS } from './settings';
export type { XSettings } from './settings';
export { isXCrcToken, verifyXSignature, xCrcResponseToken, mapXWebhook } from './webhook';
export { parseXError, X_RATE_LIMIT_DELAY_MS } from './errors';
export { readXBudget, countXReads, settleXBudget, monthlyAllowance } from './budget';
export type { XBudgetState, XRateWindow, XMonthlyReads } from './budget';
export { dmThreadKey } from './mapper';
export { X_STREAMS } from './sync';
