import { ConnectorError } from '../errors';
import type { ConnectorContext, ReplyCapability } from '../interfaces';
import { xingClient } from './client';
import { listOf, mapComment, mapContext, mapMessage } from './mapper';
import type { XingSettings } from './settings';

/**
 * Replies: a comment on the company update (XING comments are flat, so the thread key is the
 * update), or a message in the conversation. findExisting reads the newest items back so a retry
 * after a crash finds the reply it already sent instead of sending it twice.
 */
export function xingReply(settings: XingSettings): ReplyCapability {
  return {
    refusal() {
      return null;
    },

    async findExisting(ctx: ConnectorContext, { target, text, since, exclude = [] }) {
      const client = xingClient(settings, ctx);
      const map = mapContext(ctx);
      const matches = (m: { externalId: string; text: string; createdAt: string; isFromAccount?: boolean } | undefined) =>
        !!m &&
        m.isFromAccount === true &&
        m.text.trim() === text.trim() &&
        Date.parse(m.createdAt) >= Math.floor(since.getTime() / 1000) * 1000 &&
        !exclude.includes(m.externalId);
      if (target.channel === 'comment') {
        // Comments are oldest first: read the last page.
        const head = listOf(await client.get(`companies/updates/${target.threadKey}/comments`, { limit: 1, offset: 0 }), 'comments');
        const offset = Math.max(0, (head.total ?? 0) - 100);
        const page = listOf(await client.get(`companies/updates/${target.threadKey}/comments`, { limit: 100, offset }), 'comments');
        for (const raw of [...page.items].reverse()) {
          const m = mapComment(raw, { ...map, objectId: target.threadKey });
          if (m && matches(m)) return m.externalId;
        }
        return null;
      }
      const user = typeof ctx.credentials.userId === 'string' ? ctx.credentials.userId : 'me';
      const page = listOf(await client.get(`users/${user}/conversations/${target.threadKey}/messages`, { limit: 50, offset: 0 }), 'messages');
      for (const raw of page.items) {
        const m = mapMessage(raw, { ...map, objectId: target.threadKey });
        if (m && matches(m)) return m.externalId;
      }
      return null;
    },

    async send(ctx: ConnectorContext, { target, text }) {
      const client = xingClient(settings, ctx);
      if (target.channel === 'comment') {
        const res = await client.post<{ comment?: { id?: string } }>(`companies/updates/${target.threadKey}/comments`, { content: text });
        if (!res.comment?.id) throw new ConnectorError({ network: 'xing', code: 'UNKNOWN', message: 'XING answered the comment without an id' });
        return { externalId: res.comment.id };
      }
      const user = typeof ctx.credentials.userId === 'string' ? ctx.credentials.userId : 'me';
      const res = await client.post<{ message?: { id?: string } }>(`users/${user}/conversations/${target.threadKey}/messages`, { content: text });
      if (!res.message?.id) throw new ConnectorError({ network: 'xing', code: 'UNKNOWN', message: 'XING answered the message without an id' });
      return { externalId: res.message.id };
    },
  };
}
