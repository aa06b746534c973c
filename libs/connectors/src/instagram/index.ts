export { createInstagramConnector, INSTAGRAM_ENDPOINTS } from './connector';
export { instagramSettings, DEMO_INSTAGRAM_APP_DEFAULTS } from './settings';
export type { InstagramSettings, InstagramSetup } from './settings';
export { verifyInstagramSignature, mapInstagramWebhook } from './webhook';
export { parseInstagramError } from './errors';
export { readInstagramBudget } from './budget';
export { instagramThreadKey, igsidOfThreadKey } from './mapper';
export { INSTAGRAM_WINDOW_MS, HUMAN_AGENT_WINDOW_MS, sendPrivateReply } from './reply';
export { instagramModerationRule } from './moderation';
