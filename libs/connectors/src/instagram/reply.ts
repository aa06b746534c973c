import { arr, obj, str } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, PrivateReplyCapability, ReplyCapability, ReplyTarget } from '../interfaces';
import { fbTimeToIso } from '../facebook/mapper';
import { instagramClient, messagingNode } from './auth';
import { idOf, igsidOfThreadKey, instagramThreadKey, parseMentionThreadKey } from './mapper';
import type { InstagramSettings } from './settings';

/** The standard messaging window: a business may answer within 24 hours of the customer's last message. */
export const INSTAGRAM_WINDOW_MS = 24 * 3600_000;
/** With Meta's approval for the HUMAN_AGENT tag, a person may answer up to 7 days after it. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600_000;
/** A private reply answers a comment once, within 7 days of the comment. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 3600_000;
/** The Send API takes message text of less than 1,000 bytes (UTF-8). */
export const DIRECT_TEXT_MAX_BYTES = 1000;

type DirectTarget = Extract<ReplyTarget, { channel: 'direct' }>;

const recipientOf = (target: DirectTarget): string => {
  const igsid = target.recipientExternalId || igsidOfThreadKey(target.threadKey);
  if (!igsid) throw new ConnectorError({ network: 'instagram', code: 'INVALID_REQUEST', message: 'the conversation has no Instagram recipient' });
  return igsid;
};

/** Why a direct message cannot go out now, or null; `tagged`: it may go out only with the HUMAN_AGENT tag. */
export function directWindow(target: DirectTarget, now: Date): { refusal: string | null; tagged: boolean } {
  if (!target.lastInboundAt) {
    return {
      refusal: 'Instagram lets a business write only after the customer has written; this conversation has no message from the customer',
      tagged: false,
    };
  }
  const since = now.getTime() - target.lastInboundAt.getTime();
  if (since <= INSTAGRAM_WINDOW_MS) return { refusal: null, tagged: false };
  if (target.humanAgentApproved && since <= HUMAN_AGENT_WINDOW_MS) return { refusal: null, tagged: true };
  const last = target.lastInboundAt.toISOString();
  return {
    refusal: target.humanAgentApproved
      ? `outside Instagram's 7-day human agent window: the customer last wrote at ${last}`
      : `outside Instagram's 24-hour window: the customer last wrote at ${last}, and a business may reply only within 24 hours of that (7 days with Meta's approval for the HUMAN_AGENT tag)`,
    tagged: false,
  };
}

function checkDirectText(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes >= DIRECT_TEXT_MAX_BYTES) {
    throw new ConnectorError({
      network: 'instagram',
      code: 'INVALID_REQUEST',
      message: `Instagram takes direct messages of less than ${DIRECT_TEXT_MAX_BYTES} bytes; this one has ${bytes}`,
    });
  }
}

/** Whether a listed item is the account's reply with this text, written at or after `since`. */
function isOurs(item: unknown, accountId: string, text: string, since: Date, exclude: string[], textField: 'text' | 'message'): string | null {
  const i = obj(item);
  const created = Date.parse(fbTimeToIso(i.timestamp ?? i.created_time) ?? '');
  const author = idOf(obj(i.from).id) ?? idOf(obj(i.user).id);
  const body = str(i[textField]) ?? '';
  if (author !== accountId || body.trim() !== text.trim() || !(created >= since.getTime())) return null;
  const id = idOf(i.id);
  return id && !exclude.includes(id) ? id : null;
}

/** The account's message with this text in the conversation with `igsid`, written at or after `since`. */
async function findOwnDirectMessage(
  ctx: ConnectorContext,
  client: ReturnType<typeof instagramClient>,
  igsid: string,
  text: string,
  since: Date,
  exclude: string[],
): Promise<string | null> {
  const body = await client.get(`${messagingNode(ctx)}/conversations`, {
    platform: 'instagram',
    user_id: igsid,
    fields: 'id,participants,messages.limit(25){id,message,from,created_time}',
  });
  for (const conv of arr(body.data)) {
    if (!arr(obj(obj(conv).participants).data).some((p) => idOf(obj(p).id) === igsid)) continue;
    for (const m of arr(obj(obj(conv).messages).data)) {
      const id = isOurs(m, ctx.account.externalId, text, since, exclude, 'message');
      if (id) return id;
    }
  }
  return null;
}

/**
 * Replies: POST /{comment-id}/replies under the top-level comment (Instagram attaches a reply to a
 * reply there anyway), POST /{ig-user-id}/mentions for a mention on someone else's media, or the Send API within the messaging window (HUMAN_AGENT-tagged beyond 24
 * hours where the workspace has Meta's approval). findExisting lists the newest replies so a retry
 * after a crash finds the reply it already sent instead of sending it again.
 */
export function instagramReply(settings: InstagramSettings): ReplyCapability {
  return {
    refusal(target, now) {
      return target.channel === 'direct' ? directWindow(target, now).refusal : null;
    },

    privateReply: instagramPrivateReply(settings),

    async findExisting(ctx: ConnectorContext, { target, text, since, exclude = [] }) {
      const client = instagramClient(settings, ctx);
      const accountId = ctx.account.externalId;
      const mention = target.channel === 'comment' ? parseMentionThreadKey(target.threadKey) : null;
      if (mention) {
        // Others' media are readable only through mentioned_media: the answers under the mention.
        const answer = obj(
          await client.get(accountId, {
            fields: `mentioned_media.media_id(${mention.mediaId}){comments{id,replies{id,text,timestamp,from{id,username}}}}`,
          }),
        );
        for (const c of arr(obj(obj(answer.mentioned_media).comments).data)) {
          if (mention.commentId && idOf(obj(c).id) !== mention.commentId) continue;
          for (const r of arr(obj(obj(c).replies).data)) {
            const id = isOurs(r, accountId, text, since, exclude, 'text');
            if (id) return id;
          }
        }
        return null;
      }
      if (target.channel === 'comment') {
        const body = await client.get(`${target.threadKey || target.parentExternalId}/replies`, {
          fields: 'id,text,timestamp,from{id,username},user{id}',
          limit: 50,
        });
        for (const c of arr(body.data)) {
          const id = isOurs(c, accountId, text, since, exclude, 'text');
          if (id) return id;
        }
        return null;
      }
      return findOwnDirectMessage(ctx, client, recipientOf(target), text, since, exclude);
    },

    async send(ctx: ConnectorContext, { target, text }) {
      const client = instagramClient(settings, ctx);
      const mention = target.channel === 'comment' ? parseMentionThreadKey(target.threadKey) : null;
      if (mention) {
        // A mention on someone else's media is answered through the account: POST /{ig-user-id}/mentions.
        const res = await client.post(`${ctx.account.externalId}/mentions`, {
          media_id: mention.mediaId,
          ...(mention.commentId ? { comment_id: mention.commentId } : {}),
          message: text,
        });
        const id = idOf(res.id);
        if (!id) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'Instagram answered the mention reply without an id' });
        return { externalId: id };
      }
      if (target.channel === 'comment') {
        const res = await client.post(`${target.threadKey || target.parentExternalId}/replies`, { message: text });
        const id = idOf(res.id);
        if (!id) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'Instagram answered the reply without an id' });
        return { externalId: id };
      }
      checkDirectText(text);
      const { refusal, tagged } = directWindow(target, new Date());
      if (refusal) throw new ConnectorError({ network: 'instagram', code: 'PERMISSION_DENIED', message: refusal });
      const res = await client.post(`${messagingNode(ctx)}/messages`, {
        recipient: { id: recipientOf(target) },
        message: { text },
        ...(tagged ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : {}),
      });
      const id = str(res.message_id);
      if (!id) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'the Send API answered without a message id' });
      return { externalId: id };
    },
  };
}

/**
 * Private replies as the outbound worker sends them: the message lands in the conversation with
 * the comment's author (Instagram files it there, in the Requests folder until they answer), so a
 * retry after a crash looks for it in that conversation (the author's IGSID is the comment's
 * `from.id`) before it sends again.
 */
export function instagramPrivateReply(settings: InstagramSettings): PrivateReplyCapability {
  return {
    // Instagram files a private reply in the conversation with the comment's author; the comment's
    // from.id is the IGSID that conversation is keyed by.
    directThreadKey: (authorExternalId) => (authorExternalId ? instagramThreadKey(authorExternalId) : null),

    async findExisting(ctx, { target, text, since, exclude = [] }) {
      if (!target.recipientExternalId) return null;
      return findOwnDirectMessage(ctx, instagramClient(settings, ctx), target.recipientExternalId, text, since, exclude);
    },
    send(ctx, { target, text }) {
      return sendPrivateReply(settings, ctx, { commentId: target.commentExternalId, commentCreatedAt: target.commentCreatedAt, text });
    },
  };
}

/**
 * A private reply: one direct message to a comment's author, addressed by the comment's id, at
 * most once per comment and within 7 days of it (Live: only during the broadcast). The API keeps
 * it to one per comment (message.private_reply_to is unique) and the worker sends it exactly once.
 */
export async function sendPrivateReply(
  settings: InstagramSettings,
  ctx: ConnectorContext,
  input: { commentId: string; commentCreatedAt: Date; text: string; now?: Date },
): Promise<{ externalId: string }> {
  const now = input.now ?? new Date();
  if (now.getTime() - input.commentCreatedAt.getTime() > PRIVATE_REPLY_WINDOW_MS) {
    throw new ConnectorError({
      network: 'instagram',
      code: 'PERMISSION_DENIED',
      message: 'Instagram allows a private reply only within 7 days of the comment',
    });
  }
  checkDirectText(input.text);
  const res = await instagramClient(settings, ctx).post(`${messagingNode(ctx)}/messages`, {
    recipient: { comment_id: input.commentId },
    message: { text: input.text },
  });
  const id = str(res.message_id);
  if (!id) throw new ConnectorError({ network: 'instagram', code: 'UNKNOWN', message: 'the Send API answered the private reply without a message id' });
  return { externalId: id };
}
