import { arr } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability, ModerationTarget } from '../interfaces';
import { hideToggle, type ModerationSubject } from '../moderation';
import { youtubeClient } from './auth';
import type { YoutubeSettings } from './settings';

/**
 * What YouTube's API lets the channel do (docs/moderation.md): on others' comments under its videos,
 * comments.setModerationStatus — rejected (hide), published (unhide), rejected with banAuthor
 * (ban); on its own comments, comments.delete. The API has no like of a comment.
 */
export function youtubeModerationRule(s: ModerationSubject): ModerationAction[] {
  if (s.fromAccount) return ['delete'];
  // A held comment: publish it (published = unhide), reject it (rejected = hide), or reject it and ban its author.
  if (s.heldForReview) return ['unhide', 'hide', 'ban'];
  return [hideToggle(s), 'ban'];
}

const STATUS: Partial<Record<ModerationAction, 'rejected' | 'published'>> = { hide: 'rejected', unhide: 'published', ban: 'rejected' };

export function youtubeModeration(settings: YoutubeSettings): ModerationCapability {
  return {
    actions: ['hide', 'unhide', 'ban', 'delete'],
    allowedNow: youtubeModerationRule,

    async perform(ctx: ConnectorContext, action: ModerationAction, { externalId: commentId }: ModerationTarget): Promise<void> {
      if (!/^[\w.-]+$/.test(commentId))
        throw new ConnectorError({ network: 'youtube', code: 'INVALID_REQUEST', message: `not a YouTube comment id: ${commentId}` });
      const client = youtubeClient(settings, ctx);
      if (action === 'delete') {
        await client.moderate('DELETE', 'comments', { id: commentId });
        return;
      }
      const moderationStatus = STATUS[action];
      if (!moderationStatus) throw new ConnectorError({ network: 'youtube', code: 'INVALID_REQUEST', message: `YouTube's API has no ${action} of a comment` });
      await client.moderate('POST', 'comments/setModerationStatus', { id: commentId, moderationStatus, ...(action === 'ban' ? { banAuthor: 'true' } : {}) });
    },

    /**
     * Delete: comments.list?id (1 unit) lists nothing for a deleted comment. The moderation status
     * is not returned for reads by id (the API's documented rule), so for the others YouTube cannot
     * tell: null — setting the same status again is idempotent there.
     */
    async observe(ctx: ConnectorContext, action: ModerationAction, { externalId: commentId }: ModerationTarget): Promise<boolean | null> {
      if (action !== 'delete') return null;
      const body = await youtubeClient(settings, ctx).list('comments', { part: 'id', id: commentId }, { forReply: true });
      return arr(body.items).length === 0;
    },
  };
}
