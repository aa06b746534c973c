import { carriesImage, mediaKey, mediaNumber } from '../../core/media';
import type { FieldSpec } from './fields';
import { fbTime } from './fields';
import { render, UnknownFieldError, type EdgeRenderer, type Getter } from './node-render';
import { postMediaFields } from './media';
import { extrasFields } from './post-extras';
import { sentAttachments, templateText } from './send-content';

import type { FbComment, FbConversation, FbMessage, FbPost, FbUser } from './store';

export { UnknownFieldError, type EdgeRenderer };

const user = (u: FbUser, spec?: FieldSpec): Record<string, unknown> => pick({ name: u.name, id: u.id }, spec, 'User');
const messengerUser = (u: FbUser): Record<string, unknown> => ({ name: u.name, email: `${u.id}@facebook.com`, id: u.id });

function pick(all: Record<string, unknown>, spec: FieldSpec | undefined, nodeType: string): Record<string, unknown> {
  if (!spec?.sub) return all;
  const out: Record<string, unknown> = {};
  for (const f of spec.sub) {
    if (!(f.name in all)) throw new UnknownFieldError(f.name, nodeType);
    out[f.name] = all[f.name];
  }
  return out;
}

const postNumber = (post: FbPost) => post.id.split('_')[1];
const commentNumber = (c: FbComment) => c.id.split('_')[1];

export function commentPermalink(c: FbComment, pageId: string): string {
  const base = `https://www.facebook.com/${pageId}/posts/${postNumber(c.post)}/?comment_id=`;
  return c.parent ? `${base}${commentNumber(c.parent)}&reply_comment_id=${commentNumber(c)}` : `${base}${commentNumber(c)}`;
}

function commentFields(pageId: string): Record<string, Getter<FbComment>> {
  return {
    id: (c) => c.id,
    created_time: (c) => fbTime(c.createdAt),
    from: (c, spec) => user(c.from, spec),
    message: (c) => c.message,
    permalink_url: (c) => commentPermalink(c, pageId),
    like_count: (c) => c.likeCount,
    comment_count: (c) => c.replies.length,
    can_comment: (c) => c.parent === null,
    can_like: () => true,
    can_hide: (c) => !c.fromPage,
    can_remove: () => true,
    can_reply_privately: (c) => !c.fromPage && !c.privateReply,
    // A photo comment, as comment-single-with-attachment.json; Facebook omits the field otherwise.
    attachment: (c) => (c.attached ? attachedMedia(c.id, c.attached) : !c.fromPage && carriesImage(c.id) ? commentPhoto(c.id) : undefined),
    private_reply_conversation: (c) => (c.privateReply ? { id: c.privateReply } : undefined),
    is_hidden: (c) => c.hidden,
    is_private: () => false,
    user_likes: (c) => c.likedByPage,
    message_tags: () => [],
    parent: (c, spec) => (c.parent ? renderComment(c.parent, spec.sub ?? null, pageId, noEdges) : undefined),
    object: (c) => ({ id: c.post.id, created_time: fbTime(c.post.createdAt) }),
    comments: (c, spec, edges) => edges(c, spec),
    reactions: (c, spec, edges) => edges(c, spec),
    likes: (c, spec, edges) => edges(c, spec),
    // Set only for comments made through an app or during a live broadcast; the sim's are neither.
    application: () => undefined,
    live_broadcast_timestamp: () => undefined,
  };
}

const DEFAULT_COMMENT = ['created_time', 'from', 'message', 'id'];
const DEFAULT_POST = ['created_time', 'message', 'id'];
const DEFAULT_MESSAGE = ['id', 'created_time'];
const DEFAULT_CONVERSATION = ['id', 'updated_time'];

const noEdges: EdgeRenderer = () => ({ data: [] });

export function renderComment(c: FbComment, fields: FieldSpec[] | null, pageId: string, edges: EdgeRenderer): Record<string, unknown> {
  return render(c, fields, DEFAULT_COMMENT, commentFields(pageId), 'Comment', edges);
}

/**
 * Documented Page Post fields the sim's text posts have no value for: accepted, and omitted as
 * Graph omits a field a post does not have (no picture, place, tags, schedule, targeting, …).
 */
const OMITTED_POST_FIELDS: Record<string, Getter<FbPost>> = Object.fromEntries(
  [
    'actions',
    'admin_creator',
    'allowed_advertising_objectives',
    'application',
    'attachments',
    'backdated_time',
    'call_to_action',
    'child_attachments',
    'coordinates',
    'event',
    'expanded_height',
    'expanded_width',
    'feed_targeting',
    'full_picture',
    'height',
    'icon',
    'instagram_eligibility',
    'is_eligible_for_promotion',
    'message_tags',
    'multi_share_end_card',
    'multi_share_optimized',
    'parent_id',
    'place',
    'promotion_status',
    'properties',
    'scheduled_publish_time',
    'story_tags',
    'subscribed',
    'target',
    'targeting',
    'via',
    'video_buying_eligibility',
    'width',
  ].map((name) => [name, () => undefined]),
);

/** The `message_tags` of a visitor's post tagging the page (visitor-posts.ts): the page's name in its text. */
function pageTag(post: FbPost, page: FbUser): Array<Record<string, unknown>> | undefined {
  if (!post.visitor?.taggedPage) return undefined;
  return [{ id: page.id, name: page.name, type: 'page', offset: post.message.indexOf(page.name), length: page.name.length }];
}

export function renderPost(p: FbPost, fields: FieldSpec[] | null, page: FbUser, edges: EdgeRenderer): Record<string, unknown> {
  const permalink = `https://www.facebook.com/${page.id}/posts/${postNumber(p)}/`;
  // A photo or video post shows its media; targeting, backdating, place and tags as given at publish time.
  const media = postMediaFields(p, page, permalink) ?? {};
  const extras = extrasFields(p.extras);
  const getters: Record<string, Getter<FbPost>> = {
    id: (x) => x.id,
    message: (x) => x.message,
    // Text Facebook writes for posts nobody wrote ("… updated their cover photo"); the sim's posts all have a message.
    story: () => undefined,
    created_time: (x) => fbTime(x.createdAt),
    updated_time: (x) => fbTime(Math.max(x.createdAt, x.editedAt ?? 0, x.all.length ? x.all[x.all.length - 1].createdAt : 0)),
    from: (x, spec) => user(x.visitor?.author ?? page, spec),
    permalink_url: () => permalink,
    status_type: (x) => media.status_type ?? (x.link ? 'shared_story' : 'mobile_status_update'),
    is_published: (x) => x.published !== false,
    is_hidden: (x) => x.hidden === true,
    is_expired: () => false,
    privacy: () => ({ allow: '', deny: '', description: 'Public', friends: '', value: 'EVERYONE' }),
    shares: (x) => (x.shares > 0 ? { count: x.shares } : undefined),
    comments: (x, spec, e) => e(x, spec),
    reactions: (x, spec, edges) => edges(x, spec),
    likes: (x, spec, edges) => edges(x, spec),
    is_popular: () => false,
    is_spherical: () => false,
    is_inline_created: () => false,
    is_app_share: () => false,
    is_instagram_eligible: () => false,
    promotable_id: (x) => x.id,
    timeline_visibility: (x) => (x.hidden ? 'hidden' : x.forcedAllow ? 'forced_allow' : 'normal'),
    can_reply_privately: () => false,
    sharedposts: () => ({ data: [] }),
    to: () => extras.to ?? { data: [] },
    sponsor_tags: () => ({ data: [] }),
    ...OMITTED_POST_FIELDS,
    // A link post shares its link (Graph's attachment of type "share"); a scheduled one names its time.
    message_tags: (x) => pageTag(x, page),
    attachments: (x) => media.attachments ?? (x.link ? { data: [{ type: 'share', url: x.link, target: { url: x.link }, title: x.link }] } : undefined),
    full_picture: () => media.full_picture,
    picture: () => media.picture,
    targeting: () => extras.targeting,
    feed_targeting: () => extras.feed_targeting,
    backdated_time: () => extras.backdated_time,
    place: () => extras.place,
    scheduled_publish_time: (x) => (x.scheduledAt !== undefined && x.published === false ? Math.floor(x.scheduledAt / 1000) : undefined),
  };
  return render(p, fields, DEFAULT_POST, getters, 'Post', edges);
}

export function renderMessage(m: FbMessage, fields: FieldSpec[] | null, page: FbUser): Record<string, unknown> {
  const from = m.fromPage ? page : m.conversation.customer;
  const to = m.fromPage ? m.conversation.customer : page;
  const getters: Record<string, Getter<FbMessage>> = {
    id: (x) => x.id,
    created_time: (x) => fbTime(x.createdAt),
    from: () => messengerUser(from),
    to: () => ({ data: [messengerUser(to)] }),
    message: (x) => templateText(x.sent) ?? x.text,
    tags: (x) => ({ data: x.fromPage ? [{ name: 'source:chat' }] : [{ name: 'inbox' }, { name: 'source:mobile' }] }),
    // An image, as message-single-with-attachment.json; what the page sent (media, templates) as Graph
    // hosts it; no stickers or shares (Facebook omits absent fields).
    attachments: (x) => (x.fromPage ? sentAttachments(x.id, x.sent) : carriesImage(x.id) ? messageImage(x.id) : undefined),
    sticker: () => undefined,
    shares: () => undefined,
    is_unsupported: () => false,
  };
  return render(m, fields, DEFAULT_MESSAGE, getters, 'Message', noEdges);
}

function commentPhoto(id: string): Record<string, unknown> {
  const fbid = mediaNumber(id);
  const url = `https://www.facebook.com/photo.php?fbid=${fbid}&set=p.${fbid}&type=3`;
  return {
    media: { image: { height: 720, src: `https://scontent.xx.fbcdn.net/v/t39.30808-6/${fbid}_${mediaKey(id)}_n.jpg`, width: 960 } },
    target: { id: fbid, url },
    type: 'photo',
    url,
  };
}

/** What an API-written comment attached: Graph keeps an uploaded image as a photo of its own, and a GIF by its URL. */
function attachedMedia(id: string, attached: NonNullable<FbComment['attached']>): Record<string, unknown> {
  if (attached.kind === 'photo') return commentPhoto(id);
  return { media: { image: { height: 270, src: attached.url, width: 480 } }, target: { url: attached.url }, type: 'animated_image_share', url: attached.url };
}

function messageImage(id: string): Record<string, unknown> {
  const attachmentId = mediaNumber(id);
  const src = `https://scontent.xx.fbcdn.net/v/t1.15752-9/${attachmentId}_${mediaKey(id)}_n.jpg`;
  return {
    data: [
      {
        id: attachmentId,
        mime_type: 'image/jpeg',
        name: `image-${attachmentId}`,
        size: 48_000 + (Number(attachmentId.slice(-4)) % 9_000),
        image_data: {
          width: 1280,
          height: 960,
          max_width: 1280,
          max_height: 960,
          url: src,
          preview_url: src.replace('/v/t1.15752-9/', '/v/t1.15752-9/p280x280/'),
          image_type: 1,
          render_as_sticker: false,
        },
      },
    ],
    paging: { cursors: { before: 'MAZDZD', after: 'MAZDZD' } },
  };
}

export function renderConversation(c: FbConversation, fields: FieldSpec[] | null, page: FbUser, edges: EdgeRenderer): Record<string, unknown> {
  const last = c.messages[c.messages.length - 1];
  const getters: Record<string, Getter<FbConversation>> = {
    id: (x) => x.id,
    updated_time: (x) => fbTime(x.updatedAt),
    link: (x) => `/${page.id}/inbox/${x.id.slice(2)}/`,
    message_count: (x) => x.messages.length,
    unread_count: (x) => x.unread,
    participants: () => ({ data: [messengerUser(c.customer), messengerUser(page)] }),
    senders: () => ({ data: [messengerUser(c.customer), messengerUser(page)] }),
    snippet: () => last?.text ?? '',
    can_reply: () => true,
    is_subscribed: () => true,
    messages: (x, spec, e) => e(x, spec),
  };
  return render(c, fields, DEFAULT_CONVERSATION, getters, 'PageConversation', edges);
}
