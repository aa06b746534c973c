import { arr, obj } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability, ModerationTarget } from '../interfaces';
import type { ModerationSubject } from '../moderation';
import { xingClient } from './client';
import type { XingSettings } from './settings';

/**
 * What XING's partner API (in the shape of the former public API) lets the company do with
 * comments: delete its own (DELETE /v1/companies/updates/{update_id}/comments/{comment_id}). Likes
 * exist only for updates (posts), and nothing hides or deletes members' comments — the dashboard
 * says so plainly (MessageItem.moderationUnavailable).
 */
export function xingModerationRule(s: ModerationSubject): ModerationAction[] {
  return s.fromAccount ? ['delete'] : [];
}

/** A comment id carries its update's id before the last underscore (docs/xing.md). */
function updateOf(commentId: string): string {
  const at = commentId.lastIndexOf('_');
  if (at <= 0 || !/^[\w.-]+$/.test(commentId))
    throw new ConnectorError({ network: 'xing', code: 'INVALID_REQUEST', message: `not a XING comment id: ${commentId}` });
  return commentId.slice(0, at);
}

/** Pages of an update's comments read to see whether one is still there (100 each). */
const OBSERVE_PAGES = 5;

export function xingModeration(settings: XingSettings): ModerationCapability {
  return {
    actions: ['delete'],
    allowedNow: xingModerationRule,

    async perform(ctx: ConnectorContext, action: ModerationAction, { externalId: commentId }: ModerationTarget): Promise<void> {
      if (action !== 'delete') throw new ConnectorError({ network: 'xing', code: 'INVALID_REQUEST', message: `XING's API has no ${action} of a comment` });
      const update = updateOf(commentId);
      await xingClient(settings, ctx).delete(`companies/updates/${encodeURIComponent(update)}/comments/${encodeURIComponent(commentId)}`);
    },

    /** Delete: whether the comment is gone from its update's comments (the first pages; null beyond). */
    async observe(ctx: ConnectorContext, action: ModerationAction, { externalId: commentId }: ModerationTarget): Promise<boolean | null> {
      if (action !== 'delete') return null;
      const client = xingClient(settings, ctx);
      const update = updateOf(commentId);
      for (let page = 0; page < OBSERVE_PAGES; page++) {
        const body = await client.get(`companies/updates/${encodeURIComponent(update)}/comments`, { limit: 100, offset: page * 100 });
        const list = obj(body.comments);
        const items = arr(list.items);
        if (items.some((c) => obj(c).id === commentId)) return false;
        if (items.length < 100) return true;
      }
      return null;
    },
  };
}
