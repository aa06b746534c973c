import { arr, obj } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ReplyCapability, ReplyTarget } from '../interfaces';
import { facebookClient } from './auth';
import { fbTimeToIso, psidOfThreadKey } from './mapper';
import type { FacebookSettings } from './settings';

/** Messenger's standard messaging window: a page may answer within 24 hours of the customer's last message. */
export const MESSENGER_WINDOW_MS = 24 * 3600_000;

const recipientOf = (target: Extract<ReplyTarget, { channel: 'direct' }>): string => {
  const psid = target.recipientExternalId || psidOfThreadKey(target.threadKey);
  if (!psid) throw new ConnectorError({ network: 'facebook', code: 'INVALID_REQUEST', message: 'the conversation has no Messenger recipient' });
  return psid;
};

/** Whether a listed item is the page's reply with this text, written at or after `since`. */
const isOurs = (item: unknown, pageId: string, text: string, since: Date, exclude: string[]): string | null => {
  const i = obj(item);
  const created = Date.parse(fbTimeToIso(i.created_time) ?? '');
  const message = typeof i.message === 'string' ? i.message : '';
  if (obj(i.from).id !== pageId || message.trim() !== text.trim() || !(created >= since.getTime())) return null;
  return typeof i.id === 'string' && !exclude.includes(i.id) ? i.id : null;
};

/**
 * Replies: POST /{comment-id}/comments to the comment answered (Facebook files it under the top-level
 * comment), or the Messenger
 * Send API inside the 24-hour window. findExisting lists the newest replies so a retry after a
 * crash finds the reply it already sent instead of sending it again.
 */
export function facebookReply(settings: FacebookSettings): ReplyCapability {
  return {
    refusal(target, now) {
      if (target.channel !== 'direct') return null;
      if (!target.lastInboundAt) return 'Messenger lets a page write only after the customer has written; this conversation has no message from the customer';
      if (now.getTime() - target.lastInboundAt.getTime() > MESSENGER_WINDOW_MS) {
        return `outside Messenger's 24-hour window: the customer last wrote at ${target.lastInboundAt.toISOString()}, and a page may reply only within 24 hours of that`;
      }
      return null;
    },

    async findExisting(ctx: ConnectorContext, { target, text, since, exclude = [] }) {
      const client = facebookClient(settings, ctx);
      const pageId = ctx.account.externalId;
      if (target.channel === 'comment') {
        // Facebook files a reply to a reply under the top-level comment (the thread's key): look there.
        const body = await client.get(`${target.threadKey || target.parentExternalId}/comments`, {
          order: 'reverse_chronological',
          limit: 50,
          fields: 'id,message,from,created_time',
        });
        for (const c of arr(body.data)) {
          const id = isOurs(c, pageId, text, since, exclude);
          if (id) return id;
        }
        return null;
      }
      const psid = recipientOf(target);
      // user_id narrows the list to the conversation with the recipient; the participants are still checked below.
      const body = await client.get(`${pageId}/conversations`, {
        platform: 'messenger',
        user_id: psid,
        limit: 25,
        fields: 'id,participants,messages.limit(25){id,message,from,created_time}',
      });
      for (const conv of arr(body.data)) {
        if (!arr(obj(obj(conv).participants).data).some((p) => String(obj(p).id) === psid)) continue;
        for (const m of arr(obj(obj(conv).messages).data)) {
          const id = isOurs(m, pageId, text, since, exclude);
          if (id) return id;
        }
      }
      return null;
    },

    async send(ctx: ConnectorContext, { target, text }) {
      const client = facebookClient(settings, ctx);
      if (target.channel === 'comment') {
        const res = await client.post<{ id?: string }>(`${target.parentExternalId}/comments`, { message: text });
        if (!res.id) throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: 'Facebook answered the reply without an id' });
        return { externalId: res.id };
      }
      const res = await client.post<{ message_id?: string }>(`${ctx.account.externalId}/messages`, {
        recipient: { id: recipientOf(target) },
        messaging_type: 'RESPONSE',
        message: { text },
      });
      if (!res.message_id) throw new ConnectorError({ network: 'facebook', code: 'UNKNOWN', message: 'the Send API answered without a message id' });
      return { externalId: res.message_id };
    },
  };
}
