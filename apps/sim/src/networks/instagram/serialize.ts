import { sentAttachments, templateText } from '../facebook/send-content';
import { mediaKey, mediaNumber } from '../../core/media';
import { fbTime, type FieldSpec } from '../facebook/fields';
import { UnknownFieldError } from '../facebook/serialize';
import { thumbnailKey } from './publish-options';
import type { IgAttachment, IgComment, IgConversation, IgMedia, IgMessage, IgUser } from './store';

/**
 * Instagram nodes as JSON, field by field, in the shapes of shared/fixtures/instagram: IG Media,
 * IG Comment, the Conversations API's conversation and message. A field a node has no value for is
 * omitted (a media without caption has no `caption` key); asking for a field a node type does not
 * have is the caller's error (#100). Without `fields`, the defaults Instagram returns.
 */
type Getter<T> = (node: T, spec: FieldSpec) => unknown;

/** Renders a nested edge (`replies{…}`, `comments{…}`, `messages{…}`) inside a node. */
export type IgEdges = (owner: IgMedia | IgComment | IgConversation, spec: FieldSpec) => unknown;

const field = (name: string): FieldSpec => ({ name, modifiers: {}, sub: null });

function render<T>(node: T, fields: FieldSpec[] | null, defaults: string[], getters: Record<string, Getter<T>>, nodeType: string): Record<string, unknown> {
  const specs = fields ?? defaults.map(field);
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const get = getters[spec.name];
    if (!get) throw new UnknownFieldError(spec.name, nodeType);
    const value = get(node, spec);
    if (value !== undefined) out[spec.name] = value;
  }
  if (!('id' in out) && 'id' in getters) out.id = getters.id(node, field('id'));
  return out;
}

const shortcode = (id: string) => Buffer.from(mediaKey(id, 8), 'hex').toString('base64url').slice(0, 11).padEnd(11, 'A');
const cdn = (id: string, ext: 'jpg' | 'mp4') =>
  `https://scontent.cdninstagram.com/v/t51.29350-15/${mediaNumber(id)}_${mediaKey(id)}_n.${ext}?_nc_cat=101&_nc_sid=8ae9d6&oh=${mediaKey(`${id}:oh`, 32)}`;

function mediaGetters(account: IgUser, edges: IgEdges): Record<string, Getter<IgMedia>> {
  const owner = (m: IgMedia) => m.owner ?? account;
  return {
    id: (m) => m.id,
    caption: (m) => m.caption ?? undefined,
    comments_count: (m) => m.comments.length + m.comments.reduce((n, c) => n + c.replies.length, 0),
    like_count: (m) => m.likeCount,
    media_type: (m) => m.mediaType,
    media_product_type: (m) => m.productType,
    media_url: (m) => cdn(m.mediaType === 'CAROUSEL_ALBUM' ? (m.children[0] ?? m.id) : m.id, m.mediaType === 'VIDEO' ? 'mp4' : 'jpg'),
    // A video's cover: the cover_url or thumb_offset frame it was published with, re-hosted.
    thumbnail_url: (m) => (m.mediaType === 'VIDEO' ? cdn(thumbnailKey(m.id, m.options), 'jpg') : undefined),
    permalink: (m) => `https://www.instagram.com/p/${shortcode(m.id)}/`,
    shortcode: (m) => shortcode(m.id),
    ig_id: (m) => mediaNumber(`${m.id}:ig`).padEnd(19, '0'),
    timestamp: (m) => fbTime(m.createdAt),
    username: (m) => owner(m).username,
    owner: (m) => ({ id: owner(m).id }),
    is_comment_enabled: (m) => m.commentEnabled,
    // Reels only: whether the reel also shows in the feed grid (share_to_feed, true unless published with false).
    is_shared_to_feed: (m) => (m.productType === 'REELS' ? (m.options?.shareToFeed ?? true) : undefined),
    // Documented fields the sim has no value for: omitted, as Instagram omits absent data.
    alt_text: () => undefined,
    has_poll: () => undefined,
    has_slider: () => undefined,
    legacy_instagram_media_id: () => undefined,
    boost_ads_list: () => undefined,
    boost_eligibility_info: () => undefined,
    copyright_check_information: () => undefined,
    children: (m, spec) => ({ data: m.children.map((id) => renderChild(id, m, spec.sub, account)) }),
    comments: (m, spec) => edges(m, spec),
  };
}

export function renderMedia(m: IgMedia, fields: FieldSpec[] | null, account: IgUser, edges: IgEdges): Record<string, unknown> {
  return render(m, fields, ['id'], mediaGetters(account, edges), 'IGMedia');
}

/** A carousel child: an IG Media of its own (image; no caption, counts or children). */
function renderChild(id: string, album: IgMedia, fields: FieldSpec[] | null, account: IgUser): Record<string, unknown> {
  const getters: Record<string, Getter<string>> = {
    id: (x) => x,
    media_type: () => 'IMAGE',
    media_url: (x) => cdn(x, 'jpg'),
    permalink: (x) => `https://www.instagram.com/p/${shortcode(x)}/`,
    shortcode: (x) => shortcode(x),
    ig_id: (x) => mediaNumber(`${x}:ig`).padEnd(19, '0'),
    timestamp: () => fbTime(album.createdAt),
    username: () => (album.owner ?? account).username,
    owner: () => ({ id: (album.owner ?? account).id }),
    thumbnail_url: () => undefined,
  };
  return render(id, fields, ['id'], getters, 'IGMedia');
}

export function renderComment(c: IgComment, fields: FieldSpec[] | null, account: IgUser, edges: IgEdges): Record<string, unknown> {
  const getters: Record<string, Getter<IgComment>> = {
    id: (x) => x.id,
    text: (x) => x.text,
    timestamp: (x) => fbTime(x.createdAt),
    like_count: (x) => x.likeCount,
    hidden: (x) => x.hidden,
    username: (x) => x.from.username,
    from: (x) => ({ id: x.from.id, username: x.from.username }),
    // `user` only when the app user (the account itself) wrote the comment.
    user: (x) => (x.fromAccount ? { id: account.id } : undefined),
    parent_id: (x) => x.parent?.id,
    legacy_instagram_comment_id: () => undefined,
    media: (x, spec) => renderMedia(x.media, spec.sub, account, edges),
    replies: (x, spec) => (x.parent ? undefined : edges(x, spec)),
  };
  return render(c, fields, ['timestamp', 'text', 'id'], getters, 'IGComment');
}

const person = (u: IgUser) => ({ username: u.username, id: u.id });

export function renderMessage(m: IgMessage, fields: FieldSpec[] | null, account: IgUser): Record<string, unknown> {
  const from = m.fromAccount ? account : m.conversation.customer;
  const to = m.fromAccount ? m.conversation.customer : account;
  const files = m.attachments.filter((a) => FILE_KINDS.has(a.kind));
  const share = m.attachments.find((a) => a.kind === 'share' || a.kind === 'media_share');
  const mention = m.attachments.find((a) => a.kind === 'story_mention');
  const heart = m.attachments.find((a) => a.kind === 'like_heart');
  const getters: Record<string, Getter<IgMessage>> = {
    id: (x) => x.id,
    created_time: (x) => fbTime(x.createdAt),
    from: () => person(from),
    to: () => ({ data: [person(to)] }),
    // A template the account sent reads back as Messenger's Message node shows it (generic_template; a button template's text).
    message: (x) => templateText(x.sent) ?? x.text,
    is_unsupported: () => m.attachments.some((a) => a.kind === 'unsupported_type'),
    attachments: () => (files.length ? { data: files.map((a, i) => attachmentData(`${m.id}:${i}`, a)) } : sentAttachments(m.id, m.sent)),
    shares: () => (share ? { data: [{ link: share.url }] } : undefined),
    // A story mention or a reply to one of the account's stories: {mention|reply_to: {link, id}}.
    story: () =>
      mention
        ? { mention: { link: mention.url, id: mediaNumber(`${m.id}:story`) } }
        : m.storyReply
          ? { reply_to: { link: m.storyReply.url, id: m.storyReply.id } }
          : undefined,
    // The heart sticker (Send API like_heart) as Graph's message `sticker`: the sticker's image URL.
    sticker: () => heart?.url,
    reactions: () => undefined,
  };
  return render(m, fields, ['id', 'created_time', 'is_unsupported'], getters, 'IGMessage');
}

/** Attachments the Conversations API lists under `attachments`: media, files and the sticker (shares and stories have fields of their own). */
const FILE_KINDS = new Set<IgAttachment['kind']>(['image', 'ig_reel', 'video', 'audio', 'file', 'like_heart']);

const MIME: Partial<Record<IgAttachment['kind'], string>> = { audio: 'audio/mpeg', file: 'application/pdf' };

function attachmentData(key: string, a: IgAttachment): Record<string, unknown> {
  if (a.kind === 'image') return { image_data: { width: 1080, height: 1350, url: a.url, preview_url: a.url } };
  // The heart sticker: an image Graph marks `render_as_sticker` (as Messenger's image_data does), also the message's `sticker`.
  if (a.kind === 'like_heart') return { image_data: { width: 256, height: 256, url: a.url, preview_url: a.url, render_as_sticker: true } };
  if (a.kind === 'ig_reel' || a.kind === 'video') return { video_data: { width: 720, height: 1280, url: a.url, preview_url: cdn(`${key}:preview`, 'jpg') } };
  // Audio and files: Graph's message attachment {id, mime_type, name, size, file_url}.
  const id = mediaNumber(key);
  const name = a.kind === 'audio' ? `audioclip-${id}.mp4` : (a.name ?? `file-${id}`);
  return { id, mime_type: MIME[a.kind] ?? 'application/octet-stream', name, size: 24_000 + (Number(id.slice(-4)) % 9_000), file_url: a.url };
}

export function renderConversation(c: IgConversation, fields: FieldSpec[] | null, account: IgUser, edges: IgEdges): Record<string, unknown> {
  const getters: Record<string, Getter<IgConversation>> = {
    id: (x) => x.id,
    updated_time: (x) => fbTime(x.updatedAt),
    participants: (x) => ({ data: [person(account), person(x.customer)] }),
    messages: (x, spec) => edges(x, spec),
  };
  return render(c, fields, ['id', 'updated_time'], getters, 'IGConversation');
}

/** The IG User node. On graph.instagram.com `id` is the app-scoped id and `user_id` the professional one. */
export function renderAccount(
  fields: FieldSpec[] | null,
  ids: { id: string; userId: string },
  info: { username: string; name: string; mediaCount: number },
  expansions: Record<string, Getter<null>>,
): Record<string, unknown> {
  const getters: Record<string, Getter<null>> = {
    id: () => ids.id,
    user_id: () => ids.userId,
    ig_id: () => mediaNumber(ids.userId),
    username: () => info.username,
    name: () => info.name,
    account_type: () => 'BUSINESS',
    profile_picture_url: () => cdn(`${ids.userId}:avatar`, 'jpg'),
    followers_count: () => 12_480,
    follows_count: () => 310,
    media_count: () => info.mediaCount,
    biography: () => 'Sportswear aus Leipzig · sportswear from Leipzig',
    website: () => 'https://shop.example/',
    ...expansions,
  };
  return render(null, fields, ['id'], getters, 'IGUser');
}
