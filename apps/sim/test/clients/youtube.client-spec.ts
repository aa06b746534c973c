import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../../src';
import { clientSim, getJson, postJson, received, redirectOf } from './support';

const REDIRECT = 'http://127.0.0.1:3000/api/oauth/callback/youtube';
const SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';
type OAuth2 = InstanceType<typeof auth.OAuth2>;
/**
 * Outside Jest, gaxios loads node-fetch with import(), which Jest's CommonJS sandbox cannot run
 * (no --experimental-vm-modules): both clients get Node's own fetch instead. Same HTTP requests.
 */
const transport = { fetchImplementation: fetch };

/**
 * @googleapis/youtube (with google-auth-library's OAuth2 client, which it re-exports) against the
 * sim: the Data API's rootUrl and the OAuth client's endpoints are the only changes. The Google
 * client sends arrays as repeated keys (part=snippet&part=replies, id=a&id=b).
 */
describe('@googleapis/youtube against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 800, network: 'youtube' })).body.items;
  });
  afterAll(() => sim.close());
  afterEach(async () => {
    await getJson(`${sim.url}/_sim/faults`, { method: 'DELETE' });
    await postJson(`${sim.url}/_sim/youtube/quota`, { dailyUnits: 10_000, used: 0 });
  });

  const oauth = (clientAuthentication?: 'ClientSecretBasic' | 'ClientSecretPost'): OAuth2 =>
    new auth.OAuth2({
      clientId: DEMO_YOUTUBE_CLIENT.clientId,
      clientSecret: DEMO_YOUTUBE_CLIENT.clientSecret,
      redirectUri: REDIRECT,
      ...(clientAuthentication ? { clientAuthentication: clientAuthentication as never } : {}),
      transporterOptions: transport,
      endpoints: {
        oauth2AuthBaseUrl: `${sim.origins.youtube}/o/oauth2/v2/auth`,
        oauth2TokenUrl: `${sim.origins.youtube}/token`,
        oauth2RevokeUrl: `${sim.origins.youtube}/revoke`,
      },
    });
  const api = (client: OAuth2): youtube_v3.Youtube => youtube({ version: 'v3', rootUrl: `${sim.origins.youtube}/`, auth: client, ...transport });
  const demo = (): youtube_v3.Youtube => {
    const client = oauth();
    client.setCredentials({
      access_token: DEMO_YOUTUBE_CHANNEL.accessToken,
      refresh_token: DEMO_YOUTUBE_CHANNEL.refreshToken,
      expiry_date: Date.now() + 3_600_000,
    });
    return api(client);
  };

  async function consentCode(client: OAuth2): Promise<string> {
    const url = client.generateAuthUrl({ access_type: 'offline', scope: [SCOPE], state: 'st-1', prompt: 'consent' });
    expect(url.startsWith(`${sim.origins.youtube}/o/oauth2/v2/auth?`)).toBe(true);
    const back = await redirectOf(url);
    const callback = new URL(back.location!);
    expect(callback.searchParams.get('state')).toBe('st-1');
    return callback.searchParams.get('code')!;
  }

  it.each(['ClientSecretBasic', 'ClientSecretPost'] as const)(
    'connects with client authentication %s: consent, code exchange, channels.list(mine) and a refresh',
    async (method) => {
      const client = oauth(method);
      const { tokens } = await client.getToken(await consentCode(client));
      expect(tokens).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer', scope: SCOPE });
      client.setCredentials(tokens);
      const mine = await api(client).channels.list({ part: ['snippet', 'contentDetails'], mine: true });
      expect(mine.data.items?.[0]).toMatchObject({
        id: DEMO_YOUTUBE_CHANNEL.id,
        snippet: { title: DEMO_YOUTUBE_CHANNEL.title },
        contentDetails: { relatedPlaylists: { uploads: expect.any(String) } },
      });
      // An expired access token is refreshed by the client itself before the call.
      client.setCredentials({ refresh_token: tokens.refresh_token, access_token: 'stale', expiry_date: Date.now() - 1 });
      const again = await api(client).channels.list({ part: ['id'], mine: true });
      expect(again.data.items?.[0].id).toBe(DEMO_YOUTUBE_CHANNEL.id);
      expect(client.credentials.access_token).not.toBe('stale');
    },
  );

  it('refuses a wrong secret sent by HTTP Basic as Google does', async () => {
    const client = new auth.OAuth2({
      clientId: DEMO_YOUTUBE_CLIENT.clientId,
      clientSecret: 'wrong',
      redirectUri: REDIRECT,
      clientAuthentication: 'ClientSecretBasic' as never,
      transporterOptions: transport,
      endpoints: { oauth2TokenUrl: `${sim.origins.youtube}/token` },
    });
    await expect(client.getToken('whatever')).rejects.toMatchObject({ status: 401 });
  });

  it('reads what the sync reads: uploads, videos (ids repeated), comment threads page by page, replies', async () => {
    const yt = demo();
    const channel = await yt.channels.list({ part: ['contentDetails'], id: [DEMO_YOUTUBE_CHANNEL.id] });
    const uploads = channel.data.items![0].contentDetails!.relatedPlaylists!.uploads!;
    const playlist = await yt.playlistItems.list({ part: ['contentDetails'], playlistId: uploads, maxResults: 50 });
    const videoIds = playlist.data.items!.map((i) => i.contentDetails!.videoId!);
    const posts = truth.filter((t) => t.kind === 'post');
    expect(videoIds.sort()).toEqual(posts.map((p) => p.externalId).sort());
    const videos = await yt.videos.list({ part: ['snippet', 'statistics'], id: videoIds.slice(0, 3) });
    expect(videos.data.items!.map((v) => v.id).sort()).toEqual(videoIds.slice(0, 3).sort());
    expect(videos.data.items![0]).toMatchObject({
      snippet: { channelId: DEMO_YOUTUBE_CHANNEL.id, title: expect.any(String) },
      statistics: { commentCount: expect.any(String) },
    });

    const threads: youtube_v3.Schema$CommentThread[] = [];
    let pageToken: string | undefined;
    do {
      const page = await yt.commentThreads.list({
        part: ['snippet', 'replies'],
        allThreadsRelatedToChannelId: DEMO_YOUTUBE_CHANNEL.id,
        order: 'time',
        maxResults: 100,
        textFormat: 'plainText',
        pageToken,
      });
      threads.push(...page.data.items!);
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    const topLevel = truth.filter((t) => t.kind === 'comment' && t.parentExternalId === null);
    expect(threads.map((t) => t.id).sort()).toEqual(topLevel.map((t) => t.threadExternalId).sort());
    const withReplies = threads.find((t) => (t.snippet!.totalReplyCount ?? 0) > 0)!;
    const top = topLevel.find((t) => t.threadExternalId === withReplies.id)!;
    expect(withReplies.snippet!.topLevelComment!.snippet).toMatchObject({ textOriginal: top.text, authorDisplayName: top.author!.name });

    const replies = await yt.comments.list({ part: ['snippet'], parentId: withReplies.id!, maxResults: 100, textFormat: 'plainText' });
    const expected = truth.filter((t) => t.kind === 'comment' && t.threadExternalId === withReplies.id && t.parentExternalId !== null);
    expect(replies.data.items!.map((c) => c.id).sort()).toEqual(expected.map((t) => t.externalId).sort());
    expect(replies.data.items!.every((c) => c.snippet!.parentId === withReplies.id)).toBe(true);
  });

  it('replies with comments.insert and reads the reply back', async () => {
    const yt = demo();
    const top = truth.find((t) => t.kind === 'comment' && t.parentExternalId === null)!;
    const inserted = await yt.comments.insert({
      part: ['snippet'],
      requestBody: { snippet: { parentId: top.threadExternalId!, textOriginal: 'Danke fürs Zuschauen! 🎬' } },
    });
    expect(inserted.status).toBe(200);
    expect(inserted.data).toMatchObject({
      kind: 'youtube#comment',
      id: expect.any(String),
      snippet: { parentId: top.threadExternalId, textOriginal: 'Danke fürs Zuschauen! 🎬', authorChannelId: { value: DEMO_YOUTUBE_CHANNEL.id } },
    });
    const back = await yt.comments.list({ part: ['snippet'], id: [inserted.data.id!] });
    expect(back.data.items?.[0].snippet?.textOriginal).toBe('Danke fürs Zuschauen! 🎬');
    expect((await received(sim, 'youtube')).map((r) => r.text)).toContain('Danke fürs Zuschauen! 🎬');
  });

  it('starts a comment thread under a video with commentThreads.insert', async () => {
    const yt = demo();
    const video = truth.find((t) => t.kind === 'post')!;
    const thread = await yt.commentThreads.insert({
      part: ['snippet'],
      requestBody: { snippet: { videoId: video.externalId, topLevelComment: { snippet: { textOriginal: 'Neues Video! Fragen gern hier.' } } } },
    });
    expect(thread.data).toMatchObject({
      kind: 'youtube#commentThread',
      id: expect.any(String),
      snippet: {
        videoId: video.externalId,
        topLevelComment: { snippet: { textOriginal: 'Neues Video! Fragen gern hier.', authorChannelId: { value: DEMO_YOUTUBE_CHANNEL.id } } },
      },
    });
    const listed = await yt.commentThreads.list({ part: ['snippet'], videoId: video.externalId, maxResults: 100 });
    expect(listed.data.items!.map((t) => t.id)).toContain(thread.data.id);
    const noVideo = await yt.commentThreads
      .insert({ part: ['snippet'], requestBody: { snippet: { videoId: 'nope', topLevelComment: { snippet: { textOriginal: 'x' } } } } })
      .catch((e: unknown) => e);
    expect(noVideo).toMatchObject({ status: 404 });
  });

  it("moderates with comments.setModerationStatus (rejected with banAuthor, published) and deletes the channel's own comment", async () => {
    const yt = demo();
    const other = truth.find((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null)!;
    const rejected = await yt.comments.setModerationStatus({ id: [other.externalId], moderationStatus: 'rejected', banAuthor: true });
    expect(rejected.status).toBe(204);
    const published = await yt.comments.setModerationStatus({ id: [other.externalId], moderationStatus: 'published' });
    expect(published.status).toBe(204);
    const own = truth.find((t) => t.kind === 'comment' && t.fromAccount)!;
    expect((await yt.comments.delete({ id: own.externalId })).status).toBe(204);
    expect((await yt.comments.list({ part: ['id'], id: [own.externalId] })).data.items).toEqual([]);
    const moderation = (await received(sim, 'youtube')).filter(
      (r) => r.kind !== 'comment_reply' && (r.targetId === other.externalId || r.targetId === own.externalId),
    );
    expect(moderation.map((r) => r.kind)).toEqual(['comment_ban', 'comment_unhide', 'comment_delete']);
    // Others' comments are not the channel's to delete; its own are not its to moderate.
    expect(await yt.comments.delete({ id: other.externalId }).catch((e: unknown) => e)).toMatchObject({ status: 400 });
    expect(await yt.comments.setModerationStatus({ id: ['nope'], moderationStatus: 'rejected' }).catch((e: unknown) => e)).toMatchObject({ status: 404 });
  });

  it("surfaces the quota error as the client's error carrying Google's reason", async () => {
    await postJson(`${sim.url}/_sim/youtube/quota`, { dailyUnits: 10_000, used: 10_000 });
    const error = await demo()
      .commentThreads.list({ part: ['snippet'], allThreadsRelatedToChannelId: DEMO_YOUTUBE_CHANNEL.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 403 });
    const body = (error as { response: { data: { error: { errors: Array<{ reason: string }> } } } }).response.data;
    expect(body.error.errors[0].reason).toBe('quotaExceeded');
  });
});
