import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const transport = { fetchImplementation: fetch };
const UPLOADS = `UU${DEMO_YOUTUBE_CHANNEL.id.slice(2)}`;

/**
 * The documented list parameters of the routes the sim serves, through @googleapis/youtube with
 * only rootUrl changed: maxResults bounds, textFormat, playlistItems by
 * id and videoId, search's q, order, publishedAfter and type, videos.list chart=mostPopular and
 * the paging of myRating, channels.list status and hl.
 */
describe('@googleapis/youtube: documented list parameters against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'youtube' })).body.items;
    const client = new auth.OAuth2({ clientId: DEMO_YOUTUBE_CLIENT.clientId, clientSecret: DEMO_YOUTUBE_CLIENT.clientSecret, transporterOptions: transport });
    client.setCredentials({ access_token: DEMO_YOUTUBE_CHANNEL.accessToken, expiry_date: Date.now() + 3_600_000 });
    yt = youtube({ version: 'v3', rootUrl: `${sim.origins.youtube}/`, auth: client, ...transport });
  });
  afterAll(() => sim.close());

  const reason = (e: unknown) => (e as { response: { data: { error: { errors: Array<{ reason: string }> } } } }).response.data.error.errors[0].reason;
  const posts = () => truth.filter((t) => t.kind === 'post');

  it('keeps maxResults within the documented range per route and ignores maxResults with id', async () => {
    const channel = DEMO_YOUTUBE_CHANNEL.id;
    for (const bad of [0, 101]) {
      const e = await yt.commentThreads.list({ part: ['id'], allThreadsRelatedToChannelId: channel, maxResults: bad }).catch((x: unknown) => x);
      expect(reason(e)).toBe('invalidParameter');
    }
    const none = await yt.playlistItems.list({ part: ['id'], playlistId: UPLOADS, maxResults: 0 });
    expect(none.data.items).toEqual([]);
    expect(none.data.pageInfo!.totalResults).toBe(posts().length);
    const top = truth.find((t) => t.kind === 'comment' && t.parentExternalId === null)!;
    // Documented as not supported with id: ignored, as the product sends maxResults with ids.
    const withId = await yt.comments.list({ part: ['id'], id: [top.externalId], maxResults: 5 });
    expect(withId.data.items!.map((c) => c.id)).toEqual([top.externalId]);
    const twoFilters = await yt.commentThreads
      .list({ part: ['id'], allThreadsRelatedToChannelId: channel, videoId: posts()[0].externalId })
      .catch((x: unknown) => x);
    expect(reason(twoFilters)).toBe('incompatibleParameters');
    const format = await yt.comments.list({ part: ['snippet'], id: [top.externalId], textFormat: 'markdown' }).catch((x: unknown) => x);
    expect(reason(format)).toBe('invalidParameter');
  });

  it('lists playlist items by id and by videoId', async () => {
    const page = await yt.playlistItems.list({ part: ['id', 'contentDetails', 'status'], playlistId: UPLOADS, maxResults: 3 });
    const [a, b] = page.data.items!;
    expect(a.status!.privacyStatus).toBe('public');
    const byId = await yt.playlistItems.list({ part: ['contentDetails'], id: [a.id!, b.id!] });
    expect(byId.data.items!.map((i) => i.contentDetails!.videoId)).toEqual([a.contentDetails!.videoId, b.contentDetails!.videoId]);
    const byVideo = await yt.playlistItems.list({ part: ['snippet'], playlistId: UPLOADS, videoId: b.contentDetails!.videoId! });
    expect(byVideo.data.items!.map((i) => i.snippet!.resourceId!.videoId)).toEqual([b.contentDetails!.videoId]);
    expect(byVideo.data.items![0].snippet!.position).toBe(1);
  });

  it('searches the channel by q (with - and |), publishedAfter, order and type', async () => {
    const [first, second] = posts();
    const word = (t: TruthItem) => t.text.split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w))!;
    const found = await yt.search.list({ part: ['snippet'], forMine: true, type: ['video'], q: word(first), maxResults: 50 });
    expect(found.data.items!.map((i) => i.id!.videoId)).toContain(first.externalId);
    expect(found.data.items!.every((i) => `${i.snippet!.title} ${i.snippet!.description}`.toLowerCase().includes(word(first).toLowerCase()))).toBe(true);
    const not = await yt.search.list({ part: ['id'], forMine: true, type: ['video'], q: `-${word(first)}`, maxResults: 50 });
    expect(not.data.items!.map((i) => i.id!.videoId)).not.toContain(first.externalId);
    const either = await yt.search.list({ part: ['id'], forMine: true, type: ['video'], q: `${word(first)}|${word(second)}`, maxResults: 50 });
    expect(either.data.items!.map((i) => i.id!.videoId)).toEqual(expect.arrayContaining([first.externalId, second.externalId]));
    const after = await yt.search.list({
      part: ['snippet'],
      channelId: DEMO_YOUTUBE_CHANNEL.id,
      publishedAfter: second.createdAt,
      order: 'date',
      maxResults: 50,
    });
    const times = after.data.items!.map((i) => i.snippet!.publishedAt!);
    expect(times.every((t) => t >= second.createdAt.replace('.000Z', 'Z'))).toBe(true);
    expect(times).toEqual([...times].sort().reverse());
    const byTitle = await yt.search.list({ part: ['snippet'], forMine: true, type: ['video'], order: 'title', maxResults: 50 });
    const titles = byTitle.data.items!.map((i) => i.snippet!.title!);
    expect(titles).toEqual([...titles].sort((x, y) => x.localeCompare(y)));
    const noType = await yt.search.list({ part: ['id'], forMine: true }).catch((x: unknown) => x);
    expect(reason(noType)).toBe('invalidSearchFilter');
  });

  it('lists videos by chart=mostPopular (by views, paged) and pages the rated ones', async () => {
    const popular = await yt.videos.list({ part: ['statistics'], chart: 'mostPopular', maxResults: 2 });
    const views = popular.data.items!.map((v) => Number(v.statistics!.viewCount));
    expect(views).toEqual([...views].sort((x, y) => y - x));
    expect(popular.data.nextPageToken).toEqual(expect.any(String));
    const next = await yt.videos.list({ part: ['id'], chart: 'mostPopular', maxResults: 2, pageToken: popular.data.nextPageToken! });
    expect(next.data.items!.map((v) => v.id)).not.toContain(popular.data.items![0].id);
    for (const p of posts().slice(0, 3)) await yt.videos.rate({ id: p.externalId, rating: 'like' });
    const liked = await yt.videos.list({ part: ['id'], myRating: 'like', maxResults: 2 });
    expect(liked.data.items).toHaveLength(2);
    expect(liked.data.pageInfo!.totalResults).toBe(3);
    const rest = await yt.videos.list({ part: ['id'], myRating: 'like', maxResults: 2, pageToken: liked.data.nextPageToken! });
    expect(rest.data.items).toHaveLength(1);
  });

  it('reads the channel with status and hl', async () => {
    const res = await yt.channels.list({ part: ['snippet', 'status'], mine: true, hl: 'de' });
    expect(res.data.items![0]).toMatchObject({
      snippet: { localized: { title: DEMO_YOUTUBE_CHANNEL.title }, thumbnails: { default: { width: 88 } } },
      status: { privacyStatus: 'public', isLinked: true },
    });
  });
});
