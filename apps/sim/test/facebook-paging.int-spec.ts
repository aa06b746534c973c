import { DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, getJson, postJson, testSim } from './support';

/** Walk every page by following paging.next; nothing may be missing or doubled. */
async function walk(url: string): Promise<JsonBody[]> {
  const items: JsonBody[] = [];
  let next: string | undefined = url;
  for (let guard = 0; next && guard < 1000; guard++) {
    const res = await getJson(next);
    expect(res.status).toBe(200);
    items.push(...res.body.data);
    next = res.body.paging?.next;
  }
  return items;
}

describe('Facebook paging', () => {
  let sim: RunningSim;
  let graph: string;
  let truth: TruthItem[];
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
  const page = DEMO_FACEBOOK_PAGE.id;

  beforeAll(async () => {
    sim = await testSim();
    graph = `${sim.url}/facebook/v24.0`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 2500, network: 'facebook' })).body.items;
  });
  afterAll(() => sim.close());

  it('walks every comment of every post (filter=stream), in order, with nothing missing or doubled', async () => {
    const posts = truth.filter((t) => t.kind === 'post');
    expect(posts.length).toBeGreaterThan(10);
    for (const post of posts.slice(0, 12)) {
      const expected = truth.filter((t) => t.kind === 'comment' && t.postExternalId === post.externalId).map((t) => t.externalId);
      const got = (await walk(`${graph}/${post.externalId}/comments?filter=stream&limit=7&access_token=${token}`)).map((c) => c.id);
      expect(got).toEqual(expected);
      const reversed = (await walk(`${graph}/${post.externalId}/comments?filter=stream&order=reverse_chronological&limit=6&access_token=${token}`)).map(
        (c) => c.id,
      );
      expect(reversed).toEqual([...expected].reverse());
    }
  });

  it("filter=toplevel lists top-level comments; a comment's edge lists its replies", async () => {
    const post = truth.find((t) => t.kind === 'post')!;
    const top = truth.filter((t) => t.kind === 'comment' && t.postExternalId === post.externalId && t.parentExternalId === null);
    const got = (await walk(`${graph}/${post.externalId}/comments?limit=5&access_token=${token}`)).map((c) => c.id);
    expect(got).toEqual(top.map((t) => t.externalId));
    const withReplies = top.find((t) => truth.some((r) => r.parentExternalId === t.externalId))!;
    const replies = (await walk(`${graph}/${withReplies.externalId}/comments?limit=2&access_token=${token}`)).map((c) => c.id);
    expect(replies).toEqual(truth.filter((r) => r.parentExternalId === withReplies.externalId).map((r) => r.externalId));
  });

  it('`before` goes back to the previous page', async () => {
    const post = truth.find((t) => t.kind === 'post')!;
    const first = await getJson(`${graph}/${post.externalId}/comments?filter=stream&limit=4&access_token=${token}`);
    const second = await getJson(first.body.paging.next);
    const back = await getJson(second.body.paging.previous);
    expect(back.body.data.map((c: JsonBody) => c.id)).toEqual(first.body.data.map((c: JsonBody) => c.id));
    expect(first.body.paging.previous).toBeUndefined();
  });

  it('walks the feed with time-based paging from newest to oldest', async () => {
    const posts = truth
      .filter((t) => t.kind === 'post')
      .map((t) => t.externalId)
      .reverse();
    const got = (await walk(`${graph}/${page}/feed?limit=4&access_token=${token}`)).map((p) => p.id);
    expect(got).toEqual(posts);
    const viaCursor = await getJson(`${graph}/${page}/posts?limit=3&after=${Buffer.from('sim_cursor:999999').toString('base64')}&access_token=${token}`);
    expect(viaCursor.body.data.map((p: JsonBody) => p.id)).toEqual(posts.slice(0, 3));
  });

  it('walks every conversation and every message of a conversation', async () => {
    const conversations = new Set(truth.filter((t) => t.kind === 'message').map((t) => t.threadExternalId));
    const got = (await walk(`${graph}/${page}/conversations?platform=messenger&limit=25&access_token=${token}`)).map((c) => c.id);
    expect(got.length).toBe(conversations.size);
    expect(new Set(got)).toEqual(conversations);
    const busiest = [...conversations].sort(
      (a, b) => truth.filter((t) => t.threadExternalId === b).length - truth.filter((t) => t.threadExternalId === a).length,
    )[0];
    const messages = (await walk(`${graph}/${busiest}/messages?limit=2&access_token=${token}`)).map((m) => m.id);
    expect(messages).toEqual(
      truth
        .filter((t) => t.threadExternalId === busiest)
        .map((t) => t.externalId)
        .reverse(),
    );
  });
});
