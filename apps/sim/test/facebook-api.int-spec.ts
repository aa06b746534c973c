import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { getJson, postJson, testSim } from './support';

describe('Facebook API: writes, OAuth, errors and faults', () => {
  let sim: RunningSim;
  let graph: string;
  let truth: TruthItem[];
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
  const page = DEMO_FACEBOOK_PAGE.id;
  const app = DEMO_FACEBOOK_APP;
  const redirectUri = 'http://127.0.0.1:3000/api/oauth/facebook/callback';

  beforeEach(async () => {
    sim = await testSim();
    graph = `${sim.url}/facebook/v24.0`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 400, network: 'facebook' })).body.items;
  });
  afterEach(() => sim.close());

  const inbound = () => [...truth].reverse().find((t) => t.kind === 'message' && !t.fromAccount)!;
  const send = (recipient: string, extra: Record<string, unknown> = {}) =>
    postJson(`${graph}/${page}/messages?access_token=${token}`, {
      recipient: { id: recipient },
      message: { text: 'Hallo!' },
      messaging_type: 'RESPONSE',
      ...extra,
    });

  async function login(scope?: string): Promise<{ user: string; long: string }> {
    const dialog = await fetch(
      `${sim.url}/facebook/v24.0/dialog/oauth?client_id=${app.appId}&redirect_uri=${encodeURIComponent(redirectUri)}&state=xyz${scope ? `&scope=${scope}` : ''}`,
      { redirect: 'manual' },
    );
    expect(dialog.status).toBe(302);
    const location = new URL(dialog.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    const short = await getJson(
      `${graph}/oauth/access_token?client_id=${app.appId}&client_secret=${app.appSecret}&redirect_uri=${encodeURIComponent(redirectUri)}&code=${code}`,
    );
    expect(short.status).toBe(200);
    const reuse = await getJson(
      `${graph}/oauth/access_token?client_id=${app.appId}&client_secret=${app.appSecret}&redirect_uri=${encodeURIComponent(redirectUri)}&code=${code}`,
    );
    expect(reuse.body.error).toMatchObject({ code: 100, error_subcode: 36009 });
    const long = await getJson(
      `${graph}/oauth/access_token?grant_type=fb_exchange_token&client_id=${app.appId}&client_secret=${app.appSecret}&fb_exchange_token=${short.body.access_token}`,
    );
    return { user: short.body.access_token, long: long.body.access_token };
  }

  it('records a reply to a comment, shows it on the network and in /_sim/received', async () => {
    const comment = truth.find((t) => t.kind === 'comment' && t.parentExternalId === null)!;
    const res = await postJson(`${graph}/${comment.externalId}/comments?access_token=${token}`, { message: 'Danke für dein Feedback! 😊' });
    const reply = await getJson(`${graph}/${res.body.id}?fields=from,message,parent&access_token=${token}`);
    expect(reply.body).toMatchObject({ from: { id: page }, message: 'Danke für dein Feedback! 😊', parent: { id: comment.externalId } });
    const received = await getJson(`${sim.url}/_sim/received?network=facebook`);
    expect(received.body.items).toEqual([
      expect.objectContaining({ kind: 'comment_reply', targetId: comment.externalId, externalId: res.body.id, text: 'Danke für dein Feedback! 😊' }),
    ]);
    const form = await fetch(`${graph}/${comment.externalId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `access_token=${token}&message=form+reply`,
    });
    expect(form.status).toBe(200);
  });

  it("enforces the 24-hour messaging window with Facebook's error, and HUMAN_AGENT for 7 days", async () => {
    const customer = inbound().author!.externalId;
    expect((await send(customer)).status).toBe(200);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 25 * 3600_000 });
    const late = await send(customer);
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({ code: 10, error_subcode: 2018278, type: 'OAuthException' });
    expect((await send(customer, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })).status).toBe(200);
    const unknown = await send('123');
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
    const received = await getJson(`${sim.url}/_sim/received`);
    expect(received.body.items.map((i: { kind: string }) => i.kind)).toEqual(['private_message', 'private_message']);
  });

  it('runs the OAuth flow: dialog, code exchange, long-lived token, /me/accounts page token', async () => {
    const { long } = await login();
    const me = await getJson(`${graph}/me?access_token=${long}`);
    expect(me.body).toEqual({ name: DEMO_FACEBOOK_PAGE.userName, id: DEMO_FACEBOOK_PAGE.userId });
    const accounts = await getJson(`${graph}/me/accounts?access_token=${long}`);
    expect(accounts.body.data[0]).toMatchObject({ id: page, name: DEMO_FACEBOOK_PAGE.name });
    const pageToken = accounts.body.data[0].access_token;
    expect((await getJson(`${graph}/${page}/conversations?platform=messenger&access_token=${pageToken}`)).status).toBe(200);
    const wrongSecret = await getJson(`${graph}/oauth/access_token?client_id=${app.appId}&client_secret=nope&redirect_uri=x&code=y`);
    expect(wrongSecret.body.error.message).toBe('Error validating client secret.');
  });

  it('expires short-lived tokens and revokes tokens with error 190 and the right subcodes', async () => {
    const { user, long } = await login();
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 3 * 3600_000 });
    const expired = await getJson(`${graph}/me?access_token=${user}`);
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect((await getJson(`${graph}/me?access_token=${long}`)).status).toBe(200);
    const revoke = await getJson(`${graph}/me/permissions?access_token=${long}`, { method: 'DELETE' });
    expect(revoke.body).toEqual({ success: true });
    expect((await getJson(`${graph}/me?access_token=${long}`)).body.error).toMatchObject({ code: 190, error_subcode: 458 });
    expect((await getJson(`${graph}/me?access_token=garbage`)).body.error).toMatchObject({ code: 190 });
    expect((await getJson(`${graph}/me`)).body.error).toMatchObject({ code: 104 });
  });

  it('answers bad requests with Graph API error bodies, never a generic 500', async () => {
    const post = truth.find((t) => t.kind === 'post')!;
    const cases: Array<[string, RequestInit | undefined, number]> = [
      [`${graph}/999/comments?access_token=${token}`, undefined, 100],
      [`${graph}/${post.externalId}?fields=nonsense&access_token=${token}`, undefined, 100],
      [`${graph}/${post.externalId}/comments?limit=-1&access_token=${token}`, undefined, 100],
      [`${graph}/${post.externalId}/comments?after=notacursor&access_token=${token}`, undefined, 100],
      [`${graph}/${post.externalId}/comments?filter=everything&access_token=${token}`, undefined, 100],
      [`${graph}/${post.externalId}/comments/extra?access_token=${token}`, undefined, 2500],
      [
        `${graph}/${post.externalId}/comments?access_token=${token}`,
        { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } },
        100,
      ],
      [`${graph}/${page}/messages?access_token=${token}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, 100],
      [`${graph}/${page}/nonexistingedge?access_token=${token}`, undefined, 100],
    ];
    for (const [url, init, code] of cases) {
      const res = await getJson(url, init);
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.error).toEqual(expect.objectContaining({ code, type: expect.any(String), message: expect.any(String), fbtrace_id: expect.any(String) }));
    }
  });

  it('switches faults on and off through /_sim/faults', async () => {
    const url = `${graph}/${page}/feed?access_token=${token}`;
    for (const code of [4, 17, 32, 613]) {
      await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'rate_limit', options: { code } });
      const res = await getJson(url);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code, is_transient: true });
      const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!);
      expect(buc[page][0]).toMatchObject({ type: 'pages', call_count: 100, estimated_time_to_regain_access: 10 });
    }
    expect((await getJson(`${sim.url}/_sim/faults`)).body.faults).toHaveLength(1);
    await getJson(`${sim.url}/_sim/faults?network=facebook&kind=rate_limit`, { method: 'DELETE' });
    expect((await getJson(url)).status).toBe(200);

    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'server_error', count: 1 });
    const broken = await getJson(url);
    expect(broken.status).toBe(500);
    expect(broken.body.error).toMatchObject({ code: 1, is_transient: true });
    expect((await getJson(url)).status).toBe(200);

    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'token_expired', count: 1 });
    expect((await getJson(url)).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'token_revoked', count: 1 });
    expect((await getJson(url)).body.error).toMatchObject({ code: 190, error_subcode: 458 });
    expect((await getJson(url)).status).toBe(200);

    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'slow', count: 1, options: { delayMs: 300 } });
    const started = Date.now();
    expect((await getJson(url)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'timeout', count: 1, options: { delayMs: 200 } });
    await expect(fetch(url)).rejects.toThrow();
    expect((await getJson(url)).status).toBe(200);

    const bad = await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'earthquake' });
    expect(bad.status).toBe(400);
  });

  it('updates X-App-Usage as calls are made and enforces the budget with error 4', async () => {
    await postJson(`${sim.url}/_sim/facebook/limits`, { appCallsPerHour: 10 });
    const usage: number[] = [];
    for (let i = 0; i < 9; i++) usage.push(JSON.parse((await getJson(`${graph}/${page}?access_token=${token}`)).headers.get('x-app-usage')!).call_count);
    expect(usage[0]).toBeLessThan(usage[8]);
    expect(usage[8]).toBe(90);
    const limited = await getJson(`${graph}/${page}?access_token=${token}`);
    expect(limited.status).toBe(403);
    expect(limited.body.error.code).toBe(4);
  });

  it('lists ground truth with intent labels, and the other networks answer in their own error shapes', async () => {
    const all = await getJson(`${sim.url}/_sim/truth?network=facebook&limit=1000`);
    expect(all.body.total).toBe(400);
    expect(all.body.items.some((t: TruthItem) => t.intent === 'purchase_intent')).toBe(true);
    // X answers a call without a token in its problem+json shape, as api.x.com does.
    expect((await getJson(`${sim.url}/x/2/users/1/mentions`)).body).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
    // LinkedIn refuses a call without its Linkedin-Version header before anything else.
    expect((await getJson(`${sim.url}/linkedin/rest/posts`)).body.code).toBe('VERSION_MISSING');
    expect((await getJson(`${sim.url}/youtube/youtube/v3/nothingHere`)).body.error.status).toBe('NOT_FOUND');
    expect((await getJson(`${sim.url}/xing/v1/users/me`)).body.error_name).toBe('NOT_FOUND');
  });
});
