import { createHmac } from 'node:crypto';
import type { XDmEvent, XTweet, XUser } from './store';
import type { XMedia } from './media';
import { editControls, versionsOf } from './edits';

/**
 * The Account Activity API: deliveries for the subscribed user (`for_user_id`), tweets in the
 * v1.1 object shape, DMs as message_create events with the users they name, signed with
 * x-twitter-webhooks-signature = "sha256=" + base64 HMAC-SHA256(consumer secret, body); the CRC
 * check answers GET ?crc_token=… with the same HMAC of the token.
 */
export const xSignature = (consumerSecret: string, data: string | Buffer): string =>
  `sha256=${createHmac('sha256', consumerSecret).update(data).digest('base64')}`;

/** v1.1's created_at: "Wed Oct 10 20:19:24 +0000 2018". */
function v1Time(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

const v1User = (u: XUser) => ({
  id: Number(u.id),
  id_str: u.id,
  name: u.name,
  screen_name: u.username,
  profile_image_url_https: `https://pbs.twimg.com/profile_images/${u.id}/avatar_normal.jpg`,
});

/** A tweet in v1.1's shape; a retweet carries the original as `retweeted_status`, as v1.1 does. */
function v1Tweet(t: XTweet): Record<string, unknown> {
  return {
    created_at: v1Time(t.createdAt),
    id: Number(t.id),
    id_str: t.id,
    text: t.text,
    truncated: false,
    in_reply_to_status_id: t.parent ? Number(t.parent.id) : null,
    in_reply_to_status_id_str: t.parent?.id ?? null,
    in_reply_to_user_id: t.parent ? Number(t.parent.author.id) : null,
    in_reply_to_user_id_str: t.parent?.author.id ?? null,
    in_reply_to_screen_name: t.parent?.author.username ?? null,
    user: v1User(t.author),
    ...(t.retweeted ? { retweeted_status: v1Tweet(t.retweeted) } : {}),
    retweet_count: t.retweets.length,
    // v1.1's edit metadata: the chain from the original, and the controls with the window in ms.
    edit_history: { initial_tweet_id: versionsOf(t)[0].id, edit_tweet_ids: versionsOf(t).map((v) => v.id) },
    edit_controls: editControlsV1(t),
    timestamp_ms: String(t.createdAt),
  };
}

function editControlsV1(t: XTweet): Record<string, unknown> {
  const c = editControls(t);
  return { edits_remaining: c.edits_remaining, is_edit_eligible: c.is_edit_eligible, editable_until_ms: Date.parse(c.editable_until) };
}

export function tweetCreateEvents(forUserId: string, tweets: XTweet[]): Record<string, unknown> {
  return { for_user_id: forUserId, tweet_create_events: tweets.map(v1Tweet) };
}

/**
 * favorite_events (Account Activity: a like by or of the subscribed user): an event id, the
 * time both as v1.1 text and in ms, the liked tweet (favorited_status) and who liked it (user).
 */
export function favoriteEvents(forUserId: string, tweet: XTweet, user: XUser, at: number): Record<string, unknown> {
  const id = createHmac('md5', 'favorite').update(`${tweet.id}:${user.id}:${at}`).digest('hex');
  return { for_user_id: forUserId, favorite_events: [{ id, created_at: v1Time(at), timestamp_ms: at, favorited_status: v1Tweet(tweet), user: v1User(user) }] };
}

/** A media entity as v1.1 payloads carry it (ids as number and string, https URL, type). */
function v1Media(m: XMedia): Record<string, unknown> {
  const url =
    m.type === 'photo'
      ? `https://pbs.twimg.com/media/${m.id}.${m.mimeType === 'image/png' ? 'png' : 'jpg'}`
      : `https://pbs.twimg.com/ext_tw_video_thumb/${m.id}/pu/img/preview.jpg`;
  return { id: Number(m.id), id_str: m.id, media_url_https: url, type: m.type };
}

/** 1:1 messages only: Account Activity does not deliver group conversations. */
export function directMessageEvents(forUserId: string, events: Array<XDmEvent & { recipient: XUser }>): Record<string, unknown> {
  const users: Record<string, unknown> = {};
  for (const e of events) {
    users[e.sender.id] = v1User(e.sender);
    users[e.recipient.id] = v1User(e.recipient);
  }
  return {
    for_user_id: forUserId,
    direct_message_events: events.map((e) => ({
      type: 'message_create',
      id: e.id,
      created_timestamp: String(e.createdAt),
      message_create: {
        target: { recipient_id: e.recipient.id },
        sender_id: e.sender.id,
        message_data: {
          text: e.text,
          entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
          // A message with an uploaded media carries it as the v1.1 attachment (type media).
          ...(e.media?.length ? { attachment: { type: 'media', media: v1Media(e.media[0]) } } : {}),
        },
      },
    })),
    users,
  };
}
