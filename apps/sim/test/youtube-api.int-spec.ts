import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, getJson, postJson, shapeMismatches, testSim } from './support';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'youtube', name), 'utf8'));
const auth = { authorization: `Bearer ${DEMO_YOUTUBE_CHANNEL.accessToken}` };
const form = (url: string, body: Record<string, string>) =>
  getJson(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

/**
 * The sim's YouTube: bodies shaped like the real payloads in test/fixtures/youtube, paging,
 * Google OAuth, the daily unit quota and Google's error bodies.
 */
describe('YouTube Data API v3 in the sim', () => {
  let sim: RunningSim;
  let api: string;
  let truth: TruthItem[];
  const channel = DEMO_YOUTUBE_CHANNEL.id;
  const get = (path: string, headers: Record<string, string> = auth) => getJson(`${api}/${path}`, { headers });

  beforeAll(async () => {
    sim = await testSim();
    api = `${sim.url}/youtube/youtube/v3`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 1500, network: 'youtube' })).body.items;
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await getJson(`${sim.url}/_sim/faults`, { method: 'DELETE' });
    await postJson(`${sim.url}/_sim/youtube/quota`, { dailyUnits: 10_000, used: 0 });
  });

  it('commentThreads.list?allThreadsRelatedToChannelId has the shape of the real response; pages cover every thread once, newest first', async () => {
    const first = await get(`commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=${channel}&order=time&maxResults=100&textFormat=plainText`);
    expect(first.status).toBe(200);
    // Threads on a video against the fixture's first item; threads on the channel (no videoId) against its third.
    const real = fixture('commentthreads-all-related-to-channel.json') as { items: unknown[] };
    const onVideo = first.body.items.filter((t: JsonBody) => t.snippet.videoId);
    const onChannel = first.body.items.filter((t: JsonBody) => !t.snippet.videoId);
    expect(onChannel.length).toBeGreaterThan(0);
    expect(shapeMismatches(real, { ...first.body, items: onVideo })).toEqual([]);
    expect(shapeMismatches({ items: [real.items[2]] }, { items: onChannel })).toEqual([]);
    const ids: string[] = [];
    let body = first.body;
    let pages = 1;
    for (;;) {
      ids.push(...body.items.map((t: { id: string }) => t.id));
      if (!body.nextPageToken) break;
      body = (await get(`commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=${channel}&maxResults=100&pageToken=${body.nextPageToken}`)).body;
      pages += 1;
    }
    const threads = truth.filter((t) => t.kind === 'comment' && t.parentExternalId === null);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(threads.map((t) => t.externalId)));
    // Newest first; channel-level threads (no videoId) are among them.
    const times = first.body.items.map((t: JsonBody) => Date.parse(t.snippet.topLevelComment.snippet.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(threads.some((t) => t.postExternalId === null)).toBe(true);
    expect(first.body.items.some((t: JsonBody) => t.snippet.videoId === undefined)).toBe(true);
  });

  it('embeds up to five replies; comments.list?parentId pages through all of them (youtube#comment shape of the insert fixture)', async () => {
    const replyCounts = new Map<string, number>();
    for (const t of truth) if (t.kind === 'comment' && t.parentExternalId) replyCounts.set(t.parentExternalId, (replyCounts.get(t.parentExternalId) ?? 0) + 1);
    const [busiest, count] = [...replyCounts.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(count).toBeGreaterThan(5);
    const thread = (await get(`commentThreads?part=snippet,replies&id=${busiest}`)).body.items[0];
    expect(thread.snippet.totalReplyCount).toBe(count);
    expect(thread.replies.comments).toHaveLength(5);
    const ids: string[] = [];
    let token = '';
    for (;;) {
      const res = await get(`comments?part=snippet&parentId=${busiest}&maxResults=2${token ? `&pageToken=${token}` : ''}`);
      expect(res.status).toBe(200);
      for (const c of res.body.items) expect(shapeMismatches(fixture('comment-insert-reply-response.json'), c)).toEqual([]);
      ids.push(...res.body.items.map((c: { id: string }) => c.id));
      token = res.body.nextPageToken;
      if (!token) break;
    }
    expect(ids).toEqual(truth.filter((t) => t.parentExternalId === busiest).map((t) => t.externalId));
  });

  it('comments.insert replies as the channel under the top-level comment, costs 50 units, and is recorded', async () => {
    const top = truth.find((t) => t.kind === 'comment' && t.parentExternalId === null)!;
    const before = (await getJson(`${sim.url}/_sim/youtube/quota`)).body.used;
    const res = await getJson(`${api}/comments?part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { parentId: top.externalId, textOriginal: 'Danke für die Frage!' } }),
    });
    expect(res.status).toBe(200);
    expect(shapeMismatches(fixture('comment-insert-reply-response.json'), res.body)).toEqual([]);
    expect(res.body.snippet).toMatchObject({ parentId: top.externalId, textOriginal: 'Danke für die Frage!', authorChannelId: { value: channel } });
    expect(res.body.id.startsWith(`${top.externalId}.`)).toBe(true);
    expect((await getJson(`${sim.url}/_sim/youtube/quota`)).body.used).toBe(before + 50);
    const received = (await getJson(`${sim.url}/_sim/received?network=youtube`)).body.items;
    expect(received).toEqual([
      expect.objectContaining({ kind: 'comment_reply', targetId: top.externalId, externalId: res.body.id, text: 'Danke für die Frage!' }),
    ]);
  });

  it('videos.list with snippet and statistics (string counters); the uploads playlist lists every video, newest first', async () => {
    const videos = truth.filter((t) => t.kind === 'post');
    const ch = (await get(`channels?part=contentDetails,snippet&mine=true`)).body.items[0];
    expect(ch.id).toBe(channel);
    const uploads = ch.contentDetails.relatedPlaylists.uploads;
    const listed: string[] = [];
    let token = '';
    for (;;) {
      const res = await get(`playlistItems?part=contentDetails&playlistId=${uploads}&maxResults=50${token ? `&pageToken=${token}` : ''}`);
      listed.push(...res.body.items.map((i: JsonBody) => i.contentDetails.videoId));
      token = res.body.nextPageToken;
      if (!token) break;
    }
    expect(listed).toEqual(videos.map((v) => v.externalId).reverse());
    const res = await get(`videos?part=snippet,statistics&id=${listed.slice(0, 3).join(',')}`);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items[0].statistics).toEqual({
      viewCount: expect.stringMatching(/^\d+$/),
      likeCount: expect.stringMatching(/^\d+$/),
      favoriteCount: '0',
      commentCount: expect.stringMatching(/^\d+$/),
    });
    expect(res.body.items[0].snippet.channelId).toBe(channel);
  });

  it('charges the daily quota (list 1; search.list from its own bucket of calls) and answers the real 403 quotaExceeded body when it is spent', async () => {
    await postJson(`${sim.url}/_sim/youtube/quota`, { dailyUnits: 50, used: 0 });
    expect((await get(`search?part=snippet&forMine=true&type=video`)).status).toBe(200);
    expect((await getJson(`${sim.url}/_sim/youtube/quota`)).body).toMatchObject({ used: 0, buckets: { search: { daily: 100, used: 1 } } });
    for (let i = 0; i < 50; i++) expect((await get(`videos?part=snippet&id=x`)).status).toBe(200);
    const spent = await get(`commentThreads?part=snippet&allThreadsRelatedToChannelId=${channel}`);
    expect(spent.status).toBe(403);
    expect(spent.body).toEqual(fixture('error-403-quota-exceeded.json'));
    const q = (await getJson(`${sim.url}/_sim/youtube/quota`)).body;
    expect(q.used).toBe(50);
    // Midnight Pacific: 08:00 UTC in winter, 07:00 UTC in summer.
    expect(q.resetsAt).toMatch(/T0[78]:00:00\.000Z$/);
  });

  it('answers bad requests with Google error bodies, never a bare 500', async () => {
    const e = (res: { body: JsonBody }) => res.body.error.errors[0].reason;
    expect(e(await get(`commentThreads?allThreadsRelatedToChannelId=${channel}`))).toBe('required');
    expect(e(await get(`commentThreads?part=snippet&allThreadsRelatedToChannelId=${channel}&pageToken=garbage`))).toBe('invalidPageToken');
    expect(e(await get(`commentThreads?part=snippet&videoId=nope`))).toBe('videoNotFound');
    expect(e(await get(`comments?part=snippet&parentId=nope`))).toBe('commentNotFound');
    expect(e(await get(`commentThreads?part=bogus&allThreadsRelatedToChannelId=${channel}`))).toBe('unknownPart');
    const unauth = await get(`commentThreads?part=snippet&allThreadsRelatedToChannelId=${channel}`, {});
    expect([unauth.status, e(unauth), unauth.body.error.status]).toEqual([401, 'required', 'UNAUTHENTICATED']);
    const bad = await get(`commentThreads?part=snippet&allThreadsRelatedToChannelId=${channel}`, { authorization: 'Bearer ya29.unknown' });
    expect([bad.status, e(bad)]).toEqual([401, 'authError']);
    const insert = (body: string) =>
      getJson(`${api}/comments?part=snippet`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    expect(e(await insert('{"snippet":{"parentId":"nope","textOriginal":"x"}}'))).toBe('commentNotFound');
    expect(e(await insert(`{"snippet":{"parentId":"${truth.find((t) => t.kind === 'comment')!.threadExternalId}"}}`))).toBe('commentTextRequired');
    expect(e(await insert('{not json'))).toBe('parseError');
    expect((await get('nothing')).body.error.status).toBe('NOT_FOUND');
  });

  it('faults in Google shapes: rate-limit storm (403 rateLimitExceeded, 429 with Retry-After), 5xx backendError, expired tokens', async () => {
    const path = `commentThreads?part=snippet&allThreadsRelatedToChannelId=${channel}`;
    await postJson(`${sim.url}/_sim/faults`, { network: 'youtube', kind: 'rate_limit', count: 1 });
    const storm = await get(path);
    expect([storm.status, storm.body.error.errors[0].reason, storm.body.error.errors[0].domain]).toEqual([403, 'rateLimitExceeded', 'usageLimits']);
    await postJson(`${sim.url}/_sim/faults`, { network: 'youtube', kind: 'rate_limit', count: 1, options: { code: 429 } });
    const tooMany = await get(path);
    expect([tooMany.status, tooMany.headers.get('retry-after'), tooMany.body.error.status]).toEqual([429, '30', 'RESOURCE_EXHAUSTED']);
    await postJson(`${sim.url}/_sim/faults`, { network: 'youtube', kind: 'server_error', count: 1 });
    expect((await get(path)).body.error.errors[0].reason).toBe('backendError');
    await postJson(`${sim.url}/_sim/faults`, { network: 'youtube', kind: 'token_expired', count: 1 });
    expect((await get(path)).status).toBe(401);
    expect((await get(path)).status).toBe(200);
  });

  it('Google OAuth: consent with access_type=offline → code → access + refresh token; refresh; revoke ends the grant', async () => {
    const redirectUri = 'http://localhost:3000/api/oauth/callback/youtube';
    const consent = await fetch(
      `${sim.url}/youtube/o/oauth2/v2/auth?client_id=${DEMO_YOUTUBE_CLIENT.clientId}&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code&scope=${encodeURIComponent('https://www.googleapis.com/auth/youtube.force-ssl')}&access_type=offline&state=s1`,
      { redirect: 'manual' },
    );
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s1');
    const code = back.searchParams.get('code')!;
    const client = { client_id: DEMO_YOUTUBE_CLIENT.clientId, client_secret: DEMO_YOUTUBE_CLIENT.clientSecret };
    const tokens = await form(`${sim.url}/youtube/token`, { ...client, grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    expect(tokens.body).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3599,
      refresh_token: expect.stringMatching(/^1\/\//),
      scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
      token_type: 'Bearer',
    });
    expect((await form(`${sim.url}/youtube/token`, { ...client, grant_type: 'authorization_code', code, redirect_uri: redirectUri })).body.error).toBe(
      'invalid_grant',
    );
    const mine = await get('channels?part=snippet&mine=true', { authorization: `Bearer ${tokens.body.access_token}` });
    expect(mine.body.items[0]).toMatchObject({ id: channel, snippet: { title: DEMO_YOUTUBE_CHANNEL.title } });
    const refreshed = await form(`${sim.url}/youtube/token`, { ...client, grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token });
    expect(refreshed.body.access_token).toMatch(/^ya29\./);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(
      (
        await form(`${sim.url}/youtube/token`, {
          client_id: client.client_id,
          client_secret: 'wrong',
          grant_type: 'refresh_token',
          refresh_token: tokens.body.refresh_token,
        })
      ).status,
    ).toBe(401);
    expect((await form(`${sim.url}/youtube/revoke`, { token: tokens.body.refresh_token })).status).toBe(200);
    expect((await form(`${sim.url}/youtube/token`, { ...client, grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token })).body).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
    expect((await get('channels?part=snippet&mine=true', { authorization: `Bearer ${refreshed.body.access_token}` })).status).toBe(401);
  });

  it('the quota resets at midnight Pacific on the sim clock', async () => {
    await postJson(`${sim.url}/_sim/youtube/quota`, { dailyUnits: 10, used: 10 });
    const path = `videos?part=snippet&id=x`;
    expect((await get(path)).body.error.errors[0].reason).toBe('quotaExceeded');
    const { resetsAt } = (await getJson(`${sim.url}/_sim/youtube/quota`)).body;
    const now = Date.parse((await getJson(`${sim.url}/_sim/clock`)).body.now);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: Date.parse(resetsAt) - now + 1_000 });
    expect((await get(path)).status).toBe(200);
    expect((await getJson(`${sim.url}/_sim/youtube/quota`)).body).toMatchObject({ used: 1 });
  });
});
