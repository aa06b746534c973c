import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../../src';
import { clientSim, getJson, postJson, received } from './support';

const transport = { fetchImplementation: fetch };

/**
 * The channel's own ratings and spam flags through @googleapis/youtube with only rootUrl changed:
 * videos.rate, videos.getRating, videos.list?myRating and comments.markAsSpam (deprecated by
 * YouTube: accepted, nothing visible changes).
 */
describe('@googleapis/youtube: videos.rate, getRating and comments.markAsSpam against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'youtube' })).body.items;
    const client = new auth.OAuth2({ clientId: DEMO_YOUTUBE_CLIENT.clientId, clientSecret: DEMO_YOUTUBE_CLIENT.clientSecret, transporterOptions: transport });
    client.setCredentials({ access_token: DEMO_YOUTUBE_CHANNEL.accessToken, expiry_date: Date.now() + 3_600_000 });
    yt = youtube({ version: 'v3', rootUrl: `${sim.origins.youtube}/`, auth: client, ...transport });
  });
  afterAll(() => sim.close());

  const videos = () => truth.filter((t) => t.kind === 'post').map((t) => t.externalId);
  const likes = async (id: string) => Number((await yt.videos.list({ part: ['statistics'], id: [id] })).data.items![0].statistics!.likeCount);

  it('rates videos (like counts, none takes it back) and reads the ratings back, unknown ids left out', async () => {
    const [a, b, c] = videos();
    const before = await likes(a);
    const rated = await yt.videos.rate({ id: a, rating: 'like' });
    expect(rated.status).toBe(204);
    await yt.videos.rate({ id: b, rating: 'dislike' });
    expect(await likes(a)).toBe(before + 1);
    await yt.videos.rate({ id: a, rating: 'like' });
    expect(await likes(a)).toBe(before + 1);
    const ratings = await yt.videos.getRating({ id: [a, b, c, 'noSuchVideo'] });
    expect(ratings.data).toMatchObject({ kind: 'youtube#videoGetRatingResponse', etag: expect.any(String) });
    expect(ratings.data.items).toEqual([
      { videoId: a, rating: 'like' },
      { videoId: b, rating: 'dislike' },
      { videoId: c, rating: 'none' },
    ]);
    const liked = await yt.videos.list({ part: ['id'], myRating: 'like' });
    expect(liked.data.items!.map((v) => v.id)).toEqual([a]);
    await yt.videos.rate({ id: a, rating: 'none' });
    expect(await likes(a)).toBe(before);
    expect((await yt.videos.getRating({ id: [a] })).data.items).toEqual([{ videoId: a, rating: 'none' }]);
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'video_rate').map((r) => [r.targetId, r.text])).toEqual([
      [a, 'like'],
      [b, 'dislike'],
      [a, 'like'],
      [a, 'none'],
    ]);
  });

  it('refuses an unknown rating and an unknown video with Google errors, changing nothing', async () => {
    const [a] = videos();
    const badRating = await yt.videos.rate({ id: a, rating: 'love' }).catch((e: unknown) => e);
    expect(badRating).toMatchObject({ status: 400, response: { data: { error: { errors: [{ reason: 'invalidRating' }] } } } });
    const missing = await yt.videos.rate({ id: 'noSuchVideo', rating: 'like' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, response: { data: { error: { errors: [{ reason: 'videoNotFound' }] } } } });
    expect((await yt.videos.getRating({ id: [a] })).data.items).toEqual([{ videoId: a, rating: 'none' }]);
  });

  it('accepts comments.markAsSpam for known comments (recorded, the comments unchanged) and refuses unknown ids', async () => {
    const [x, y] = truth.filter((t) => t.kind === 'comment' && !t.fromAccount);
    const flagged = await yt.comments.markAsSpam({ id: [x.externalId, y.externalId] });
    expect(flagged.status).toBe(204);
    const after = await yt.comments.list({ part: ['snippet'], id: [x.externalId], textFormat: 'plainText' });
    expect(after.data.items![0].snippet).toMatchObject({ textOriginal: x.text });
    expect(after.data.items![0].snippet!.moderationStatus).toBeUndefined();
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'comment_spam').map((r) => r.targetId)).toEqual([x.externalId, y.externalId]);
    const unknown = await yt.comments.markAsSpam({ id: ['UgNoSuchComment'] }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404 });
    // Without a token the call is refused (401 required), as every write.
    const anonymous = await getJson(`${sim.origins.youtube}/youtube/v3/comments/markAsSpam?id=${x.externalId}`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });
});
