export { createYoutubeConnector, YOUTUBE_ENDPOINTS } from './connector';
export { youtubeSettings, DEMO_YOUTUBE_CLIENT_DEFAULTS } from './settings';
export type { YoutubeSettings } from './settings';
export { parseYoutubeError } from './errors';
export { YoutubeBudget, UNIT_COST as YOUTUBE_UNIT_COST } from './budget';
export { YoutubeClient } from './client';
export type { YoutubeBudgetState, YoutubeBudgetSettings } from './budget';
export { YOUTUBE_SCOPES } from './auth';
