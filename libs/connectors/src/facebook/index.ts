export { createFacebookConnector, FACEBOOK_ENDPOINTS } from './connector';
export { facebookSettings, DEMO_FACEBOOK_APP_DEFAULTS } from './settings';
export type { FacebookSettings } from './settings';
export { verifyFacebookSignature, mapWebhook } from './webhook';
export { parseFacebookError } from './errors';
export { readFacebookBudget } from './budget';
export { messengerThreadKey, psidOfThreadKey } from './mapper';
export { MESSENGER_WINDOW_MS } from './reply';
