import type { SimResponse } from '../../core/http';
import { mayActAs } from './acting';
import { errors } from './errors';
import type { Call } from './routes';
import type { LinkedInState } from './state';
import type { LiPost } from './store';
import { applyPostPatch, postExtras } from './post-update';

/**
 * The Posts API's writes as the organization (learn.microsoft.com/linkedin, Posts API):
 *   POST   /rest/posts  {author, commentary, visibility, distribution, lifecycleState[, content, isReshareDisabledByAuthor]}
 *          → 201, no body, the post's URN in x-restli-id (and x-linkedin-id)
 *   POST   /rest/posts/{urn} with X-RestLi-Method: PARTIAL_UPDATE {patch: {$set: {commentary}}} → 204
 *   DELETE /rest/posts/{urn} → 204
 * content is one uploaded image, finalized video or uploaded document ({media: {id: urn:li:image:… |
 * urn:li:video:… | urn:li:document:…, altText?, title?}}, a document with its title), 2–20 images
 * ({multiImage: {images: [{id, altText?}]}}), a poll ({poll: {question, options, settings: {duration}}}) or an article ({article: {source, title, description?,
 * thumbnail?}}); reshareContext {parent} reshares a post (read back with its root). Only an admin of the organization,
 * with w_organization_social, writes as it. Recorded in /_sim/received (post_publish, post_edit, post_delete).
 */
const VISIBILITIES = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER'];
const MAX_COMMENTARY = 3000;
/** A multi-image post holds 2 to 20 images. */
const MIN_IMAGES = 2;
const MAX_IMAGES = 20;
const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Who may write a post as `author` (acting.ts): the organization's admin or the member themselves. */
const mayWriteAs = (state: LinkedInState, call: Call, method: string, author: string): SimResponse | null =>
  mayActAs(state, call, author, `partnerApiPostsExternal.${method}`, ['w_organization_social']);

export function record(state: LinkedInState, call: Call, kind: 'post_publish' | 'post_edit' | 'post_delete', path: string, post: LiPost): void {
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind,
    method: call.req.method,
    path,
    targetId: post.created?.author ?? state.orgUrn,
    externalId: post.urn,
    text: post.text,
    body: call.req.body,
  });
}

/** The post's `content` as LinkedIn keeps it, or why it is refused. */
function contentOf(state: LinkedInState, content: unknown, owner: string): Record<string, unknown> | undefined | string {
  if (content === undefined) return undefined;
  if (!isObject(content)) return "Field '/content' must be an object";
  if (isObject(content.media)) {
    const media = mediaOf(state, content.media, owner);
    return typeof media === 'string' ? media : { media };
  }
  if (isObject(content.multiImage)) {
    const images = content.multiImage.images;
    if (!Array.isArray(images) || images.length < MIN_IMAGES || images.length > MAX_IMAGES)
      return `Field '/content/multiImage/images' must hold ${MIN_IMAGES} to ${MAX_IMAGES} images`;
    const kept: Array<Record<string, unknown>> = [];
    for (const [i, raw] of images.entries()) {
      const image = isObject(raw) ? state.images.available(raw.id, owner) : undefined;
      if (!isObject(raw) || !image) return `Field '/content/multiImage/images/${i}/id' must name an uploaded image of ${owner}`;
      kept.push({ ...raw, id: image.urn });
    }
    return { multiImage: { ...content.multiImage, images: kept } };
  }
  if (isObject(content.poll)) return pollOf(content.poll);
  if (isObject(content.article)) {
    const { source, title } = content.article;
    if (typeof source !== 'string' || !/^https?:\/\//.test(source)) return "Field '/content/article/source' must be a URL";
    if (typeof title !== 'string' || !title.trim()) return "Field '/content/article/title' is required";
    return { article: content.article };
  }
  return "Field '/content' must hold media, multiImage, poll or article";
}

const POLL_DURATIONS = ['ONE_DAY', 'THREE_DAYS', 'SEVEN_DAYS', 'FOURTEEN_DAYS'];

/** `content.poll` (Poll API): a question of up to 140 characters, 2–4 options of up to 30, a duration; nobody votes in the sim. */
function pollOf(poll: Record<string, unknown>): Record<string, unknown> | string {
  const { question, options, settings } = poll;
  if (typeof question !== 'string' || !question.trim() || Array.from(question).length > 140)
    return "Field '/content/poll/question' must be 1 to 140 characters";
  if (!Array.isArray(options) || options.length < 2 || options.length > 4) return "Field '/content/poll/options' must hold 2 to 4 options";
  const texts = options.map((o) => (isObject(o) ? o.text : undefined));
  if (texts.some((t) => typeof t !== 'string' || !t.trim() || Array.from(t).length > 30))
    return "Field '/content/poll/options/*/text' must be 1 to 30 characters";
  const duration = isObject(settings) ? settings.duration : undefined;
  if (typeof duration !== 'string' || !POLL_DURATIONS.includes(duration))
    return `Field '/content/poll/settings/duration' must be one of ${POLL_DURATIONS.join(', ')}`;
  return {
    poll: {
      question,
      settings: { duration, voteSelectionType: 'SINGLE_VOTE', isVoterVisibleToAuthor: false, ...(isObject(settings) ? settings : {}) },
      options: texts.map((text) => ({ text, voteCount: 0 })),
      uniqueVotersCount: 0,
    },
  };
}

/** `content.media`: one uploaded image, a finalized video or an uploaded document (which needs a title) of the organization. */
function mediaOf(state: LinkedInState, media: Record<string, unknown>, owner: string): Record<string, unknown> | string {
  const id = typeof media.id === 'string' ? media.id : '';
  if (id.startsWith('urn:li:video:')) {
    const video = state.media.video(id);
    if (video?.owner !== owner || video.finalizedAt === null || video.failed) return `Field '/content/media/id' must name a finalized video of ${owner}`;
    return { ...media, id: video.urn };
  }
  if (id.startsWith('urn:li:document:')) {
    const doc = state.media.document(id);
    if (doc?.owner !== owner || doc.bytes === null || doc.failed) return `Field '/content/media/id' must name an uploaded document of ${owner}`;
    if (typeof media.title !== 'string' || !media.title.trim()) return "Field '/content/media/title' is required for a document";
    return { ...media, id: doc.urn };
  }
  const image = state.images.available(id, owner);
  if (!image) return `Field '/content/media/id' must name an uploaded image, video or document of ${owner}`;
  return { ...media, id: image.urn };
}

/** `reshareContext: {parent}`: the post reshared (its root is the original of a chain of reshares), or why it is refused. */
function reshareOf(state: LinkedInState, context: unknown): { parent: string; root: string } | undefined | string {
  if (context === undefined) return undefined;
  const parentUrn = isObject(context) ? context.parent : undefined;
  if (typeof parentUrn !== 'string') return "Field '/reshareContext/parent' is required";
  const parent = state.store.post(parentUrn);
  if (!parent) return `Field '/reshareContext/parent': post ${parentUrn} does not exist`;
  if (parent.created?.lifecycleState === 'DRAFT') return `Field '/reshareContext/parent': post ${parentUrn} is not published`;
  if (parent.created?.reshareDisabled) return `Field '/reshareContext/parent': the author of ${parentUrn} disabled resharing`;
  return { parent: parentUrn, root: parent.created?.reshareContext?.root ?? parent.urn };
}

export function createPost(state: LinkedInState, call: Call): { response: SimResponse; created?: LiPost } {
  const { req } = call;
  if (req.badBody) return { response: errors.badParam('Unable to parse the request body as JSON') };
  const b = req.body;
  const author = typeof b.author === 'string' ? b.author : '';
  const refused = mayWriteAs(state, call, 'CREATE', author);
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
  const extras = postExtras(b);
  if (typeof extras === 'string') return { response: errors.unprocessable(extras) };
  const content = contentOf(state, b.content, author);
  if (typeof content === 'string') return { response: errors.unprocessable(content) };
  const reshare = reshareOf(state, b.reshareContext);
  if (typeof reshare === 'string') return { response: errors.unprocessable(reshare) };
  // A reshare may come without words of its own; any other post needs commentary or content.
  if (!text.trim() && !content && !reshare) return { response: errors.unprocessable("Field '/commentary' is required for a post without content") };
  const post = state.store.addApiPost(text, state.now(), {
    visibility: b.visibility,
    lifecycleState: b.lifecycleState,
    reshareDisabled: b.isReshareDisabledByAuthor === true,
    distribution: b.distribution,
    ...(content ? { content } : {}),
    ...(reshare ? { reshareContext: reshare } : {}),
    ...(author !== state.orgUrn ? { author } : {}),
    ...extras,
  });
  record(state, call, 'post_publish', '/rest/posts', post);
  return {
    response: { status: 201, headers: { 'x-restli-id': post.urn, 'x-linkedin-id': post.urn }, raw: { contentType: 'application/json', data: '' } },
    created: post,
  };
}

/** POST /rest/posts/{urn} (PARTIAL_UPDATE) or DELETE /rest/posts/{urn}, for the author's own posts. */
export function changePost(state: LinkedInState, call: Call, urn: string): SimResponse {
  const { req } = call;
  const method = req.method === 'DELETE' ? 'DELETE' : 'PARTIAL_UPDATE';
  const post = state.store.post(urn);
  if (post?.urn !== urn) return errors.notFound(`Post ${urn} does not exist`);
  const refused = mayWriteAs(state, call, method, post.created?.author ?? state.orgUrn);
  if (refused) return refused;
  if (method === 'DELETE') {
    record(state, call, 'post_delete', `/rest/posts/${urn}`, post);
    state.store.removePost(post);
    return noContent();
  }
  const restliMethod = req.headers['x-restli-method'];
  if (String(restliMethod ?? '').toUpperCase() !== 'PARTIAL_UPDATE') return errors.badParam('X-RestLi-Method: PARTIAL_UPDATE is required to change a post');
  if (req.badBody || !isObject(req.body.patch)) return errors.badParam('The request body must be a Rest.li patch: {"patch": {"$set": {...}}}');
  const applied = applyPostPatch(post, req.body.patch, state.now());
  if (typeof applied === 'string') return errors.unprocessable(applied);
  record(state, call, applied.published ? 'post_publish' : 'post_edit', `/rest/posts/${urn}`, post);
  return noContent();
}
