import { obj } from '@resonance/contracts';
import type { SimResponse } from '../../core/http';
import { errors } from './errors';
import type { Call } from './routes';
import type { LinkedInState } from './state';
import type { LiPost } from './store';

/**
 * The Posts API's writes as the organization (learn.microsoft.com/linkedin, Posts API):
 *   POST   /rest/posts  {author, commentary, visibility, distribution, lifecycleState[, content, isReshareDisabledByAuthor]}
 *          → 201, no body, the post's URN in x-restli-id (and x-linkedin-id)
 *   POST   /rest/posts/{urn} with X-RestLi-Method: PARTIAL_UPDATE {patch: {$set: {commentary}}} → 204
 *   DELETE /rest/posts/{urn} → 204
 * content is one uploaded image ({media: {id: urn:li:image:…, altText?, title?}}) or an article
 * ({article: {source, title, description?, thumbnail?}}). Only an admin of the organization,
 * with w_organization_social, writes as it. Recorded in /_sim/received (post_publish, post_edit, post_delete).
 */
const VISIBILITIES = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER'];
const MAX_COMMENTARY = 3000;
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mayWrite(state: LinkedInState, { req, token }: Call, method: string): SimResponse | null {
  if (!state.isAdmin(token.memberUrn)) return errors.accessDenied(`partnerApiPostsExternal.${method}.${state.version(req) ?? ''}`);
  if (!token.scopes.includes('w_organization_social')) return errors.accessDenied(`partnerApiPostsExternal.${method} (scope w_organization_social)`);
  return null;
}

function record(state: LinkedInState, call: Call, kind: 'post_publish' | 'post_edit' | 'post_delete', path: string, post: LiPost): void {
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind,
    method: call.req.method,
    path,
    targetId: state.orgUrn,
    externalId: post.urn,
    text: post.text,
    body: call.req.body,
  });
}

/** The post's `content` as LinkedIn keeps it, or why it is refused. */
function contentOf(state: LinkedInState, content: unknown): Record<string, unknown> | undefined | string {
  if (content === undefined) return undefined;
  if (!isObject(content)) return "Field '/content' must be an object";
  if (isObject(content.media)) {
    const image = state.images.available(content.media.id, state.orgUrn);
    if (!image) return `Field '/content/media/id' must name an uploaded image of ${state.orgUrn}`;
    return { media: { ...content.media, id: image.urn } };
  }
  if (isObject(content.article)) {
    const { source, title } = content.article;
    if (typeof source !== 'string' || !/^https?:\/\//.test(source)) return "Field '/content/article/source' must be a URL";
    if (typeof title !== 'string' || !title.trim()) return "Field '/content/article/title' is required";
    return { article: content.article };
  }
  return "Field '/content' must hold media or article";
}

export function createPost(state: LinkedInState, call: Call): { response: SimResponse; created?: LiPost } {
  const { req } = call;
  if (req.badBody) return { response: errors.badParam('Unable to parse the request body as JSON') };
  const b = req.body;
  if (b.author !== state.orgUrn) return { response: errors.accessDenied(`partnerApiPostsExternal.CREATE.${state.version(req) ?? ''}`) };
  const refused = mayWrite(state, call, 'CREATE');
  if (refused) return { response: refused };
  const text = b.commentary ?? '';
  if (typeof text !== 'string') return { response: errors.unprocessable("Field '/commentary' must be a string") };
  if (Array.from(text).length > MAX_COMMENTARY) return { response: errors.unprocessable(`Field '/commentary' must be at most ${MAX_COMMENTARY} characters`) };
  if (typeof b.visibility !== 'string' || !VISIBILITIES.includes(b.visibility))
    return { response: errors.unprocessable(`Field '/visibility' must be one of ${VISIBILITIES.join(', ')}`) };
  if (!isObject(b.distribution) || typeof b.distribution.feedDistribution !== 'string')
    return { response: errors.unprocessable("Field '/distribution/feedDistribution' is required") };
  if (b.lifecycleState !== 'PUBLISHED' && b.lifecycleState !== 'DRAFT')
    return { response: errors.unprocessable("Field '/lifecycleState' must be PUBLISHED or DRAFT") };
  const content = contentOf(state, b.content);
  if (typeof content === 'string') return { response: errors.unprocessable(content) };
  if (!text.trim() && !content) return { response: errors.unprocessable("Field '/commentary' is required for a post without content") };
  const post = state.store.addApiPost(text, state.now(), {
    visibility: b.visibility,
    lifecycleState: b.lifecycleState,
    reshareDisabled: b.isReshareDisabledByAuthor === true,
    ...(content ? { content } : {}),
  });
  record(state, call, 'post_publish', '/rest/posts', post);
  return {
    response: { status: 201, headers: { 'x-restli-id': post.urn, 'x-linkedin-id': post.urn }, raw: { contentType: 'application/json', data: '' } },
    created: post,
  };
}

/** POST /rest/posts/{urn} (PARTIAL_UPDATE) or DELETE /rest/posts/{urn}, for the organization's own posts. */
export function changePost(state: LinkedInState, call: Call, urn: string): SimResponse {
  const { req } = call;
  const method = req.method === 'DELETE' ? 'DELETE' : 'PARTIAL_UPDATE';
  const post = state.store.post(urn);
  if (post?.urn !== urn) return errors.notFound(`Post ${urn} does not exist`);
  const refused = mayWrite(state, call, method);
  if (refused) return refused;
  if (method === 'DELETE') {
    record(state, call, 'post_delete', `/rest/posts/${urn}`, post);
    state.store.removePost(post);
    return noContent();
  }
  const restliMethod = req.headers['x-restli-method'];
  if (String(restliMethod ?? '').toUpperCase() !== 'PARTIAL_UPDATE') return errors.badParam('X-RestLi-Method: PARTIAL_UPDATE is required to change a post');
  if (req.badBody || !isObject(req.body.patch)) return errors.badParam('The request body must be a Rest.li patch: {"patch": {"$set": {...}}}');
  const set = obj(req.body.patch.$set);
  const text = set.commentary;
  if (typeof text !== 'string' || !text.trim()) return errors.unprocessable("Field '/commentary' is required in $set (the only field the sim lets you change)");
  if (Array.from(text).length > MAX_COMMENTARY) return errors.unprocessable(`Field '/commentary' must be at most ${MAX_COMMENTARY} characters`);
  post.text = text;
  post.editedAt = state.now();
  record(state, call, 'post_edit', `/rest/posts/${urn}`, post);
  return noContent();
}
