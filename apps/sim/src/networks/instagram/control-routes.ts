import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { TruthItem } from '../../core/world';
import type { InstagramState } from './state';
import type { IgAttachmentKind, IgComment, IgConversation, IgMessage, IgUser } from './store';
import { commentChange, changesPayload, messageEvent, messageMetaEvent, messagingPayload, postbackEvent, referralEvent } from './webhooks';

/**
 * /_sim/instagram/...: what a test needs that the generator does not make.
 *   GET  /tokens                    the Instagram-Login tokens (issued/expiry times as ISO)
 *   POST /tokens/expire|revoke      {token}
 *   POST /webhooks                  {signWith: 'instagram'|'facebook', adCommentShare: 0..1}
 *   POST /messaging                 {kind, customer?, mid?, text?}: an inbound Direct event —
 *        kind ig_reel | share | story_mention | unsupported_type | image | video | audio | file (a
 *        message with that attachment, in the truth and in the conversation), story_reply (a reply
 *        to the account's newest live story, `reply_to.story`), read | reaction | unreact |
 *        message_edit (about the message `mid`, default the customer's last), postback (an ice
 *        breaker tapped: {title?, payload?}) | referral (a Click-to-Direct ad or ig.me link: {ref?, ad?})
 *   POST /story                     {caption?, video?, ageHours?}: a story of the account (GET /stories for 24 h)
 *   GET|POST /app                   {humanAgentApproved?}: the app's App Review state (HUMAN_AGENT tag)
 *   POST /verify-webhook            {url?, verifyToken?}: the subscription handshake against the receiver
 *   POST /live-comment              {text, customer?}: a comment during a live broadcast (live_comments)
 *   GET|POST /limits                {appCallsPerHour?, pageCallsPerHour?}: the call budgets behind the usage
 *                                   headers and codes 4/80002 (the account's budget is `pageCallsPerHour`),
 *                                   as /_sim/facebook/limits — raised by tests that sync every second
 */
/** What the control routes use of the Instagram module (an interface, so the module may import these routes). */
export interface InstagramControlTarget {
  readonly state: InstagramState;
  truthOf(node: IgComment | IgMessage, intent: null, language: null, source: TruthItem['source']): TruthItem;
  deliver(payload: Record<string, unknown>): void;
  verifyWebhook(url?: string, verifyToken?: string): Promise<SimResponse>;
}

const ATTACHMENTS: IgAttachmentKind[] = ['ig_reel', 'share', 'story_mention', 'unsupported_type', 'image', 'video', 'audio', 'file'];
const META = ['read', 'reaction', 'unreact', 'message_edit'] as const;
const ENTRY = ['story_reply', 'postback', 'referral'] as const;
type EntryKind = (typeof ENTRY)[number];
const isEntry = (v: string): v is EntryKind => (ENTRY as readonly string[]).includes(v);
type MetaKind = (typeof META)[number];
const isMeta = (v: string): v is MetaKind => (META as readonly string[]).includes(v);
const isAttachment = (v: string): v is IgAttachmentKind => (ATTACHMENTS as readonly string[]).includes(v);

const bad = (message: string) => json(400, { error: { message } });

export function instagramControl(module: InstagramControlTarget, req: SimRequest, subpath: string): Promise<SimResponse> | SimResponse | undefined {
  const { state } = module;
  const input = { ...Object.fromEntries(req.query), ...req.body };
  const str = (k: string): string | undefined => (typeof input[k] === 'string' ? input[k] : undefined);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  if (req.method === 'GET' && subpath === '/tokens') {
    return json(200, { tokens: state.tokens.list().map((t) => ({ ...t, issuedAt: iso(t.issuedAt), expiresAt: iso(t.expiresAt) })) });
  }
  if (req.method === 'POST' && (subpath === '/tokens/expire' || subpath === '/tokens/revoke')) {
    const token = state.tokens.get(str('token') ?? '');
    if (!token) return json(404, { error: { message: 'unknown token' } });
    if (subpath === '/tokens/expire') token.expiresAt = state.now() - 1;
    else token.revoked = true;
    return json(200, { token: token.token, expired: subpath === '/tokens/expire', revoked: token.revoked });
  }
  if (req.method === 'POST' && subpath === '/webhooks') {
    const signWith = str('signWith');
    if (signWith !== undefined && signWith !== 'instagram' && signWith !== 'facebook') return bad('signWith must be instagram or facebook');
    const share = input.adCommentShare === undefined ? undefined : Number(input.adCommentShare);
    if (share !== undefined && !(share >= 0 && share <= 1)) return bad('adCommentShare must be a number from 0 to 1');
    if (signWith) state.webhooks.signWith = signWith;
    if (share !== undefined) state.webhooks.adCommentShare = share;
    return json(200, { webhooks: state.webhooks });
  }
  if (req.method === 'POST' && subpath === '/messaging') {
    const kind = str('kind') ?? '';
    if (kind === 'quick_reply') return tapQuickReply(module, str('customer'), Number(input.index ?? 0));
    if (isEntry(kind)) return entryEvent(module, kind, str('customer'), input);
    return messaging(module, kind, str('customer'), str('mid'), str('text'));
  }
  if (req.method === 'POST' && subpath === '/story')
    return addStory(module, str('caption'), input.video === true || input.video === 'true', Number(input.ageHours ?? 0));
  if (subpath === '/app') {
    if (req.method === 'POST') {
      const approved = input.humanAgentApproved;
      if (typeof approved !== 'boolean') return bad('humanAgentApproved must be true or false');
      state.humanAgentApproved = approved;
    }
    return json(200, { app: { appId: state.app.appId, humanAgentApproved: state.humanAgentApproved } });
  }
  if (req.method === 'POST' && subpath === '/verify-webhook') return module.verifyWebhook(str('url'), str('verifyToken'));
  if (req.method === 'POST' && subpath === '/live-comment') return liveComment(module, str('text'), str('customer'));
  if (subpath === '/limits') {
    if (req.method === 'POST') {
      const app = Number(input.appCallsPerHour ?? state.usage.limits.appCallsPerHour);
      const account = Number(input.pageCallsPerHour ?? state.usage.limits.pageCallsPerHour);
      if (!(app >= 1 && account >= 1)) return bad('appCallsPerHour and pageCallsPerHour must be ≥ 1');
      state.usage.limits = { appCallsPerHour: app, pageCallsPerHour: account };
    }
    return json(200, { limits: state.usage.limits });
  }
  return undefined;
}

function messaging(
  module: InstagramControlTarget,
  kind: string,
  customerId: string | undefined,
  mid: string | undefined,
  text: string | undefined,
): SimResponse {
  const { state } = module;
  const { store } = state;
  const now = state.now();
  const accountId = state.account.id;
  const conversation: IgConversation | undefined = customerId ? store.conversationWith(customerId) : latestConversation(module);
  if (!conversation) return bad('no conversation with that customer (generate some messages first)');
  if (isAttachment(kind)) {
    const url = `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${now}&signature=sim`;
    const message = store.addInboundMessage(conversation.customer, text ?? '', now, [{ kind, url }]);
    const truth = module.truthOf(message, null, null, 'generator');
    state.ctx.world.addTruth(truth);
    if (state.ctx.settings.webhookUrl) module.deliver(messagingPayload(accountId, [{ event: messageEvent(message, accountId), time: now }]));
    return json(200, { item: truth });
  }
  if (!isMeta(kind)) return bad(`kind must be one of ${[...ATTACHMENTS, ...META, ...ENTRY].join(', ')}`);
  const inbound = conversation.messages.filter((m) => !m.fromAccount);
  const target: IgMessage | undefined = mid
    ? store.message(mid)
    : kind === 'read'
      ? conversation.messages[conversation.messages.length - 1]
      : inbound[inbound.length - 1];
  if (!target) return bad('no such message');
  if (kind === 'message_edit') {
    if (target.fromAccount) return bad('only the customer edits their messages');
    target.text = text ?? `${target.text} (bearbeitet)`;
    target.edits += 1;
  }
  const event = messageMetaEvent(kind, target, accountId, now);
  if (state.ctx.settings.webhookUrl) module.deliver(messagingPayload(accountId, [{ event, time: now }]));
  return json(200, { event });
}

/**
 * How a customer enters or re-enters a conversation without typing: a reply to the account's story
 * (a message with `reply_to.story`, Graph `story.reply_to`), an ice breaker (`postback`) or a
 * Click-to-Direct ad / ig.me link (`referral`). Each opens the 24-hour window, as a message does.
 */
function entryEvent(module: InstagramControlTarget, kind: EntryKind, customerId: string | undefined, input: Record<string, unknown>): SimResponse {
  const { state } = module;
  const { store } = state;
  const now = state.now();
  const accountId = state.account.id;
  const conversation: IgConversation | undefined = customerId ? store.conversationWith(customerId) : latestConversation(module);
  if (!conversation) return bad('no conversation with that customer (generate some messages first)');
  const text = typeof input.text === 'string' ? input.text : undefined;
  if (kind === 'story_reply') {
    const stories = store.liveStories(now);
    const story = stories[stories.length - 1];
    if (!story) return bad('the account has no story of the last 24 hours (POST /_sim/instagram/story first)');
    const message = store.addInboundMessage(conversation.customer, text ?? 'Wie teuer ist die Jacke aus der Story?', now);
    message.storyReply = { id: story.id, url: `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${story.id}&signature=sim` };
    const truth = module.truthOf(message, null, null, 'generator');
    state.ctx.world.addTruth(truth);
    if (state.ctx.settings.webhookUrl) module.deliver(messagingPayload(accountId, [{ event: messageEvent(message, accountId), time: now }]));
    return json(200, { item: truth, story: story.id });
  }
  store.touchInbound(conversation, now);
  const customer = conversation.customer.id;
  const event =
    kind === 'postback'
      ? postbackEvent(customer, accountId, now, {
          mid: `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjpostback${now}`,
          title: typeof input.title === 'string' ? input.title : 'Wann liefert ihr?',
          payload: typeof input.payload === 'string' ? input.payload : 'ICE_BREAKER_DELIVERY',
        })
      : referralEvent(customer, accountId, now, {
          ref: typeof input.ref === 'string' ? input.ref : 'winter-sale',
          source: input.ad === false ? 'SHORTLINK' : 'ADS',
          type: 'OPEN_THREAD',
          ...(input.ad === false
            ? {}
            : {
                ad_id: '120210000000000042',
                ads_context_data: {
                  ad_title: 'Resonance Demo Shop – Winter Sale',
                  photo_url: 'https://scontent.cdninstagram.com/ad/winter.jpg',
                  post_id: store.media[0]?.id,
                },
              }),
        });
  if (state.ctx.settings.webhookUrl) module.deliver(messagingPayload(accountId, [{ event, time: now }]));
  return json(200, { event });
}

function addStory(module: InstagramControlTarget, caption: string | undefined, video: boolean, ageHours: number): SimResponse {
  const { state } = module;
  if (!(ageHours >= 0)) return bad('ageHours must be a number ≥ 0');
  const story = state.store.addStory(caption ?? null, state.now() - ageHours * 3600_000, video ? 'VIDEO' : 'IMAGE');
  return json(200, { story: { id: story.id, createdAt: new Date(story.createdAt).toISOString() } });
}

function liveComment(module: InstagramControlTarget, text: string | undefined, customerId: string | undefined): SimResponse {
  const { state } = module;
  const media = state.store.media[state.store.media.length - 1];
  const from: IgUser | undefined = customerId ? state.store.person(customerId) : latestConversation(module)?.customer;
  if (!media || !from) return bad('generate a post and a customer first');
  const comment: IgComment = state.store.addLiveComment(media, from, text ?? 'Live dabei! 🔥', state.now());
  const truth = module.truthOf(comment, null, null, 'generator');
  state.ctx.world.addTruth(truth);
  if (state.ctx.settings.webhookUrl)
    module.deliver(changesPayload(state.account.id, [{ change: commentChange(comment, state.store.account, true), time: comment.createdAt }]));
  return json(200, { item: truth });
}

function latestConversation(module: InstagramControlTarget): IgConversation | undefined {
  for (const u of module.state.store.conversationsNewestFirst()) return u.conversation;
  return undefined;
}

/**
 * kind quick_reply {customer?, index?}: the customer taps quick reply `index` (0) of the account's
 * latest message that offered some; their message has its title as text and, in the messages
 * webhook, `quick_reply: {payload}`. The API has no call for a customer's side.
 */
function tapQuickReply(module: InstagramControlTarget, customerId: string | undefined, index: number): SimResponse {
  const { state } = module;
  const conversation = customerId ? state.store.conversationWith(customerId) : latestConversation(module);
  if (!conversation) return bad('no conversation with that customer');
  const offer = [...conversation.messages].reverse().find((m) => m.fromAccount && m.sent?.quickReplies?.length);
  const reply = offer?.sent?.quickReplies?.[index];
  if (!reply) return bad('no quick reply offered at that index');
  const now = state.now();
  const message = state.store.addInboundMessage(conversation.customer, reply.title ?? '', now);
  message.quickReply = String(reply.payload);
  const truth = module.truthOf(message, null, null, 'generator');
  state.ctx.world.addTruth(truth);
  const accountId = state.account.id;
  if (state.ctx.settings.webhookUrl) module.deliver(messagingPayload(accountId, [{ event: messageEvent(message, accountId), time: now }]));
  return json(200, { item: truth, payload: message.quickReply });
}
