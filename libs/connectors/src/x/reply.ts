import { arr, obj, str } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ReplyCapability, ReplyTarget } from '../interfaces';
import { xClient } from './auth';
import { DM_EVENT_FIELDS, TWEET_FIELDS } from './client';
import { repliedTo, xTimeToIso } from './mapper';
import type { XSettings } from './settings';

const recipientOf = (target: Extract<ReplyTarget, { channel: 'direct' }>): string => {
  const id = target.recipientExternalId || (target.threadKey.startsWith('dm:') ? target.threadKey.slice(3) : '');
  if (!/^\d+$/.test(id)) throw new ConnectorError({ network: 'x', code: 'INVALID_REQUEST', message: 'the conversation has no X recipient' });
  return id;
};

/** X's search operators and APIs need whole-second times. */
const startTime = (since: Date) => new Date(Math.floor(since.getTime() / 1000) * 1000).toISOString();

/**
 * Replies: POST /2/tweets with reply.in_reply_to_tweet_id (under the thread's first tweet), and
 * DMs with POST /2/dm_conversations/with/:participant_id/messages. findExisting reads the
 * account's own recent tweets (or the DM conversation) so a retry after a crash finds the reply it
 * already sent instead of sending it again.
 */
export function xReply(settings: XSettings): ReplyCapability {
  return {
    // X has no reply window: whoever accepts DMs from the account can be answered at any time.
    refusal: () => null,

    async findExisting(ctx: ConnectorContext, { target, text, since, exclude = [] }) {
      const client = xClient(settings, ctx);
      const accountId = ctx.account.externalId;
      const wanted = text.trim();
      if (target.channel !== 'direct') {
        const body = await client.get('GET /2/users/:id/tweets', `2/users/${accountId}/tweets`, {
          start_time: startTime(since),
          max_results: 100,
          'tweet.fields': TWEET_FIELDS,
        });
        for (const raw of arr(body.data)) {
          const t = obj(raw);
          const id = str(t.id) ?? '';
          if (repliedTo(t) === target.parentExternalId && (str(t.text) ?? '').trim() === wanted && !exclude.includes(id)) return id;
        }
        return null;
      }
      const body = await client.get('GET /2/dm_conversations/with/:id/dm_events', `2/dm_conversations/with/${recipientOf(target)}/dm_events`, {
        event_types: 'MessageCreate',
        'dm_event.fields': DM_EVENT_FIELDS,
        max_results: 50,
      });
      for (const raw of arr(body.data)) {
        const e = obj(raw);
        const id = str(e.id) ?? '';
        const created = Date.parse(xTimeToIso(e.created_at) ?? '');
        if (e.sender_id === accountId && (str(e.text) ?? '').trim() === wanted && created >= Math.floor(since.getTime() / 1000) * 1000 && !exclude.includes(id))
          return id;
      }
      return null;
    },

    async send(ctx: ConnectorContext, { target, text }) {
      const client = xClient(settings, ctx);
      if (target.channel !== 'direct') {
        const res = await client.post<{ data?: { id?: string } }>('POST /2/tweets', '2/tweets', {
          text,
          reply: { in_reply_to_tweet_id: target.parentExternalId },
        });
        if (!res.data?.id) throw new ConnectorError({ network: 'x', code: 'UNKNOWN', message: 'X answered the reply without an id' });
        return { externalId: res.data.id };
      }
      const res = await client.post<{ data?: { dm_event_id?: string } }>(
        'POST /2/dm_conversations/with/:id/messages',
        `2/dm_conversations/with/${recipientOf(target)}/messages`,
        { text },
      );
      if (!res.data?.dm_event_id) throw new ConnectorError({ network: 'x', code: 'UNKNOWN', message: 'X answered the DM without an event id' });
      return { externalId: res.data.dm_event_id };
    },
  };
}
