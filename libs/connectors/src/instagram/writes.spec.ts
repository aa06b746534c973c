import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@resonance/config';
import type { ConnectorContext } from '../interfaces';
import { moderationActionsNow } from '../moderation-rules';
import type { ModerationSubject } from '../moderation';
import { createInstagramConnector } from './connector';
import { sendPrivateReply } from './reply';
import { instagramSettings } from './settings';

/**
 * What replies and moderation send, against an HTTP server that records each request and answers
 * with the recorded response shapes (`{"id"}`, `{"recipient_id","message_id"}`, `{"success":true}`).
 * The sim's Instagram module replaces it once it is on main (exactly-once is proven there, with a
 * worker killed between send and record); these cases pin the requests themselves.
 */
const ACCOUNT = '17841430541631416';
const CUSTOMER = '848067418322071';

describe('Instagram replies and moderation: the requests', () => {
  let server: Server;
  let origin: string;
  const seen: Array<{ method: string; path: string; body: unknown }> = [];
  let hidden = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', origin);
        const path = url.pathname.replace(/^\/v24\.0/, '');
        seen.push({ method: req.method ?? '', path, body: raw ? JSON.parse(raw) : undefined });
        let answer: unknown = { success: true };
        if ((path.endsWith('/replies') || path.endsWith('/mentions')) && req.method === 'POST') answer = { id: '17873440459141021' };
        else if (path.endsWith('/messages')) answer = { recipient_id: CUSTOMER, message_id: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZA' };
        else if (req.method === 'POST') hidden = (JSON.parse(raw) as { hide?: boolean }).hide === true;
        else if (req.method === 'GET')
          answer = path === '/17900000000000009' ? { error: { code: 100, error_subcode: 33, message: 'does not exist' } } : { id: path.slice(1), hidden };
        res.writeHead(JSON.stringify(answer).includes('"error"') ? 400 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (seen.length = 0));

  const config = () => loadConfig({ NODE_ENV: 'test', INSTAGRAM_API_URL: origin });
  const ctx = (): ConnectorContext => ({ account: { id: 'c1', network: 'instagram', externalId: ACCOUNT }, credentials: { accessToken: 't' }, budget: {} });

  it('a comment reply goes under the top-level comment, even when the agent answered a reply', async () => {
    const connector = createInstagramConnector(config());
    const sent = await connector.reply.send(ctx(), {
      target: { channel: 'comment', threadKey: '17900000000000001', parentExternalId: '17900000000000002' },
      text: 'Gern!',
    });
    expect(sent).toEqual({ externalId: '17873440459141021' });
    expect(seen).toEqual([{ method: 'POST', path: '/17900000000000001/replies', body: { message: 'Gern!' } }]);
  });

  it('a mention on someone else’s media is answered through the account, naming media and comment', async () => {
    const connector = createInstagramConnector(config());
    await connector.reply.send(ctx(), {
      target: { channel: 'comment', threadKey: 'mention:17800000000000001:17800000000000011', parentExternalId: '17800000000000011' },
      text: '@fan ja!',
    });
    await connector.reply.send(ctx(), {
      target: { channel: 'comment', threadKey: 'mention:17800000000000001', parentExternalId: '17800000000000001' },
      text: 'Danke!',
    });
    expect(seen).toEqual([
      { method: 'POST', path: `/${ACCOUNT}/mentions`, body: { media_id: '17800000000000001', comment_id: '17800000000000011', message: '@fan ja!' } },
      { method: 'POST', path: `/${ACCOUNT}/mentions`, body: { media_id: '17800000000000001', message: 'Danke!' } },
    ]);
  });

  it('a direct message inside 24 hours goes untagged; beyond, with the workspace’s approval, tagged HUMAN_AGENT', async () => {
    const connector = createInstagramConnector(config());
    const target = (hoursAgo: number, humanAgentApproved = false) => ({
      channel: 'direct' as const,
      threadKey: `dm:${CUSTOMER}`,
      recipientExternalId: CUSTOMER,
      lastInboundAt: new Date(Date.now() - hoursAgo * 3600_000),
      humanAgentApproved,
    });
    await connector.reply.send(ctx(), { target: target(2), text: 'Hallo' });
    await connector.reply.send(ctx(), { target: target(48, true), text: 'Hallo' });
    await expect(connector.reply.send(ctx(), { target: target(48), text: 'Hallo' })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(connector.reply.send(ctx(), { target: target(2), text: 'ä'.repeat(500) })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(seen).toEqual([
      { method: 'POST', path: `/${ACCOUNT}/messages`, body: { recipient: { id: CUSTOMER }, message: { text: 'Hallo' } } },
      {
        method: 'POST',
        path: `/${ACCOUNT}/messages`,
        body: { recipient: { id: CUSTOMER }, message: { text: 'Hallo' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' },
      },
    ]);
  });

  it('Facebook Login sends through the Page; a private reply is addressed by the comment, within 7 days only', async () => {
    const settings = instagramSettings(config());
    const viaPage: ConnectorContext = { ...ctx(), credentials: { accessToken: 't', setup: 'facebook_login', pageId: '104857600123456' } };
    await sendPrivateReply(settings, viaPage, {
      commentId: '17900000000000001',
      commentCreatedAt: new Date(Date.now() - 3600_000),
      text: 'Wir schreiben Ihnen privat.',
    });
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/104857600123456/messages',
        body: { recipient: { comment_id: '17900000000000001' }, message: { text: 'Wir schreiben Ihnen privat.' } },
      },
    ]);
    await expect(
      sendPrivateReply(settings, ctx(), { commentId: '17900000000000001', commentCreatedAt: new Date(Date.now() - 8 * 24 * 3600_000), text: 'x' }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('hide, unhide and delete as Instagram takes them; observe reads `hidden` and a deleted comment', async () => {
    const moderation = createInstagramConnector(config()).moderation!;
    const target = { externalId: '17900000000000001', authorExternalId: CUSTOMER };
    await moderation.perform(ctx(), 'hide', target);
    expect(await moderation.observe!(ctx(), 'hide', target)).toBe(true);
    await moderation.perform(ctx(), 'unhide', target);
    expect(await moderation.observe!(ctx(), 'hide', target)).toBe(false);
    await moderation.perform(ctx(), 'delete', target);
    expect(await moderation.observe!(ctx(), 'delete', { externalId: '17900000000000009', authorExternalId: null })).toBe(true);
    await expect(moderation.perform(ctx(), 'block', target)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(seen.filter((r) => r.method !== 'GET')).toEqual([
      { method: 'POST', path: '/17900000000000001', body: { hide: true } },
      { method: 'POST', path: '/17900000000000001', body: { hide: false } },
      { method: 'DELETE', path: '/17900000000000001', body: undefined },
    ]);
  });

  it('the dashboard offers hide (or unhide) and delete on a customer’s comment, nothing on the account’s own or a private message', () => {
    const subject: ModerationSubject = {
      channel: 'comment',
      fromAccount: false,
      hasExternalId: true,
      underOwnPost: true,
      authorKnown: true,
      authorBlocked: false,
      hidden: false,
      liked: false,
      deleted: false,
    };
    expect(moderationActionsNow('instagram', subject)).toEqual(['hide', 'delete']);
    expect(moderationActionsNow('instagram', { ...subject, hidden: true })).toEqual(['unhide', 'delete']);
    expect(moderationActionsNow('instagram', { ...subject, fromAccount: true })).toEqual([]);
    expect(moderationActionsNow('instagram', { ...subject, channel: 'direct' })).toEqual([]);
  });
});
