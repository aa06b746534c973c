import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { collection, commentJson, personJson, postJson, socialActionsJson } from './serialize';
import type { LinkedInState } from './state';
import type { LiComment, LiPost } from './store';
import type { LiToken } from './tokens';

/** Read and write routes of /rest (and /v2 for organizationAcls), after version, token and limit checks. */
export interface Call {
  req: SimRequest;
  token: LiToken;
}

const MAX_COUNT = 100;

function paging(req: SimRequest, defaultCount: number): { start: number; count: number } | SimResponse {
  const start = Number(req.query.get('start') ?? 0);
  const count = Number(req.query.get('count') ?? defaultCount);
  if (!Number.isInteger(start) || start < 0) return errors.badParam(`Invalid value for param 'start': ${req.query.get('start')}`);
  if (!Number.isInteger(count) || count < 0) return errors.badParam(`Invalid value for param 'count': ${req.query.get('count')}`);
  return { start, count: Math.min(count, MAX_COUNT) };
}

const isResponse = (v: unknown): v is SimResponse => !!v && typeof v === 'object' && 'status' in v;

export function getPosts(state: LinkedInState, { req }: Call): SimResponse {
  if (req.query.get('q') !== 'author') return errors.badParam("Query parameter 'q' must be 'author'");
  const author = req.query.get('author');
  if (!author) return errors.badParam("Missing required parameter 'author'");
  const p = paging(req, 10);
  if (isResponse(p)) return p;
  const all = author === state.orgUrn ? [...state.store.posts].reverse() : [];
  const elements = all.slice(p.start, p.start + p.count).map((post) => postJson(post, state.orgUrn));
  return json(200, collection(elements, { ...p, total: all.length, path: '/rest/posts', query: req.query }));
}

export function getPost(state: LinkedInState, urn: string): SimResponse {
  const post = state.store.post(urn);
  return post?.urn === urn ? json(200, postJson(post, state.orgUrn)) : errors.notFound(`Post ${urn} does not exist`);
}

/** A post (share or activity URN) or a comment: what socialActions may be read under. */
function target(state: LinkedInState, urn: string): LiPost | LiComment | undefined {
  return urn.startsWith('urn:li:comment:') ? state.store.comment(urn) : state.store.post(urn);
}

export function getSocialActions(state: LinkedInState, urn: string): SimResponse {
  const t = target(state, urn);
  return t ? json(200, socialActionsJson(t, urn)) : errors.notFound(`socialActions target ${urn} does not exist`);
}

export function getComments(state: LinkedInState, { req }: Call, urn: string): SimResponse {
  const t = target(state, urn);
  if (!t) return errors.notFound(`socialActions target ${urn} does not exist`);
  const p = paging(req, 10);
  if (isResponse(p)) return p;
  // First-level comments of a post, or the replies of a comment; oldest first.
  const list = 'comments' in t ? t.comments : t.replies;
  const elements = list.slice(p.start, p.start + p.count).map((c) => commentJson(c, state.orgUrn, state.admin.urn));
  return json(200, collection(elements, { ...p, total: list.length, path: `/rest/socialActions/${encodeURIComponent(urn)}/comments`, query: req.query }));
}

/**
 * The asset id of a comment's `content` (one image, by urn:li:image or urn:li:digitalmediaAsset,
 * as the Comments API takes it): undefined when there is none, null when it is malformed.
 */
function attachedImage(content: unknown): string | undefined | null {
  if (content === undefined) return undefined;
  if (!Array.isArray(content) || content.length !== 1) return null;
  const { image, digitalmediaAsset } = obj(obj(content[0]).entity);
  const urn = image ?? digitalmediaAsset;
  const m = typeof urn === 'string' ? /^urn:li:(?:image|digitalmediaAsset):([A-Za-z0-9_-]+)$/.exec(urn) : null;
  return m ? m[1] : null;
}

export function createComment(state: LinkedInState, { req, token }: Call, urn: string): { response: SimResponse; created?: LiComment } {
  if (req.badBody) return { response: errors.badParam('Unable to parse the request body as JSON') };
  const body = req.body;
  const actor = typeof body.actor === 'string' ? body.actor : undefined;
  const text =
    typeof (body.message as Record<string, unknown> | undefined)?.text === 'string' ? String((body.message as Record<string, unknown>).text) : undefined;
  if (!actor) return { response: errors.unprocessable("Field 'actor' is required") };
  if (!text?.trim()) return { response: errors.unprocessable("Field 'message.text' is required") };
  if (Array.from(text).length > 1250) return { response: errors.unprocessable('Comment text must be at most 1250 characters') };
  const image = attachedImage(body.content);
  if (image === null) return { response: errors.unprocessable("Field 'content' must be one image: [{entity: {image | digitalmediaAsset: urn}}]") };
  if (actor !== state.orgUrn || !state.isAdmin(token.memberUrn))
    return { response: errors.accessDenied(`partnerApiSocialActions.CREATE.${state.version(req) ?? ''}`) };
  if (!token.scopes.includes('w_organization_social') && !token.scopes.includes('w_organization_social_feed')) {
    return { response: errors.accessDenied('partnerApiSocialActions.CREATE (scope w_organization_social)') };
  }
  const t = target(state, urn);
  if (!t) return { response: errors.notFound(`socialActions target ${urn} does not exist`) };
  const post = 'comments' in t ? t : t.post;
  const parentUrn = typeof body.parentComment === 'string' ? body.parentComment : 'comments' in t ? undefined : t.urn;
  const parent = parentUrn ? state.store.comment(parentUrn) : null;
  if (parentUrn && !parent) return { response: errors.unprocessable(`parentComment ${parentUrn} does not exist`) };
  const top = parent ? (parent.parent ?? parent) : null;
  if (post.commentsClosed || top?.commentsClosed) return { response: errors.unprocessable(`Comments are closed on ${top?.commentsClosed ? top.urn : post.urn}`) };
  const created = state.store.addApiComment(post, parent ?? null, text, state.now());
  if (image) created.image = image;
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind: 'comment_reply',
    method: 'POST',
    path: `/rest/socialActions/${urn}/comments`,
    targetId: parent ? parent.urn : post.urn,
    externalId: created.urn,
    text,
    body,
  });
  const response = json(201, commentJson(created, state.orgUrn, state.admin.urn), { 'x-restli-id': created.id, 'x-linkedin-id': created.id });
  return { response, created };
}

export function getPeople(state: LinkedInState, { req }: Call): SimResponse {
  const ids = [...(req.query.get('ids') ?? '').matchAll(/\(id:([^)]+)\)/g)].map((m) => decodeURIComponent(m[1]));
  if (!ids.length) return errors.badParam("Missing or malformed parameter 'ids' (expected List((id:…),…))");
  const results: Record<string, unknown> = {};
  const statuses: Record<string, number> = {};
  const errs: Record<string, unknown> = {};
  for (const id of ids) {
    const person = state.person(id);
    if (person && !person.hidden) {
      results[`(id:${id})`] = personJson(person);
      statuses[`(id:${id})`] = 200;
    } else {
      statuses[`(id:${id})`] = 404;
      errs[`(id:${id})`] = { status: 404, message: `Member ${id} not found` };
    }
  }
  return json(200, { results, statuses, errors: errs });
}

export function getPerson(state: LinkedInState, id: string): SimResponse {
  const person = state.person(id);
  return person && !person.hidden ? json(200, personJson(person)) : errors.notFound(`Member ${id} not found`);
}

export function getOrganization(state: LinkedInState, id: string): SimResponse {
  if (id !== state.org.id) return errors.notFound(`Organization ${id} does not exist`);
  return json(200, {
    id: Number(state.org.id),
    localizedName: state.org.name,
    vanityName: state.org.vanityName,
    $URN: state.orgUrn,
    name: { localized: { en_US: state.org.name } },
  });
}

export function getOrganizationAcls(state: LinkedInState, { req, token }: Call): SimResponse {
  if (req.query.get('q') !== 'roleAssignee') return errors.badParam("Query parameter 'q' must be 'roleAssignee'");
  const p = paging(req, 10);
  if (isResponse(p)) return p;
  const role = req.query.get('role');
  const all =
    state.isAdmin(token.memberUrn) && (!role || role === 'ADMINISTRATOR')
      ? [{ roleAssignee: token.memberUrn, state: 'APPROVED', role: 'ADMINISTRATOR', organization: state.orgUrn, organizationTarget: state.orgUrn }]
      : [];
  return json(200, collection(all.slice(p.start, p.start + p.count), { ...p, total: all.length, path: req.path, query: req.query }));
}
