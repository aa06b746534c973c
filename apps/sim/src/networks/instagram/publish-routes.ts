import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { graphError } from '../facebook/errors';
import type { IgCall, InstagramState } from './state';
import type { IgMedia } from './store';
import { PUBLISHING_QUOTA as QUOTA, type IgContainer } from './containers';
import { optionsRecord, readPublishOptions } from './publish-options';

/**
 * Content publishing (Instagram Platform, Content Publishing), on both hosts:
 *   POST /{ig-user-id}/media           image_url | video_url (media_type VIDEO, REELS) | media_type STORIES + image_url or video_url
 *                                      | media_type CAROUSEL + children,
 *                                      caption, is_carousel_item, user_tags, location_id, collaborators,
 *                                      cover_url, thumb_offset, share_to_feed, audio_name (publish-options.ts)
 *                                      → {id: container}
 *   GET  /{container-id}?fields=status_code,status → {status_code: FINISHED | PUBLISHED, status, id}
 *   POST /{ig-user-id}/media_publish   creation_id → {id: the new media}
 *   GET  /{ig-user-id}/content_publishing_limit?fields=quota_usage,config
 * The sim does not fetch the media URL: a container is FINISHED at once and its media lists the
 * URL's kind (IMAGE, VIDEO, CAROUSEL_ALBUM). A container publishes once, within 24 hours; 100
 * publications per 24 hours (then (#9) 2207042). Recorded in /_sim/received (post_publish).
 */
const CONTAINER_TTL_MS = 24 * 3600_000;
const MAX_CAPTION = 2200;
const MAX_CHILDREN = 10;

const param = (req: SimRequest, name: string): unknown => req.body[name] ?? req.query.get(name) ?? undefined;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

export function createContainer(state: InstagramState, call: IgCall, igUserId: string): SimResponse {
  const { req, errors } = call;
  if (!state.isAccount(igUserId)) return errors.unsupported(igUserId, 'post');
  const type = param(req, 'media_type');
  const caption = param(req, 'caption');
  if (caption !== undefined && (typeof caption !== 'string' || Array.from(caption).length > MAX_CAPTION))
    return errors.invalidParam(`The caption must be a string of at most ${MAX_CAPTION} characters`);
  const carouselItem = text(param(req, 'is_carousel_item')) === 'true';
  const now = state.now();
  const kind = type === 'CAROUSEL' || type === 'VIDEO' || type === 'REELS' || type === 'STORIES' ? type : 'IMAGE';
  const options = readPublishOptions((name) => param(req, name), kind, carouselItem);
  if (typeof options === 'string') return errors.invalidParam(options);
  const kept = Object.keys(options).length ? { options } : {};
  if (type === 'CAROUSEL') {
    const ids = listParam(new URLSearchParams({ children: text(param(req, 'children')) }), 'children') ?? [];
    const children = ids.map((id) => state.containers.get(id));
    if (ids.length < 2 || ids.length > MAX_CHILDREN || children.some((c) => !c?.carouselItem || c.published))
      return errors.invalidParam(`The parameter children must list 2 to ${MAX_CHILDREN} unpublished carousel item containers`);
    const container = state.containers.create(
      {
        mediaType: 'CAROUSEL_ALBUM',
        productType: 'FEED',
        url: null,
        caption: caption ?? null,
        carouselItem: false,
        children: children as IgContainer[],
        ...kept,
      },
      now,
    );
    return json(200, { id: container.id });
  }
  // A story is an image or a video, whichever URL came (stories take no caption).
  const story = type === 'STORIES';
  const video = type === 'VIDEO' || type === 'REELS' || (story && param(req, 'video_url') !== undefined);
  if (type !== undefined && !video && !story) return errors.invalidParam('The parameter media_type must be one of {VIDEO, REELS, STORIES, CAROUSEL}');
  const url = param(req, video ? 'video_url' : 'image_url');
  if (!isUrl(url)) return errors.invalidParam(`The parameter ${video ? 'video_url' : 'image_url'} is required`);
  const productType = story ? 'STORY' : type === 'REELS' ? 'REELS' : 'FEED';
  const container = state.containers.create(
    { mediaType: video ? 'VIDEO' : 'IMAGE', productType, url, caption: carouselItem || story ? null : (caption ?? null), carouselItem, children: [], ...kept },
    now,
  );
  return json(200, { id: container.id });
}

/** GET /{container-id}: its status (status_code and status as Instagram names them). */
export function getContainer(call: IgCall, container: IgContainer, now: number): SimResponse {
  const fields = listParam(call.req.query, 'fields') ?? ['id'];
  const expired = !container.published && now - container.createdAt > CONTAINER_TTL_MS;
  const code = container.published ? 'PUBLISHED' : expired ? 'EXPIRED' : 'FINISHED';
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f === 'status_code') out.status_code = code;
    else if (f === 'status') out.status = code === 'FINISHED' ? 'Finished: Media has been uploaded and it is ready to be published.' : code;
    else if (f !== 'id') return call.errors.nonexistingField(f, 'ShadowIGMediaBuilder');
  }
  out.id = container.id;
  return json(200, out);
}

export function publishContainer(state: InstagramState, call: IgCall, igUserId: string): { response: SimResponse; created?: IgMedia } {
  const { req, errors } = call;
  if (!state.isAccount(igUserId)) return { response: errors.unsupported(igUserId, 'post') };
  const id = param(req, 'creation_id');
  const container = typeof id === 'string' ? state.containers.get(id) : undefined;
  if (!container || container.carouselItem) return { response: errors.invalidParam('The parameter creation_id must name a media container of this account') };
  const now = state.now();
  if (container.published) return { response: errors.invalidParam('The media container has already been published') };
  if (now - container.createdAt > CONTAINER_TTL_MS) return { response: errors.invalidParam('The media container has expired') };
  if (state.containers.usage(now) >= QUOTA.total)
    return {
      response: graphError({
        status: 400,
        message: 'Application request limit reached',
        type: call.host === 'instagram' ? 'IGApiException' : 'OAuthException',
        code: 9,
        subcode: 2207042,
        userTitle: 'Publishing limit reached',
        userMessage: 'You have reached the maximum number of posts that is allowed to be published via the API in 24 hours.',
      }),
    };
  const media = state.store.addPublishedMedia(container.caption, now, container.mediaType, container.children.length, container.productType);
  if (container.options) media.options = container.options;
  container.published = media;
  for (const child of container.children) child.published = media;
  state.containers.publishedAt.push(now);
  state.ctx.world.addReceived({
    network: 'instagram',
    at: new Date(now).toISOString(),
    kind: 'post_publish',
    method: req.method,
    path: `/${igUserId}/media_publish`,
    targetId: container.id,
    externalId: media.id,
    text: container.caption ?? '',
    body: {
      creation_id: container.id,
      media_type: container.mediaType,
      media_product_type: container.productType,
      url: container.url,
      ...optionsRecord(container.options),
    },
  });
  return { response: json(200, { id: media.id }), created: media };
}

/** GET /{ig-user-id}/content_publishing_limit: quota_usage by default; config when asked. */
export function publishingLimit(state: InstagramState, call: IgCall, igUserId: string): SimResponse {
  if (!state.isAccount(igUserId)) return call.errors.unsupported(igUserId);
  const fields = listParam(call.req.query, 'fields') ?? ['quota_usage'];
  const row: Record<string, unknown> = {};
  for (const f of fields) {
    if (f === 'quota_usage') row.quota_usage = state.containers.usage(state.now());
    else if (f === 'config') row.config = { quota_total: QUOTA.total, quota_duration: QUOTA.durationS };
    else return call.errors.nonexistingField(f, 'ContentPublishingLimit');
  }
  return json(200, { data: [row] });
}
