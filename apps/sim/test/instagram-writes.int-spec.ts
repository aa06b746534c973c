import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, DEMO_INSTAGRAM_APP, type RunningSim, type TruthItem } from '../src';
import { getJson, postJson, testSim } from './support';
import { generateInstagram, IG, igGet, igPost } from './instagram-support';

const HOUR = 3600_000;

/**
 * Replies, private replies, Direct messages and moderation at the simulated Instagram, on both
 * hosts: each accepted write is in /_sim/received exactly once, each refused one not at all.
 */
describe('Instagram writes', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  beforeAll(async () => {
    sim = await testSim();
    truth = await generateInstagram(sim, 600);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.context.world.clearReceived());

  const received = () => sim.context.world.receivedFor('instagram');
  const customerTop = () => truth.filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null && !t.text.startsWith('@'));

  it('POST /{comment-id}/replies: a reply to a reply attaches to the top-level comment; recorded once, in the truth once', async () => {
    const reply = truth.find((t) => t.kind === 'comment' && t.parentExternalId !== null && !t.text.startsWith('@'))!;
    const res = await igPost(sim, `/${reply.externalId}/replies`, { message: 'Danke dir! 🙌' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['id']);
    const created = sim.instagram.state.store.comment(res.body.id)!;
    expect(created.parent!.id).toBe(reply.parentExternalId);
    expect(received()).toEqual([
      expect.objectContaining({ kind: 'comment_reply', targetId: reply.externalId, externalId: res.body.id, text: 'Danke dir! 🙌' }),
    ]);
    expect(sim.context.world.truthFor('instagram').filter((t) => t.externalId === res.body.id)).toEqual([
      expect.objectContaining({
        kind: 'comment',
        fromAccount: true,
        parentExternalId: reply.parentExternalId,
        threadExternalId: reply.parentExternalId,
        source: 'api',
      }),
    ]);
    const listed = await igGet(sim, `/${reply.parentExternalId}/replies`, 'fields=id,text,parent_id&limit=100');
    expect(listed.body.data.filter((c: { id: string }) => c.id === res.body.id)).toEqual([
      { id: res.body.id, text: 'Danke dir! 🙌', parent_id: reply.parentExternalId },
    ]);
  });

  it('hidden comments cannot be replied to; hide/unhide/delete are recorded once each and show in later reads', async () => {
    const [a, b] = customerTop();
    expect((await igPost(sim, `/${a.externalId}`, {}, 'hide=true')).body).toEqual({ success: true });
    expect((await igGet(sim, `/${a.externalId}`, 'fields=hidden')).body).toEqual({ hidden: true, id: a.externalId });
    const refused = await igPost(sim, `/${a.externalId}/replies`, { message: 'Hallo' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe(100);
    expect((await igPost(sim, `/${a.externalId}`, {}, 'hide=false')).body).toEqual({ success: true });
    expect((await igPost(sim, `/${a.externalId}`, {}, 'hide=maybe')).status).toBe(400);
    expect((await getJson(`${sim.origins.instagram}/v24.0/${b.externalId}?access_token=${IG.accessToken}`, { method: 'DELETE' })).body).toEqual({
      success: true,
    });
    expect((await igGet(sim, `/${b.externalId}`)).status).toBe(400);
    expect(received().map((r) => [r.kind, r.targetId])).toEqual([
      ['comment_hide', a.externalId],
      ['comment_unhide', a.externalId],
      ['comment_delete', b.externalId],
    ]);
  });

  it('private reply: recipient {comment_id}, one per comment, within 7 days', async () => {
    const [, , c, old] = customerTop();
    const body = { recipient: { comment_id: c.externalId }, message: { text: 'Wir schreiben dir privat 📩' } };
    const first = await igPost(sim, `/${IG.id}/messages`, body);
    expect(first.status).toBe(200);
    expect(first.body.recipient_id).toBe(c.author!.externalId);
    const second = await igPost(sim, `/${IG.id}/messages`, body);
    expect(second.status).toBe(400);
    expect(second.body.error).toMatchObject({ code: 10, type: 'IGApiException' });
    sim.instagram.state.store.comment(old.externalId)!.createdAt = Date.now() - 8 * 24 * HOUR;
    expect((await igPost(sim, `/${IG.id}/messages`, { recipient: { comment_id: old.externalId }, message: { text: 'Zu spät' } })).status).toBe(400);
    expect(received()).toEqual([expect.objectContaining({ kind: 'private_message', targetId: c.externalId, externalId: first.body.message_id })]);
  });

  it('DMs: inside 24 h; HUMAN_AGENT up to 7 days; outside → (#10) 2534022 IGApiException (403) on graph.instagram.com', async () => {
    await generateInstagram(sim, 60);
    const inbound = sim.context.world.truthFor('instagram').filter((t) => t.kind === 'message' && !t.fromAccount);
    const customer = inbound[inbound.length - 1].author!.externalId;
    const send = (extra: Record<string, unknown> = {}) =>
      igPost(sim, `/${IG.id}/messages`, { recipient: { id: customer }, message: { text: 'Hallo!' }, ...extra });
    expect((await send()).status).toBe(200);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 25 * HOUR });
    const outside = await send();
    expect(outside.status).toBe(403);
    expect(outside.body.error).toMatchObject({ code: 10, error_subcode: 2534022, type: 'IGApiException' });
    // Without Meta's approval for the tag (the sim's default), HUMAN_AGENT is refused; the control grants it.
    const unapproved = await send({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(unapproved.status).toBe(400);
    expect(unapproved.body.error).toMatchObject({ code: 10, type: 'IGApiException' });
    expect(unapproved.body.error.message).toContain('HUMAN_AGENT');
    expect((await postJson(`${sim.url}/_sim/instagram/app`, { humanAgentApproved: true })).body).toMatchObject({ app: { humanAgentApproved: true } });
    expect((await send({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })).status).toBe(200);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 6 * 24 * HOUR });
    expect((await send({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })).status).toBe(403);
    expect(received().filter((r) => r.kind === 'private_message')).toHaveLength(2);
    expect((await igPost(sim, `/${IG.id}/messages`, { recipient: { id: '999' }, message: { text: 'x' } })).status).toBe(400);
  });

  it('Facebook Login: the page names its Instagram account; the Page token reads media and comments, replies and sends on graph.facebook.com', async () => {
    const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
    const graph = `${sim.origins.facebook}/v24.0`;
    const page = await getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}?fields=instagram_business_account&access_token=${token}`);
    expect(page.body).toEqual({ instagram_business_account: { id: IG.id }, id: DEMO_FACEBOOK_PAGE.id });
    const media = await getJson(`${graph}/${IG.id}/media?fields=id,caption,timestamp&limit=3&access_token=${token}`);
    expect(media.status).toBe(200);
    expect(media.body.data).toHaveLength(3);
    expect(media.body.paging.next.startsWith(`${graph}/${IG.id}/media?`)).toBe(true);
    expect(JSON.parse(media.headers.get('x-business-use-case-usage')!)[IG.id][0].type).toBe('instagram');
    const me = await getJson(`${graph}/${IG.id}?fields=id,username&access_token=${token}`);
    expect(me.body).toEqual({ id: IG.id, username: IG.username });
    const top = customerTop()[5];
    const reply = await getJson(`${graph}/${top.externalId}/replies?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'message=Danke!',
    });
    expect(reply.status).toBe(200);
    const conversations = await getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/conversations?platform=instagram&access_token=${token}`);
    expect(conversations.body.data[0].id.startsWith('aWdfZAG06')).toBe(true);
    expect(received().map((r) => r.kind)).toEqual(['comment_reply']);
  });

  it('Facebook Login: /me/accounts names the linked account; the Instagram origin answers a Facebook token as graph.facebook.com', async () => {
    const fb = sim.facebook.state;
    const user = fb.tokens.issue({
      kind: 'user',
      userId: fb.adminUser.id,
      pageId: null,
      appId: fb.app.appId,
      scopes: ['pages_show_list', 'pages_messaging'],
      expiresAt: null,
    });
    for (const origin of [sim.origins.facebook, sim.origins.instagram]) {
      const accounts = await getJson(
        `${origin}/v24.0/me/accounts?fields=${encodeURIComponent('id,name,access_token,instagram_business_account{id,username,name}')}&access_token=${user.token}`,
      );
      expect(accounts.body.data[0].instagram_business_account).toEqual({ id: IG.id, username: IG.username, name: IG.name });
      const pageToken = accounts.body.data[0].access_token;
      const media = await getJson(`${origin}/v24.0/${IG.id}/media?limit=1&access_token=${pageToken}`);
      expect(media.body.paging.next.startsWith(`${origin}/v24.0/${IG.id}/media?`)).toBe(true);
    }
    const exchange = await getJson(
      `${sim.origins.instagram}/v24.0/oauth/access_token?grant_type=fb_exchange_token&client_id=${fb.app.appId}&client_secret=${fb.app.appSecret}&fb_exchange_token=${user.token}`,
    );
    expect(exchange.body).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: expect.any(Number) });
    const plain = await getJson(`${sim.origins.facebook}/v24.0/me/accounts?access_token=${user.token}`);
    expect(plain.body.data[0].instagram_business_account).toBeUndefined();
  });
});

describe('Instagram Login: consent, code, short-lived → long-lived → refresh', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await testSim();
  });
  afterAll(() => sim.close());

  it('walks the whole flow with Instagram’s shapes and rules', async () => {
    const origin = sim.origins.instagram;
    const redirectUri = 'https://app.example/callback/instagram';
    const authorize = `${origin}/oauth/authorize?client_id=${DEMO_INSTAGRAM_APP.appId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_messages&state=s1`;
    const consent = await fetch(authorize, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const location = new URL(consent.headers.get('location')!);
    expect(location.hash).toBe('#_');
    expect(location.searchParams.get('state')).toBe('s1');
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const exchange = {
      client_id: DEMO_INSTAGRAM_APP.appId,
      client_secret: DEMO_INSTAGRAM_APP.appSecret,
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      code: `${location.searchParams.get('code')}#_`,
    };
    const short = await getJson(`${origin}/oauth/access_token`, form(exchange));
    expect(short.status).toBe(200);
    expect(short.body).toEqual({
      data: [
        {
          access_token: expect.stringMatching(/^IGAA/),
          user_id: IG.appScopedId,
          permissions: 'instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_messages',
        },
      ],
    });
    expect((await getJson(`${origin}/oauth/access_token`, form(exchange))).body.error.error_subcode).toBe(36009);
    const shortToken = short.body.data[0].access_token;

    const me = await getJson(`${origin}/v24.0/me?access_token=${shortToken}`);
    expect(me.body).toEqual({ id: IG.appScopedId });
    const both = await getJson(`${origin}/v24.0/me?fields=user_id,username&access_token=${shortToken}`);
    expect(both.body).toEqual({ user_id: IG.id, username: IG.username, id: IG.appScopedId });

    expect((await getJson(`${origin}/access_token?grant_type=ig_exchange_token&client_secret=wrong&access_token=${shortToken}`)).status).toBe(400);
    const long = await getJson(`${origin}/access_token?grant_type=ig_exchange_token&client_secret=${DEMO_INSTAGRAM_APP.appSecret}&access_token=${shortToken}`);
    expect(long.body).toEqual({ access_token: expect.stringMatching(/^IGAA/), token_type: 'bearer', expires_in: 5184000 });
    const refresh = () => getJson(`${origin}/refresh_access_token?grant_type=ig_refresh_token&access_token=${long.body.access_token}`);
    const tooYoung = await refresh();
    expect(tooYoung.status).toBe(400);
    expect(tooYoung.body.error.code).toBe(190);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 2 * HOUR });
    // The short-lived token lives one hour.
    const expired = await getJson(`${origin}/v24.0/me?access_token=${shortToken}`);
    expect(expired.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect(expired.body.error.error_subcode).toBeUndefined();
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 23 * HOUR });
    const refreshed = await refresh();
    expect(refreshed.body).toEqual({ access_token: expect.stringMatching(/^IGAA/), token_type: 'bearer', expires_in: 5184000 });
    expect((await getJson(`${origin}/v24.0/me?access_token=${refreshed.body.access_token}`)).status).toBe(200);
    // A token with fewer permissions reads media but not comments or Direct: (#10).
    const basic = await fetch(authorize.replace(/scope=[^&]*/, 'scope=instagram_business_basic'), { redirect: 'manual' });
    const basicCode = new URL(basic.headers.get('location')!).searchParams.get('code')!;
    const basicToken = (await getJson(`${origin}/oauth/access_token`, form({ ...exchange, code: basicCode }))).body.data[0].access_token;
    expect((await getJson(`${origin}/v24.0/${IG.id}/media?access_token=${basicToken}`)).status).toBe(200);
    const denied = await getJson(`${origin}/v24.0/${IG.id}/conversations?access_token=${basicToken}`);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 10, type: 'IGApiException' });
    // The wrong app, the Facebook app's id, is refused at the consent page.
    expect((await fetch(authorize.replace(DEMO_INSTAGRAM_APP.appId, DEMO_FACEBOOK_APP.appId), { redirect: 'manual' })).status).toBe(400);
  });
});
