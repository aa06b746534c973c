import type { SimResponse } from '../../core/http';
import { errors } from './errors';
import type { XMedia } from './media';
import type { XStore, XTweet } from './store';

/**
 * Post edits (docs.x.com, "Edit Posts"; POST /2/tweets with edit_options.previous_post_id): a post
 * may be edited within 30 minutes of the original, up to 5 times, and each edit is a new post id.
 * Every version carries the whole chain (edit_history_tweet_ids, oldest first); timelines, search
 * and mentions show only the latest, a lookup by an older id answers that version. Not editable
 * (decided when the original is published, so is_edit_eligible never changes): posts with a poll,
 * retweets, replies to someone else's post (self-threads are), community and promoted-only
 * (nullcast) posts. Deleting any version deletes the chain (store.removeTweet).
 */
export const EDIT_WINDOW_MS = 30 * 60_000;
export const MAX_EDITS = 5;

/** The versions of a post, oldest first (one entry when it was never edited). */
export const versionsOf = (t: XTweet): XTweet[] => t.versions ?? [t];

/** Whether the post could be edited when published (X's is_edit_eligible). */
export function isEditEligible(t: XTweet): boolean {
  const first = versionsOf(t)[0];
  return (
    !first.poll && !first.retweeted && (!first.parent || first.parent.author.id === first.author.id) && !first.extras?.communityId && !first.extras?.nullcast
  );
}

/** X's edit_controls of a version: the chain's counts, the original's window. */
export function editControls(t: XTweet): { edits_remaining: number; is_edit_eligible: boolean; editable_until: string } {
  const chain = versionsOf(t);
  return {
    edits_remaining: Math.max(0, MAX_EDITS - (chain.length - 1)),
    is_edit_eligible: isEditEligible(t),
    editable_until: new Date(chain[0].createdAt + EDIT_WINDOW_MS).toISOString(),
  };
}

/**
 * Why `userId` may not edit `previous` now, as a 403 (X documents the rules, not the messages:
 * the wording is the sim's), or undefined.
 */
export function editRefusal(previous: XTweet, userId: string, now: number): SimResponse | undefined {
  if (previous.author.id !== userId) return errors.forbidden('You are not allowed to edit a Post that you did not create.');
  if (!isEditEligible(previous)) return errors.forbidden('This Post is not eligible for editing.');
  const chain = versionsOf(previous);
  if (chain[chain.length - 1] !== previous) return errors.forbidden('Only the latest version of a Post can be edited.');
  if (now > chain[0].createdAt + EDIT_WINDOW_MS) return errors.forbidden('This Post can no longer be edited: the 30 minutes to edit it have passed.');
  if (chain.length - 1 >= MAX_EDITS) return errors.forbidden('This Post has no edits remaining.');
  return undefined;
}

/**
 * The new version of `previous`: its text (and media, when the edit sends some; else the old
 * ones), everything else carried over — whom it mentions — the reply it is, the quote, the place, who may reply. It
 * stays in the conversation of the original (an edit is no new reply: the parent's reply_count
 * and the quoted post's quote_count are unchanged).
 */
export function addVersion(store: XStore, previous: XTweet, text: string, now: number, media?: XMedia[]): XTweet {
  const named = [...text.matchAll(/@(\w{1,15})/g)].flatMap((m) => store.userNamed(m[1])?.id ?? []);
  // Whom a reply goes to is no part of an edit: the previous version's mentions stay.
  const mentions = [...new Set([...previous.mentions, ...named])].filter((id) => id !== previous.author.id);
  const next = store.addTweet({
    author: previous.author,
    text,
    at: now,
    parent: previous.parent,
    mentions,
    quoted: previous.quoted,
    media: media ?? previous.media,
    ...(previous.replySettings ? { replySettings: previous.replySettings } : {}),
    ...(previous.placeId ? { placeId: previous.placeId } : {}),
    ...(previous.superFollowersOnly ? { superFollowersOnly: true } : {}),
    ...(previous.extras ? { extras: previous.extras } : {}),
  });
  next.conversationId = previous.conversationId;
  if (previous.parent) previous.parent.replyCount -= 1;
  if (previous.quoted) previous.quoted.quoteCount -= 1;
  store.supersede(previous, next);
  return next;
}
