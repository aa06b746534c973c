import { ConnectorError, isConnectorError } from '../errors';
import type { ConnectorContext, ModerationAction, ModerationCapability, ModerationTarget } from '../interfaces';
import { likeToggle, type ModerationSubject } from '../moderation';
import { linkedinClient } from './auth';
import { urnSegment } from './client';
import type { LinkedInSettings } from './settings';

/**
 * What LinkedIn's Community Management API lets the organization do (docs/moderation.md): react
 * (LIKE) to comments and take the reaction back; delete comments on its own posts and its own
 * comments anywhere. A comment under someone else's post can only be liked.
 */
export function linkedinModerationRule(s: ModerationSubject): ModerationAction[] {
  if (s.fromAccount) return ['delete'];
  return s.underOwnPost ? [likeToggle(s), 'delete'] : [likeToggle(s)];
}

/** urn:li:comment:(<object URN>,<comment id>) → its object (post/activity) and id. */
function commentParts(urn: string): { object: string; id: string } {
  const m = /^urn:li:comment:\((urn:li:[a-zA-Z]+:[^,]+),([^)]+)\)$/.exec(urn);
  if (!m) throw new ConnectorError({ network: 'linkedin', code: 'INVALID_REQUEST', message: `not a LinkedIn comment URN: ${urn}` });
  return { object: m[1], id: m[2] };
}

/** The reaction's key as the Reactions API addresses it: (actor:…,entity:…), both URNs encoded. */
const reactionKey = (actor: string, entity: string) => `/rest/reactions/(actor:${urnSegment(actor)},entity:${urnSegment(entity)})`;

/**
 * As the organization (w_organization_social):
 *   POST   /rest/reactions?actor={org}  {"root": comment URN, "reactionType": "LIKE"}  → 201
 *   DELETE /rest/reactions/(actor:{org},entity:{comment})                             → 204
 *   DELETE /rest/socialActions/{object}/comments/{id}?actor={org}                     → 204
 */
export function linkedinModeration(settings: LinkedInSettings): ModerationCapability {
  return {
    actions: ['like', 'unlike', 'delete'],
    allowedNow: linkedinModerationRule,

    async perform(ctx: ConnectorContext, action: ModerationAction, { externalId: commentUrn }: ModerationTarget): Promise<void> {
      const { object, id } = commentParts(commentUrn);
      const client = linkedinClient(settings, ctx);
      const org = ctx.account.externalId;
      switch (action) {
        case 'like':
          await client.post(`/rest/reactions?actor=${urnSegment(org)}`, { root: commentUrn, reactionType: 'LIKE' });
          return;
        case 'unlike':
          await client.delete(reactionKey(org, commentUrn));
          return;
        case 'delete':
          await client.delete(`/rest/socialActions/${urnSegment(object)}/comments/${encodeURIComponent(id)}`, { actor: org });
          return;
        default:
          throw new ConnectorError({ network: 'linkedin', code: 'INVALID_REQUEST', message: `LinkedIn's API has no ${action} of a comment` });
      }
    },

    /** Reactions: GET the organization's reaction (404: none). Delete: GET the comment (404: gone). */
    async observe(ctx: ConnectorContext, action: ModerationAction, { externalId: commentUrn }: ModerationTarget): Promise<boolean | null> {
      const client = linkedinClient(settings, ctx);
      const { object, id } = commentParts(commentUrn);
      const path =
        action === 'like' || action === 'unlike'
          ? reactionKey(ctx.account.externalId, commentUrn)
          : action === 'delete'
            ? `/rest/socialActions/${urnSegment(object)}/comments/${encodeURIComponent(id)}`
            : null;
      if (!path) return null;
      try {
        await client.get(path);
        return action === 'like';
      } catch (error) {
        if (isConnectorError(error) && error.code === 'NOT_FOUND') return action !== 'like';
        throw error;
      }
    },
  };
}
