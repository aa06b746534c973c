import { json, type SimResponse } from '../../core/http';
import { mayActAs } from './acting';
import { errors } from './errors';
import type { Call } from './routes';
import { record } from './moderation-routes';
import { collection } from './serialize';
import type { LinkedInState } from './state';
import type { LiComment, LiPost, LiReaction } from './store';

/**
 * The older likes sub-resource of socialActions (learn.microsoft.com/linkedin, Network Update
 * Social Actions: "create and read likes and comments on shares"), still documented beside the
 * Reactions API that supersedes it, over the same reactions:
 *   GET    /rest/socialActions/{post or comment URN}/likes                 → who liked it (start/count)
 *   POST   /rest/socialActions/{URN}/likes {actor, object}                 → 201, the like
 *   DELETE /rest/socialActions/{URN}/likes/{actor URN}?actor={actor URN}   → 204
 * A like is `{actor, [agent,] created, lastModified, object, $URN: urn:li:like:(actor,object)}`;
 * the likes API knows no reaction kinds, so every reaction reads as a like and a like is a LIKE
 * reaction (the Reactions API and likesSummary count it). `object` names the entity liked: the
 * URL's post or comment, or a comment under that post. As the organization (its administrator) or
 * as the token's member (w_member_social).
 */

const ORG_SCOPES = ['w_organization_social', 'w_organization_social_feed'];

function likeJson(state: LinkedInState, r: LiReaction, object: string): Record<string, unknown> {
  const stamp = { actor: r.actor, time: r.at };
  return {
    actor: r.actor,
    // An organization's like is made by a member on its behalf, as its comments are.
    ...(r.actor === state.orgUrn ? { agent: state.admin.urn } : {}),
    created: stamp,
    lastModified: stamp,
    object,
    $URN: `urn:li:like:(${r.actor},${object})`,
  };
}

/** The entity a like is about: the URL's target, or a comment on that post named by `object`. */
function likedEntity(state: LinkedInState, urn: string, object: unknown): { entity: LiPost | LiComment; urn: string } | undefined {
  const target = state.store.entity(urn);
  if (!target) return undefined;
  if (object === undefined || object === urn) return { entity: target, urn };
  if ('activityUrn' in target && object === target.activityUrn) return { entity: target, urn: target.activityUrn };
  const sub = typeof object === 'string' ? state.store.comment(object) : undefined;
  const post = 'comments' in target ? target : target.post;
  return sub?.post === post ? { entity: sub, urn: sub.urn } : undefined;
}

export function likes(state: LinkedInState, call: Call, urn: string): SimResponse {
  const { req } = call;
  if (req.method === 'GET') {
    const target = state.store.entity(urn);
    if (!target) return errors.notFound(`socialActions target ${urn} does not exist`);
    const start = Number(req.query.get('start') ?? 0);
    const count = Math.min(Number(req.query.get('count') ?? 10), 100);
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0) return errors.badParam('start and count must be non-negative integers');
    const all = [...target.reactions.values()].reverse();
    const elements = all.slice(start, start + count).map((r) => likeJson(state, r, urn));
    return json(200, collection(elements, { start, count, total: all.length, path: `/rest/socialActions/${encodeURIComponent(urn)}/likes`, query: req.query }));
  }
  if (req.method !== 'POST') return errors.methodNotAllowed();
  if (req.badBody) return errors.badParam('Unable to parse the request body as JSON');
  const actor = typeof req.body.actor === 'string' ? req.body.actor : '';
  if (!actor) return errors.unprocessable("Field 'actor' is required");
  const refused = mayActAs(state, call, actor, 'partnerApiSocialActions.CREATE', ORG_SCOPES);
  if (refused) return refused;
  const liked = likedEntity(state, urn, req.body.object);
  if (!liked) return errors.notFound(`socialActions target ${typeof req.body.object === 'string' ? req.body.object : urn} does not exist under ${urn}`);
  const reaction = state.store.react(liked.entity, actor, 'LIKE', state.now());
  if ('parent' in liked.entity) record(state, call, 'comment_like', liked.entity);
  const body = likeJson(state, reaction, liked.urn);
  return json(201, body, { 'x-restli-id': String(body.$URN), 'x-linkedin-id': String(body.$URN) });
}

export function unlike(state: LinkedInState, call: Call, urn: string, actor: string): SimResponse {
  if (call.req.method !== 'DELETE') return errors.methodNotAllowed();
  const asked = call.req.query.get('actor') ?? actor;
  if (asked !== actor) return errors.badParam(`Parameter 'actor' (${asked}) must name the like's actor ${actor}`);
  const refused = mayActAs(state, call, actor, 'partnerApiSocialActions.DELETE', ORG_SCOPES);
  if (refused) return refused;
  const on = state.store.entity(urn);
  if (!on?.reactions.has(actor)) return errors.notFound(`Like of ${actor} on ${urn} does not exist`);
  on.reactions.delete(actor);
  if ('parent' in on) record(state, call, 'comment_unlike', on);
  return { status: 204, raw: { contentType: 'application/json', data: '' } };
}
