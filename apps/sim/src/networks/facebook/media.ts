import { mediaKey } from '../../core/media';
import { fbTime, type FieldSpec } from './fields';
import { render, type EdgeRenderer, type Getter } from './node-render';
import { extrasFields } from './post-extras';
import type { FbPhoto, FbStory, FbVideo } from './post-types';
import { flowStatus } from './video-status';
import type { FbPost, FbUser } from './store';

/**
 * The page's photos and videos (Graph nodes Photo and Video), and how a photo or video post shows
 * them: `status_type` added_photos / added_video, `attachments` of type photo, album (several
 * photos through attached_media) or video_inline, `full_picture` and `picture`.
 */
export class MediaLibrary {
  private readonly photos = new Map<string, FbPhoto>();
  private readonly videos = new Map<string, FbVideo>();
  /** Oldest first (the edges list newest first). */
  readonly photoList: FbPhoto[] = [];
  readonly videoList: FbVideo[] = [];
  /** Page stories (photo_stories, video_stories), oldest first. */
  readonly stories: FbStory[] = [];

  photo(id: string): FbPhoto | undefined {
    return this.photos.get(id);
  }

  video(id: string): FbVideo | undefined {
    return this.videos.get(id);
  }

  addPhoto(photo: FbPhoto): FbPhoto {
    this.photos.set(photo.id, photo);
    this.photoList.push(photo);
    return photo;
  }

  addVideo(video: FbVideo): FbVideo {
    this.videos.set(video.id, video);
    this.videoList.push(video);
    return video;
  }

  /** DELETE /{post}: its photos or video go with it, as on Facebook. */
  dropPost(post: FbPost): void {
    const drop = <T extends { id: string }>(map: Map<string, T>, list: T[], item: T) => {
      map.delete(item.id);
      const at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    };
    if (post.media?.kind === 'photo') for (const p of post.media.photos) drop(this.photos, this.photoList, p);
    if (post.media?.kind === 'video') drop(this.videos, this.videoList, post.media.video);
  }
}

const photoLink = (id: string) => `https://www.facebook.com/photo.php?fbid=${id}&set=p.${id}&type=3`;
const videoLink = (pageId: string, id: string) => `https://www.facebook.com/${pageId}/videos/${id}/`;
/** The small rendition Graph gives as `picture` (130 px on the long side). */
const small = (src: string) => src.replace(/_n\.jpg$/, '_s.jpg');

export const photoSrc = (id: string): string => `https://scontent.xx.fbcdn.net/v/t39.30808-6/${id}_${mediaKey(id)}_n.jpg`;
export const videoSource = (id: string): string => `https://video.xx.fbcdn.net/v/t42.1790-2/${id}_${mediaKey(id)}_n.mp4`;
export const videoThumbnail = (id: string): string => `https://scontent.xx.fbcdn.net/v/t15.5256-10/${id}_${mediaKey(id)}_n.jpg`;

const photoAttachment = (p: FbPhoto) => ({
  media: { image: { height: p.height, src: p.src, width: p.width } },
  target: { id: p.id, url: photoLink(p.id) },
  type: 'photo',
  url: photoLink(p.id),
});

/** The Post fields a photo or video post answers differently from a text post (undefined: the text post's). */
export function postMediaFields(p: FbPost, page: FbUser, permalink: string): Record<string, unknown> | undefined {
  const media = p.media;
  if (!media) return undefined;
  if (media.kind === 'video') {
    const v = media.video;
    const attachment = {
      media: { image: { height: 720, src: v.thumbnail, width: 1280 }, source: v.source },
      target: { id: v.id, url: videoLink(page.id, v.id) },
      ...(v.title ? { title: v.title } : {}),
      type: 'video_inline',
      url: videoLink(page.id, v.id),
    };
    return { status_type: 'added_video', attachments: { data: [attachment] }, full_picture: v.thumbnail, picture: small(v.thumbnail) };
  }
  const [first] = media.photos;
  const attachment =
    media.photos.length === 1
      ? photoAttachment(first)
      : {
          media: { image: { height: first.height, src: first.src, width: first.width } },
          subattachments: { data: media.photos.map(photoAttachment) },
          target: { id: p.id.split('_')[1], url: permalink },
          title: `Photos from ${page.name}'s post`,
          type: 'album',
          url: permalink,
        };
  return { status_type: 'added_photos', attachments: { data: [attachment] }, full_picture: first.src, picture: small(first.src) };
}

const noEdges: EdgeRenderer = () => ({ data: [] });
const pageUser = (page: FbUser, spec: FieldSpec) =>
  spec.sub ? Object.fromEntries(spec.sub.map((f) => [f.name, f.name === 'id' ? page.id : page.name])) : page;

/** GET /{photo-id}. Default fields: created_time, name (the caption, when there is one), id. */
export function renderPhoto(photo: FbPhoto, fields: FieldSpec[] | null, page: FbUser, updatedAt: number): Record<string, unknown> {
  const extras = extrasFields(photo.extras);
  const getters: Record<string, Getter<FbPhoto>> = {
    id: (x) => x.id,
    created_time: (x) => fbTime(x.createdAt),
    updated_time: () => fbTime(updatedAt),
    from: (_x, spec) => pageUser(page, spec),
    name: (x) => (x.caption === '' ? undefined : x.caption),
    images: (x) => [
      { height: x.height, source: x.src, width: x.width },
      {
        height: Math.round((x.height * 130) / Math.max(x.width, x.height)),
        source: small(x.src),
        width: Math.round((x.width * 130) / Math.max(x.width, x.height)),
      },
    ],
    webp_images: () => [],
    link: (x) => photoLink(x.id),
    picture: (x) => small(x.src),
    width: (x) => x.width,
    height: (x) => x.height,
    page_story_id: (x) => x.postId,
    icon: () => 'https://static.xx.fbcdn.net/rsrc.php/v3/yz/r/StEh3RhPvjk.gif',
    can_delete: () => true,
    can_tag: () => true,
    can_backdate: () => true,
    name_tags: () => [],
    backdated_time: () => extras.backdated_time,
    backdated_time_granularity: (x) => x.extras?.backdatedGranularity,
    place: () => extras.place,
    // alt_text is Facebook's automatic description, which a custom one replaces; the sim writes no automatic one.
    alt_text: (x) => x.altText,
    alt_text_custom: (x) => x.altText,
    // Documented, but the sim's photos are in no album or event and name no target.
    album: () => undefined,
    event: () => undefined,
    position: () => undefined,
    target: () => undefined,
    source: (x) => x.src,
  };
  return render(photo, fields, ['created_time', 'name', 'id'], getters, 'Photo', noEdges);
}

/** GET /{video-id}. Default fields: description (when there is one), updated_time, id. `live`: its post is published (or its time has come). */
export function renderVideo(video: FbVideo, fields: FieldSpec[] | null, page: FbUser, live: boolean): Record<string, unknown> {
  const extras = extrasFields(video.extras);
  const getters: Record<string, Getter<FbVideo>> = {
    id: (x) => x.id,
    created_time: (x) => fbTime(x.createdAt),
    updated_time: (x) => fbTime(x.createdAt),
    description: (x) => (x.description === '' ? undefined : x.description),
    title: (x) => x.title,
    from: (_x, spec) => pageUser(page, spec),
    source: (x) => x.source,
    picture: (x) => small(x.thumbnail),
    permalink_url: (x) => (x.flow?.kind === 'reel' ? `/reel/${x.id}/` : `/${page.id}/videos/${x.id}/`),
    length: (x) => x.length,
    published: () => live,
    status: (x) => (x.flow ? flowStatus(x.flow, x.scheduledAt, live) : { video_status: 'ready', processing_progress: 100 }),
    scheduled_publish_time: (x) => (!live && x.scheduledAt !== undefined ? Math.floor(x.scheduledAt / 1000) : undefined),
    post_id: (x) => x.postId,
    embed_html: (x) =>
      `<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2F${page.id}%2Fvideos%2F${x.id}%2F&width=1280" width="1280" height="720" frameborder="0" allowfullscreen="true"></iframe>`,
    format: (x) => [{ embed_html: '', filter: 'native', height: 720, picture: x.thumbnail, width: 1280 }],
    icon: () => 'https://static.xx.fbcdn.net/rsrc.php/v3/yD/r/DggDhA4z4tO.gif',
    is_instagram_eligible: () => false,
    backdated_time: () => extras.backdated_time,
    backdated_time_granularity: (x) => x.extras?.backdatedGranularity,
    place: () => extras.place,
    content_category: () => 'OTHER',
    universal_video_id: () => undefined,
    custom_labels: () => undefined,
    content_tags: () => undefined,
  };
  return render(video, fields, ['description', 'updated_time', 'id'], getters, 'Video', noEdges);
}
