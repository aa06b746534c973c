import type { Config } from '@resonance/config';
import type { UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { linkedinAuth } from './auth';
import { countLinkedInCall } from './budget';
import { parseLinkedInError } from './errors';
import { mapComment, mapCommentsPage, mapPost, mapPostsPage } from './mapper';
import { linkedinModeration } from './moderation';
import { linkedinReply } from './reply';
import { linkedinSettings, type LinkedInSettings } from './settings';
import { LINKEDIN_STREAMS, linkedinSyncPages } from './sync';
import { mapLinkedInWebhook } from './webhook';

/** The endpoint names of the parse command (DESIGN.md §4). */
export const LINKEDIN_ENDPOINTS = ['posts', 'post', 'comments', 'comment', 'webhook'] as const;

function parseLinkedIn(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  const ctx = { organizationUrn: context.accountId };
  switch (endpoint) {
    case 'posts':
      return mapPostsPage(body);
    case 'post':
      return mapPost(body);
    case 'comments':
      return mapCommentsPage(body, { ...ctx, postUrn: context.objectId });
    case 'comment':
      return mapComment(body, { ...ctx, postUrn: context.objectId });
    case 'webhook':
      return mapLinkedInWebhook(body);
    default:
      throw new Error(`unknown linkedin endpoint ${endpoint}`);
  }
}

export function createLinkedInConnector(config: Config, settings: LinkedInSettings = linkedinSettings(config)): Connector {
  return {
    network: 'linkedin',
    available: true,
    endpoints: LINKEDIN_ENDPOINTS,
    baseSyncIntervalMs: config.SYNC_INTERVAL_MS,
    auth: linkedinAuth(settings),
    sync: { streams: LINKEDIN_STREAMS, pages: (input) => linkedinSyncPages(settings, input) },
    reply: linkedinReply(settings),
    moderation: linkedinModeration(settings),
    parse: parseLinkedIn,
    parseError: (response) => parseLinkedInError(response),
    // No limit headers on LinkedIn: every response is one more call against the day's allowance.
    readBudget: (_headers, previous, now) => countLinkedInCall(previous, now, settings.dailyCallBudget),
  };
}
