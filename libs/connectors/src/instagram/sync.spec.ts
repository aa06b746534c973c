import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@resonance/config';
import type { MessageRecord, UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../interfaces';
import { createInstagramConnector } from './connector';

/**
 * The sync's reading of Instagram's paging, against an HTTP server that answers with the three
 * paging forms of recorded payloads (after+next; after without next; no paging key). The sim's
 * Instagram module (apps/sim/src/networks/instagram) replaces this once it is on main: these
 * cases are about where a stream stops, not about Instagram's behaviour.
 */
const ACCOUNT = '17841430541631416';
const CUSTOMER = '848067418322071';
const BIG_ID = '18999999999999999'; // > 2^53: must stay exact

type Route = (url: URL) => unknown;

describe('Instagram sync: streams and the three paging forms', () => {
  let server: Server;
  let origin: string;
  const calls: string[] = [];
  const routes = new Map<string, Route>();

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', origin);
      calls.push(`${url.pathname}${url.searchParams.get('after') ? `?after=${url.searchParams.get('after')}` : ''}`);
      // The token travels as a header: the one paging.next carries is dropped before the call.
      if (url.searchParams.has('access_token')) calls.push('TOKEN IN URL');
      const route = routes.get(url.pathname.replace(/^\/v24\.0/, ''));
      const auth = req.headers.authorization;
      const body =
        auth !== 'Bearer token-1'
          ? { error: { code: 190, type: 'OAuthException', message: 'bad token' } }
          : route
            ? route(url)
            : { error: { code: 100, message: 'does not exist' } };
      res.writeHead(route && auth === 'Bearer token-1' ? 200 : 400, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, '+0000');
  const next = (path: string, after: string) => `${origin}/v24.0/${path}?access_token=LEAKED&after=${after}`;

  beforeEach(() => {
    calls.length = 0;
    routes.clear();
    // media: page 1 with after+next, page 2 without a paging key.
    routes.set(`/${ACCOUNT}/media`, (url) =>
      url.searchParams.get('after') === 'm2'
        ? { data: [{ id: '18000000000000002', timestamp: recent(50), comments_count: 0 }] }
        : {
            data: [{ id: BIG_ID, caption: 'Neu im Shop', timestamp: recent(10), comments_count: 3, like_count: 5 }],
            paging: { cursors: { before: 'm0', after: 'm2' }, next: next(`${ACCOUNT}/media`, 'm2') },
          },
    );
    // comments of the big media: page 1 after+next with a reply expansion that has more; page 2 after without next.
    routes.set(`/${BIG_ID}/comments`, (url) =>
      url.searchParams.get('after') === 'c2'
        ? { data: [{ id: '17900000000000003', text: 'Lieferzeit?', timestamp: recent(5), username: 'b' }], paging: { cursors: { after: 'c3' } } }
        : {
            data: [
              {
                id: '17900000000000001',
                text: 'Preis?',
                timestamp: recent(9),
                from: { id: CUSTOMER, username: 'kundin' },
                replies: {
                  data: [
                    {
                      id: '17900000000000002',
                      text: '@kundin 19 €',
                      timestamp: recent(8),
                      from: { id: ACCOUNT, username: 'shop' },
                      parent_id: '17900000000000001',
                    },
                  ],
                  paging: { cursors: { after: 'r2' }, next: next('17900000000000001/replies', 'r2') },
                },
              },
            ],
            paging: { cursors: { after: 'c2' }, next: next(`${BIG_ID}/comments`, 'c2') },
          },
    );
    routes.set('/17900000000000001/replies', () => ({ data: [{ id: '17900000000000004', text: 'danke', timestamp: recent(7), username: 'kundin' }] }));
    // tags: one page with cursors.after but no next (the recorded /tags form).
    routes.set(`/${ACCOUNT}/tags`, () => ({
      data: [
        {
          id: '17800000000000001',
          caption: '@shop tolle Schuhe',
          timestamp: recent(30),
          username: 'fan',
          media_type: 'IMAGE',
          media_url: 'https://scontent.cdninstagram.com/a.jpg',
        },
      ],
      paging: { cursors: { after: 't1' } },
    }));
    // the account (its handle) and, through mentioned_media, the comments under the tagged media.
    routes.set(`/${ACCOUNT}`, (url) =>
      url.searchParams.get('fields') === 'username'
        ? { username: 'shop', id: ACCOUNT }
        : {
            id: ACCOUNT,
            mentioned_media: {
              id: '17800000000000001',
              comments: {
                data: [
                  {
                    id: '17800000000000011',
                    text: 'Gibt es die bei @Shop auch in blau?',
                    timestamp: recent(20),
                    from: { id: '1111', username: 'fan' },
                    replies: { data: [{ id: '17800000000000012', text: '@fan ja!', timestamp: recent(15), from: { id: ACCOUNT, username: 'shop' } }] },
                  },
                  { id: '17800000000000013', text: 'schön @shopping', timestamp: recent(19), from: { id: '2222', username: 'other' } },
                ],
              },
            },
          },
    );
    // conversations: the IG-Login listing (no paging key), then the conversation with its messages.
    routes.set(`/${ACCOUNT}/conversations`, (url) => {
      expect(url.searchParams.get('platform')).toBe('instagram');
      return { data: [{ id: 'aWdfZAG06MzQw', updated_time: recent(3) }] };
    });
    routes.set('/aWdfZAG06MzQw', (url) => {
      expect(url.searchParams.get('fields')).toContain('messages{id,created_time,from,to,message,attachments,story,shares}');
      return {
        id: 'aWdfZAG06MzQw',
        participants: {
          data: [
            { id: ACCOUNT, username: 'shop' },
            { id: CUSTOMER, username: 'kundin' },
          ],
        },
        messages: {
          data: [
            { id: 'aWdfZAG1faXRlbTox2', created_time: recent(3), from: { id: ACCOUNT, username: 'shop' }, to: { data: [{ id: CUSTOMER }] }, message: 'Gern!' },
            {
              id: 'aWdfZAG1faXRlbTox1',
              created_time: recent(4),
              from: { id: CUSTOMER, username: 'kundin' },
              to: { data: [{ id: ACCOUNT }] },
              message: 'Hallo',
            },
          ],
        },
      };
    });
  });

  const run = async (state: Record<string, unknown> = {}) => {
    const connector = createInstagramConnector(loadConfig({ NODE_ENV: 'test', INSTAGRAM_API_URL: origin }));
    const pages: SyncPage[] = [];
    for await (const page of connector.sync.pages({
      ctx: { account: { id: 'c1', network: 'instagram', externalId: ACCOUNT }, credentials: { accessToken: 'token-1' }, budget: {} },
      state,
      backfillSince: new Date(Date.now() - 24 * 3600_000),
      now: new Date(),
    })) {
      pages.push(page);
    }
    return pages;
  };
  const messagesOf = (records: UnifiedRecord[]) => records.filter((r): r is MessageRecord => r.kind === 'message');

  it('reads every stream to its end and stops on each paging form (media without comments not asked), ids as strings', async () => {
    const pages = await run();
    expect(calls).toEqual([
      `/v24.0/${ACCOUNT}/media`,
      `/v24.0/${ACCOUNT}/media?after=m2`,
      `/v24.0/${BIG_ID}/comments`,
      '/v24.0/17900000000000001/replies?after=r2',
      `/v24.0/${BIG_ID}/comments?after=c2`,
      `/v24.0/${ACCOUNT}`,
      `/v24.0/${ACCOUNT}/tags`,
      `/v24.0/${ACCOUNT}`,
      `/v24.0/${ACCOUNT}/conversations`,
      '/v24.0/aWdfZAG06MzQw',
    ]);
    const all = pages.flatMap((p) => p.records);
    expect(all.filter((r) => r.kind === 'post').map((r) => r.externalId)).toEqual([BIG_ID, '18000000000000002']);
    const comments = messagesOf(pages.filter((p) => p.stream === 'comments').flatMap((p) => p.records));
    expect(comments.map((m) => [m.externalId, m.threadKey, m.postExternalId, m.isFromAccount])).toEqual([
      ['17900000000000001', '17900000000000001', BIG_ID, false],
      ['17900000000000002', '17900000000000001', BIG_ID, true],
      ['17900000000000004', '17900000000000001', BIG_ID, false],
      ['17900000000000003', '17900000000000003', BIG_ID, false],
    ]);
    const mentions = messagesOf(pages.filter((p) => p.stream === 'mentions').flatMap((p) => p.records));
    // The tagged media, and the comment there that names the account (not the one naming @shopping), with the account's answer.
    expect(mentions.map((m) => [m.externalId, m.threadKey, m.channel, m.isFromAccount])).toEqual([
      ['17800000000000001', 'mention:17800000000000001', 'mention', false],
      ['17800000000000011', 'mention:17800000000000001:17800000000000011', 'mention', false],
      ['17800000000000012', 'mention:17800000000000001:17800000000000011', 'mention', true],
    ]);
    const direct = pages.filter((p) => p.stream === 'conversations').flatMap((p) => p.records);
    expect(
      direct.map((r) => (r.kind === 'message' ? [r.kind, r.threadKey, r.text, r.isFromAccount] : [r.kind, 'externalId' in r ? r.externalId : null])),
    ).toEqual([
      ['thread', `dm:${CUSTOMER}`],
      ['message', `dm:${CUSTOMER}`, 'Gern!', true],
      ['message', `dm:${CUSTOMER}`, 'Hallo', false],
    ]);
    expect(pages[pages.length - 1].commit).toEqual({ conversations: { watermark: expect.any(String) } });
  });

  it('the next run reads no comments of media whose count did not change, and no conversation older than the watermark', async () => {
    const first = await run();
    const state = Object.assign({}, ...first.map((p) => p.commit ?? {}));
    calls.length = 0;
    await run(state);
    expect(calls).toEqual([
      `/v24.0/${ACCOUNT}/media`,
      `/v24.0/${ACCOUNT}/media?after=m2`,
      // Mentions are read every run: others' media have no count Instagram keeps for the account.
      `/v24.0/${ACCOUNT}`,
      `/v24.0/${ACCOUNT}/tags`,
      `/v24.0/${ACCOUNT}`,
      `/v24.0/${ACCOUNT}/conversations`,
      '/v24.0/aWdfZAG06MzQw',
    ]);
  });
});
