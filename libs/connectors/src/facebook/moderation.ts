import { arr, obj } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability, ModerationTarget } from '../interfaces';
import { hideToggle, likeToggle, type ModerationSubject } from '../moderation';
import { facebookClient } from './auth';
import type { FacebookSettings } from './settings';

/**
 * A customer's comment on the page: like/unlike, hide/unhide as its state allows, delete, and
 * block its author from the page where Graph names the author (the page-scoped id of `from`) and
 * they are not blocked already.
 */
export function facebookModerationRule(s: ModerationSubject): ModerationAction[] {
  if (s.fromAccount) return [];
  return s.authorKnown && !s.authorBlocked ? [likeToggle(s), hideToggle(s), 'delete', 'block'] : [likeToggle(s), hideToggle(s), 'delete'];
}

const ID = /^[\w.-]+$/;
const notAnId = (what: string, id: string) => new ConnectorError({ network: 'facebook', code: 'INVALID_REQUEST', message: `not a Facebook ${what} id: ${id}` });

/**
 * Comment moderation as the page (Graph API, page token with pages_manage_engagement):
 * like POST /{comment}/likes, unlike DELETE /{comment}/likes, hide/unhide POST /{comment}
 * is_hidden=true|false, delete DELETE /{comment} — each answers {"success": true}; block
 * POST /{page}/blocked user={author} answers {"<author>": true} (the Page's blocked edge).
 */
export function facebookModeration(settings: FacebookSettings): ModerationCapability {
  return {
    actions: ['like', 'unlike', 'hide', 'unhide', 'delete', 'block'],
    allowedNow: facebookModerationRule,

    async perform(ctx: ConnectorContext, action: ModerationAction, { externalId, authorExternalId }: ModerationTarget): Promise<void> {
      if (!ID.test(externalId)) throw notAnId('comment', externalId);
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
        case 'block': {
          if (!authorExternalId || !ID.test(authorExternalId)) throw notAnId('user', authorExternalId ?? '(none)');
          const answer = obj(await client.post(`${ctx.account.externalId}/blocked`, { user: authorExternalId }));
          if (answer[authorExternalId] !== true)
            throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: 'Facebook did not confirm the block' });
          return;
        }
        case 'ban':
          throw new ConnectorError({ network: 'facebook', code: 'INVALID_REQUEST', message: 'Facebook has no ban of a comment' });
      }
      if (!body || typeof body !== 'object' || (body as { success?: unknown }).success !== true) {
        throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: `Facebook did not confirm the ${action} (no success: true)` });
      }
    },

    /** Block: GET /{page}/blocked?user={author} lists the author while blocked. The others are idempotent on Graph (null). */
    async observe(ctx: ConnectorContext, action: ModerationAction, { authorExternalId }: ModerationTarget): Promise<boolean | null> {
      const client = facebookClient(settings, ctx);
      if (action === 'block') {
        if (!authorExternalId || !ID.test(authorExternalId)) return null;
        return arr(obj(await client.get(`${ctx.account.externalId}/blocked`, { user: authorExternalId })).data).length > 0;
      }
      return null;
    },
  };
}
