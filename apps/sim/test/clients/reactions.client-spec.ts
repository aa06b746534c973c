import { Agent } from 'node:https';
import { RestliClient } from 'linkedin-api-client';
import { TwitterApi } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, DEMO_FACEBOOK_PAGE, DEMO_LINKEDIN_ORG, type RunningSim, type TruthItem } from '../../src';
import type { GeneratedReaction } from '../../src/generator';
import { routeGraphToSim, sdk } from './facebook-sdk';
import { clientSim, postJson } from './support';

/**
 * Reactions by person, read through the official clients with only the host changed: the
 * generator has customers react with their comments (truth.reaction: on the post or on the
 * comment answered), and each network names who reacted — Graph's reactions and likes edges,
 * LinkedIn's reactions finder by entity, X's liking users. YouTube has no per-person likes.
 */

/** Who reacted to `target` and how, per the truth: the last reaction of each person counts. */
function reactorsOf(truth: TruthItem[], target: string, on: GeneratedReaction['on']): Map<string, GeneratedReaction['kind']> {
  const out = new Map<string, GeneratedReaction['kind']>();
  for (const t of truth) {
    if (t.kind !== 'comment' || !t.author || t.reaction?.on !== on) continue;
    const reactedTo = on === 'post' ? t.postExternalId : (t.parentExternalId ?? t.threadExternalId);
    if (reactedTo !== target) continue;
    out.delete(t.author.externalId);
    out.set(t.author.externalId, t.reaction.kind);
  }
  return out;
}

/** The target of the kind `on` with the most reactors in the truth. */
function busiest(truth: TruthItem[], on: GeneratedReaction['on']): { target: string; reactors: Map<string, GeneratedReaction['kind']> } {
  const targets = new Set(truth.flatMap((t) => (t.reaction?.on === on ? [on === 'post' ? t.postExternalId : (t.parentExternalId ?? t.threadExternalId)] : [])));
  const ranked = [...targets].filter((t): t is string => t !== null).map((target) => ({ target, reactors: reactorsOf(truth, target, on) }));
  ranked.sort((a, b) => b.reactors.size - a.reactors.size);
  return ranked[0];
}

describe('reactions by person through the official clients', () => {
  let sim: RunningSim;
  let tlsSim: RunningSim;
  let facebook: TruthItem[];
  let linkedin: TruthItem[];
  let x: TruthItem[];
  let unroute: () => void;

  beforeAll(async () => {
    sim = await clientSim(false);
    tlsSim = await clientSim(true);
    facebook = (await postJson(`${sim.url}/_sim/generate`, { count: 600, network: 'facebook' })).body.items;
    linkedin = (await postJson(`${sim.url}/_sim/generate`, { count: 600, network: 'linkedin' })).body.items;
    x = (await postJson(`${tlsSim.url}/_sim/generate`, { count: 600, network: 'x' })).body.items;
    unroute = routeGraphToSim(sim);
    sdk.FacebookAdsApi.init(DEMO_FACEBOOK_PAGE.pageAccessToken);
  });
  afterAll(async () => {
    unroute();
    await Promise.all([sim.close(), tlsSim.close()]);
  });

  it("Graph: a post's reactions name each person and kind, filter by type, and count in the summary and the nested field", async () => {
    const { target, reactors } = busiest(facebook, 'post');
    expect(reactors.size).toBeGreaterThanOrEqual(2);
    const post = new sdk.PagePost(target);
    const all = await post.getReactions(['id', 'name', 'type', 'profile_type'], { summary: 'total_count', limit: 100 });
    expect(new Map([...all].map((r) => [r.id, r.type]))).toEqual(new Map([...reactors].map(([id, kind]) => [id, kind.toUpperCase()])));
    expect([...all].every((r) => r.profile_type === 'user' && typeof r.name === 'string')).toBe(true);
    expect(all.summary).toEqual({ total_count: reactors.size, viewer_reaction: 'NONE' });

    const [kind] = [...reactors.values()];
    const ofKind = [...reactors].filter(([, k]) => k === kind).map(([id]) => id);
    const filtered = await post.getReactions(['id', 'type'], { type: kind.toUpperCase(), summary: true, limit: 100 });
    expect([...filtered].map((r) => r.id).sort()).toEqual(ofKind.sort());
    expect(filtered.summary).toMatchObject({ total_count: ofKind.length });

    const nested = await post.get(['id', `reactions.type(${kind.toUpperCase()}).limit(0).summary(true)`, 'likes.limit(100).summary(true)']);
    expect(nested.reactions).toEqual({ data: [], summary: { total_count: ofKind.length, viewer_reaction: 'NONE' } });
    const likers = [...reactors].filter(([, k]) => k === 'like').map(([id]) => id);
    expect((nested.likes as { data: Array<{ id: string; name: string }> }).data.map((l) => l.id).sort()).toEqual(likers.sort());
  });

  it("Graph: a comment's reactions name the people who answered it and reacted, page by page", async () => {
    const { target, reactors } = busiest(facebook, 'parent');
    expect(reactors.size).toBeGreaterThanOrEqual(1);
    const first = await new sdk.Comment(target).getReactions(['id', 'type'], { limit: 1, summary: true });
    const seen = [...first];
    expect(seen).toHaveLength(1);
    let page = first;
    while (page.hasNext()) {
      page = await page.next();
      seen.push(...page);
    }
    expect(new Map(seen.map((r) => [r.id, r.type]))).toEqual(new Map([...reactors].map(([id, kind]) => [id, kind.toUpperCase()])));
    expect(first.summary).toMatchObject({ total_count: reactors.size });
    const bad = await new sdk.Comment(target).getReactions(['id'], { type: 'GRUMPY' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ status: 400, message: expect.stringContaining('type must be one of') });
  });

  it("LinkedIn: the reactions finder by entity lists who reacted to a post and a comment, newest first, with LinkedIn's reaction types", async () => {
    const restli = new RestliClient();
    const toSim = (config: { url?: string }) => ({ ...config, url: config.url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin) });
    (restli as unknown as { axiosInstance: { interceptors: { request: { use(f: typeof toSim): number } } } }).axiosInstance.interceptors.request.use(toSim);
    const LI: Record<GeneratedReaction['kind'], string | null> = {
      like: 'LIKE',
      love: 'EMPATHY',
      care: 'APPRECIATION',
      haha: 'ENTERTAINMENT',
      wow: 'INTEREST',
      sad: 'EMPATHY',
      angry: null,
    };
    for (const on of ['post', 'parent'] as const) {
      const { target, reactors } = busiest(linkedin, on);
      const expected = [...reactors].flatMap(([actor, kind]) => (LI[kind] ? [[actor, LI[kind]]] : []));
      expect(expected.length).toBeGreaterThanOrEqual(1);
      const found = await restli.finder({
        resourcePath: '/reactions/{id}',
        pathKeys: { id: { entity: target } },
        finderName: 'entity',
        queryParams: { sort: { value: 'REVERSE_CHRONOLOGICAL' }, count: 100 },
        accessToken: DEMO_LINKEDIN_ORG.accessToken,
        versionString: '202610',
      });
      const elements = found.data.elements as Array<{ id: string; actor: string; root: string; reactionType: string; created: { time: number } }>;
      expect(elements.map((e) => [e.actor, e.reactionType])).toEqual(expected.reverse());
      expect(elements[0]).toMatchObject({ root: target, id: `urn:li:reaction:(${elements[0].actor},${target})` });
      expect(found.data.paging).toMatchObject({ start: 0, total: expected.length });
    }
  });

  it("X: a tweet's liking users are the people who reacted, newest first, paged, and match like_count", async () => {
    const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;
    const host = new URL(tlsSim.origins.x).host;
    const client = new TwitterApi(demo.credentials.accessToken, {
      plugins: [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }],
      httpAgent: new Agent({ ca: tlsSim.ca! }),
    });
    const { target, reactors } = busiest(x, 'post');
    expect(reactors.size).toBeGreaterThanOrEqual(2);
    const all = await client.v2.tweetLikedBy(target, { 'user.fields': ['username'], max_results: 100 });
    const ids = all.data.map((u) => u.id);
    // Every person the truth has react to the post liked it (mentions that also react add to them).
    expect(ids).toEqual(expect.arrayContaining([...reactors.keys()]));
    expect(all.data.every((u) => typeof u.username === 'string')).toBe(true);
    const tweet = await client.v2.singleTweet(target, { 'tweet.fields': ['public_metrics'] });
    expect(tweet.data.public_metrics?.like_count).toBe(ids.length);

    const paged: string[] = [];
    let next: string | undefined;
    do {
      const page = await client.v2.tweetLikedBy(target, { max_results: 1, ...(next ? { pagination_token: next } : {}) });
      paged.push(...page.data.map((u) => u.id));
      next = page.meta.next_token;
    } while (next);
    expect(paged).toEqual(ids);

    // The account's own like is the newest.
    await client.v2.like(demo.externalId, target);
    const after = await client.v2.tweetLikedBy(target);
    expect(after.data[0].id).toBe(demo.externalId);
    expect(after.meta.result_count).toBe(ids.length + 1);
  });
});
