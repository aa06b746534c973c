import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { World } from '../../core/world';
import { errors } from './errors';
import type { XDmEvent, XDmGroup, XStore, XTweet, XUser } from './store';
import { must } from '../../core/must';
import type { XMedia, XMediaStore } from './media';
import { tweetAttachments } from './tweet-attachments';
import { excludedFromReply, replyRefusal, taggedUsers, tweetOptions } from './tweet-options';
import { addVersion, editRefusal } from './edits';

/** A request value as X echoes it in an error: strings as sent, anything else as JSON. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
// Lengths below count code points (Array.from), as X counts characters, not UTF-16 units.

const MAX_TWEET = 280;
const MAX_DM = 10_000;

interface Created<T> {
  response: SimResponse;
  created?: T;
}

/**
 * POST /2/tweets: a tweet, or a reply with reply.in_reply_to_tweet_id. X refuses a duplicate of
 * the account's own recent text (403, "duplicate content") — a client that re-sends sees it.
 */
export function postTweet(store: XStore, media: XMediaStore, world: World, req: SimRequest, userId: string, now: number): Created<XTweet> {
  if (req.badBody) return { response: errors.invalidRequest('body', '', 'Request body is not valid JSON') };
  if (req.body.edit_options !== undefined) return editTweet(store, media, world, req, userId, now);
  const reply = req.body.reply as { in_reply_to_tweet_id?: unknown; auto_populate_reply_metadata?: unknown } | undefined;
  const attached = tweetAttachments(req.body, store, media, userId, now);
  if (!('quoted' in attached)) return { response: attached };
  const options = tweetOptions(req.body);
  if ('status' in options) return { response: options };
  const tagged = taggedUsers(store, req.body);
  if (tagged && 'status' in tagged) return { response: tagged };
  if (tagged) options.extras = { ...options.extras, taggedUserIds: tagged };
  // A tweet with media may have no text; X then answers its media link as the text.
  const text = req.body.text === undefined && attached.media ? '' : req.body.text;
  if (typeof text !== 'string' || (text.trim() === '' && !attached.media))
    return { response: errors.invalidRequest('text', asText(text), 'The `text` field is required and must not be empty') };
  if (Array.from(text).length > MAX_TWEET) return { response: errors.forbidden('You are not allowed to create a Tweet with more than 280 characters.') };
  const author = must(store.user(userId), `user ${userId}`);
  let parent: XTweet | null = null;
  if (reply !== undefined) {
    const id = typeof reply === 'object' && reply ? reply.in_reply_to_tweet_id : undefined;
    if (typeof id !== 'string' || !/^\d{1,19}$/.test(id))
      return { response: errors.invalidRequest('reply.in_reply_to_tweet_id', asText(id), 'reply.in_reply_to_tweet_id must be a tweet id') };
    parent = store.tweet(id) ?? null;
    if (!parent) return { response: errors.invalidRequest('reply.in_reply_to_tweet_id', id, `Could not find tweet with in_reply_to_tweet_id: [${id}].`) };
    const refused = replyRefusal(store, parent, userId);
    if (refused) return { response: refused };
  }
  const excluded = excludedFromReply(reply);
  if (!(excluded instanceof Set)) return { response: excluded };
  const auto = typeof reply === 'object' && reply !== null ? reply.auto_populate_reply_metadata : undefined;
  if (auto !== undefined && typeof auto !== 'boolean')
    return { response: errors.invalidRequest('reply.auto_populate_reply_metadata', asText(auto), 'reply.auto_populate_reply_metadata must be a boolean') };
  const recentDuplicate = text !== '' && store.tweets.some((t) => t.author.id === userId && t.text === text && now - t.createdAt < 24 * 3600_000);
  if (recentDuplicate) return { response: errors.forbidden('You are not allowed to create a Tweet with duplicate content.') };
  // The replied-to author and everyone the text names with @ (reply_settings mentionedUsers admits them).
  const named = [...text.matchAll(/@(\w{1,15})/g)].flatMap((m) => store.userNamed(m[1])?.id ?? []);
  const mentions = [...new Set([...(parent ? [parent.author.id] : []), ...named])].filter(
    (id) => id !== userId && (!excluded.has(id) || id === parent?.author.id),
  );
  // auto_populate_reply_metadata: the answered post's author and the users it mentions lead the
  // reply's text (as X writes a reply from its app); display_text_range then starts after them.
  const leading = auto && parent ? autoMentions(store, parent, userId, excluded, text) : '';
  if (leading) options.extras = { ...options.extras, displayStart: Array.from(leading).length };
  const tweet = store.addTweet({ author, text: leading + text, at: now, parent, mentions, ...attached, ...options });
  world.addReceived({
    network: 'x',
    at: new Date(now).toISOString(),
    kind: 'comment_reply',
    method: 'POST',
    path: '/2/tweets',
    targetId: parent?.id ?? '',
    externalId: tweet.id,
    text,
    body: req.body,
  });
  return { response: json(201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } }), created: tweet };
}

/** The "@a @b " a reply with auto_populate_reply_metadata starts with: who it answers, without the author, the excluded and whom the text already leads with. */
function autoMentions(store: XStore, parent: XTweet, userId: string, excluded: Set<string>, text: string): string {
  const ids = [parent.author.id, ...parent.mentions].filter(
    (id, i, all) => all.indexOf(id) === i && id !== userId && (!excluded.has(id) || id === parent.author.id),
  );
  const lead = new Set([...(/^(\s*@\w{1,15})+/.exec(text)?.[0] ?? '').matchAll(/@(\w{1,15})/g)].map((m) => m[1].toLowerCase()));
  const names = ids.flatMap((id) => store.user(id)?.username ?? []).filter((n) => !lead.has(n.toLowerCase()));
  return names.length ? `${names.map((n) => `@${n}`).join(' ')} ` : '';
}

/**
 * POST /2/tweets with edit_options.previous_post_id (edits.ts): the new version's id and text, with
 * the chain in edit_history_tweet_ids. The edit takes text and media; what the post is (a reply,
 * a quote, a poll, a community post, who may reply) stays as published, so those fields are refused.
 */
function editTweet(store: XStore, media: XMediaStore, world: World, req: SimRequest, userId: string, now: number): Created<XTweet> {
  const opts = req.body.edit_options;
  const id = typeof opts === 'object' && opts !== null && !Array.isArray(opts) ? (opts as { previous_post_id?: unknown }).previous_post_id : undefined;
  if (typeof id !== 'string' || !/^\d{1,19}$/.test(id))
    return { response: errors.invalidRequest('edit_options.previous_post_id', asText(id), 'edit_options.previous_post_id must be a post id') };
  const previous = store.tweet(id);
  if (!previous) return { response: errors.invalidRequest('edit_options.previous_post_id', id, `Could not find tweet with previous_post_id: [${id}].`) };
  const fixed = FIXED_ON_EDIT.find((f) => req.body[f] !== undefined);
  if (fixed) return { response: errors.invalidRequest(fixed, asText(req.body[fixed]), `The \`${fixed}\` field cannot be changed by an edit`) };
  const refused = editRefusal(previous, userId, now);
  if (refused) return { response: refused };
  const attached = tweetAttachments(req.body, store, media, userId, now);
  if (!('quoted' in attached)) return { response: attached };
  const text = req.body.text === undefined && (attached.media ?? previous.media) ? '' : req.body.text;
  if (typeof text !== 'string' || (text.trim() === '' && !(attached.media ?? previous.media)))
    return { response: errors.invalidRequest('text', asText(text), 'The `text` field is required and must not be empty') };
  if (Array.from(text).length > MAX_TWEET) return { response: errors.forbidden('You are not allowed to create a Tweet with more than 280 characters.') };
  const tweet = addVersion(store, previous, text, now, attached.media);
  world.addReceived({
    network: 'x',
    at: new Date(now).toISOString(),
    kind: 'post_edit',
    method: 'POST',
    path: '/2/tweets',
    targetId: id,
    externalId: tweet.id,
    text,
    body: req.body,
  });
  const history = (tweet.versions ?? [tweet]).map((v) => v.id);
  return { response: json(201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: history } }), created: tweet };
}

const FIXED_ON_EDIT = [
  'reply',
  'quote_tweet_id',
  'poll',
  'reply_settings',
  'for_super_followers_only',
  'community_id',
  'share_with_followers',
  'nullcast',
  'card_uri',
  'direct_message_deep_link',
  'geo',
] as const;

/** What a DM carries: its text ({text} or, creating a group, {message: {text}}) and at most one uploaded media (attachments: [{media_id}]). */
interface DmContent {
  text: string;
  media?: XMedia[];
}

/** The content of a DM body, or X's refusal. */
function dmContent(body: Record<string, unknown>, field: string, media: XMediaStore, userId: string, now: number): DmContent | SimResponse {
  const text = body.text;
  const attachments = body.attachments;
  let attached: XMedia[] | undefined;
  if (attachments !== undefined) {
    const list = Array.isArray(attachments) ? attachments : [];
    const found = list.length === 1 ? media.usable((list[0] as { media_id?: unknown } | null)?.media_id, userId, now) : undefined;
    if (!found) return errors.invalidRequest(`${field}attachments`, asText(attachments), 'The media id is not valid');
    attached = [found];
  }
  if (typeof text !== 'string' || text.trim() === '') {
    if (attached && (text === undefined || text === '')) return { text: '', media: attached };
    return errors.invalidRequest(`${field}text`, asText(text), 'The `text` field is required when no attachments are sent');
  }
  if (text.length > MAX_DM) return errors.invalidRequest(`${field}text`, text.slice(0, 20), 'The `text` field is longer than 10000 characters');
  return attached ? { text, media: attached } : { text };
}

const MAX_GROUP_PARTICIPANTS = 49;

/**
 * POST /2/dm_conversations: a group conversation of the user and participant_ids, with its first
 * message ({conversation_type: "Group", participant_ids, message: {text}}). It answers 201 with
 * the message's event and the new conversation's id; the conversation starts with a
 * ParticipantsJoin event naming the invited.
 */
export function createGroupConversation(store: XStore, media: XMediaStore, world: World, req: SimRequest, userId: string, now: number): Created<XDmEvent> {
  if (req.badBody) return { response: errors.invalidRequest('body', '', 'Request body is not valid JSON') };
  const { conversation_type: type, participant_ids: ids, message } = req.body;
  if (type !== 'Group') return { response: errors.invalidRequest('conversation_type', asText(type), 'The `conversation_type` field must be Group') };
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_GROUP_PARTICIPANTS || !ids.every((id) => typeof id === 'string' && /^\d{1,19}$/.test(id)))
    return {
      response: errors.invalidRequest('participant_ids', asText(ids), `The \`participant_ids\` field must list 1 to ${MAX_GROUP_PARTICIPANTS} user ids`),
    };
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return { response: errors.invalidRequest('message', asText(message), 'The `message` field is required') };
  const content = dmContent(message as Record<string, unknown>, 'message.', media, userId, now);
  if (!('text' in content)) return { response: content };
  const others: XUser[] = [];
  for (const id of new Set(ids as string[])) {
    if (id === userId) continue;
    const u = store.user(id);
    if (!u) return { response: errors.forbidden('You cannot send messages to this user.') };
    others.push(u);
  }
  if (!others.length) return { response: errors.invalidRequest('participant_ids', asText(ids), 'A group needs a participant other than the sender') };
  const { group, message: event } = store.createGroup(must(store.user(userId), `user ${userId}`), others, content, now);
  record(world, req, '/2/dm_conversations', group.id, event, content.text, now);
  return { response: json(201, { data: { dm_conversation_id: group.id, dm_event_id: event.id } }), created: event };
}

/** POST /2/dm_conversations/:id/messages into a group the user belongs to. */
export function sendGroupDm(store: XStore, media: XMediaStore, world: World, req: SimRequest, userId: string, group: XDmGroup, now: number): Created<XDmEvent> {
  if (req.badBody) return { response: errors.invalidRequest('body', '', 'Request body is not valid JSON') };
  if (!group.members.has(userId)) return { response: errors.forbidden('You cannot send messages to this conversation.') };
  const content = dmContent(req.body, '', media, userId, now);
  if (!('text' in content)) return { response: content };
  const event = store.addGroupDm(group, must(store.user(userId), `user ${userId}`), content, now);
  record(world, req, `/2/dm_conversations/${group.id}/messages`, group.id, event, content.text, now);
  return { response: json(201, { data: { dm_conversation_id: group.id, dm_event_id: event.id } }), created: event };
}

function record(world: World, req: SimRequest, path: string, targetId: string, event: XDmEvent, text: string, now: number): void {
  world.addReceived({
    network: 'x',
    at: new Date(now).toISOString(),
    kind: 'private_message',
    method: 'POST',
    path,
    targetId,
    externalId: event.id,
    text,
    body: req.body,
  });
}

export function sendDm(
  store: XStore,
  media: XMediaStore,
  world: World,
  req: SimRequest,
  userId: string,
  participantId: string,
  now: number,
  path = `/2/dm_conversations/with/${participantId}/messages`,
): Created<XDmEvent> {
  if (req.badBody) return { response: errors.invalidRequest('body', '', 'Request body is not valid JSON') };
  const content = dmContent(req.body, '', media, userId, now);
  if (!('text' in content)) return { response: content };
  const recipient = store.user(participantId);
  if (!recipient || participantId === userId) return { response: errors.forbidden('You cannot send messages to this user.') };
  const event = store.addDm(must(store.user(userId), `user ${userId}`), recipient, content.text, now, content.media);
  record(world, req, path, participantId, event, content.text, now);
  return { response: json(201, { data: { dm_conversation_id: event.conversationId, dm_event_id: event.id } }), created: event };
}
