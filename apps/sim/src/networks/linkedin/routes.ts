import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { mayActAs } from './acting';
import { errors } from './errors';
import { batchGet } from './restli';
import { collection, commentJson, personJson, postJson, socialActionsJson } from './serialize';
import { ACL_ROLES, ACL_STATES, type LinkedInState } from './state';
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
  const sortBy = req.query.get('sortBy') ?? 'LAST_MODIFIED';
  if (sortBy !== 'LAST_MODIFIED' && sortBy !== 'CREATED') return errors.badParam(`Invalid value for param 'sortBy': ${sortBy} (LAST_MODIFIED or CREATED)`);
  const viewContext = req.query.get('viewContext') ?? 'READER';
  if (viewContext !== 'READER' && viewContext !== 'AUTHOR') return errors.badParam(`Invalid value for param 'viewContext': ${viewContext} (READER or AUTHOR)`);
  const isDsc = req.query.get('isDsc');
  if (isDsc !== null && isDsc !== 'true' && isDsc !== 'false') return errors.badParam(`Invalid value for param 'isDsc': ${isDsc}`);
  // The sim's posts are all organic (no direct sponsored content); a reader sees no drafts.
  // A member's own posts (w_member_social) are found by their person URN, the organization's by its URN.
  const visible =
    isDsc !== 'true'
      ? state.store.posts.filter(
          (post) => (post.created?.author ?? state.orgUrn) === author && (viewContext === 'AUTHOR' || post.created?.lifecycleState !== 'DRAFT'),
        )
      : [];
  const key = (post: LiPost) => (sortBy === 'CREATED' ? post.createdAt : (post.modifiedAt ?? post.editedAt ?? post.createdAt));
  // Newest first; ties (and the stable creation order) keep the later-created post first.
  const all = visible
    .map((post, i) => ({ post, i }))
    .sort((a, b) => key(b.post) - key(a.post) || b.i - a.i)
    .map(({ post }) => post);
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

/** GET /rest/socialActions?ids=List(…): BATCH_GET of the same summaries, keyed by URN. */
export function getSocialActionsBatch(state: LinkedInState, { req }: Call): SimResponse {
  return batchGet(
    req,
    (urn) => {
      const t = target(state, urn);
      return t ? socialActionsJson(t, urn) : undefined;
    },
    'socialActions target',
  );
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

/** `message.attributes`: mentions of members or organizations, each a range of the text with the entity it names. */
function mentionsFit(attributes: unknown, text: string): boolean {
  if (!Array.isArray(attributes)) return false;
  const length = text.length;
  return attributes.every((a) => {
    const { start, length: span, value } = obj(a);
    return (
      Number.isInteger(start) &&
      Number.isInteger(span) &&
      (start as number) >= 0 &&
      (span as number) > 0 &&
      (start as number) + (span as number) <= length &&
      typeof value === 'object' &&
      value !== null
    );
  });
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
  const attributes = (body.message as Record<string, unknown>).attributes ?? [];
  if (!mentionsFit(attributes, text))
    return { response: errors.unprocessable("Field 'message.attributes' must be mentions [{start, length, value}] within the text") };
  const image = attachedImage(body.content);
  if (image === null) return { response: errors.unprocessable("Field 'content' must be one image: [{entity: {image | digitalmediaAsset: urn}}]") };
  const refused = mayActAs(state, { req, token }, actor, 'partnerApiSocialActions.CREATE', ['w_organization_social', 'w_organization_social_feed']);
  if (refused) return { response: refused };
  const t = target(state, urn);
  if (!t) return { response: errors.notFound(`socialActions target ${urn} does not exist`) };
  const post = 'comments' in t ? t : t.post;
  const parentUrn = typeof body.parentComment === 'string' ? body.parentComment : 'comments' in t ? undefined : t.urn;
  const parent = parentUrn ? state.store.comment(parentUrn) : null;
  if (parentUrn && !parent) return { response: errors.unprocessable(`parentComment ${parentUrn} does not exist`) };
  const top = parent ? (parent.parent ?? parent) : null;
  if (post.commentsClosed || top?.commentsClosed)
    return { response: errors.unprocessable(`Comments are closed on ${top?.commentsClosed ? top.urn : post.urn}`) };
  const created = state.store.addApiComment(post, parent ?? null, text, state.now(), actor);
  if (image) created.image = image;
  if (Array.isArray(attributes) && attributes.length) created.attributes = attributes;
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

export function organizationJson(state: LinkedInState): Record<string, unknown> {
  return {
    id: Number(state.org.id),
    localizedName: state.org.name,
    vanityName: state.org.vanityName,
    $URN: state.orgUrn,
    name: { localized: { en_US: state.org.name } },
  };
}

export function getOrganization(state: LinkedInState, id: string): SimResponse {
  if (id !== state.org.id) return errors.notFound(`Organization ${id} does not exist`);
  return json(200, organizationJson(state));
}

/** GET /rest/organizations?ids=List(…) (BATCH_GET by numeric id) or ?q=vanityName&vanityName=… (the finder). */
export function findOrganizations(state: LinkedInState, { req }: Call): SimResponse {
  if (req.query.get('ids') !== null) return batchGet(req, (id) => (id === state.org.id ? organizationJson(state) : undefined), 'Organization');
  if (req.query.get('q') !== 'vanityName') return errors.badParam("Query parameter 'q' must be 'vanityName' (or use ids=List(…))");
  const vanity = req.query.get('vanityName');
  if (!vanity) return errors.badParam("Missing required parameter 'vanityName'");
  const all = vanity.toLowerCase() === state.org.vanityName.toLowerCase() ? [organizationJson(state)] : [];
  return json(200, collection(all, { start: 0, count: 10, total: all.length, path: req.path, query: req.query }));
}

/**
 * GET /rest/organizationAcls (and /v2): q=roleAssignee (the token's member's roles) or
 * q=organization (every role holder of a page; its administrators only), both filtered by `role`
 * and `state` (unknown values 400); without them, every role in every state.
 */
export function getOrganizationAcls(state: LinkedInState, { req, token }: Call): SimResponse {
  const finder = req.query.get('q');
  if (finder !== 'roleAssignee' && finder !== 'organization') return errors.badParam("Query parameter 'q' must be 'roleAssignee' or 'organization'");
  const p = paging(req, 10);
  if (isResponse(p)) return p;
  const role = req.query.get('role');
  const aclState = req.query.get('state');
  if (role !== null && !ACL_ROLES.includes(role)) return errors.badParam(`Invalid value for param 'role': ${role}`);
  if (aclState !== null && !ACL_STATES.includes(aclState)) return errors.badParam(`Invalid value for param 'state': ${aclState}`);
  let holders = state.acls;
  if (finder === 'organization') {
    const org = req.query.get('organization');
    if (!org) return errors.badParam("Missing required parameter 'organization'");
    if (!state.isAdmin(token.memberUrn)) return errors.accessDenied(`organizationAcls.FINDER-organization.${state.version(req) ?? ''}`);
    if (org !== state.orgUrn) holders = [];
  } else {
    holders = holders.filter((a) => a.roleAssignee === token.memberUrn);
  }
  const all = holders
    .filter((a) => (!role || a.role === role) && (!aclState || a.state === aclState))
    .map((a) => ({ ...a, organization: state.orgUrn, organizationTarget: state.orgUrn }));
  return json(200, collection(all.slice(p.start, p.start + p.count), { ...p, total: all.length, path: req.path, query: req.query }));
}
