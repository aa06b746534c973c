import { ConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability } from '../interfaces';
import { hideToggle, likeToggle, type ModerationSubject } from '../moderation';
import { facebookClient } from './auth';
import type { FacebookSettings } from './settings';

/**
 * Comment moderation as the page (Graph API, page token with pages_manage_engagement):
 * like POST /{comment}/likes, unlike DELETE /{comment}/likes, hide/unhide POST /{comment}
 * is_hidden=true|false, delete DELETE /{comment}. Each answers {"success": true}.
 */
/** A customer's comment on the page: like/unlike, hide/unhide as its state allows, delete. */
export function facebookModerationRule(s: ModerationSubject): ModerationAction[] {
  return s.fromAccount ? [] : [likeToggle(s), hideToggle(s), 'delete'];
}

export function facebookModeration(settings: FacebookSettings): ModerationCapability {
  return {
    actions: ['like', 'unlike', 'hide', 'unhide', 'delete'],
    allowedNow: facebookModerationRule,
    async perform(ctx: ConnectorContext, action: ModerationAction, externalId: string): Promise<void> {
      if (!/^[\w.-]+$/.test(externalId)) {
        throw new ConnectorError({ network: 'facebook', code: 'INVALID_REQUEST', message: `not a Facebook comment id: ${externalId}` });
      }
      const client = facebookClient(settings, ctx);
      let body: unknown;
      switch (action) {
        case 'like':
          body = await client.post(`${externalId}/likes`, {});
          break;
        case 'unlike':
          body = (await client.delete(`${externalId}/likes`)).body;
          break;
        case 'hide':
        case 'unhide':
          body = await client.post(externalId, { is_hidden: action === 'hide' });
          break;
        case 'delete':
          body = (await client.delete(externalId)).body;
          break;
        case 'ban':
          throw new ConnectorError({ network: 'facebook', code: 'INVALID_REQUEST', message: 'Facebook has no ban of a comment' });
      }
      if (!body || typeof body !== 'object' || (body as { success?: unknown }).success !== true) {
        throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: `Facebook did not confirm the ${action} (no success: true)` });
      }
    },
  };
}
