import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NETWORKS } from '@resonance/contracts';
import { isBusinessHours, type RunningSim, type TruthItem } from '../src';
import { DEMO_FACEBOOK_PAGE } from '../src/demo-accounts';
import { testSim } from './support';

const SEED = 7;
const DAY = 86_400_000;

describe('the demo world', () => {
  let sim: RunningSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('starts with 30 days of history on all six networks: posts, threads, messages and the company answering', async () => {
    sim = await testSim({ SIM_SEED: SEED, SIM_HISTORY_DAYS: 30 });
    const truth = sim.context.world.truth;
    const created = sim.world.createdAt;
    for (const network of NETWORKS) {
      const items = truth.filter((t) => t.network === network);
      expect({ network, posts: items.filter((t) => t.kind === 'post').length >= 4 }).toEqual({ network, posts: true });
      expect({ network, customerComments: items.filter((t) => t.kind === 'comment' && !t.fromAccount).length >= 40 }).toEqual({
        network,
        customerComments: true,
      });
      const times = items.map((t) => Date.parse(t.createdAt));
      expect(Math.min(...times)).toBeLessThan(created - 27 * DAY);
      expect(Math.max(...times)).toBeLessThan(created);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    for (const network of ['facebook', 'instagram', 'x', 'xing'] as const) {
      expect(truth.some((t) => t.network === network && t.kind === 'message' && !t.fromAccount)).toBe(true);
      expect(truth.some((t) => t.network === network && t.kind === 'message' && t.fromAccount)).toBe(true);
    }
    expect(truth.some((t) => t.network === 'x' && t.kind === 'comment' && t.text.startsWith('@resonance_demo'))).toBe(true); // mentions
    expect(truth.some((t) => t.network === 'instagram' && t.kind === 'comment' && t.text.startsWith('@resonancedemoshop'))).toBe(true);

    const customer = truth.filter((t) => t.kind !== 'post' && !t.fromAccount);
    expect(new Set(customer.map((t) => t.language))).toEqual(new Set(['de', 'en']));
    // The perception gap: customers ask about discounts and buying far more than the posts talk about deals.
    const asking = customer.filter((t) => t.intent === 'discount_request' || t.intent === 'purchase_intent').length / customer.length;
    const posts = truth.filter((t) => t.kind === 'post');
    const dealPosts = posts.filter((t) => /%|^Aktion|^Deal/.test(t.text)).length / posts.length;
    expect(asking).toBeGreaterThan(0.35);
    expect(dealPosts).toBeLessThan(asking / 2);
    // Returning commenters.
    const byAuthor = new Map<string, number>();
    for (const t of customer) if (t.author) byAuthor.set(t.author.externalId, (byAuthor.get(t.author.externalId) ?? 0) + 1);
    expect([...byAuthor.values()].filter((n) => n >= 3).length).toBeGreaterThan(10);

    // The company's answers to top-level comments: fast, slow, never, some outside business hours.
    const threads = truth.filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null);
    const firstAnswer = new Map<string, TruthItem>();
    for (const t of truth)
      if (t.kind === 'comment' && t.fromAccount && t.threadExternalId && !firstAnswer.has(t.threadExternalId)) firstAnswer.set(t.threadExternalId, t);
    const delays = threads.map((t) => {
      const answer = firstAnswer.get(t.externalId);
      return answer ? Date.parse(answer.createdAt) - Date.parse(t.createdAt) : null;
    });
    const share = (pred: (d: number | null) => boolean) => delays.filter(pred).length / delays.length;
    expect(share((d) => d !== null && d < 3_600_000)).toBeGreaterThan(0.15);
    expect(share((d) => d !== null && d > 3 * 3_600_000)).toBeGreaterThan(0.1);
    expect(share((d) => d === null)).toBeGreaterThan(0.15);
    const answers = [...firstAnswer.values()];
    const outside = answers.filter((a) => !isBusinessHours(Date.parse(a.createdAt))).length / answers.length;
    expect(outside).toBeGreaterThan(0.03);
    expect(outside).toBeLessThan(0.5);

    // Likes and hidden spam on the Facebook page.
    const comments = [...sim.facebook.state.store.posts.flatMap((p) => p.all)];
    expect(comments.some((c) => c.likedByPage)).toBe(true);
    expect(comments.some((c) => c.hidden)).toBe(true);
  });

  it('serves the history backdated through the read API, newest first, in pages', async () => {
    sim = await testSim({ SIM_SEED: SEED, SIM_HISTORY_DAYS: 30 });
    const posts = sim.context.world.truth.filter((t) => t.network === 'facebook' && t.kind === 'post');
    const seen: string[] = [];
    let url: string | undefined =
      `${sim.url}/facebook/v24.0/${DEMO_FACEBOOK_PAGE.id}/feed?limit=5&fields=id,created_time&access_token=${DEMO_FACEBOOK_PAGE.pageAccessToken}`;
    while (url) {
      const body = (await (await fetch(url)).json()) as { data: Array<{ id: string; created_time: string }>; paging?: { next?: string } };
      seen.push(...body.data.map((p) => p.id));
      url = body.paging?.next;
    }
    expect(seen).toEqual(posts.map((p) => p.externalId).reverse());
  });

  it('sends live traffic at the default rate to every network in turn', async () => {
    // The default 6 items a minute is one item every 10 s (every 50th tick of 200 ms); in turn,
    // each network gets one every 60 s, so all six have traffic after 300 ticks (a minute)
    // and customer-written items well within 3 minutes (900 ticks). The ticks run on a clock of
    // their own here, so three minutes of traffic take milliseconds.
    sim = await testSim({ SIM_SEED: SEED, SIM_TRAFFIC_PER_MINUTE: 6, SIM_HISTORY_DAYS: 30 });
    sim.traffic.stop();
    const historyLength = sim.context.world.truth.length;
    const reached = new Map<string, number>();
    const customerReached = new Map<string, number>();
    sim.traffic.onTraffic = () => undefined;
    const t0 = Date.now();
    for (let tick = 1; tick <= 900; tick++) {
      const before = sim.context.world.truth.length;
      sim.traffic.tick(t0 + tick * 200);
      for (const t of sim.context.world.truth.slice(before)) {
        if (!reached.has(t.network)) reached.set(t.network, tick);
        if (t.kind !== 'post' && !t.fromAccount && !customerReached.has(t.network)) customerReached.set(t.network, tick);
      }
    }
    expect(new Set(reached.keys())).toEqual(new Set(NETWORKS));
    expect(Math.max(...reached.values())).toBeLessThanOrEqual(300);
    expect(new Set(customerReached.keys())).toEqual(new Set(NETWORKS));
    expect(sim.context.world.truth.length - historyLength).toBeGreaterThanOrEqual(18);
  });

  it('continues the world after a restart: the same history, then only new ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonance-sim-world-'));
    const stateFile = join(dir, 'sim-world.json');
    try {
      const config = { SIM_SEED: SEED, SIM_HISTORY_DAYS: 30, SIM_STATE_FILE: stateFile };
      sim = await testSim(config);
      const history = sim.context.world.truth.map((t) => `${t.externalId}@${t.createdAt}`);
      sim.traffic.generate(100);
      const apiReply = sim.facebook.state.store.addApiComment(sim.facebook.state.store.posts[0], sim.facebook.state.store.page, true, 'Danke!', Date.now());
      const firstRun = new Set(sim.context.world.truth.map((t) => t.externalId));
      const firstThreads = new Set(sim.context.world.truth.map((t) => t.threadExternalId));
      await sim.close();
      expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ version: 1, seed: SEED, historyDays: 30 });

      sim = await testSim(config);
      expect(sim.world.resumed).toBe(true);
      expect(sim.context.world.truth.map((t) => `${t.externalId}@${t.createdAt}`)).toEqual(history);
      const live = sim.traffic.generate(100);
      expect(live.filter((t) => firstRun.has(t.externalId))).toEqual([]);
      // (XING keys a thread by its update: new comments there join the update's thread.)
      const newThreads = live.filter((t) => t.kind === 'comment' && t.parentExternalId === null && t.network !== 'xing');
      expect(newThreads.length).toBeGreaterThan(0);
      expect(newThreads.filter((t) => firstThreads.has(t.threadExternalId))).toEqual([]);
      const secondReply = sim.facebook.state.store.addApiComment(sim.facebook.state.store.posts[0], sim.facebook.state.store.page, true, 'Danke!', Date.now());
      expect(secondReply.id).not.toBe(apiReply.id);
      await sim.close();
      sim = undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
