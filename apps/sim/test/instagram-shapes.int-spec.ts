import type { RunningSim, TruthItem } from '../src';
import { getJson, postJson, shapeMismatches, testSim, type JsonBody } from './support';
import { generateInstagram, IG, igFixture, igGet, igPost } from './instagram-support';

/**
 * Every Instagram body against the recorded payloads in test/fixtures/instagram: same keys with
 * the same JSON types, recursively (extra keys allowed). Where a real list mixes item forms (a
 * video with a thumbnail, an album with children, an image with a caption), each sim item is
 * compared with the recorded item of its own form.
 */
describe('Instagram bodies have the shape of the real API', () => {
  let sim: RunningSim;
  let truth: TruthItem[];

  beforeAll(async () => {
    sim = await testSim();
    truth = await generateInstagram(sim, 3000);
  });
  afterAll(() => sim.close());

  const busiestMedia = () => {
    const counts = new Map<string, number>();
    for (const t of truth) if (t.kind === 'comment' && t.parentExternalId === null) counts.set(t.postExternalId!, (counts.get(t.postExternalId!) ?? 0) + 1);
    const own = new Set(sim.instagram.state.store.media.map((m) => m.id));
    return [...counts.entries()].filter(([id]) => own.has(id)).sort((a, b) => b[1] - a[1])[0][0];
  };

  /** The recorded item of the same media_type, without `caption` (compared separately: it is omitted when absent). */
  const mediaShapeMismatches = (recorded: JsonBody[], item: JsonBody): string[] => {
    const expected = { ...recorded.find((r) => r.media_type === item.media_type) };
    delete expected.caption;
    return shapeMismatches(expected, item);
  };

  it('generated traffic: German and English comments, replies, mentions and DMs, with intents, by returning customers', () => {
    const customer = truth.filter((t) => t.kind !== 'post' && !t.fromAccount);
    expect(new Set(customer.map((t) => t.language))).toEqual(new Set(['de', 'en']));
    expect(customer.every((t) => t.intent !== null)).toBe(true);
    expect(customer.some((t) => t.kind === 'comment' && t.parentExternalId !== null)).toBe(true);
    expect(customer.some((t) => t.kind === 'message')).toBe(true);
    expect(truth.some((t) => t.kind === 'message' && t.fromAccount)).toBe(true);
    const mentions = customer.filter((t) => t.kind === 'comment' && t.parentExternalId === null && t.text.startsWith(`@${IG.username} `));
    expect(mentions.length / customer.filter((t) => t.kind === 'comment' && t.parentExternalId === null).length).toBeGreaterThan(0.04);
    expect(new Set(mentions.map((t) => t.postExternalId)).size).toBe(sim.instagram.state.store.tagged.length);
  });

  it('GET /{ig-user-id}/media (media-list-page1-with-cursors.json): before/after cursors and next; caption omitted when absent, never null', async () => {
    const recorded = igFixture('media-list-page1-with-cursors.json');
    const fields = new URL(recorded.paging.next).searchParams.get('fields')!;
    const res = await igGet(sim, `/${IG.id}/media`, `fields=${encodeURIComponent(fields)}&limit=25`);
    expect(res.status).toBe(200);
    expect(shapeMismatches({ paging: recorded.paging }, { paging: res.body.paging })).toEqual([]);
    expect(res.body.data).toHaveLength(25);
    for (const item of res.body.data) expect(mediaShapeMismatches(recorded.data, item)).toEqual([]);
    expect(res.body.data.some((m: JsonBody) => !('caption' in m))).toBe(true);
    expect(res.body.data.every((m: JsonBody) => !('caption' in m) || typeof m.caption === 'string')).toBe(true);
    expect(new Set(res.body.data.map((m: JsonBody) => m.media_type))).toEqual(new Set(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']));
    // Ids are strings beyond 2^53, never numbers.
    expect(res.body.data.every((m: JsonBody) => typeof m.id === 'string' && BigInt(m.id) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    expect(res.body.paging.next.startsWith(`${sim.origins.instagram}/v24.0/${IG.id}/media?`)).toBe(true);
  });

  it('GET /{media-id} of an album with children{…} (media-object-carousel-with-children.json)', async () => {
    const album = sim.instagram.state.store.media.find((m) => m.mediaType === 'CAROUSEL_ALBUM' && m.caption !== null)!;
    const fields =
      'id,caption,comments_count,children{id,media_type,media_url,permalink,shortcode,thumbnail_url,timestamp},like_count,media_type,media_url,permalink,timestamp';
    const res = await igGet(sim, `/${album.id}`, `fields=${encodeURIComponent(fields)}`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(igFixture('media-object-carousel-with-children.json'), res.body)).toEqual([]);
    expect(res.body.children.data).toHaveLength(3);
  });

  it('GET /{media-id}/comments with replies{…} (comments-with-replies-page1.json): user only on the account’s own comments', async () => {
    const recorded = igFixture('comments-with-replies-page1.json');
    const fields = new URL(recorded.paging.next).searchParams.get('fields')!;
    const res = await igGet(sim, `/${busiestMedia()}/comments`, `fields=${encodeURIComponent(fields)}&limit=5`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(recorded, res.body, ['$.data[].user', '$.data[].replies'])).toEqual([]);
    expect(Object.keys(res.body.paging.cursors)).toEqual(['after']);
    const all = await igGet(sim, `/${busiestMedia()}/comments`, `fields=${encodeURIComponent(fields)}&limit=100`);
    const withReplies = all.body.data.find((c: JsonBody) => c.replies?.data.length > 0);
    expect(shapeMismatches(recorded.data[0].replies, withReplies.replies, ['$.data[].user'])).toEqual([]);
    for (const c of [...all.body.data, ...all.body.data.flatMap((x: JsonBody) => x.replies?.data ?? [])]) {
      expect('user' in c).toBe(c.username === IG.username);
      if (c.user) expect(c.user).toEqual({ id: IG.id });
    }
  });

  it('GET /{comment-id}/replies (comment-replies-page1.json)', async () => {
    const counts = new Map<string, number>();
    for (const t of truth) if (t.kind === 'comment' && t.parentExternalId) counts.set(t.parentExternalId, (counts.get(t.parentExternalId) ?? 0) + 1);
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const res = await igGet(sim, `/${top}/replies`, 'fields=hidden,id,like_count,timestamp,text,user,username,media&limit=1');
    expect(res.status).toBe(200);
    expect(shapeMismatches(igFixture('comment-replies-page1.json'), res.body, ['$.data[].user'])).toEqual([]);
  });

  it('GET /{ig-user-id}?fields=mentioned_comment.comment_id(…){…} (mentioned-comment-expansion.json) and mentioned_media', async () => {
    const mention = sim.instagram.state.store.tagged[0].comments[0];
    const sub = 'id,timestamp,text,like_count,media{comments_count,media_url,timestamp,media_type,permalink,like_count,caption,username,id}';
    const res = await igGet(sim, `/${IG.id}`, `fields=${encodeURIComponent(`mentioned_comment.comment_id(${mention.id}){${sub}}`)}`);
    expect(res.status).toBe(200);
    expect(shapeMismatches(igFixture('mentioned-comment-expansion.json'), res.body)).toEqual([]);
    expect(res.body.id).toBe(IG.id);
    expect(res.body.mentioned_comment.text).toContain(`@${IG.username}`);
    const media = await igGet(sim, `/${IG.id}`, `fields=${encodeURIComponent(`mentioned_media.media_id(${mention.media.id}){id,caption,media_type}`)}`);
    expect(media.body.mentioned_media).toEqual({ id: mention.media.id, caption: expect.stringContaining(`@${IG.username}`), media_type: 'IMAGE' });
    const own = await igGet(sim, `/${IG.id}`, `fields=${encodeURIComponent(`mentioned_comment.comment_id(${busiestMedia()}){id}`)}`);
    expect(own.status).toBe(400);
  });

  it('GET /{ig-user-id}/conversations?platform=instagram (conversations-list-ig-login.json) and /{conversation-id}?fields=participants (conversation-participants.json)', async () => {
    const list = await igGet(sim, `/${IG.id}/conversations`, 'platform=instagram&limit=100');
    expect(list.status).toBe(200);
    expect(shapeMismatches(igFixture('conversations-list-ig-login.json'), list.body)).toEqual([]);
    // Walked to its end, the last page has no paging key (as the recorded single-conversation list).
    let page = list.body;
    const seen = new Set<string>();
    for (;;) {
      for (const c of page.data) seen.add(c.id);
      if (!page.paging) break;
      expect(Object.keys(page.paging.cursors)).toEqual(['after']);
      page = (await getJson(page.paging.next)).body;
    }
    expect(seen.size).toBe(new Set(truth.filter((t) => t.kind === 'message').map((t) => t.threadExternalId)).size);
    const id = list.body.data[0].id;
    expect(id.startsWith('aWdfZAG06')).toBe(true);
    const participants = await igGet(sim, `/${id}`, 'fields=participants');
    expect(shapeMismatches(igFixture('conversation-participants.json'), participants.body)).toEqual([]);
    expect(participants.body.participants.data[0]).toEqual({ username: IG.username, id: IG.id });
  });

  it('messages: the defaults carry no text; messages{id,created_time,from,to,message,attachments} does', async () => {
    const inbound = truth.find((t) => t.kind === 'message' && !t.fromAccount)!;
    const bare = await igGet(sim, `/${inbound.threadExternalId}`, 'fields=messages');
    const first = bare.body.messages.data.find((m: JsonBody) => m.id === inbound.externalId) ?? bare.body.messages.data[0];
    expect(Object.keys(first).sort()).toEqual(['created_time', 'id', 'is_unsupported']);
    const full = await igGet(sim, `/${inbound.threadExternalId}`, `fields=${encodeURIComponent('messages{id,created_time,from,to,message,attachments}')}`);
    const found = full.body.messages.data.find((m: JsonBody) => m.id === inbound.externalId);
    expect(found).toEqual({
      id: inbound.externalId,
      created_time: expect.stringMatching(/\+0000$/),
      from: { username: expect.any(String), id: inbound.author!.externalId },
      to: { data: [{ username: IG.username, id: IG.id }] },
      message: inbound.text,
    });
  });

  it('POST /{ig-user-id}/messages (send-api-response-ig-login.json)', async () => {
    await postJson(`${sim.url}/_sim/generate`, { count: 30, network: 'instagram' });
    const recent = sim.context.world
      .truthFor('instagram')
      .filter((t) => t.kind === 'message' && !t.fromAccount)
      .pop()!;
    const res = await igPost(sim, `/${IG.id}/messages`, { recipient: { id: recent.author!.externalId }, message: { text: 'Danke für deine Nachricht!' } });
    expect(res.status).toBe(200);
    expect(shapeMismatches(igFixture('send-api-response-ig-login.json'), res.body)).toEqual([]);
    expect(res.body.message_id.startsWith('aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj')).toBe(true);
  });

  it('hide and delete answer {"success": true} (comment-hide-response.json, comment-delete-response.json)', async () => {
    const comments = truth.filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null);
    const hide = await igPost(sim, `/${comments[0].externalId}`, {}, 'hide=true');
    expect(hide.body).toEqual(igFixture('comment-hide-response.json'));
    const del = await getJson(igGetUrl(`/${comments[1].externalId}`), { method: 'DELETE' });
    expect(del.body).toEqual(igFixture('comment-delete-response.json'));
  });

  const igGetUrl = (path: string) => `${sim.origins.instagram}/v24.0${path}?access_token=${IG.accessToken}`;

  it('usage headers: X-Business-Use-Case-Usage keyed by the account with type "instagram" (headers-x-business-use-case-usage-instagram.json)', async () => {
    const res = await igGet(sim, `/${IG.id}/media`);
    const recorded = JSON.parse(igFixture('headers-x-business-use-case-usage-instagram.json')['x-business-use-case-usage']);
    const header = JSON.parse(res.headers.get('x-business-use-case-usage')!);
    expect(shapeMismatches(Object.values(recorded)[0], header[IG.id])).toEqual([]);
    expect(header[IG.id][0].type).toBe('instagram');
  });
});

describe('Instagram errors have the shape of the real API on each host', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await testSim();
    await generateInstagram(sim, 50);
  });
  afterAll(() => sim.close());
  afterEach(() => postJson(`${sim.url}/_sim/faults`, { enabled: false }));

  const fault = (network: string, kind: string, options: Record<string, unknown> = {}) =>
    postJson(`${sim.url}/_sim/faults`, { network, kind, count: 1, options });
  const pageToken = () => sim.facebook.state.tokens.list().find((t) => t.kind === 'page')!.token;

  it('(#10) IGApiException on graph.instagram.com (error-10-application-no-permission-igapiexception.json)', async () => {
    await fault('instagram', 'permission_denied');
    const res = await igGet(sim, `/${IG.id}/media`);
    expect(res.status).toBe(403);
    expect(shapeMismatches(igFixture('error-10-application-no-permission-igapiexception.json'), res.body)).toEqual([]);
    expect(res.body.error).toMatchObject({ type: 'IGApiException', code: 10 });
  });

  it('an expired token: 190 without a subcode on graph.instagram.com, 190/463 on graph.facebook.com (error-190-463-session-expired-graph-facebook.json)', async () => {
    await fault('instagram', 'token_expired');
    const ig = await igGet(sim, `/${IG.id}/media`);
    expect(ig.body.error.code).toBe(190);
    expect(ig.body.error.error_subcode).toBeUndefined();
    await fault('facebook', 'token_expired');
    const fb = await getJson(`${sim.origins.facebook}/v24.0/${IG.id}/media?access_token=${pageToken()}`);
    expect(shapeMismatches(igFixture('error-190-463-session-expired-graph-facebook.json'), fb.body)).toEqual([]);
    expect(fb.body.error.error_subcode).toBe(463);
    await fault('instagram', 'token_expired');
    expect((await getJson(`${sim.origins.facebook}/v24.0/${IG.id}/media?access_token=${pageToken()}`)).body.error.error_subcode).toBe(463);
    await fault('instagram', 'token_revoked');
    const invalidated = await getJson(`${sim.origins.facebook}/v24.0/${IG.id}/media?access_token=${pageToken()}`);
    expect(invalidated.body.error).toMatchObject({ code: 190, error_subcode: 460, type: 'OAuthException' });
    await fault('instagram', 'token_revoked');
    expect((await igGet(sim, `/${IG.id}/media`)).body.error.error_subcode).toBeUndefined();
  });

  it('an Instagram token on graph.facebook.com cannot be parsed (190), and throttling answers 4/17/32/613/80002 (error-4-application-request-limit-reached.json)', async () => {
    const wrongHost = await getJson(`${sim.origins.facebook}/v24.0/${IG.id}/media?access_token=${IG.accessToken}`);
    expect(wrongHost.body.error).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    for (const code of [4, 17, 32, 613, 80002]) {
      await fault('instagram', 'rate_limit', { code });
      const res = await igGet(sim, `/${IG.id}/media`);
      expect(res.status).toBe(403);
      expect(shapeMismatches(igFixture('error-4-application-request-limit-reached.json'), res.body)).toEqual([]);
      expect(res.body.error.code).toBe(code);
      expect(JSON.parse(res.headers.get('x-business-use-case-usage')!)[IG.id][0].estimated_time_to_regain_access).toBeGreaterThan(0);
    }
  });
});
