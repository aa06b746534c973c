import type { INestApplication } from '@nestjs/common';
import { INTENTS, type Intent, type MessageRecord, type Network, type PostRecord } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';

/**
 * The perception gap, reply time by intent and the regulars against ground truth: a seeded random
 * world of posts (of known topic) and comments (of set intent, some answered after set durations)
 * on two networks, whose numbers the test computes itself from the records it created.
 */
const SEED = Number(process.env.GAP_SEED ?? Date.now() % 1_000_000);
const NOVEMBER = 'period=2026-11-01..2026-11-30';
const TOPICS = ['deals', 'product', 'service', 'brand'] as const;
type Topic = (typeof TOPICS)[number];
const TOPIC_INTENTS: Record<Topic, Intent[]> = {
  deals: ['discount_request', 'purchase_intent'],
  product: ['product_question'],
  service: ['complaint_support'],
  brand: ['praise'],
};
/** Post texts of clear topic (the model's training posts; the test checks they are stored so). */
const POST_TEXTS: Record<Topic, string[]> = {
  deals: ['This weekend only: 20% off all jackets', 'Nur dieses Wochenende: 20 % auf alle Jacken'],
  product: ['New in store: the Alpine jacket, now available in forest green', 'Unsere Herbstkollektion ist da, schaut mal rein'],
  service: ['Returns are now free and possible for 60 days', 'So verfolgst du deine Bestellung in drei Schritten'],
  brand: ['Behind the scenes: how our jackets are made in our workshop', 'Guten Morgen aus den Alpen'],
};
/** Reply durations more than 20 % apart: each fills a histogram bucket of its own, so percentiles are exact. */
const DURATIONS = [120, 900, 5400, 43_200, 172_800];

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Comment {
  id: string;
  network: Network;
  author: string;
  intent: Intent;
  at: Date;
  channel: 'comment' | 'direct';
  replySeconds: number | null;
}
interface Post {
  id: string;
  network: Network;
  topic: Topic;
  at: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const inNovember = (d: Date) => day(d) >= '2026-11-01' && day(d) <= '2026-11-30';
const inOctober = (d: Date) => day(d) >= '2026-10-02' && day(d) <= '2026-10-31';
/** Nearest-rank percentile of raw values (what the histogram gives when each bucket holds one value). */
const nearestRank = (values: number[], p: number) => (values.length ? [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(p * values.length)) - 1] : null);

describe(`perception gap, response by intent, regulars (seed ${SEED}; GAP_SEED=${SEED} repeats it)`, () => {
  let db: TestDatabase;
  let app: INestApplication;
  let analyst: Session;
  let agent: Session;
  const posts: Post[] = [];
  const comments: Comment[] = [];
  let postIdByExternal: Map<string, string>;

  beforeAll(async () => {
    process.stdout.write(`perception-gap.int-spec seed ${SEED}\n`);
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    db = await createTestDatabase();
    const workspace = await makeWorkspace(db.dataSource, { timezone: 'UTC' });
    const channels = {
      facebook: await makeChannel(db.dataSource, workspace, { network: 'facebook', followers: 1000 }),
      x: await makeChannel(db.dataSource, workspace, { network: 'x', followers: 500 }),
    };
    const store = new IngestStore(db.dataSource);
    const start = Date.UTC(2026, 9, 1); // 1 Oct 2026
    const span = 61 * 86_400_000; // to 30 Nov
    for (const network of ['facebook', 'x'] as const) {
      const records: Array<PostRecord | MessageRecord> = [];
      const mine: Post[] = [];
      for (let i = 0; i < 14; i++) {
        // Deals are rare, as in most companies' feeds.
        const topic = random() < 0.12 ? 'deals' : pick(['product', 'service', 'brand'] as const);
        const post: Post = { id: `${network}-p${i}`, network, topic, at: new Date(start + Math.floor(random() * span)) };
        mine.push(post);
        records.push({ kind: 'post', network, externalId: post.id, text: pick(POST_TEXTS[topic]), publishedAt: post.at.toISOString() });
      }
      posts.push(...mine);
      const authors = Array.from({ length: 8 }, (_, i) => `${network}-fan${i}`);
      const add = (c: Comment) => {
        comments.push(c);
        const thread = `t-${c.id}`;
        records.push({
          kind: 'message',
          network,
          externalId: c.id,
          threadKey: thread,
          channel: c.channel,
          postExternalId: c.channel === 'comment' ? pick(mine).id : null,
          author: { externalId: c.author, name: c.author },
          text: `Comment ${c.id}`,
          createdAt: c.at.toISOString(),
        });
        if (c.replySeconds !== null)
          records.push({
            kind: 'message',
            network,
            externalId: `${c.id}-r`,
            threadKey: thread,
            channel: c.channel,
            isFromAccount: true,
            author: { externalId: 'account', name: 'Account' },
            text: 'Thanks!',
            createdAt: new Date(c.at.getTime() + c.replySeconds * 1000).toISOString(),
          });
      };
      for (let i = 0; i < 70; i++) {
        // Customers ask for deals far more often than the posts offer them.
        const intent = random() < 0.45 ? pick(['discount_request', 'purchase_intent'] as const) : pick(INTENTS);
        add({
          id: `${network}-c${i}`,
          network,
          author: pick(authors),
          intent,
          at: new Date(start + Math.floor(random() * span)),
          channel: random() < 0.15 ? 'direct' : 'comment',
          replySeconds: random() < 0.6 ? pick(DURATIONS) : null,
        });
      }
      // Regulars of October who say nothing in November.
      for (let i = 0; i < 3; i++)
        add({
          id: `${network}-quiet${i}`,
          network,
          author: `${network}-quiet`,
          intent: 'praise',
          at: new Date(Date.UTC(2026, 9, 5 + 7 * i, 12)),
          channel: 'comment',
          replySeconds: null,
        });
      await store.ingest(channels[network].id, records);
    }
    // The intents as set here, whatever the model read into "Comment n".
    for (const c of comments) await db.dataSource.query(`UPDATE message SET intent = $1 WHERE external_id = $2`, [c.intent, c.id]);
    // A post stored before post topics existed: classified by the rollup job's backfill.
    await db.dataSource.query(
      `INSERT INTO post (workspace_id, channel_account_id, external_id, text, published_at) VALUES ($1, $2, 'legacy', $3, '2026-11-15T12:00:00Z')`,
      [workspace.id, channels.facebook.id, POST_TEXTS.deals[0]],
    );
    posts.push({ id: 'legacy', network: 'facebook', topic: 'deals', at: new Date('2026-11-15T12:00:00Z') });
    await new Rollups(db.dataSource).rebuild({ workspaceId: workspace.id });
    postIdByExternal = new Map(
      (await db.dataSource.query<Array<{ id: string; external_id: string }>>(`SELECT id::text, external_id FROM post`)).map((r) => [r.external_id, r.id]),
    );
    app = await createApi(testConfig(), db.url);
    await app.init();
    analyst = await login(app, (await makeLoginUser(db.dataSource, workspace, 'analyst')).email);
    agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('stores each post with its topic, at ingest and by the backfill', async () => {
    const stored = await db.dataSource.query<Array<{ external_id: string; topic: string | null }>>(`SELECT external_id, topic FROM post ORDER BY external_id`);
    expect(Object.fromEntries(stored.map((r) => [r.external_id, r.topic]))).toEqual(Object.fromEntries(posts.map((p) => [p.id, p.topic])));
  });

  function expectedGap(network: Network | null) {
    const ps = posts.filter((p) => inNovember(p.at) && (!network || p.network === network));
    const ms = comments.filter((c) => inNovember(c.at) && (!network || c.network === network) && c.intent !== 'other_spam');
    return TOPICS.map((topic) => {
      const postsShare = ps.length ? ps.filter((p) => p.topic === topic).length / ps.length : 0;
      const asking = ms.filter((c) => TOPIC_INTENTS[topic].includes(c.intent)).length;
      const messagesShare = ms.length ? asking / ms.length : 0;
      return { topic, posts: ps.filter((p) => p.topic === topic).length, messages: asking, gapPoints: Math.round((messagesShare - postsShare) * 1000) / 10 };
    });
  }

  it('shows the gap per topic, in total and per network, as counted from the records', async () => {
    const total = await analyst.agent.get(`/api/reports/perception-gap?${NOVEMBER}`).expect(200);
    expect(total.body.definitions.perceptionGap).toMatch(/discount requests \+ purchase intent/);
    expect(total.body.rows.map((r: { topic: string; posts: number; messages: number; gapPoints: number }) => ({ ...r }))).toEqual(
      expectedGap(null).map((e) => expect.objectContaining({ period: 'total', network: null, ...e })),
    );
    const byNetwork = await analyst.agent.get(`/api/reports/perception-gap?${NOVEMBER}&groupBy=network`).expect(200);
    for (const network of ['facebook', 'x'] as const) {
      const rows = byNetwork.body.rows.filter((r: { network: string }) => r.network === network);
      expect(rows).toEqual(expectedGap(network).map((e) => expect.objectContaining(e)));
    }
    const onlyX = await analyst.agent.get(`/api/reports/perception-gap?${NOVEMBER}&network=x`).expect(200);
    expect(onlyX.body.rows).toEqual(expectedGap('x').map((e) => expect.objectContaining(e)));
  });

  it('exports the gap as CSV with named columns, percent and percentage points', async () => {
    const res = await analyst.agent
      .get(`/api/reports/perception-gap?${NOVEMBER}&format=csv`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const [header, ...lines] = res.text.trim().split('\r\n');
    expect(header).toBe('period,network,topic,posts,posts_share_percent,messages_asking,messages_share_percent,gap_percentage_points,intents_counted');
    const deals = expectedGap(null)[0];
    expect(lines[0]).toMatch(
      new RegExp(
        `^2026-11-01\\.\\.2026-11-30,all,deals,${deals.posts},[0-9.]+,${deals.messages},[0-9.]+,${deals.gapPoints},discount_request \\+ purchase_intent$`,
      ),
    );
    expect(lines).toHaveLength(4);
  });

  it('lists the posts and the messages behind a bar, in the period only', async () => {
    const postsBehind = await analyst.agent.get(`/api/reports/perception-gap/items?${NOVEMBER}&topic=deals&side=posts`).expect(200);
    const expectedPosts = posts.filter((p) => p.topic === 'deals' && inNovember(p.at));
    expect(postsBehind.body.posts.map((p: { id: string }) => p.id).sort()).toEqual(expectedPosts.map((p) => postIdByExternal.get(p.id)).sort());
    const messagesBehind = await analyst.agent.get(`/api/reports/perception-gap/items?${NOVEMBER}&topic=deals&side=messages&network=facebook`).expect(200);
    const expected = comments.filter((c) => c.network === 'facebook' && inNovember(c.at) && TOPIC_INTENTS.deals.includes(c.intent));
    expect(messagesBehind.body.messages).toHaveLength(Math.min(50, expected.length));
    expect(messagesBehind.body.more).toBe(expected.length > 50);
    for (const m of messagesBehind.body.messages) expect(TOPIC_INTENTS.deals).toContain(m.intent);
    await analyst.agent.get(`/api/reports/perception-gap/items?${NOVEMBER}&topic=nonsense&side=posts`).expect(400);
    await agent.agent.get(`/api/reports/perception-gap?${NOVEMBER}`).expect(403);
  });

  it('gives reply time and share answered per intent, as computed from the records', async () => {
    const res = await analyst.agent.get(`/api/reports/response-by-intent?${NOVEMBER}`).expect(200);
    for (const intent of INTENTS) {
      const received = comments.filter((c) => c.intent === intent && inNovember(c.at));
      const replies = comments
        .filter((c) => c.intent === intent && c.replySeconds !== null && inNovember(new Date(c.at.getTime() + c.replySeconds * 1000)))
        .map((c) => c.replySeconds ?? 0);
      const row = res.body.rows.find((r: { intent: string }) => r.intent === intent);
      if (!received.length && !replies.length) {
        expect(row).toBeUndefined();
        continue;
      }
      expect(row).toEqual(
        expect.objectContaining({
          intent,
          messages: received.length,
          answered: received.filter((c) => c.replySeconds !== null).length,
          replies: replies.length,
          median: nearestRank(replies, 0.5),
          p90: nearestRank(replies, 0.9),
        }),
      );
    }
    const csv = await analyst.agent.get(`/api/reports/response-by-intent?${NOVEMBER}&format=csv`).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe(
      'period,network,intent,inbound_messages,answered,share_answered_percent,replies,reply_median_minutes,reply_p90_minutes,reply_mean_minutes',
    );
  });

  it('follows a corrected intent into the reply times', async () => {
    const target = comments.find(
      (c) =>
        c.intent !== 'complaint_support' && c.replySeconds !== null && inNovember(c.at) && inNovember(new Date(c.at.getTime() + (c.replySeconds ?? 0) * 1000)),
    );
    if (!target) throw new Error(`seed ${SEED}: no answered comment to correct`);
    const before = await analyst.agent.get(`/api/reports/response-by-intent?${NOVEMBER}`).expect(200);
    const replies = (body: { rows: Array<{ intent: string; replies: number }> }, intent: string) => body.rows.find((r) => r.intent === intent)?.replies ?? 0;
    const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM message WHERE external_id = $1`, [target.id]);
    await agent.agent.post('/api/reports/intents/corrections').set('X-CSRF-Token', agent.csrf).send({ messageId: id, intent: 'complaint_support' }).expect(201);
    await new Rollups(db.dataSource).drainAll();
    const after = await analyst.agent.get(`/api/reports/response-by-intent?${NOVEMBER}`).expect(200);
    expect(replies(after.body, 'complaint_support')).toBe(replies(before.body, 'complaint_support') + 1);
    expect(replies(after.body, target.intent)).toBe(replies(before.body, target.intent) - 1);
    target.intent = 'complaint_support';
  });

  it('names the regulars (comments on 3+ days) and the regulars of last period who went silent', async () => {
    const daysOf = (author: string, inPeriod: (d: Date) => boolean) =>
      new Set(comments.filter((c) => c.author === author && c.channel === 'comment' && inPeriod(c.at)).map((c) => day(c.at))).size;
    const authors = [...new Set(comments.map((c) => c.author))];
    const regulars = authors.filter((a) => daysOf(a, inNovember) >= 3);
    const silent = authors.filter((a) => daysOf(a, inOctober) >= 3 && daysOf(a, inNovember) === 0);
    const res = await analyst.agent.get(`/api/reports/regulars?${NOVEMBER}`).expect(200);
    expect(res.body.previous).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(res.body.counts).toEqual({ regulars: regulars.length, silent: silent.length });
    expect(silent).toEqual(expect.arrayContaining(['facebook-quiet', 'x-quiet']));
    expect(Object.fromEntries(res.body.regulars.map((r: { name: string; days: number; previousDays: number }) => [r.name, [r.days, r.previousDays]]))).toEqual(
      Object.fromEntries(regulars.map((a) => [a, [daysOf(a, inNovember), daysOf(a, inOctober)]])),
    );
    expect(res.body.silent.map((r: { name: string; networks: string[] }) => `${r.name}:${r.networks.join()}`).sort()).toEqual(
      silent.map((a) => `${a}:${a.split('-')[0]}`).sort(),
    );
    const csv = await analyst.agent.get(`/api/reports/regulars?${NOVEMBER}&format=csv`).expect(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('status,name,handle,networks,comment_days_this_period,comment_days_previous_period,period,previous_period');
    expect(lines.filter((l) => l.startsWith('went silent,'))).toHaveLength(silent.length);
  });
});
