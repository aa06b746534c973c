import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, getJson, postJson, shapeMismatches, testSim, webhookReceiver } from './support';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'x', name), 'utf8'));
const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;
const account = demo.externalId;
const auth = (token = demo.credentials.accessToken) => ({ authorization: `Bearer ${token}` });
const TWEET_FIELDS = 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics';

describe('X module of the sim', () => {
  let sim: RunningSim;
  let api: string;
  let truth: TruthItem[];

  beforeAll(async () => {
    sim = await testSim();
    api = `${sim.url}/x/2`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 1500, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await getJson(`${sim.url}/_sim/faults`, { method: 'DELETE' });
  });

  const get = (path: string, token?: string) => getJson(`${api}${path}`, { headers: auth(token) });
  const post = (path: string, body: unknown, token?: string) =>
    getJson(`${api}${path}`, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });

  describe('bodies have the shape of the real API', () => {
    it('GET /2/users/:id/mentions (mentions-timeline-page1.json)', async () => {
      const res = await get(`/users/${account}/mentions?tweet.fields=created_at,public_metrics&max_results=5`);
      expect(res.status).toBe(200);
      expect(shapeMismatches(fixture('mentions-timeline-page1.json'), res.body)).toEqual([]);
      expect(res.body.data).toHaveLength(5);
    });

    it('POST /2/tweets with reply.in_reply_to_tweet_id (create-tweet-response.json), recorded at /_sim/received', async () => {
      const mention = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!;
      const res = await post('/tweets', { text: `Danke! ${Date.now()}`, reply: { in_reply_to_tweet_id: mention.externalId } });
      expect(res.status).toBe(201);
      expect(shapeMismatches(fixture('create-tweet-response.json'), res.body)).toEqual([]);
      const received = (await getJson(`${sim.url}/_sim/received?network=x`)).body.items;
      expect(received.filter((r: { externalId: string }) => r.externalId === res.body.data.id)).toEqual([
        expect.objectContaining({ kind: 'comment_reply', targetId: mention.externalId }),
      ]);
    });

    it('GET /2/dm_events and a conversation’s events (dm-events-by-conversation.json)', async () => {
      const fields = 'dm_event.fields=id,text,event_type,dm_conversation_id,created_at,sender_id';
      const all = await get(`/dm_events?${fields}`);
      expect(all.status).toBe(200);
      expect(shapeMismatches(fixture('dm-events-by-conversation.json'), all.body)).toEqual([]);
      const customer = all.body.data.find((e: { sender_id: string }) => e.sender_id !== account).sender_id;
      const one = await get(`/dm_conversations/with/${customer}/dm_events?${fields}`);
      expect(shapeMismatches(fixture('dm-events-by-conversation.json'), one.body)).toEqual([]);
      expect(new Set(one.body.data.map((e: { dm_conversation_id: string }) => e.dm_conversation_id)).size).toBe(1);
      // The fixture's own route: the conversation by its id (GET /2/dm_conversations/:dm_conversation_id/dm_events).
      const byId = await get(`/dm_conversations/${one.body.data[0].dm_conversation_id}/dm_events?${fields}`);
      expect(shapeMismatches(fixture('dm-events-by-conversation.json'), byId.body)).toEqual([]);
      expect(byId.body.data).toEqual(one.body.data);
      expect((await get(`/dm_conversations/not-an-id/dm_events`)).status).toBe(400);
    });

    it('a rate-limit storm answers 429 in the documented code-88 shape (error-429-rate-limit-exceeded-code88.json) or as problem+json, with spent windows', async () => {
      await postJson(`${sim.url}/_sim/faults`, { network: 'x', kind: 'rate_limit', count: 1, options: { code: 88 } });
      const v1 = await get(`/users/${account}/mentions`);
      expect(v1.status).toBe(429);
      expect(v1.body).toEqual(fixture('error-429-rate-limit-exceeded-code88.json'));
      expect(v1.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(Number(v1.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
      await postJson(`${sim.url}/_sim/faults`, { network: 'x', kind: 'rate_limit', count: 1 });
      const v2 = await get(`/users/${account}/mentions`);
      expect(v2.status).toBe(429);
      expect(v2.body).toEqual({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });
      expect(v2.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('paging and search', () => {
    it('pages the mentions timeline with next_token: every mention once, newest first; since_id returns only newer ones', async () => {
      const ids: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const res = await get(`/users/${account}/mentions?max_results=100${token ? `&pagination_token=${token}` : ''}`);
        expect(res.status).toBe(200);
        ids.push(...res.body.data.map((t: { id: string }) => t.id));
        token = res.body.meta.next_token;
        pages += 1;
      } while (token);
      expect(pages).toBeGreaterThan(1);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))).toEqual(ids);
      const since = ids[5];
      const newer = await get(`/users/${account}/mentions?since_id=${since}`);
      expect(newer.body.data.map((t: { id: string }) => t.id)).toEqual(ids.slice(0, 5));
      expect(newer.body.meta).toEqual({ newest_id: ids[0], oldest_id: ids[4], result_count: 5 });
      const none = await get(`/users/${account}/mentions?since_id=${ids[0]}`);
      expect(none.body).toEqual({ meta: { result_count: 0 } });
    });

    it('searches conversations by conversation_id (OR), with authors in includes.users and parents in referenced_tweets', async () => {
      const comments = truth.filter((t) => t.kind === 'comment' && t.postExternalId);
      const posts = [...new Set(comments.map((c) => c.postExternalId!))].slice(0, 3);
      const query = encodeURIComponent(posts.map((p) => `conversation_id:${p}`).join(' OR '));
      const found: Array<Record<string, JsonBody>> = [];
      let token: string | undefined;
      let users: Array<{ id: string }> = [];
      do {
        const res = await get(
          `/tweets/search/recent?query=${query}&max_results=100&tweet.fields=${TWEET_FIELDS}&expansions=author_id&user.fields=name,username${token ? `&next_token=${token}` : ''}`,
        );
        expect(res.status).toBe(200);
        found.push(...(res.body.data ?? []));
        users = [...users, ...(res.body.includes?.users ?? [])];
        token = res.body.meta.next_token;
      } while (token);
      const now = (await getJson(`${sim.url}/_sim/truth?network=x&limit=100000`)).body.items as TruthItem[];
      const expected = now.filter((t) => t.kind === 'comment' && posts.includes(t.postExternalId!)).map((t) => t.externalId);
      expect(found.map((t) => t.id).sort()).toEqual([...expected, ...posts].sort());
      for (const t of found) {
        expect(users.some((u) => u.id === t.author_id)).toBe(true);
        if (t.id !== t.conversation_id) expect(t.referenced_tweets[0]).toMatchObject({ type: 'replied_to' });
      }
    });

    it('answers bad requests in X’s own error bodies, never a generic 500', async () => {
      const bad = await get(`/users/${account}/mentions?max_results=500`);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        title: 'Invalid Request',
        type: 'https://api.twitter.com/2/problems/invalid-request',
        errors: [{ parameters: { max_results: ['500'] } }],
      });
      expect((await get(`/users/${account}/mentions?tweet.fields=nonsense`)).status).toBe(400);
      expect((await get(`/users/${account}/mentions?pagination_token=garbage`)).status).toBe(400);
      expect((await get(`/tweets/search/recent?query=${encodeURIComponent('lang:de')}`)).body.title).toBe('Invalid Request');
      expect((await get('/tweets/1')).body.errors[0]).toMatchObject({ title: 'Not Found Error', resource_type: 'tweet' });
      expect(await get('/nothing/here')).toMatchObject({ status: 404, body: { errors: [{ code: 34, message: 'Sorry, that page does not exist' }] } });
      expect(await get(`/users/${account}/mentions`, 'not-a-token')).toMatchObject({ status: 401, body: { title: 'Unauthorized', status: 401 } });
      const badJson = await getJson(`${api}/tweets`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{' });
      expect(badJson.status).toBe(400);
      expect((await post('/tweets', { text: '' })).status).toBe(400);
      expect((await post('/tweets', { text: 'x', reply: { in_reply_to_tweet_id: '1' } })).body.title).toBe('Invalid Request');
    });
  });

  describe('OAuth 2.0 with PKCE', () => {
    const redirectUri = 'http://127.0.0.1:3000/api/oauth/callback/x';
    const clientAuth = `Basic ${Buffer.from('resonance-demo-x-client-id:resonance-demo-x-client-secret').toString('base64')}`;
    const tokenCall = (form: Record<string, string>, authorization = clientAuth) =>
      getJson(`${sim.url}/x/2/oauth2/token`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const authorize = async (verifier: string) => {
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const u = new URL(`${sim.url}/x/i/oauth2/authorize`);
      for (const [k, v] of Object.entries({
        response_type: 'code',
        client_id: 'resonance-demo-x-client-id',
        redirect_uri: redirectUri,
        scope: 'tweet.read users.read offline.access',
        state: 'st1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }))
        u.searchParams.set(k, v);
      const res = await fetch(u, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const back = new URL(res.headers.get('location')!);
      expect(back.searchParams.get('state')).toBe('st1');
      return back.searchParams.get('code')!;
    };

    it('code + verifier → 2-hour token and refresh token; refresh rotates; revoke ends it; tokens expire after two hours', async () => {
      const verifier = randomBytes(32).toString('base64url');
      const code = await authorize(verifier);
      expect((await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: 'wrong' })).body).toEqual({
        error: 'invalid_request',
        error_description: 'Value passed for the code verifier did not match the code challenge.',
      });
      // The code was used up by the failed attempt.
      const code2 = await authorize(verifier);
      const issued = await tokenCall({ grant_type: 'authorization_code', code: code2, redirect_uri: redirectUri, code_verifier: verifier });
      expect(issued.body).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'tweet.read users.read offline.access' });
      const me = await get('/users/me', issued.body.access_token);
      expect(me.body.data).toMatchObject({ id: account, username: 'resonance_demo' });

      const refreshed = await tokenCall({ grant_type: 'refresh_token', refresh_token: issued.body.refresh_token });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(issued.body.refresh_token);
      expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: issued.body.refresh_token })).body.error_description).toBe(
        'Value passed for the token was invalid.',
      );
      expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: 'x' }, 'Basic bm9wZTpub3Bl')).status).toBe(401);

      await postJson(`${sim.url}/_sim/clock`, { advanceMs: 7200_000 + 1000 });
      expect((await get('/users/me', refreshed.body.access_token)).status).toBe(401);
      const again = await tokenCall({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token });
      expect((await get('/users/me', again.body.access_token)).status).toBe(200);
      await getJson(`${sim.url}/x/2/oauth2/revoke`, {
        method: 'POST',
        headers: { authorization: clientAuth, 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${again.body.access_token}`,
      });
      expect((await get('/users/me', again.body.access_token)).status).toBe(401);
    });

    it('refuses an authorize request without PKCE', async () => {
      const res = await fetch(
        `${sim.url}/x/i/oauth2/authorize?response_type=code&client_id=resonance-demo-x-client-id&redirect_uri=${encodeURIComponent(redirectUri)}&scope=tweet.read&state=s`,
        { redirect: 'manual' },
      );
      expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    });
  });

  describe('rate-limit windows', () => {
    it('reports x-rate-limit-* per endpoint, answers 429 when a window is spent, and lets calls through after the reset', async () => {
      await postJson(`${sim.url}/_sim/x/limits`, { windowSeconds: 1, limits: { 'GET /2/users/:id/mentions': 3 } });
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) remaining.push((await get(`/users/${account}/mentions`)).headers.get('x-rate-limit-remaining')!);
      expect(remaining).toEqual(['2', '1', '0']);
      const spent = await get(`/users/${account}/mentions`);
      expect(spent.status).toBe(429);
      expect(spent.body.title).toBe('Too Many Requests');
      // Another endpoint has its own window.
      expect((await get(`/users/${account}/tweets`)).status).toBe(200);
      // The reset is in the sim's time (which an earlier test moved forward).
      const { offsetMs } = (await getJson(`${sim.url}/_sim/clock`)).body;
      await new Promise((r) => setTimeout(r, Number(spent.headers.get('x-rate-limit-reset')) * 1000 - (Date.now() + offsetMs) + 50));
      expect((await get(`/users/${account}/mentions`)).status).toBe(200);
      await postJson(`${sim.url}/_sim/x/limits`, { windowSeconds: 900, limits: { 'GET /2/users/:id/mentions': 180 } });
    });
  });

  describe('Account Activity webhook', () => {
    it('delivers mentions and DMs signed with x-twitter-webhooks-signature, and checks the receiver’s CRC answer', async () => {
      const receiver = await webhookReceiver();
      const webhookSim = await testSim({ SIM_WEBHOOK_URL: receiver.url, SIM_WEBHOOK_RETRY_DELAYS_MS: '100' });
      try {
        await postJson(`${webhookSim.url}/_sim/generate`, { count: 40, network: 'x' });
        const deadline = Date.now() + 5_000;
        const kindsSoFar = () => new Set(receiver.received.filter((r) => r.method === 'POST').flatMap((r) => Object.keys(JSON.parse(r.raw.toString()))));
        while (kindsSoFar().size < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const posts = receiver.received.filter((r) => r.method === 'POST');
        expect(posts.length).toBeGreaterThanOrEqual(2);
        for (const r of posts) {
          expect(r.url).toBe('/api/webhooks/x');
          expect(r.headers['x-twitter-webhooks-signature']).toBe(
            `sha256=${createHmac('sha256', 'resonance-demo-x-consumer-secret').update(r.raw).digest('base64')}`,
          );
          expect(JSON.parse(r.raw.toString()).for_user_id).toBe(account);
        }
        const kinds = new Set(posts.flatMap((r) => Object.keys(JSON.parse(r.raw.toString()))));
        expect(kinds).toEqual(new Set(['for_user_id', 'tweet_create_events', 'direct_message_events', 'users', 'favorite_events']));
        // favorite_events: a customer's like of one of the account's tweets, in Account Activity's shape.
        const favorite = posts.map((r) => JSON.parse(r.raw.toString())).find((b) => b.favorite_events)!.favorite_events[0];
        expect(Object.keys(favorite).sort()).toEqual(['created_at', 'favorited_status', 'id', 'timestamp_ms', 'user']);
        expect(favorite.favorited_status.user.id_str).toBe(account);
        expect(favorite.user.id_str).not.toBe(account);
        expect(favorite.created_at).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} \+0000 \d{4}$/);
      } finally {
        await webhookSim.close();
        await receiver.close();
      }

      // A CRC receiver that answers right, and one that does not.
      const crc = createServer((req, res) => {
        const token = new URL(req.url ?? '/', 'http://h').searchParams.get('crc_token') ?? '';
        const good = req.url?.startsWith('/good');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            response_token: `sha256=${createHmac('sha256', good ? 'resonance-demo-x-consumer-secret' : 'wrong')
              .update(token)
              .digest('base64')}`,
          }),
        );
      });
      await new Promise<void>((r) => crc.listen(0, '127.0.0.1', () => r()));
      const port = (crc.address() as AddressInfo).port;
      try {
        expect((await postJson(`${sim.url}/_sim/x/crc`, { url: `http://127.0.0.1:${port}/good` })).body.valid).toBe(true);
        expect((await postJson(`${sim.url}/_sim/x/crc`, { url: `http://127.0.0.1:${port}/bad` })).body.valid).toBe(false);
      } finally {
        await new Promise((r) => crc.close(r));
      }
    });
  });

  it('ground truth: threads keyed by the reply under the account’s post, or by the mention; DMs by conversation', () => {
    const comments = truth.filter((t) => t.kind === 'comment');
    expect(comments.some((c) => c.postExternalId === null && c.threadExternalId === c.externalId)).toBe(true);
    expect(comments.some((c) => c.postExternalId !== null && c.threadExternalId !== c.externalId)).toBe(true);
    expect(comments.some((c) => c.fromAccount)).toBe(true);
    expect(truth.filter((t) => t.kind === 'message').every((m) => /^\d+-\d+$/.test(m.threadExternalId!))).toBe(true);
  });
});
