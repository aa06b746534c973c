import { json, type SimRequest, type SimResponse } from '../../core/http';
import type { TruthItem } from '../../core/world';
import type { InstagramState } from './state';
import type { IgAttachmentKind, IgComment, IgConversation, IgMessage, IgUser } from './store';
import { commentChange, changesPayload, messageEvent, messageMetaEvent, messagingPayload } from './webhooks';

/**
 * /_sim/instagram/...: what a test needs that the generator does not make.
 *   GET  /tokens                    the Instagram-Login tokens (issued/expiry times as ISO)
 *   POST /tokens/expire|revoke      {token}
 *   POST /webhooks                  {signWith: 'instagram'|'facebook', adCommentShare: 0..1}
 *   POST /messaging                 {kind, customer?, mid?, text?}: an inbound Direct event —
 *        kind ig_reel | share | story_mention | unsupported_type | image (a message with that
 *        attachment, in the truth and in the conversation), read | reaction | unreact |
 *        message_edit (about the message `mid`, default the customer's last)
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
}

const ATTACHMENTS: IgAttachmentKind[] = ['ig_reel', 'share', 'story_mention', 'unsupported_type', 'image'];
const META = ['read', 'reaction', 'unreact', 'message_edit'] as const;
type MetaKind = (typeof META)[number];
const isMeta = (v: string): v is MetaKind => (META as readonly string[]).includes(v);
const isAttachment = (v: string): v is IgAttachmentKind => (ATTACHMENTS as readonly string[]).includes(v);

const bad = (message: string) => json(400, { error: { message } });

export function instagramControl(module: InstagramControlTarget, req: SimRequest, subpath: string): SimResponse | undefined {
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
  if (req.method === 'POST' && subpath === '/messaging') return messaging(module, str('kind') ?? '', str('customer'), str('mid'), str('text'));
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
    const message = store.addInboundMessage(conversation.customer, text ?? '', now, { kind, url });
    const truth = module.truthOf(message, null, null, 'generator');
    state.ctx.world.addTruth(truth);
    if (state.ctx.settings.webhookUrl) module.deliver(messagingPayload(accountId, [{ event: messageEvent(message, accountId), time: now }]));
    return json(200, { item: truth });
  }
  if (!isMeta(kind)) return bad(`kind must be one of ${[...ATTACHMENTS, ...META].join(', ')}`);
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
