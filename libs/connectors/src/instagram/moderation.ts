import { obj } from '@resonance/contracts';
import { ConnectorError, isConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability, ModerationTarget } from '../interfaces';
import { hideToggle, type ModerationSubject } from '../moderation';
import { instagramClient } from './auth';
import type { InstagramSettings } from './settings';

/** A customer's comment on the account's media: hide or unhide as its state allows, and delete. */
export function instagramModerationRule(s: ModerationSubject): ModerationAction[] {
  if (s.fromAccount) return [];
  return [hideToggle(s), 'delete'];
}

const ID = /^\d{1,30}$/;

/**
 * Comment moderation as the account: hide/unhide POST /{comment}?hide=true|false, delete DELETE
 * /{comment}; each answers {"success": true}. Instagram has no like or block of a commenter
 * through its API.
 */
export function instagramModeration(settings: InstagramSettings): ModerationCapability {
  return {
    actions: ['hide', 'unhide', 'delete'],
    allowedNow: instagramModerationRule,

    async perform(ctx: ConnectorContext, action: ModerationAction, { externalId }: ModerationTarget): Promise<void> {
      if (!ID.test(externalId))
        throw new ConnectorError({ network: 'instagram', code: 'INVALID_REQUEST', message: `not an Instagram comment id: ${externalId}` });
      const client = instagramClient(settings, ctx);
      let body: unknown;
      if (action === 'hide' || action === 'unhide') body = await client.post(externalId, { hide: action === 'hide' });
      else if (action === 'delete') body = (await client.delete(externalId)).body;
      else throw new ConnectorError({ network: 'instagram', code: 'INVALID_REQUEST', message: `Instagram has no ${action} of a comment` });
      if (obj(body).success !== true) {
        throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: `Instagram did not confirm the ${action} (no success: true)` });
      }
    },

    /** hide/unhide: the comment's `hidden`; delete: whether the comment is gone. Asked before repeating an action that may have reached Instagram. */
    async observe(ctx: ConnectorContext, action: ModerationAction, { externalId }: ModerationTarget): Promise<boolean | null> {
      if (!ID.test(externalId)) return null;
      try {
        const comment = obj(await instagramClient(settings, ctx).get(externalId, { fields: 'id,hidden' }));
        if (action === 'hide' || action === 'unhide') return typeof comment.hidden === 'boolean' ? comment.hidden === (action === 'hide') : null;
        if (action === 'delete') return false;
        return null;
      } catch (error) {
        if (action === 'delete' && isConnectorError(error) && error.code === 'NOT_FOUND') return true;
        throw error;
      }
    },
  };
}
