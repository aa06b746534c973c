import type { SimResponse } from '../../core/http';
import { errors } from './errors';
import type { XMedia, XMediaStore } from './media';
import type { XPoll, XStore, XTweet } from './store';

/**
 * What a POST /2/tweets body attaches besides its text, checked as X checks it:
 *   quote_tweet_id                      a tweet that exists
 *   poll {options, duration_minutes}    2–4 options of 1–25 characters, 5–10080 minutes
 *   media {media_ids[, tagged_user_ids]} 1–4 ids the user uploaded (finalized, processed, not expired)
 * A poll goes with neither media nor a quote (X allows one kind of attachment besides a quote's media).
 */
export interface TweetAttachments {
  quoted: XTweet | null;
  poll?: Omit<XPoll, 'id' | 'endAt'>;
  media?: XMedia[];
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function tweetAttachments(
  body: Record<string, unknown>,
  store: XStore,
  media: XMediaStore,
  userId: string,
  now: number,
): TweetAttachments | SimResponse {
  const out: TweetAttachments = { quoted: null };
  const quoteId = body.quote_tweet_id;
  if (quoteId !== undefined) {
    if (typeof quoteId !== 'string' || !/^\d{1,19}$/.test(quoteId))
      return errors.invalidRequest('quote_tweet_id', asText(quoteId), 'quote_tweet_id must be a tweet id');
    const quoted = store.tweet(quoteId);
    if (!quoted) return errors.invalidRequest('quote_tweet_id', quoteId, `Could not find tweet with quote_tweet_id: [${quoteId}].`);
    out.quoted = quoted;
  }
  if (body.poll !== undefined) {
    const poll = body.poll;
    if (!isObject(poll)) return errors.invalidRequest('poll', asText(poll), 'The `poll` field must be an object');
    const { options, duration_minutes: minutes } = poll;
    if (
      !Array.isArray(options) ||
      options.length < 2 ||
      options.length > 4 ||
      !options.every((o) => typeof o === 'string' && o.trim() && Array.from(o).length <= 25)
    )
      return errors.invalidRequest('poll.options', asText(options), 'A poll needs 2 to 4 options of 1 to 25 characters');
    if (!(typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 5 && minutes <= 10_080))
      return errors.invalidRequest('poll.duration_minutes', asText(minutes), 'poll.duration_minutes must be an integer from 5 to 10080');
    out.poll = { options: options as string[], durationMinutes: minutes };
  }
  if (body.media !== undefined) {
    const m = body.media;
    const ids = isObject(m) ? m.media_ids : undefined;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > 4)
      return errors.invalidRequest('media.media_ids', asText(ids), 'media.media_ids must list 1 to 4 media ids');
    const found = ids.map((id) => media.usable(id, userId, now));
    if (found.some((f) => !f)) return errors.invalidRequest('media.media_ids', asText(ids), 'Your media IDs are invalid.');
    const list = found as XMedia[];
    // Four photos, or one video or GIF, as X allows.
    if (list.length > 1 && list.some((f) => f.type !== 'photo'))
      return errors.invalidRequest('media.media_ids', asText(ids), 'A video or GIF cannot be combined with other media.');
    out.media = list;
  }
  if (out.poll && (out.media || out.quoted)) return errors.invalidRequest('poll', asText(body.poll), 'A poll cannot be combined with media or a quoted tweet.');
  return out;
}
