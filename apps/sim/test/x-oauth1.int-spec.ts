import { randomBytes } from 'node:crypto';
import { DEMO_X_ACCOUNT, DEMO_X_APP, type RunningSim } from '../src';
import { hmacSha1Signature, percentEncode, signatureBaseString } from '../src/core/oauth1';
import { getJson, testSim } from './support';

/**
 * X's OAuth 1.0a check on the forms twitter-api-v2 never sends (x-edits.client-spec.ts covers the
 * client): a request signed for the sim's own URL, a replayed nonce, a stale timestamp, an unknown
 * consumer or token, a body parameter left out of the signature. Signed here by hand from RFC 5849.
 */
describe('X OAuth 1.0a user context (plain requests)', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await testSim();
  });
  afterAll(() => sim.close());

  interface Signing {
    method?: string;
    uri: string;
    query?: Record<string, string>;
    form?: Record<string, string>;
    consumerKey?: string;
    token?: string;
    tokenSecret?: string;
    timestamp?: number;
    nonce?: string;
    signedForm?: Record<string, string>;
  }

  function authorization(s: Signing): string {
    const oauth: Record<string, string> = {
      oauth_consumer_key: s.consumerKey ?? DEMO_X_APP.consumerKey,
      oauth_token: s.token ?? DEMO_X_ACCOUNT.oauth1Token,
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: String(s.timestamp ?? Math.floor(Date.now() / 1000)),
      oauth_nonce: s.nonce ?? randomBytes(12).toString('hex'),
      oauth_version: '1.0',
    };
    const params = [...Object.entries(s.query ?? {}), ...Object.entries(s.signedForm ?? s.form ?? {}), ...Object.entries(oauth)];
    const base = signatureBaseString(s.method ?? 'GET', s.uri, params);
    oauth.oauth_signature = hmacSha1Signature(base, DEMO_X_APP.consumerSecret, s.tokenSecret ?? DEMO_X_ACCOUNT.oauth1TokenSecret);
    return `OAuth ${Object.entries(oauth)
      .map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`)
      .join(', ')}`;
  }

  const send = (s: Signing & { url: string }) => {
    const qs = s.query ? `?${new URLSearchParams(s.query).toString()}` : '';
    return getJson(`${s.url}${qs}`, {
      method: s.method ?? 'GET',
      headers: { authorization: authorization(s), ...(s.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(s.form ? { body: new URLSearchParams(s.form).toString() } : {}),
    });
  };

  it('takes a request signed for api.x.com or for the sim’s own URL, with its query in the signature', async () => {
    const me = `${sim.url}/x/2/users/me`;
    expect((await send({ url: me, uri: 'https://api.x.com/2/users/me' })).body.data.id).toBe(DEMO_X_ACCOUNT.id);
    expect((await send({ url: me, uri: me, query: { 'user.fields': 'created_at' } })).body.data.created_at).toBeDefined();
    const unsignedQuery = await getJson(`${me}?user.fields=created_at`, { headers: { authorization: authorization({ uri: me }) } });
    expect(unsignedQuery.status).toBe(401);
  });

  it('refuses a replayed nonce, a stale timestamp (135), an unknown consumer or token, a wrong token secret', async () => {
    const me = `${sim.url}/x/2/users/me`;
    const nonce = 'same-nonce-twice';
    expect((await send({ url: me, uri: me, nonce })).status).toBe(200);
    expect((await send({ url: me, uri: me, nonce })).status).toBe(401);
    expect((await send({ url: me, uri: me, timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    expect((await send({ url: me, uri: me, consumerKey: 'other-app' })).status).toBe(401);
    expect((await send({ url: me, uri: me, token: `${DEMO_X_ACCOUNT.id}-unknown` })).status).toBe(401);
    expect((await send({ url: me, uri: me, tokenSecret: 'wrong' })).body).toMatchObject({ title: 'Unauthorized', status: 401 });
    // The v1.1 upload answers in v1.1's shape.
    const upload = `${sim.url}/x/1.1/media/upload.json`;
    const stale = await send({ url: upload, uri: 'https://upload.twitter.com/1.1/media/upload.json', method: 'POST', form: { command: 'INIT' }, timestamp: 1 });
    expect(stale.body).toEqual({ errors: [{ code: 135, message: 'Timestamp out of bounds.' }] });
  });

  it('signs a form body in: an INIT signed with its parameters passes, one whose body differs from what was signed does not', async () => {
    const upload = `${sim.url}/x/1.1/media/upload.json`;
    const uri = 'https://upload.twitter.com/1.1/media/upload.json';
    const form = { command: 'INIT', total_bytes: '1000', media_type: 'image/png' };
    const ok = await send({ url: upload, uri, method: 'POST', form });
    expect(ok.body.media_id_string).toMatch(/^\d+$/);
    const tampered = await send({ url: upload, uri, method: 'POST', form: { ...form, total_bytes: '2000' }, signedForm: form });
    expect(tampered.body).toEqual({ errors: [{ code: 32, message: 'Could not authenticate you.' }] });
  });
});
