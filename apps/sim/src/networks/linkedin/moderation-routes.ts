import { json, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors } from './errors';
import type { Call } from './routes';
import { commentJson } from './serialize';
import type { LinkedInState } from './state';
import type { LiComment } from './store';

/**
 * Moderation as the organization (Community Management API):
 *   POST   /rest/reactions?actor={org}  {"root": URN, "reactionType": "LIKE"}   → 201 (x-restli-id)
 *   GET    /rest/reactions/(actor:{org},entity:{URN})                           → 200 | 404
 *   DELETE /rest/reactions/(actor:{org},entity:{URN})                           → 204 | 404
 *   GET    /rest/socialActions/{object}/comments/{id}                           → 200 | 404
 *   DELETE /rest/socialActions/{object}/comments/{id}?actor={org}               → 204 | 404
 * Only the organization the token administers may act; it may delete comments on its own posts and
 * its own comments. Accepted writes are recorded in /_sim/received (comment_like, comment_unlike,
 * comment_delete) and show in later reads.
 */
const REACTION_TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'];
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });

function record(state: LinkedInState, call: Call, kind: ReceivedItem['kind'], c: LiComment): void {
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind,
    method: call.req.method,
    path: call.req.path,
    targetId: c.urn,
    externalId: c.urn,
    text: c.text,
    body: { ...Object.fromEntries(call.req.query), ...call.req.body },
  });
}

const reactionKey = (actor: string, entity: string) => `${actor} ${entity}`;

export function createReaction(state: LinkedInState, call: Call): SimResponse {
  const actor = call.req.query.get('actor');
  if (actor !== state.orgUrn) return errors.accessDenied(`reactions as ${actor ?? '(no actor)'}`);
  const root = call.req.body.root;
  const type = call.req.body.reactionType;
  if (typeof root !== 'string' || typeof type !== 'string' || !REACTION_TYPES.includes(type))
    return errors.badParam('The body needs root (an URN) and reactionType (LIKE, PRAISE, EMPATHY, INTEREST, APPRECIATION, ENTERTAINMENT)');
  const c = state.store.comment(root);
  if (!c) return errors.notFound(`Entity ${root} does not exist`);
  state.store.reactions.set(reactionKey(actor, root), { type, at: state.now() });
  record(state, call, 'comment_like', c);
  const id = `(actor:${encodeURIComponent(actor)},entity:${encodeURIComponent(root)})`;
  return json(201, { root, reactionType: type, created: { actor, time: state.now() } }, { 'x-restli-id': id, 'x-linkedin-id': id });
}

export function reaction(state: LinkedInState, call: Call, actor: string, entity: string): SimResponse {
  if (actor !== state.orgUrn) return errors.accessDenied(`reactions as ${actor}`);
  const key = reactionKey(actor, entity);
  const found = state.store.reactions.get(key);
  if (!found) return errors.notFound(`Reaction of ${actor} on ${entity} does not exist`);
  if (call.req.method === 'GET') return json(200, { root: entity, reactionType: found.type, created: { actor, time: found.at } });
  const c = state.store.comment(entity);
  state.store.reactions.delete(key);
  if (c) record(state, call, 'comment_unlike', c);
  return noContent();
}

export function comment(state: LinkedInState, call: Call, object: string, id: string): SimResponse {
  const c =
    state.store.comment(`urn:li:comment:(${object},${id})`) ?? state.store.comment(`urn:li:comment:(${state.store.post(object)?.activityUrn ?? ''},${id})`);
  if (!c) return errors.notFound(`Comment ${id} on ${object} does not exist`);
  if (call.req.method === 'GET') return json(200, commentJson(c, state.orgUrn, state.admin.urn));
  const actor = call.req.query.get('actor');
  // Every post in the sim is the organization's: it may delete any comment on them, as the actor it is.
  if (actor !== state.orgUrn) return errors.accessDenied(`comment deletion as ${actor ?? '(no actor)'}`);
  record(state, call, 'comment_delete', c);
  state.store.removeComment(c);
  return noContent();
}
