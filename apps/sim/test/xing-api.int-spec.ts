import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OAuth from 'oauth-1.0a';
import { DEMO_XING_COMPANY, DEMO_XING_CONSUMER, type RunningSim } from '../src';
import { type JsonBody, getJson, postJson, shapeMismatches, testSim } from './support';

// The XING module is MODELLED on XING's former public API; so are these fixtures (their SOURCES.md).
const FIXTURES = join(__dirname, '..', '..', '..', 'libs', 'connectors', 'src', 'xing', 'fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const oauth = (consumer: { key: string; secret: string } = { key: DEMO_XING_CONSUMER.consumerKey, secret: DEMO_XING_CONSUMER.consumerSecret }) =>
  new OAuth({ consumer, signature_method: 'HMAC-SHA1', hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64') });
const demoToken = { key: DEMO_XING_COMPANY.accessToken, secret: DEMO_XING_COMPANY.accessTokenSecret };

describe('XING sim module (modelled on the former public API)', () => {
  let sim: RunningSim;
  const api = (path: string) => `${sim.url}/xing/v1${path}`;
  /** A signed call; `mutate` may spoil the OAuth parameters before they go into the header. */
  const call = async (
    method: string,
    path: string,
    opts: { form?: Record<string, string>; token?: OAuth.Token | null; mutate?: (d: OAuth.Authorization) => void; client?: OAuth } = {},
  ) => {
    const url = api(path);
    const data = (opts.client ?? oauth()).authorize({ url, method, data: opts.form }, opts.token === null ? undefined : (opts.token ?? demoToken));
    opts.mutate?.(data);
    const headers: Record<string, string> = { ...(opts.client ?? oauth()).toHeader(data) };
    if (opts.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    // oauth_* parameters (oauth_callback, oauth_verifier) travel in the Authorization header, as the library puts them.
    const formBody = opts.form ? new URLSearchParams(Object.entries(opts.form).filter(([k]) => !k.startsWith('oauth_'))).toString() : undefined;
    const res = await fetch(url, { method, headers, body: formBody });
    const text = await res.text();
    let body: JsonBody = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // form-encoded token answers
    }
    return { status: res.status, body };
  };

  beforeAll(async () => {
    sim = await testSim();
    await postJson(`${sim.url}/_sim/generate`, { count: 400, network: 'xing' });
  });
  afterAll(() => sim?.close());

  it('answers company updates, comments, conversations and messages in the shape of the modelled fixtures', async () => {
    const updates = await call('GET', `/companies/${DEMO_XING_COMPANY.id}/updates?limit=5`);
    expect(updates.status).toBe(200);
    expect(shapeMismatches(fixture('company-updates-page1.json'), updates.body)).toEqual([]);
    const withComments = (await call('GET', `/companies/${DEMO_XING_COMPANY.id}/updates?limit=100`)).body.updates.items.find(
      (u: JsonBody) => u.comments.total > 1,
    );
    const comments = await call('GET', `/companies/updates/${withComments.id}/comments`);
    expect(shapeMismatches(fixture('update-comments-page1.json'), comments.body, ['$.comments.items[].photo_urls'])).toEqual([]);
    const conversations = await call('GET', '/users/me/conversations');
    expect(shapeMismatches(fixture('conversations-page1.json'), conversations.body)).toEqual([]);
    const messages = await call('GET', `/users/me/conversations/${conversations.body.conversations.items[0].id}/messages`);
    expect(shapeMismatches(fixture('conversation-messages-page1.json'), messages.body)).toEqual([]);
    // Messages newest first; comment ids start with their update id.
    const times = messages.body.messages.items.map((m: JsonBody) => m.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    for (const c of comments.body.comments.items) expect(c.id.startsWith(`${withComments.id}_`)).toBe(true);
  });

  it('pages with limit/offset: every comment exactly once; bad paging gets 403 INVALID_PARAMETERS', async () => {
    const all = (await call('GET', `/companies/${DEMO_XING_COMPANY.id}/updates?limit=100`)).body.updates.items;
    const busiest = all.reduce((a: JsonBody, b: JsonBody) => (b.comments.total > a.comments.total ? b : a));
    const seen: string[] = [];
    for (let offset = 0; ; offset += 2) {
      const page = (await call('GET', `/companies/updates/${busiest.id}/comments?limit=2&offset=${offset}`)).body.comments;
      seen.push(...page.items.map((c: JsonBody) => c.id));
      if (offset + 2 >= page.total) break;
    }
    expect(seen.length).toBe(busiest.comments.total);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await call('GET', `/companies/updates/${busiest.id}/comments?limit=500`);
    expect(bad).toEqual({
      status: 403,
      body: { error_name: 'INVALID_PARAMETERS', message: 'Invalid parameters', errors: [{ field: 'limit', reason: 'must be an integer from 1 to 100' }] },
    });
  });

  it('verifies OAuth 1.0a: signature, timestamp, nonce, consumer and token, each with its own error', async () => {
    const path = '/users/me/conversations';
    expect((await call('GET', path, { mutate: (d) => (d.oauth_signature = 'AAAA' + d.oauth_signature.slice(4)) })).body.error_name).toBe(
      'INVALID_OAUTH_SIGNATURE',
    );
    expect((await call('GET', path, { token: { key: demoToken.key, secret: 'wrong' } })).body.error_name).toBe('INVALID_OAUTH_SIGNATURE');
    expect((await call('GET', path, { client: oauth({ key: DEMO_XING_CONSUMER.consumerKey, secret: 'wrong' }) })).body.error_name).toBe(
      'INVALID_OAUTH_SIGNATURE',
    );
    // An old timestamp, correctly signed, is refused.
    const old = oauth();
    const realNow = Date.now;
    Date.now = () => realNow() - 3_600_000;
    try {
      expect(await call('GET', path, { client: old })).toMatchObject({ status: 401, body: { error_name: 'TIMESTAMP_EXPIRED' } });
    } finally {
      Date.now = realNow;
    }
    // The same nonce twice.
    const client = oauth();
    const fixed = client.authorize({ url: api(path), method: 'GET' }, demoToken);
    const again = async () => (await fetch(api(path), { headers: { ...client.toHeader(fixed) } as unknown as Record<string, string> })).json();
    expect(((await again()) as JsonBody).conversations).toBeDefined();
    expect(await again()).toEqual({ error_name: 'NONCE_ALREADY_USED', message: 'The oauth_nonce has already been used' });
    expect((await call('GET', path, { token: { key: 'nope', secret: 'x' } })).body).toEqual({
      error_name: 'INVALID_OAUTH_TOKEN',
      message: 'Invalid OAuth token',
    });
    expect((await call('GET', path, { client: oauth({ key: 'not-a-partner', secret: 'x' }) })).body.error_name).toBe('INVALID_OAUTH_CONSUMER');
    expect((await fetch(api(path))).status).toBe(401);
    expect(await (await fetch(api(path))).json()).toMatchObject({ error_name: 'REQUIRED_PARAMETER_MISSING' });
  });

  it('runs the three-legged flow: request token, authorize, access token that then works', async () => {
    const req = await call('POST', '/request_token', { token: null, form: { oauth_callback: 'http://127.0.0.1:1/cb' } });
    expect(req.status).toBe(201);
    const rt = Object.fromEntries(new URLSearchParams(req.body));
    expect(rt.oauth_callback_confirmed).toBe('true');
    const consent = await fetch(`${api('/authorize')}?oauth_token=${rt.oauth_token}`, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const verifier = new URL(consent.headers.get('location')!).searchParams.get('oauth_verifier')!;
    const acc = await call('POST', '/access_token', { token: { key: rt.oauth_token, secret: rt.oauth_token_secret }, form: { oauth_verifier: verifier } });
    expect(acc.status).toBe(201);
    const at = Object.fromEntries(new URLSearchParams(acc.body));
    expect(at.user_id).toBe(DEMO_XING_COMPANY.userId);
    expect((await call('GET', '/users/me/conversations?limit=1', { token: { key: at.oauth_token, secret: at.oauth_token_secret } })).status).toBe(200);
    // The companies the user acts for (the connect flow's picker), signed like every other call.
    const companies = await call('GET', '/users/me/managed_companies', { token: { key: at.oauth_token, secret: at.oauth_token_secret } });
    expect(companies.body.managed_companies.items).toEqual([{ id: DEMO_XING_COMPANY.id, name: DEMO_XING_COMPANY.name, page_name: DEMO_XING_COMPANY.slug }]);
    expect((await call('GET', '/users/me/managed_companies', { token: { key: at.oauth_token, secret: 'wrong' } })).body.error_name).toBe(
      'INVALID_OAUTH_SIGNATURE',
    );
    expect((await call('GET', '/users/me/managed_companies', { token: { key: rt.oauth_token, secret: rt.oauth_token_secret } })).body.error_name).toBe(
      'INVALID_OAUTH_TOKEN',
    );
    // The request token is spent.
    expect(
      (await call('POST', '/access_token', { token: { key: rt.oauth_token, secret: rt.oauth_token_secret }, form: { oauth_verifier: verifier } })).body
        .error_name,
    ).toBe('INVALID_OAUTH_TOKEN');
  });

  it('answers a comment and a message (recorded as received and as truth), likes, deletes its own comment', async () => {
    const update = (await call('GET', `/companies/${DEMO_XING_COMPANY.id}/updates?limit=1`)).body.updates.items[0];
    const created = await call('POST', `/companies/updates/${update.id}/comments`, { form: { content: 'Danke für Ihr Interesse!' } });
    expect(created.status).toBe(201);
    expect(created.body.comment).toMatchObject({ content: 'Danke für Ihr Interesse!', commenter: { id: DEMO_XING_COMPANY.id, type: 'company' } });
    expect((await call('POST', `/companies/updates/${update.id}/comments`, { form: { content: '' } })).body).toMatchObject({
      error_name: 'INVALID_PARAMETERS',
      errors: [{ field: 'content' }],
    });
    expect((await call('POST', `/companies/updates/${update.id}/comments`, { form: { content: 'x'.repeat(601) } })).body).toMatchObject({
      error_name: 'INVALID_PARAMETERS',
      errors: [{ field: 'content', reason: 'TOO_LONG' }],
    });
    const conv = (await call('GET', '/users/me/conversations?limit=1')).body.conversations.items[0];
    const sent = await call('POST', `/users/me/conversations/${conv.id}/messages`, { form: { content: 'Wir melden uns.' } });
    expect(sent.body.message).toMatchObject({ content: 'Wir melden uns.', sender: { id: DEMO_XING_COMPANY.userId } });
    const received = (await getJson(`${sim.url}/_sim/received?network=xing`)).body.items;
    expect(received.map((r: JsonBody) => [r.kind, r.externalId, r.text])).toEqual([
      ['comment_reply', created.body.comment.id, 'Danke für Ihr Interesse!'],
      ['private_message', sent.body.message.id, 'Wir melden uns.'],
    ]);
    expect((await call('PUT', `/companies/updates/${update.id}/like`)).status).toBe(204);
    expect((await call('DELETE', `/companies/updates/${update.id}/comments/${created.body.comment.id}`)).status).toBe(204);
    expect((await call('GET', `/companies/updates/${update.id}/comments?limit=100`)).body.comments.items.map((c: JsonBody) => c.id)).not.toContain(
      created.body.comment.id,
    );
  });

  it('limits calls per token with 403 RATE_LIMIT_EXCEEDED; faults and unknown paths answer in XING’s error shape', async () => {
    await postJson(`${sim.url}/_sim/xing/limits`, { callsPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await call('GET', '/users/me/conversations?limit=1'));
      expect(statuses.slice(0, 3).map((s) => s.status)).toEqual([200, 200, 200]);
      expect(statuses[3]).toEqual({ status: 403, body: { error_name: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } });
    } finally {
      await postJson(`${sim.url}/_sim/xing/limits`, { callsPerMinute: 600 });
    }
    await postJson(`${sim.url}/_sim/faults`, { network: 'xing', kind: 'server_error', count: 1, options: { status: 503 } });
    expect(await call('GET', '/users/me/conversations')).toEqual({ status: 503, body: { error_name: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' } });
    await postJson(`${sim.url}/_sim/faults`, { network: 'xing', kind: 'token_expired', count: 1 });
    expect((await call('GET', '/users/me/conversations')).body.error_name).toBe('INVALID_OAUTH_TOKEN');
    expect(await call('GET', '/nowhere')).toEqual({ status: 404, body: { error_name: 'NOT_FOUND', message: 'The requested resource could not be found.' } });
    const broken = await fetch(api(`/companies/updates/x/comments`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(broken.status).toBe(401);
    expect(await broken.json()).toMatchObject({ error_name: 'REQUIRED_PARAMETER_MISSING' });
  });
});
