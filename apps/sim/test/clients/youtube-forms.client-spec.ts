import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const transport = { fetchImplementation: fetch };
type OAuth2 = InstanceType<typeof auth.OAuth2>;

/**
 * @googleapis/youtube forms around the product's calls, with only rootUrl and the OAuth client's
 * endpoints changed (see youtube.client-spec.ts): lookups of several ids at once (repeated keys),
 * comments.update, threads by moderation status and relevance, tokeninfo and revoke.
 */
describe('@googleapis/youtube: more forms against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'youtube' })).body.items;
  });
  afterAll(() => sim.close());

  const oauth = (): OAuth2 =>
    new auth.OAuth2({
      clientId: DEMO_YOUTUBE_CLIENT.clientId,
      clientSecret: DEMO_YOUTUBE_CLIENT.clientSecret,
      transporterOptions: transport,
      endpoints: {
        oauth2TokenUrl: `${sim.origins.youtube}/token`,
        oauth2RevokeUrl: `${sim.origins.youtube}/revoke`,
        tokenInfoUrl: `${sim.origins.youtube}/tokeninfo`,
      },
    });
  const demo = (): { yt: youtube_v3.Youtube; client: OAuth2 } => {
    const client = oauth();
    client.setCredentials({
      access_token: DEMO_YOUTUBE_CHANNEL.accessToken,
      refresh_token: DEMO_YOUTUBE_CHANNEL.refreshToken,
      expiry_date: Date.now() + 3_600_000,
    });
    return { yt: youtube({ version: 'v3', rootUrl: `${sim.origins.youtube}/`, auth: client, ...transport }), client };
  };
  const topLevel = () => truth.filter((t) => t.kind === 'comment' && t.parentExternalId === null);

  it('looks several comments and threads up by id at once (id=a&id=b)', async () => {
    const { yt } = demo();
    const [a, b] = topLevel();
    const comments = await yt.comments.list({ part: ['snippet', 'id'], id: [a.externalId, b.externalId], textFormat: 'plainText' });
    expect(comments.data.items!.map((c) => [c.id, c.snippet!.textDisplay])).toEqual([
      [a.externalId, a.text],
      [b.externalId, b.text],
    ]);
    const threads = await yt.commentThreads.list({ part: ['snippet', 'replies'], id: [a.threadExternalId!, b.threadExternalId!] });
    expect(threads.data.items!.map((t) => t.id).sort()).toEqual([a.threadExternalId, b.threadExternalId].sort());
  });

  it('reads a video with every documented part (those the sim models returned, the rest omitted) and the channel by handle', async () => {
    const { yt } = demo();
    const video = truth.find((t) => t.kind === 'post')!;
    const all = ['contentDetails', 'fileDetails', 'id', 'liveStreamingDetails', 'localizations', 'paidProductPlacementDetails', 'player'];
    const more = ['processingDetails', 'recordingDetails', 'snippet', 'statistics', 'status', 'suggestions', 'topicDetails'];
    const videos = await yt.videos.list({ part: [...all, ...more], id: [video.externalId] });
    expect(videos.data.items![0]).toMatchObject({ id: video.externalId, snippet: { channelId: DEMO_YOUTUBE_CHANNEL.id }, statistics: expect.any(Object) });
    const bad = await yt.videos.list({ part: ['nonsense'], id: [video.externalId] }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400 });
    const byHandle = await yt.channels.list({ part: ['id', 'snippet', 'brandingSettings'], forHandle: DEMO_YOUTUBE_CHANNEL.customUrl.toUpperCase() });
    expect(byHandle.data.items?.map((c) => c.id)).toEqual([DEMO_YOUTUBE_CHANNEL.id]);
    const nobody = await yt.channels.list({ part: ['id'], forHandle: '@nobody-here' });
    expect(nobody.data.items ?? []).toEqual([]);
  });

  it('finds comment threads by searchTerms', async () => {
    const { yt } = demo();
    const top = topLevel()[0];
    const word = top.text.split(/\s+/).find((w) => /^[\p{L}]{5,}$/u.test(w))!;
    const found = await yt.commentThreads.list({
      part: ['snippet', 'replies'],
      allThreadsRelatedToChannelId: DEMO_YOUTUBE_CHANNEL.id,
      searchTerms: word,
      maxResults: 100,
    });
    expect(found.data.items!.map((t) => t.id)).toContain(top.threadExternalId);
    const texts = (t: youtube_v3.Schema$CommentThread) => [
      t.snippet!.topLevelComment!.snippet!.textOriginal,
      ...(t.replies?.comments ?? []).map((c) => c.snippet!.textOriginal),
    ];
    expect(found.data.items!.every((t) => texts(t).some((x) => x!.toLowerCase().includes(word.toLowerCase())))).toBe(true);
    expect(found.data.items!.length).toBeLessThan(topLevel().length);
  });

  it("edits the channel's own reply with comments.update, and is refused another author's comment", async () => {
    const { yt } = demo();
    const top = topLevel().find((t) => !t.fromAccount)!;
    const reply = await yt.comments.insert({ part: ['snippet'], requestBody: { snippet: { parentId: top.externalId, textOriginal: 'Erste Fassung' } } });
    const updated = await yt.comments.update({ part: ['snippet'], requestBody: { id: reply.data.id!, snippet: { textOriginal: 'Zweite Fassung' } } });
    expect(updated.data).toMatchObject({ id: reply.data.id, snippet: { textOriginal: 'Zweite Fassung', publishedAt: reply.data.snippet!.publishedAt } });
    const back = await yt.comments.list({ part: ['snippet'], id: [reply.data.id!] });
    expect(back.data.items![0].snippet!.textOriginal).toBe('Zweite Fassung');
    const foreign = await yt.comments
      .update({ part: ['snippet'], requestBody: { id: top.externalId, snippet: { textOriginal: 'nicht meins' } } })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ status: 403 });
  });

  it('lists threads held for review by moderationStatus (hidden from the default published list) and by relevance', async () => {
    const { yt } = demo();
    const channelId = DEMO_YOUTUBE_CHANNEL.id;
    const held = topLevel().find((t) => t.postExternalId !== null)!;
    await yt.comments.setModerationStatus({ id: [held.externalId], moderationStatus: 'heldForReview' });
    const review = await yt.commentThreads.list({ part: ['snippet'], allThreadsRelatedToChannelId: channelId, moderationStatus: 'heldForReview' });
    expect(review.data.items!.map((t) => t.id)).toEqual([held.threadExternalId]);
    expect(review.data.items![0].snippet!.topLevelComment!.snippet!.moderationStatus).toBe('heldForReview');
    const published = await yt.commentThreads.list({ part: ['id'], videoId: held.postExternalId!, maxResults: 100 });
    expect(published.data.items!.map((t) => t.id)).not.toContain(held.threadExternalId);
    const spam = await yt.commentThreads.list({ part: ['id'], allThreadsRelatedToChannelId: channelId, moderationStatus: 'likelySpam' });
    expect(spam.data.items).toEqual([]);
    await yt.comments.setModerationStatus({ id: [held.externalId], moderationStatus: 'published' });
    const back = await yt.commentThreads.list({ part: ['id'], videoId: held.postExternalId!, maxResults: 100 });
    expect(back.data.items!.map((t) => t.id)).toContain(held.threadExternalId);

    const relevant = await yt.commentThreads.list({ part: ['snippet'], videoId: held.postExternalId!, order: 'relevance', maxResults: 100 });
    const weights = relevant.data.items!.map((t) => (t.snippet!.topLevelComment!.snippet!.likeCount ?? 0) + (t.snippet!.totalReplyCount ?? 0));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const refused = await yt.commentThreads.list({ part: ['id'], id: [held.threadExternalId!], moderationStatus: 'published' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ status: 400 });
  });

  it('reads token info and revokes a token, after which calls are refused', async () => {
    const client = oauth();
    // With only a refresh token, the client refreshes before it answers an access token.
    client.setCredentials({ refresh_token: DEMO_YOUTUBE_CHANNEL.refreshToken });
    const { token: accessToken } = await client.getAccessToken();
    const tokens = { access_token: accessToken };
    const info = await client.getTokenInfo(tokens.access_token!);
    expect(info).toMatchObject({ aud: DEMO_YOUTUBE_CLIENT.clientId, scopes: expect.arrayContaining(['https://www.googleapis.com/auth/youtube.force-ssl']) });
    expect(info.expiry_date).toBeGreaterThan(Date.now());
    await client.revokeToken(tokens.access_token!);
    await expect(client.getTokenInfo(tokens.access_token!)).rejects.toMatchObject({ status: 400 });
  });
});
