import { json, type SimRequest, type SimResponse } from '../../core/http';
import { mayActAs } from './acting';
import { errors } from './errors';
import { batchGet } from './restli';
import type { Call } from './routes';
import { commentJson, postJson } from './serialize';
import type { LinkedInState } from './state';
import type { LiComment } from './store';
import { ACCESS_TOKEN_TTL_S } from './tokens';

/**
 * LinkedIn forms around the product's calls (learn.microsoft.com/linkedin, Comments and Posts
 * APIs): one comment by id, editing the organization's own comment (PARTIAL_UPDATE), posts by
 * BATCH_GET, and token introspection.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The comment `id` under a post or comment URN, at any depth (a post's comments and their replies). */
function commentUnder(state: LinkedInState, urn: string, id: string): LiComment | undefined {
  const target = urn.startsWith('urn:li:comment:') ? state.store.comment(urn) : state.store.post(urn);
  if (!target) return undefined;
  const pending = [...('comments' in target ? target.comments : target.replies)];
  for (let c = pending.shift(); c; c = pending.shift()) {
    if (c.id === id) return c;
    pending.push(...c.replies);
  }
  return undefined;
}

/** GET /rest/socialActions/{urn}/comments/{id} */
function getComment(state: LinkedInState, urn: string, id: string): SimResponse {
  const comment = commentUnder(state, urn, id);
  return comment ? json(200, commentJson(comment, state.orgUrn, state.admin.urn)) : errors.notFound(`Comment ${id} under ${urn} does not exist`);
}

/**
 * POST /rest/socialActions/{urn}/comments/{id}?actor=… with X-RestLi-Method: PARTIAL_UPDATE and
 * {patch: {message: {$set: {text}}}} (or {patch: {$set: {message: {text}}}}, as Rest.li clients
 * build it): the organization edits a comment it wrote. Answers the comment as it now stands.
 */
function editComment(state: LinkedInState, { req, token }: Call, urn: string, id: string): SimResponse {
  if (req.badBody || !isObject(req.body.patch)) return errors.badParam('The request body must be a Rest.li patch: {"patch": {...}}');
  const patch = req.body.patch;
  const viaField = isObject(patch.message) && isObject(patch.message.$set) ? patch.message.$set : undefined;
  const viaSet = isObject(patch.$set) && isObject(patch.$set.message) ? patch.$set.message : undefined;
  const text = (viaField ?? viaSet)?.text;
  if (typeof text !== 'string' || !text.trim()) return errors.unprocessable("Field 'message.text' is required");
  if (Array.from(text).length > 1250) return errors.unprocessable('Comment text must be at most 1250 characters');
  const comment = commentUnder(state, urn, id);
  if (!comment) return errors.notFound(`Comment ${id} under ${urn} does not exist`);
  const actor = req.query.get('actor');
  // Only the comment's own actor edits it: the organization through one of its admins, or a member as themselves.
  if (actor !== comment.actor) return errors.accessDenied(`partnerApiSocialActions.PARTIAL_UPDATE.${state.version(req) ?? ''}`);
  const refused = mayActAs(state, { req, token }, actor, 'partnerApiSocialActions.PARTIAL_UPDATE', ['w_organization_social', 'w_organization_social_feed']);
  if (refused) return refused;
  comment.text = text;
  comment.editedAt = state.now();
  return json(200, commentJson(comment, state.orgUrn, state.admin.urn));
}

/** GET /rest/posts?ids=List(…): BATCH_GET, with results, statuses and errors keyed by URN. */
function batchGetPosts(state: LinkedInState, req: SimRequest): SimResponse {
  return batchGet(
    req,
    (urn) => {
      const post = state.store.post(urn);
      return post?.urn === urn ? postJson(post, state.orgUrn) : undefined;
    },
    'Post',
  );
}

/**
 * GET /v2/userinfo (Sign In with LinkedIn using OpenID Connect; scopes openid and profile, email
 * for the address) and GET /v2/me (the member's own lite profile): the member the token is for.
 */
function member(state: LinkedInState, { token }: Call, path: '/v2/userinfo' | '/v2/me'): SimResponse {
  const person = token.memberUrn === state.admin.urn ? state.admin : undefined;
  if (!person) return errors.notFound(`Member ${token.memberUrn} does not exist`);
  const picture = `https://media.licdn.com/dms/image/v2/${person.id}/profile-displayphoto-shrink_100_100/0/`;
  if (path === '/v2/userinfo') {
    if (!token.scopes.includes('openid')) return errors.accessDenied('/userinfo (scope openid)');
    return json(200, {
      sub: person.id,
      ...(token.scopes.includes('profile')
        ? {
            name: `${person.firstName} ${person.lastName}`,
            given_name: person.firstName,
            family_name: person.lastName,
            picture,
            locale: { country: 'DE', language: 'de' },
          }
        : {}),
      ...(token.scopes.includes('email') ? { email: `${person.firstName.toLowerCase()}@example.org`, email_verified: true } : {}),
    });
  }
  if (!token.scopes.some((s) => s === 'profile' || s === 'r_liteprofile' || s === 'r_basicprofile')) return errors.accessDenied('/me.GET.NO_VERSION');
  const localized = (value: string) => ({ localized: { de_DE: value }, preferredLocale: { country: 'DE', language: 'de' } });
  return json(200, {
    id: person.id,
    localizedFirstName: person.firstName,
    localizedLastName: person.lastName,
    firstName: localized(person.firstName),
    lastName: localized(person.lastName),
  });
}

/** The route for `path` when it is one of these forms, else undefined. */
export function entityRoute(state: LinkedInState, call: Call, path: string): SimResponse | undefined {
  const { req } = call;
  if ((path === '/v2/userinfo' || path === '/v2/me') && req.method === 'GET') return member(state, call, path);
  if (path === '/rest/posts' && req.method === 'GET' && req.query.get('ids') !== null) return batchGetPosts(state, req);
  const m = /^\/rest\/socialActions\/(urn:li:.+)\/comments\/(\d+)$/.exec(path);
  if (!m) return undefined;
  if (req.method === 'GET') return getComment(state, m[1], m[2]);
  const method = String(req.headers['x-restli-method'] ?? '').toUpperCase();
  if (req.method === 'POST' && method === 'PARTIAL_UPDATE') return editComment(state, call, m[1], m[2]);
  return undefined;
}

/**
 * POST /oauth/v2/introspectToken (client_id, client_secret, token): whether a token is active, its
 * scopes and expiry; an unknown, expired or revoked one is {active: false}.
 */
export function introspect(state: LinkedInState, req: SimRequest): SimResponse {
  if (req.method !== 'POST') return errors.methodNotAllowed();
  const p = req.body;
  if (p.client_id !== state.app.clientId || p.client_secret !== state.app.clientSecret)
    return errors.oauth(401, 'invalid_client', 'Client authentication failed');
  const token = typeof p.token === 'string' ? state.tokens.get(p.token) : undefined;
  const now = state.now();
  if (!token || token.revoked || (token.expiresAt !== null && token.expiresAt <= now)) return json(200, { active: false });
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const expiresAt = token.expiresAt ?? now + ACCESS_TOKEN_TTL_S * 1000;
  const created = seconds(expiresAt) - ACCESS_TOKEN_TTL_S;
  return json(200, {
    active: true,
    client_id: state.app.clientId,
    authorized_at: created,
    created_at: created,
    status: 'active',
    expires_at: seconds(expiresAt),
    scope: token.scopes.join(','),
    auth_type: '3L',
  });
}
