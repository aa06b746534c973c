import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors, graphError } from './errors';
import type { FacebookState } from './state';
import type { FbPost } from './store';
import type { FbToken } from './tokens';
import { objectParam, param, readExtras, timeParam } from './post-extras';
import type { FbPhoto } from './post-types';
import type { ReceivedItem } from '../../core/world';

/**
 * Page posts written through the Pages API (page token with pages_manage_posts):
 *   POST   /{page-id}/feed  message, link, published, scheduled_publish_time → {id: "{page-id}_{post-id}"}
 *   POST   /{post-id}       message (edit), is_published=true (publish an unpublished post),
 *                            is_hidden (hide from the timeline, or show again), is_pinned (one
 *                            pinned post per page: pinning another unpins it), timeline_visibility
 *                            (hidden | normal | forced_allow) → {success: true}
 *   DELETE /{post-id}       → {success: true}; its comments go with it
 * An unpublished post (published=false, with or without a scheduled_publish_time 10 minutes to
 * 30 days ahead) is readable by id (is_published false) but in no feed until it is published or
 * its time comes. Every accepted call is recorded in /_sim/received (post_publish, post_edit,
 * post_delete).
 */

/** Graph's answer when the token may not publish as the page (a user token, or no pages_manage_posts). */
const cannotPublish = () =>
  graphError({
    status: 403,
    message: '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
    code: 200,
  });

const MIN_SCHEDULE_MS = 10 * 60_000;
const MAX_SCHEDULE_MS = 30 * 24 * 3600_000;

export function mayPublish(state: FacebookState, token: FbToken): SimResponse | null {
  if (token.kind !== 'page' || token.pageId !== state.pageId) return cannotPublish();
  return token.scopes.includes('pages_manage_posts') && token.scopes.includes('pages_read_engagement') ? null : cannotPublish();
}

/** `true`/`false` as JSON booleans or form text ("true", "1", …); undefined when absent, null when neither. */
/** The page and the token as every publishing edge checks them; null when both may publish. */
export function mayPublishTo(state: FacebookState, token: FbToken, pageId: string): SimResponse | null {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId, 'post');
  return mayPublish(state, token);
}

export function bool(value: unknown): boolean | undefined | null {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}

export function record(state: FacebookState, req: SimRequest, kind: 'post_publish' | 'post_edit' | 'post_delete', path: string, post: FbPost): void {
  recordItem(state, req, kind, path, post.id, post.id, post.message);
}

/** What a client sent to the page, for tests (the file itself and the token left out). */
export function recordItem(
  state: FacebookState,
  req: SimRequest,
  kind: ReceivedItem['kind'],
  path: string,
  targetId: string,
  externalId: string,
  text: string,
): void {
  state.ctx.world.addReceived({
    network: 'facebook',
    at: new Date().toISOString(),
    kind,
    method: req.method,
    path,
    targetId,
    externalId,
    text,
    body: { ...Object.fromEntries(req.query), ...req.body, access_token: undefined, source: undefined },
  });
}

/** POST /{page-id}/feed */
export function publishPost(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): { response: SimResponse; created?: FbPost } {
  if (pageId !== state.pageId && pageId !== 'me') return { response: errors.unsupportedGet(pageId, 'post') };
  const refused = mayPublish(state, token);
  if (refused) return { response: refused };
  const message = param(req, 'message');
  const link = param(req, 'link');
  if (message !== undefined && typeof message !== 'string') return { response: errors.invalidParam('Param message must be a string') };
  if (link !== undefined && !(typeof link === 'string' && /^https?:\/\/\S+$/.test(link)))
    return { response: errors.invalidParam('Param link must be a valid URL') };
  if (!message?.trim() && link === undefined && param(req, 'attached_media') === undefined && !hasIndexedMedia(req))
    return { response: errors.invalidParam('Missing message or attachment') };
  const published = bool(param(req, 'published'));
  if (published === null) return { response: errors.invalidParam('Param published must be a boolean') };
  const now = state.now();
  const scheduledAt = readSchedule(req, published, now);
  if (typeof scheduledAt === 'object') return { response: scheduledAt };
  const extras = readExtras(req, now, (id) => state.store.commenter(id) ?? state.store.conversationWith(id)?.customer, { published: published !== false });
  if ('status' in extras) return { response: extras };
  const attached = attachedMedia(state, req);
  if (!Array.isArray(attached)) return { response: attached };
  const post = state.store.addApiPost(message ?? '', now, {
    ...(typeof link === 'string' ? { link } : {}),
    ...(published === false ? { published: false } : {}),
    ...(scheduledAt !== undefined ? { scheduledAt } : {}),
    ...(attached.length ? { media: { kind: 'photo' as const, photos: attached } } : {}),
    ...(Object.keys(extras).length ? { extras } : {}),
  });
  for (const photo of attached) photo.postId = post.id;
  record(state, req, 'post_publish', `/${pageId}/feed`, post);
  return { response: json(200, { id: post.id }), created: post };
}

/**
 * `scheduled_publish_time` (UNIX seconds or an ISO time, 10 minutes to 30 days ahead, only on an
 * unpublished post): ms, undefined when absent, or Graph's error.
 */
export function readSchedule(req: SimRequest, published: boolean | undefined, now: number): number | undefined | SimResponse {
  const raw = param(req, 'scheduled_publish_time');
  if (raw === undefined) return undefined;
  const at = timeParam(raw);
  if (published !== false) return errors.invalidParam('You cannot specify a scheduled publish time on a published post');
  if (!Number.isFinite(at) || at - now < MIN_SCHEDULE_MS || at - now > MAX_SCHEDULE_MS)
    return errors.invalidParam('The specified scheduled publish time is invalid.');
  return at;
}

/** Form bodies send arrays as `attached_media[0]=…`, `attached_media[1]=…`. */
function hasIndexedMedia(req: SimRequest): boolean {
  return Object.keys(req.body).some((k) => k.startsWith('attached_media[')) || [...req.query.keys()].some((k) => k.startsWith('attached_media['));
}

/**
 * `attached_media` (a multi-photo post): `[{media_fbid}]` of photos uploaded with published=false
 * and in no post yet, as a JSON array or indexed form fields. At most 10 here (the sim's limit).
 */
function attachedMedia(state: FacebookState, req: SimRequest): FbPhoto[] | SimResponse {
  const raw = param(req, 'attached_media');
  let items: unknown[];
  if (raw !== undefined) {
    const parsed: unknown = typeof raw === 'string' ? safeJson(raw) : raw;
    if (!Array.isArray(parsed)) return errors.invalidParam('Param attached_media must be an array');
    items = parsed;
  } else {
    const keys = [...Object.keys(req.body), ...req.query.keys()].filter((k) => /^attached_media\[\d+\]$/.test(k)).sort();
    items = keys.map((k) => param(req, k));
  }
  const photos: FbPhoto[] = [];
  for (const item of items) {
    const id = objectParam(item)?.media_fbid;
    const photo = typeof id === 'string' || typeof id === 'number' ? state.media.photo(String(id)) : undefined;
    if (!photo || photo.published || photo.postId || photo.storyId)
      return errors.invalidParam(`Invalid media_fbid in attached_media: ${JSON.stringify(id ?? item)}`);
    photos.push(photo);
  }
  if (photos.length > 10) return errors.invalidParam('attached_media takes at most 10 photos');
  return photos;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** POST /{post-id}: a new message, or publishing a post that was not. */
export function updatePost(state: FacebookState, req: SimRequest, token: FbToken, post: FbPost): { response: SimResponse; edited?: FbPost } {
  const refused = mayPublish(state, token);
  if (refused) return { response: refused };
  const message = param(req, 'message');
  const publish = bool(param(req, 'is_published'));
  if (publish === null) return { response: errors.invalidParam('Param is_published must be a boolean') };
  let hide = bool(param(req, 'is_hidden'));
  if (hide === null) return { response: errors.invalidParam('Param is_hidden must be a boolean') };
  const pin = bool(param(req, 'is_pinned'));
  if (pin === null) return { response: errors.invalidParam('Param is_pinned must be a boolean') };
  const visibility = param(req, 'timeline_visibility');
  if (visibility !== undefined && !(typeof visibility === 'string' && VISIBILITIES.includes(visibility)))
    return { response: errors.invalidParam(`Param timeline_visibility must be one of {${VISIBILITIES.join(', ')}}`) };
  if (visibility !== undefined && hide !== undefined && hide !== (visibility === 'hidden'))
    return { response: errors.invalidParam('Params is_hidden and timeline_visibility disagree') };
  if (visibility !== undefined) hide = visibility === 'hidden';
  if (message === undefined && publish === undefined && hide === undefined && pin === undefined)
    return { response: errors.invalidParam('The parameter message, is_published, is_hidden, is_pinned or timeline_visibility is required') };
  // Only what is on the page's timeline can be pinned there.
  if (pin === true && (post.published === false || post.visitor !== undefined))
    return { response: errors.invalidParam('Only a published post of the page can be pinned') };
  if (message !== undefined && !(typeof message === 'string' && message.trim() !== '')) return { response: errors.emptyMessage() };
  // A published post cannot be taken back to unpublished (Graph: "(#100) … already published").
  if (publish === false && post.published !== false) return { response: errors.invalidParam('This post has already been published') };
  if (typeof message === 'string') {
    post.message = message;
    post.editedAt = state.now();
  }
  if (hide !== undefined && hide !== (post.hidden === true)) {
    post.hidden = hide;
    state.store.hiddenPosts += hide ? 1 : -1;
  }
  if (visibility !== undefined) post.forcedAllow = visibility === 'forced_allow' || undefined;
  if (pin === true) for (const other of state.store.posts) if (other.pinned) other.pinned = undefined;
  if (pin !== undefined) post.pinned = pin || undefined;
  if (publish === true && post.published === false) {
    post.published = true;
    post.scheduledAt = undefined;
    state.store.unpublished -= 1;
  }
  record(state, req, 'post_edit', `/${post.id}`, post);
  return { response: json(200, { success: true }), edited: post };
}

const VISIBILITIES = ['hidden', 'normal', 'forced_allow'];

/** DELETE /{post-id} */
export function deletePost(state: FacebookState, req: SimRequest, token: FbToken, post: FbPost): SimResponse {
  const refused = mayPublish(state, token);
  if (refused) return refused;
  record(state, req, 'post_delete', `/${post.id}`, post);
  state.store.removePost(post);
  state.media.dropPost(post);
  return json(200, { success: true });
}
