import { arr, obj, str } from '@resonance/contracts';
import { ConnectorError } from '../errors';
import type { ConnectorContext, ReplyCapability } from '../interfaces';
import { linkedinClient } from './auth';
import { urnSegment } from './client';
import { commentUrnOf, liTimeToIso, parseCommentUrn } from './mapper';
import type { LinkedInSettings } from './settings';

/** LinkedIn has no API for a company page's private messages: said wherever a reply would go there. */
export const LINKEDIN_NO_MESSAGES =
  'LinkedIn offers no API for company page messages: Resonance can read and answer comments on the page’s posts, not its private messages';

/**
 * Replies as the organization: POST /rest/socialActions/{comment}/comments with actor = the
 * organization, object = the post's activity, parentComment = the thread's top-level comment.
 * findExisting reads that comment's replies so a retry after a crash does not answer twice.
 */
export function linkedinReply(settings: LinkedInSettings): ReplyCapability {
  return {
    refusal(target) {
      return target.channel === 'direct' ? LINKEDIN_NO_MESSAGES : null;
    },

    async findExisting(ctx: ConnectorContext, { target, text, since, exclude = [] }) {
      if (target.channel !== 'comment') return null;
      const client = linkedinClient(settings, ctx);
      const org = ctx.account.externalId;
      let start = 0;
      // Bounded: a thread's replies fit in a few pages; the newest are read last (oldest first).
      for (let round = 0; round < 20; round++) {
        const body = await client.get(`/rest/socialActions/${urnSegment(target.threadKey || target.parentExternalId)}/comments`, { start, count: 100 });
        for (const raw of arr(body.elements)) {
          const c = obj(raw);
          const urn = commentUrnOf(c);
          const created = Date.parse(liTimeToIso(obj(c.created).time) ?? '');
          if (!urn || exclude.includes(urn) || c.actor !== org) continue;
          if ((str(obj(c.message).text) ?? '').trim() === text.trim() && created >= since.getTime()) return urn;
        }
        const elements = arr(body.elements).length;
        const total = Number(obj(body.paging).total ?? 0);
        start += elements;
        if (elements === 0 || start >= total) break;
      }
      return null;
    },

    async send(ctx: ConnectorContext, { target, text }) {
      if (target.channel !== 'comment') throw new ConnectorError({ network: 'linkedin', code: 'INVALID_REQUEST', message: LINKEDIN_NO_MESSAGES });
      // LinkedIn keeps two levels: a reply goes under the thread's top-level comment (its key).
      const parent = target.threadKey || target.parentExternalId;
      const object = parseCommentUrn(parent)?.object;
      if (!object) throw new ConnectorError({ network: 'linkedin', code: 'INVALID_REQUEST', message: `not a LinkedIn comment URN: ${parent}` });
      const client = linkedinClient(settings, ctx);
      const res = await client.post(`/rest/socialActions/${urnSegment(parent)}/comments`, {
        actor: ctx.account.externalId,
        object,
        parentComment: parent,
        message: { text },
      });
      // LinkedIn answers 201 with the comment (and its id in x-restli-id).
      const urn = commentUrnOf(res.body) ?? (res.headers.get('x-restli-id') ? `urn:li:comment:(${object},${res.headers.get('x-restli-id')})` : undefined);
      if (!urn) throw new ConnectorError({ network: 'linkedin', code: 'UNKNOWN', message: 'LinkedIn answered the reply without an id' });
      return { externalId: urn };
    },
  };
}
