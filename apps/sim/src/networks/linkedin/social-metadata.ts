import { obj } from '@resonance/contracts';
import { json, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { batchGet } from './restli';
import type { Call } from './routes';
import type { LinkedInState } from './state';
import type { LiComment, LiPost } from './store';

/**
 * The Social Metadata API (learn.microsoft.com/linkedin, Social Metadata API):
 *   GET  /rest/socialMetadata/{post or comment URN}
 *        → {reactionSummaries: {TYPE: {reactionType, count}}, commentsState: OPEN | CLOSED,
 *           commentSummary: {count, topLevelCount}, entity}
 *   GET  /rest/socialMetadata?ids=List(…) (BATCH_GET: results, statuses, errors by URN)
 *   POST /rest/socialMetadata/{URN}?actor={org} with X-RestLi-Method: PARTIAL_UPDATE
 *        {patch: {$set: {commentsState: CLOSED | OPEN}}} → 202
 * Closing a thread deletes its comments, as LinkedIn documents, and later comments on it are
 * refused (422; LinkedIn documents no body for that refusal). Only the organization the token
 * administers closes or opens threads on its posts.
 */

/** The organization's own posts are all the sim has: it may close or open comments on any of them and on their comments. */
function entityOf(state: LinkedInState, urn: string): LiPost | LiComment | undefined {
  return state.store.entity(urn);
}

/** Counts by reaction type, as reactionSummaries keys them; types nobody used are left out. */
function reactionSummaries(on: LiPost | LiComment): Record<string, { reactionType: string; count: number }> {
  const out: Record<string, { reactionType: string; count: number }> = {};
  for (const r of on.reactions.values()) {
    const s = (out[r.reactionType] ??= { reactionType: r.reactionType, count: 0 });
    s.count += 1;
  }
  return out;
}

export function socialMetadataJson(state: LinkedInState, urn: string): Record<string, unknown> | undefined {
  const on = entityOf(state, urn);
  if (!on) return undefined;
  const top = 'comments' in on ? on.comments.length : on.replies.length;
  const all = 'comments' in on ? on.total : on.replies.length;
  return {
    reactionSummaries: reactionSummaries(on),
    commentsState: on.commentsClosed ? 'CLOSED' : 'OPEN',
    commentSummary: { count: all, topLevelCount: top },
    entity: urn,
  };
}

export function getSocialMetadata(state: LinkedInState, { req }: Call, urn: string | null): SimResponse {
  if (urn === null) return batchGet(req, (id) => socialMetadataJson(state, id), 'Entity');
  const found = socialMetadataJson(state, urn);
  return found ? json(200, found) : errors.notFound(`socialMetadata target ${urn} does not exist`);
}

/** PARTIAL_UPDATE of commentsState: closing deletes the thread's comments. */
export function changeCommentsState(state: LinkedInState, { req, token }: Call, urn: string): SimResponse {
  if (String(req.headers['x-restli-method'] ?? '').toUpperCase() !== 'PARTIAL_UPDATE')
    return errors.badParam('X-RestLi-Method: PARTIAL_UPDATE is required to change socialMetadata');
  const on = entityOf(state, urn);
  if (!on) return errors.notFound(`socialMetadata target ${urn} does not exist`);
  const actor = req.query.get('actor');
  if (actor !== state.orgUrn || !state.isAdmin(token.memberUrn)) return errors.accessDenied(`socialMetadata.PARTIAL_UPDATE.${state.version(req) ?? ''}`);
  if (!token.scopes.includes('w_organization_social')) return errors.accessDenied('socialMetadata.PARTIAL_UPDATE (scope w_organization_social)');
  if (req.badBody) return errors.badParam('Unable to parse the request body as JSON');
  const value = obj(obj(obj(req.body).patch).$set).commentsState;
  if (value !== 'OPEN' && value !== 'CLOSED') return errors.unprocessable("Field '/commentsState' must be OPEN or CLOSED");
  if (value === 'CLOSED' && !on.commentsClosed) {
    for (const c of 'comments' in on ? [...on.comments] : [...on.replies]) state.store.removeComment(c);
  }
  on.commentsClosed = value === 'CLOSED';
  return { status: 202, raw: { contentType: 'application/json', data: '' } };
}
