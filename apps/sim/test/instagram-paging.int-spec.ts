import type { RunningSim } from '../src';
import { getJson, testSim, type JsonBody } from './support';
import { generateInstagram, IG, igGet, igGraph } from './instagram-support';

/**
 * The three paging forms of the recorded Instagram payloads (FACTS.md §2), walked to the end by
 * following `next` as a client does: every item once, newest first, and the last page in its form.
 */
describe('Instagram paging forms', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await testSim();
    await generateInstagram(sim, 2500);
  });
  afterAll(() => sim.close());

  async function walk(first: string): Promise<{ pages: JsonBody[]; ids: string[] }> {
    const pages: JsonBody[] = [];
    let res = await getJson(first);
    for (;;) {
      expect(res.status).toBe(200);
      pages.push(res.body);
      if (!res.body.paging?.next) break;
      res = await getJson(res.body.paging.next);
    }
    return { pages, ids: pages.flatMap((p) => p.data.map((d: JsonBody) => d.id)) };
  }

  it('media: cursors.before/after + next while more come; the last page has no paging key', async () => {
    const { pages, ids } = await walk(igGraph(sim).url(`/${IG.id}/media`, 'limit=7'));
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages.slice(0, -1)) expect(Object.keys(p.paging.cursors).sort()).toEqual(['after', 'before']);
    expect('paging' in pages[pages.length - 1]).toBe(false);
    const media = sim.instagram.state.store.media;
    expect(ids).toEqual(media.map((m) => m.id).reverse());
  });

  it('comments: cursors.after + next (no before); the last page has no paging key; replies alike', async () => {
    const busiest = [...sim.instagram.state.store.media].sort((a, b) => b.comments.length - a.comments.length)[0];
    const first = (await igGet(sim, `/${busiest.id}/comments`, 'limit=3')).body;
    expect(Object.keys(first.paging.cursors)).toEqual(['after']);
    const { pages, ids } = await walk(igGraph(sim).url(`/${busiest.id}/comments`, 'limit=3'));
    expect('paging' in pages[pages.length - 1]).toBe(false);
    expect(ids).toEqual(busiest.comments.map((c) => c.id).reverse());
    const top =
      busiest.comments.find((c) => c.replies.length > 1) ?? [...sim.instagram.state.store.media.flatMap((m) => m.comments)].find((c) => c.replies.length > 1)!;
    const replies = await walk(igGraph(sim).url(`/${top.id}/replies`, 'limit=1'));
    expect(replies.ids).toEqual(top.replies.map((c) => c.id).reverse());
    expect('paging' in replies.pages[replies.pages.length - 1]).toBe(false);
  });

  it('/tags: the last page keeps cursors.after without next; an empty page after it has no paging', async () => {
    const tagged = sim.instagram.state.store.tagged;
    expect(tagged.length).toBeGreaterThan(3);
    const { pages, ids } = await walk(igGraph(sim).url(`/${IG.id}/tags`, 'limit=2'));
    const last = pages[pages.length - 1];
    expect(Object.keys(last.paging)).toEqual(['cursors']);
    expect(Object.keys(last.paging.cursors)).toEqual(['after']);
    expect(ids).toEqual(tagged.map((m) => m.id).reverse());
    const beyond = await igGet(sim, `/${IG.id}/tags`, `limit=2&after=${last.paging.cursors.after}`);
    expect(beyond.body).toEqual({ data: [] });
  });

  it('mentions can be polled: /tags, then mentioned_media.media_id(…){comments{…,replies{…}}} finds every comment of every mention thread', async () => {
    const { ids } = await walk(igGraph(sim).url(`/${IG.id}/tags`, 'limit=50'));
    const found: string[] = [];
    for (const mediaId of ids) {
      const fields = `mentioned_media.media_id(${mediaId}){id,comments{id,text,username,replies{id,text,username}}}`;
      const res = await igGet(sim, `/${IG.id}`, `fields=${encodeURIComponent(fields)}`);
      for (const c of res.body.mentioned_media.comments.data) found.push(c.id, ...(c.replies?.data ?? []).map((r: JsonBody) => r.id));
    }
    const expected = sim.context.world.truth.filter(
      (t) => t.network === 'instagram' && t.kind === 'comment' && sim.instagram.state.store.comment(t.externalId)?.mention,
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(found.sort()).toEqual(expected.map((t) => t.externalId).sort());
  });

  it('on the shared origin the same routes are below /instagram, and links point back there', async () => {
    const res = await getJson(`${sim.url}/instagram/v24.0/${IG.id}/media?limit=2&access_token=${IG.accessToken}`);
    expect(res.body.paging.next.startsWith(`${sim.url}/instagram/v24.0/${IG.id}/media?`)).toBe(true);
    expect((await getJson(res.body.paging.next)).body.data).toHaveLength(2);
  });

  it('a cursor that is not one is (#100), not a 500', async () => {
    const res = await igGet(sim, `/${IG.id}/media`, 'after=nonsense!');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 100, type: 'IGApiException' });
  });
});
