import { DEMO_ACCOUNTS, DEMO_FACEBOOK_PAGE, DEMO_YOUTUBE_CHANNEL, type RunningSim, type TruthItem } from '../src';
import { getJson, postJson, testSim } from './support';

const xToken = DEMO_ACCOUNTS.find((a) => a.network === 'x')!.credentials.accessToken;

/**
 * Array parameters as clients send them: Google's client repeats the key (`part=a&part=b`),
 * most others join with commas; the sim reads both, and both at once, the same way.
 */
describe('array query parameters: repeated keys and comma lists', () => {
  let sim: RunningSim;
  let truth: TruthItem[];

  beforeAll(async () => {
    sim = await testSim();
    truth = [];
    for (const network of ['youtube', 'x', 'facebook']) truth.push(...(await postJson(`${sim.url}/_sim/generate`, { count: 300, network })).body.items);
  });
  afterAll(() => sim.close());

  it('YouTube: part and id repeated give what the comma list gives', async () => {
    const yt = (path: string) =>
      getJson(`${sim.origins.youtube}/youtube/v3/${path}`, { headers: { authorization: `Bearer ${DEMO_YOUTUBE_CHANNEL.accessToken}` } });
    const threads = truth
      .filter((t) => t.network === 'youtube' && t.kind === 'comment' && t.parentExternalId === null)
      .slice(0, 2)
      .map((t) => t.threadExternalId!);
    const comma = await yt(`commentThreads?part=snippet,replies&id=${threads.join(',')}`);
    const repeated = await yt(`commentThreads?part=snippet&part=replies&id=${threads[0]}&id=${threads[1]}`);
    const mixed = await yt(`commentThreads?part=snippet,replies&id=${threads[0]}&id=${threads[1]}`);
    expect(comma.status).toBe(200);
    expect(comma.body.items.map((t: { id: string }) => t.id).sort()).toEqual([...threads].sort());
    expect(repeated.body.items).toEqual(comma.body.items);
    expect(mixed.body.items).toEqual(comma.body.items);
    expect(repeated.body.items[0].snippet).toBeDefined();
    const channels = await yt(`channels?part=id&part=contentDetails&id=nope&id=${DEMO_YOUTUBE_CHANNEL.id}`);
    expect(channels.body.items).toEqual([expect.objectContaining({ id: DEMO_YOUTUBE_CHANNEL.id, contentDetails: expect.any(Object) })]);
  });

  it('X: tweet.fields, user.fields and expansions repeated give what the comma list gives', async () => {
    const mention = truth.find((t) => t.network === 'x' && t.kind === 'comment' && !t.fromAccount)!;
    const x = (query: string) => getJson(`${sim.origins.x}/2/tweets/${mention.externalId}?${query}`, { headers: { authorization: `Bearer ${xToken}` } });
    const comma = await x('tweet.fields=created_at,author_id&expansions=author_id&user.fields=username,name');
    const repeated = await x('tweet.fields=created_at&tweet.fields=author_id&expansions=author_id&user.fields=username&user.fields=name');
    expect(comma.status).toBe(200);
    expect(comma.body.data).toMatchObject({ created_at: expect.any(String), author_id: mention.author!.externalId });
    expect(comma.body.includes.users[0]).toMatchObject({ username: expect.any(String) });
    expect(repeated.body).toEqual(comma.body);
  });

  it('Facebook: fields repeated give what the comma list gives', async () => {
    const graph = (query: string) =>
      getJson(`${sim.origins.facebook}/v24.0/${DEMO_FACEBOOK_PAGE.id}?${query}&access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`);
    const comma = await graph('fields=id,name');
    expect(comma.body).toEqual({ id: DEMO_FACEBOOK_PAGE.id, name: DEMO_FACEBOOK_PAGE.name });
    expect((await graph('fields=id&fields=name')).body).toEqual(comma.body);
  });
});
