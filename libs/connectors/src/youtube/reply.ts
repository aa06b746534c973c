import { arr, type JsonObject, obj } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ReplyCapability, ReplyTarget } from '../interfaces';
import { youtubeClient } from './auth';
import { ytTimeToIso } from './mapper';
import type { YoutubeSettings } from './settings';

/** Pages of a thread's replies searched for a reply sent before a crash (100 each). */
const FIND_PAGES = 3;

/** YouTube keeps two levels: every reply hangs under the thread's top-level comment. */
const parentOf = (target: ReplyTarget): string => {
  if (target.channel !== 'comment') {
    throw new ConnectorError({ network: 'youtube', code: 'INVALID_REQUEST', message: 'YouTube has no private messages: only comments can be answered' });
  }
  return target.threadKey || target.parentExternalId;
};

/**
 * Replies: comments.insert (part=snippet, snippet.parentId = the top-level comment), 50 units,
 * paid from the reserve reads leave. findExisting reads the thread's replies (comments.list,
 * 1 unit a page) for the channel's own reply with the same text since the reply was queued.
 */
export function youtubeReply(settings: YoutubeSettings): ReplyCapability {
  return {
    refusal(target) {
      return target.channel === 'comment' ? null : 'YouTube has no private messages: only comments can be answered';
    },

    async findExisting(ctx: ConnectorContext, { target, text, since, exclude = [] }) {
      const client = youtubeClient(settings, ctx);
      const parentId = parentOf(target);
      let pageToken: string | undefined;
      for (let i = 0; i < FIND_PAGES; i += 1) {
        const body: JsonObject = await client.list(
          'comments',
          { part: 'snippet', parentId, maxResults: 100, textFormat: 'plainText', pageToken },
          { forReply: true },
        );
        for (const raw of arr(body.items)) {
          const c = obj(raw);
          const s = obj(c.snippet);
          const id = typeof c.id === 'string' ? c.id : undefined;
          const created = Date.parse(ytTimeToIso(s.publishedAt) ?? '');
          const own = obj(s.authorChannelId).value === ctx.account.externalId;
          const same = typeof s.textOriginal === 'string' && s.textOriginal.trim() === text.trim();
          if (id && own && same && created >= since.getTime() && !exclude.includes(id)) return id;
        }
        pageToken = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined;
        if (!pageToken) break;
      }
      return null;
    },

    async send(ctx: ConnectorContext, { target, text }) {
      const client = youtubeClient(settings, ctx);
      const res = await client.insert<{ id?: string }>('comments', { part: 'snippet' }, { snippet: { parentId: parentOf(target), textOriginal: text } });
      if (!res.id) throw new ConnectorError({ network: 'youtube', code: 'UNKNOWN', message: 'comments.insert answered without an id' });
      return { externalId: res.id };
    },
  };
}
