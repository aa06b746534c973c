import { createHmac, timingSafeEqual } from 'node:crypto';
import { arr, type HintRecord, type JsonObject, type MessageRecord, obj, str, type UnifiedRecord } from '@resonance/contracts';
import { dmThreadKey } from './mapper';

/**
 * What a crc_token may look like. X defines the CRC answer and the delivery signature the same
 * way — "sha256=" + base64 HMAC-SHA256 with the consumer secret, of the token and of the body — with
 * no domain separation, and we cannot change X's scheme. A receiver that answers the CRC for any
 * string is therefore a signing oracle: GET ?crc_token={"for_user_id":…} returned exactly the
 * signature a forged delivery of that JSON needs. The defence is to keep the two domains disjoint
 * by shape: a crc_token must be a short opaque base64 / base64url string (what X sends; it
 * publishes no grammar, so the length bound leaves room), which can hold no "{", quote or
 * whitespace and so is never a JSON object; and verifyXSignature refuses any body of that shape.
 * No CRC answer is ever a valid delivery signature.
 */
const X_CRC_TOKEN = /^[A-Za-z0-9+/=_-]{8,128}$/;
const X_CRC_TOKEN_MAX_LENGTH = 128;

export const isXCrcToken = (value: unknown): value is string => typeof value === 'string' && X_CRC_TOKEN.test(value);

/** The Account Activity CRC check: GET ?crc_token=… is answered with {response_token}; only for a token of X's shape (isXCrcToken). */
export function xCrcResponseToken(crcToken: string, consumerSecret: string): string {
  // Guarded here too, so no caller can turn this into a signer of delivery bodies.
  if (!isXCrcToken(crcToken)) throw new RangeError('crc_token is not an opaque base64 token of 8 to 128 characters');
  return `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}`;
}

/** Exactly "sha256=" and the 44-character standard base64 of a 32-byte digest, nothing before or after. */
const X_SIGNATURE = /^sha256=[A-Za-z0-9+/]{43}=$/;

/**
 * Checks x-twitter-webhooks-signature ("sha256=" + base64 HMAC-SHA256 of the exact body bytes) in
 * constant time. The header's shape is checked first because Node's base64 decoder is lenient: it
 * ignores characters outside the alphabet and stops at "=", so "<right digest>junk" passed. A
 * body the CRC route would sign (see X_CRC_TOKEN) is refused whatever its signature.
 */
export function verifyXSignature(rawBody: Buffer, header: string | undefined, consumerSecret: string): boolean {
  if (header === undefined || !X_SIGNATURE.test(header)) return false;
  if (rawBody.length <= X_CRC_TOKEN_MAX_LENGTH && X_CRC_TOKEN.test(rawBody.toString('latin1'))) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'base64');
  const expected = createHmac('sha256', consumerSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const hint = (externalId: string, target: HintRecord['target'] = 'comment'): HintRecord => ({ kind: 'hint', network: 'x', target, externalId });

/** One Account Activity direct_message_events entry (message_create) → message. */
function mapDmEvent(forUser: string | undefined, event: JsonObject, users: JsonObject): MessageRecord | undefined {
  if (event.type !== 'message_create') return undefined;
  const id = str(event.id);
  const create = obj(event.message_create);
  const sender = str(create.sender_id);
  const recipient = str(obj(create.target).recipient_id);
  if (!id || !sender) return undefined;
  const own = forUser !== undefined && sender === forUser;
  const customer = own ? recipient : sender;
  const user = obj(users[sender]);
  const ms = Number(event.created_timestamp);
  return {
    kind: 'message',
    network: 'x',
    externalId: id,
    threadKey: customer ? dmThreadKey(customer) : `dm:${id}`,
    channel: 'direct',
    parentExternalId: null,
    postExternalId: null,
    author: {
      externalId: sender,
      ...(str(user.name) ? { name: str(user.name) } : {}),
      ...(str(user.screen_name) ? { handle: str(user.screen_name) } : {}),
      ...(str(user.profile_image_url_https) ? { avatarUrl: str(user.profile_image_url_https) } : {}),
    },
    text: str(obj(create.message_data).text) ?? '',
    // At the API's one-second resolution: the same event read by sync has created_at in whole
    // seconds, and it must get one time whichever way it arrives first.
    createdAt: Number.isFinite(ms) ? new Date(Math.floor(ms / 1000) * 1000).toISOString() : new Date(0).toISOString(),
    ...(forUser !== undefined ? { isFromAccount: own } : {}),
  };
}

/**
 * A whole Account Activity delivery → records. DMs carry everything (→ messages). Tweets come as
 * v1.1 objects without conversation_id, so where they belong is not known from the delivery:
 * they become hints, and the next sync reads them with their conversation (an edit comes as a new
 * version's tweet: the sync reads it under the original's id, see asOriginals). Deletions and likes
 * (favorite_events) are hints too.
 */
export function mapXWebhook(body: unknown): UnifiedRecord[] {
  const b = obj(body);
  const forUser = str(b.for_user_id);
  const out: UnifiedRecord[] = [];
  for (const t of arr(b.tweet_create_events)) {
    // A retweet (v1.1 retweeted_status) points at its original, as in the mapper: the account's post, or a tweet.
    const original = obj(obj(t).retweeted_status);
    const originalId = str(original.id_str);
    if (originalId) {
      out.push(hint(originalId, forUser !== undefined && str(obj(original.user).id_str) === forUser ? 'post' : 'comment'));
      continue;
    }
    const id = str(obj(t).id_str) ?? str(obj(t).id);
    if (id) out.push(hint(id));
  }
  for (const e of arr(b.direct_message_events)) {
    const m = mapDmEvent(forUser, obj(e), obj(b.users));
    if (m) out.push(m);
  }
  // A like by or of the account (favorite_events): the liked tweet's counts changed — the account's
  // post (its reactions) or a tweet of the inbox; the next sync reads it.
  for (const f of arr(b.favorite_events)) {
    const liked = obj(obj(f).favorited_status);
    const likedId = str(liked.id_str);
    if (likedId) out.push(hint(likedId, forUser !== undefined && str(obj(liked.user).id_str) === forUser ? 'post' : 'comment'));
  }
  for (const d of arr(b.tweet_delete_events)) {
    const id = str(obj(obj(d).status).id);
    if (id) out.push(hint(id));
  }
  return out;
}
