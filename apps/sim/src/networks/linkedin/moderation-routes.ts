import { json, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { mayActAs } from './acting';
import { errors } from './errors';
import type { Call } from './routes';
import type { LinkedInState } from './state';
import type { LiComment, LiReaction } from './store';
import { restliList } from './restli';
import { collection, commentJson } from './serialize';

/**
 * Moderation as the organization (Community Management API):
 *   POST   /rest/reactions?actor={org}  {"root": post or comment URN, "reactionType": "LIKE"} → 201 (x-restli-id)
 *   GET    /rest/reactions/(actor:{org},entity:{URN})                           → 200 | 404
 *   DELETE /rest/reactions/(actor:{org},entity:{URN})                           → 204 | 404
 *   GET    /rest/reactions/(entity:{URN})?q=entity&sort=(value:…)                → 200, who reacted and how
 *   GET    /rest/reactions?ids=List((actor:…,entity:…),…)                       → 200, BATCH_GET
 *   GET    /rest/socialActions/{object}/comments/{id}                           → 200 | 404
 *   DELETE /rest/socialActions/{object}/comments/{id}?actor={org}               → 204 | 404
 * Only the organization the token administers may act; it may delete comments on its own posts and
 * its own comments. Accepted writes are recorded in /_sim/received (comment_like, comment_unlike,
 * comment_delete) and show in later reads.
 */
const REACTION_TYPES = ['LIKE', 'PRAISE', 'EMPATHY', 'INTEREST', 'APPRECIATION', 'ENTERTAINMENT'];
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });

/** Records an accepted write of this request in /_sim/received (also organizationAcls', acl-writes.ts). */
export function recordWrite(
  state: LinkedInState,
  call: Call,
  kind: ReceivedItem['kind'],
  what: Pick<ReceivedItem, 'targetId' | 'externalId' | 'text' | 'body'>,
): void {
  state.ctx.world.addReceived({ network: 'linkedin', at: new Date(state.now()).toISOString(), kind, method: call.req.method, path: call.req.path, ...what });
}

/** Records a write on a comment in /_sim/received (also the likes sub-resource's, likes.ts). */
export function record(state: LinkedInState, call: Call, kind: ReceivedItem['kind'], c: LiComment): void {
  recordWrite(state, call, kind, { targetId: c.urn, externalId: c.urn, text: c.text, body: { ...Object.fromEntries(call.req.query), ...call.req.body } });
}

/** A reaction as the Reactions API answers it (its id names actor and entity). */
function reactionJson(r: LiReaction, entity: string): Record<string, unknown> {
  const stamp = { actor: r.actor, time: r.at };
  return { id: `urn:li:reaction:(${r.actor},${entity})`, actor: r.actor, root: entity, reactionType: r.reactionType, created: stamp, lastModified: stamp };
}

export function createReaction(state: LinkedInState, call: Call): SimResponse {
  const actor = call.req.query.get('actor') ?? '';
  // As the organization (its admin) or as the token's own member (w_member_social).
  const refused = mayActAs(state, call, actor, `reactions as ${actor || '(no actor)'}`, ['w_organization_social', 'w_organization_social_feed']);
  if (refused) return refused;
  const root = call.req.body.root;
  const type = call.req.body.reactionType;
  if (typeof root !== 'string' || typeof type !== 'string' || !REACTION_TYPES.includes(type))
    return errors.badParam('The body needs root (an URN) and reactionType (LIKE, PRAISE, EMPATHY, INTEREST, APPRECIATION, ENTERTAINMENT)');
  const on = state.store.entity(root);
  if (!on) return errors.notFound(`Entity ${root} does not exist`);
  state.store.react(on, actor, type, state.now());
  // The sim's record kinds name comment likes only; a reaction to a post shows in later reads.
  if ('parent' in on) record(state, call, 'comment_like', on);
  const id = reactionKey(actor, root);
  return json(201, { root, reactionType: type, created: { actor, time: state.now() } }, { 'x-restli-id': id, 'x-linkedin-id': id });
}

/** GET (anyone's reaction) or DELETE (the organization's own) /rest/reactions/(actor:…,entity:…). */
export function reaction(state: LinkedInState, call: Call, actor: string, entity: string): SimResponse {
  if (call.req.method === 'DELETE') {
    const refused = mayActAs(state, call, actor, `reactions as ${actor}`, ['w_organization_social', 'w_organization_social_feed']);
    if (refused) return refused;
  }
  const on = state.store.entity(entity);
  const found = on?.reactions.get(actor);
  if (!on || !found) return errors.notFound(`Reaction of ${actor} on ${entity} does not exist`);
  if (call.req.method === 'GET') return json(200, reactionJson(found, entity));
  on.reactions.delete(actor);
  if ('parent' in on) record(state, call, 'comment_unlike', on);
  return noContent();
}

/** The compound key of a reaction as LinkedIn writes it in ids and batch results (URNs encoded). */
const reactionKey = (actor: string, entity: string) => `(actor:${encodeURIComponent(actor)},entity:${encodeURIComponent(entity)})`;

/** GET /rest/reactions?ids=List((actor:…,entity:…),…): BATCH_GET, keyed by the compound key. */
export function batchGetReactions(state: LinkedInState, call: Call): SimResponse {
  const keys = restliList(call.req.query.get('ids') ?? '');
  if (!keys.length) return errors.badParam("Invalid value for param 'ids': expected List((actor:…,entity:…),…)");
  const results: Record<string, unknown> = {};
  const statuses: Record<string, number> = {};
  const failures: Record<string, unknown> = {};
  for (const raw of keys) {
    const m = /^\(actor:(urn:li:[^,]+),entity:(urn:li:.+)\)$/.exec(raw);
    const found = m ? state.store.entity(m[2])?.reactions.get(m[1]) : undefined;
    const key = m ? reactionKey(m[1], m[2]) : raw;
    if (m && found) {
      results[key] = reactionJson(found, m[2]);
      statuses[key] = 200;
    } else {
      statuses[key] = 404;
      failures[key] = { status: 404, message: `Reaction ${raw} does not exist`, code: 'RESOURCE_NOT_FOUND' };
    }
  }
  return json(200, { results, statuses, errors: failures });
}

const SORTS = ['REVERSE_CHRONOLOGICAL', 'CHRONOLOGICAL', 'RELEVANCE'];

/** GET /rest/reactions/(entity:{URN})?q=entity: who reacted to a post or comment, newest first unless sort says otherwise. */
export function reactionsOfEntity(state: LinkedInState, call: Call, entity: string): SimResponse {
  const { req } = call;
  if (req.query.get('q') !== 'entity') return errors.badParam("Query parameter 'q' must be 'entity'");
  const sort = /^\(value:([A-Z_]+)\)$/.exec(req.query.get('sort') ?? '(value:REVERSE_CHRONOLOGICAL)')?.[1];
  if (!sort || !SORTS.includes(sort)) return errors.badParam(`Invalid value for param 'sort': ${req.query.get('sort')}`);
  const on = state.store.entity(entity);
  if (!on) return errors.notFound(`Entity ${entity} does not exist`);
  const start = Number(req.query.get('start') ?? 0);
  const count = Number(req.query.get('count') ?? 10);
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0) return errors.badParam('start and count must be non-negative integers');
  const all = [...on.reactions.values()];
  if (sort !== 'CHRONOLOGICAL') all.reverse();
  const elements = all.slice(start, start + Math.min(count, 100)).map((r) => reactionJson(r, entity));
  return json(
    200,
    collection(elements, {
      start,
      count: Math.min(count, 100),
      total: all.length,
      path: `/rest/reactions/(entity:${encodeURIComponent(entity)})`,
      query: req.query,
    }),
  );
}

export function comment(state: LinkedInState, call: Call, object: string, id: string): SimResponse {
  const c =
    state.store.comment(`urn:li:comment:(${object},${id})`) ?? state.store.comment(`urn:li:comment:(${state.store.post(object)?.activityUrn ?? ''},${id})`);
  if (!c) return errors.notFound(`Comment ${id} on ${object} does not exist`);
  if (call.req.method === 'GET') return json(200, commentJson(c, state.orgUrn, state.admin.urn));
  const actor = call.req.query.get('actor') ?? '';
  // The organization may delete any comment on its posts; a member (w_member_social) only their own.
  const own = actor === state.orgUrn ? (c.post.created?.author ?? state.orgUrn) === state.orgUrn || c.actor === actor : c.actor === actor;
  const refused = own ? mayActAs(state, call, actor, 'comment deletion', ['w_organization_social', 'w_organization_social_feed']) : null;
  if (!own || refused) return refused ?? errors.accessDenied(`comment deletion as ${actor || '(no actor)'}`);
  record(state, call, 'comment_delete', c);
  state.store.removeComment(c);
  return noContent();
}
