import type { INestApplication } from '@nestjs/common';
import type { ChannelAccount, User } from '@resonance/db';
import type { MessageRecord, Network, PostRecord } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeUser, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';

/**
 * The reports a marketing lead reads (issue 23): trends per day and week, per-agent response times,
 * custom periods, top posts by the stated measure, drill-down and the CSVs — each checked against
 * ground truth computed here from the generated world (times, authors, counts) or from the message
 * table, never from the rollups the reports read. The world is random; the seed is printed.
 */
const SEED = Number(process.env.REPORTS_SEED ?? Date.now() % 1_000_000);
console.log(`lead-reports seed: ${SEED} (REPORTS_SEED=${SEED} repeats it)`);

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONE = 'Europe/Berlin';
const dayIn = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** The Berlin calendar day of an instant, computed by Intl (not by PostgreSQL). */
const berlinDay = (iso: string) => dayIn.format(new Date(iso));
/** The Monday of a day's week. */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
const PERIOD = 'period=2026-10-12..2026-11-08'; // four whole weeks, across the end of summer time (25 Oct)
const FROM = '2026-10-12';
const TO = '2026-11-08';
const TEXTS = [
  'Gibt es einen Rabattcode?',
  'Wo kann ich das kaufen?',
  'Meine Bestellung ist nicht angekommen!',
  'Tolles Produkt, danke!',
  'Is this available in black?',
  'Still waiting for my refund, terrible service',
  'Love it!',
  'Any discount for students?',
];

interface ThreadTruth {
  key: string;
  channel: ChannelAccount;
  network: Network;
  post: string;
  inbound: string[];
  /** The reply (one per answered thread): when and by whom (an agent's id or 'native'). */
  reply: { at: string; by: string } | null;
}

describe('reports a marketing lead reads (trends, agents, custom periods, top posts, drill-down, CSV)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let lead: Session;
  let channels: ChannelAccount[];
  let agents: User[];
  const threads: ThreadTruth[] = [];
  const posts: Array<{ externalId: string; channel: ChannelAccount; followers: number; counts: { reactions: number; comments: number; shares: number } }> = [];

  beforeAll(async () => {
    const rnd = random(SEED);
    const int = (n: number) => Math.floor(rnd() * n);
    db = await createTestDatabase();
    const ws = await makeWorkspace(db.dataSource, { timezone: ZONE });
    channels = [
      await makeChannel(db.dataSource, ws, { network: 'facebook', followers: 5000 }),
      await makeChannel(db.dataSource, ws, { network: 'linkedin', followers: 800 }),
      await makeChannel(db.dataSource, ws, { network: 'facebook', followers: 0 }),
    ];
    agents = [await makeUser(db.dataSource, ws, { role: 'agent', name: 'Ada Agent' }), await makeUser(db.dataSource, ws, { role: 'agent', name: 'Bo Agent' })];
    const store = new IngestStore(db.dataSource);
    const start = Date.parse('2026-10-10T00:00:00Z'); // two days before the period: some comments fall outside it
    for (const [ci, channel] of channels.entries()) {
      const network: Network = channel.network;
      const records: Array<MessageRecord | PostRecord> = [];
      for (let p = 0; p < 6; p++) {
        const externalId = `post-${ci}-${p}`;
        const counts = { reactions: int(400), comments: int(30), shares: int(40) };
        posts.push({ externalId, channel, followers: channel.followers ?? 0, counts });
        records.push({
          kind: 'post',
          network,
          externalId,
          text: `Post ${p} of channel ${ci}`,
          publishedAt: new Date(start + (2 + p * 4) * 86_400_000 + int(20) * 3_600_000).toISOString(),
          counts: { ...counts, views: 1000 + int(5000) },
        });
        for (let th = 0; th < 2 + int(5); th++) {
          const key = `${ci}-${p}-${th}`;
          let at = start + int(30 * 24) * 3_600_000 + int(3600) * 1000;
          const inbound: string[] = [];
          const author = `person-${int(12)}`;
          for (let m = 0; m < 1 + int(3); m++) {
            const iso = new Date(at).toISOString();
            inbound.push(iso);
            records.push({
              kind: 'message',
              network,
              externalId: `m-${key}-${m}`,
              threadKey: key,
              channel: 'comment',
              postExternalId: externalId,
              author: { externalId: author, name: author },
              text: TEXTS[int(TEXTS.length)],
              createdAt: iso,
            });
            at += (1 + int(300)) * 60_000;
          }
          const who = int(4); // 0, 1: an agent in Resonance; 2: natively on the network; 3: unanswered
          const reply = who === 3 ? null : { at: new Date(at + int(20 * 3600) * 1000).toISOString(), by: who === 2 ? 'native' : agents[who].id };
          if (reply?.by === 'native') {
            records.push({
              kind: 'message',
              network,
              externalId: `r-${key}`,
              threadKey: key,
              channel: 'comment',
              postExternalId: externalId,
              author: { externalId: channel.externalId, name: channel.displayName },
              text: 'Danke!',
              createdAt: reply.at,
            });
          }
          threads.push({ key, channel, network, post: externalId, inbound, reply });
        }
      }
      await store.ingest(channel.id, records);
      for (const t of threads.filter((x) => x.channel.id === channel.id && x.reply && x.reply.by !== 'native')) {
        await db.dataSource.query(
          `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, author_user_id, text, created_at, delivery)
           SELECT workspace_id, channel_account_id, id, $3, 'outbound', true, $4, 'Wir kümmern uns!', $5, 'sent' FROM thread WHERE channel_account_id = $1 AND thread_key = $2`,
          [channel.id, t.key, `r-${t.key}`, t.reply?.by, t.reply?.at],
        );
      }
    }
    await new Rollups(db.dataSource).drainAll();
    app = await createApi(testConfig(), db.url);
    await app.init();
    lead = await login(app, (await makeLoginUser(db.dataSource, ws, 'analyst')).email);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const inPeriod = (day: string, from = FROM, to = TO) => day >= from && day <= to;
  const commentDays = () => threads.flatMap((t) => t.inbound.map((at) => ({ t, day: berlinDay(at) })));

  it('trends: comments per day and per week add up to the ground truth', async () => {
    const byDay = await lead.agent.get(`/api/reports/resonance?${PERIOD}&interval=day`).expect(200);
    const truth = new Map<string, number>();
    for (const { day } of commentDays()) if (inPeriod(day)) truth.set(day, (truth.get(day) ?? 0) + 1);
    const got = new Map(byDay.body.rows.map((r: { period: string; comments: number }) => [r.period, r.comments]));
    expect(got).toEqual(truth);
    const byWeek = await lead.agent.get(`/api/reports/resonance?${PERIOD}&interval=week`).expect(200);
    const weeks = new Map<string, number>();
    for (const [day, n] of truth) weeks.set(mondayOf(day), (weeks.get(mondayOf(day)) ?? 0) + n);
    expect(new Map(byWeek.body.rows.map((r: { period: string; comments: number }) => [r.period, r.comments]))).toEqual(weeks);
    // Response-time trend: first responses per day of the response.
    const rt = await lead.agent.get(`/api/reports/response-times?${PERIOD}&interval=day`).expect(200);
    const firsts = new Map<string, number>();
    for (const t of threads) if (t.reply && inPeriod(berlinDay(t.reply.at))) firsts.set(berlinDay(t.reply.at), (firsts.get(berlinDay(t.reply.at)) ?? 0) + 1);
    const gotFirsts = new Map<string, number>();
    for (const r of rt.body.rows as Array<{ period: string; firstResponse: { count: number } }>)
      if (r.firstResponse.count) gotFirsts.set(r.period, r.firstResponse.count);
    expect(gotFirsts).toEqual(firsts);
  });

  it('per-agent response times: counts and exact means per agent, named', async () => {
    const res = await lead.agent.get(`/api/reports/response-times?${PERIOD}&groupBy=agent`).expect(200);
    for (const by of [agents[0].id, agents[1].id, 'native']) {
      const waits = threads
        .filter((t) => t.reply?.by === by && inPeriod(berlinDay(t.reply.at)))
        .map((t) => (Date.parse(t.reply?.at ?? '') - Date.parse(t.inbound[0])) / 1000);
      const row = res.body.rows.find((r: { group: string }) => r.group === by);
      if (waits.length === 0) {
        expect(row?.firstResponse.count ?? 0).toBe(0);
        continue;
      }
      expect(row.firstResponse.count).toBe(waits.length);
      expect(row.firstResponse.mean).toBeCloseTo(waits.reduce((s, w) => s + w, 0) / waits.length, 2);
    }
    expect(res.body.agents).toMatchObject({ [agents[0].id]: 'Ada Agent', [agents[1].id]: 'Bo Agent' });
  });

  it('custom periods: the days asked for, and bad periods refused with a code and changing nothing', async () => {
    const res = await lead.agent.get('/api/reports/resonance?period=2026-10-20..2026-10-27').expect(200);
    expect(res.body.params).toMatchObject({ from: '2026-10-20', to: '2026-10-27' });
    expect(res.body.rows[0]?.comments ?? 0).toBe(commentDays().filter(({ day }) => inPeriod(day, '2026-10-20', '2026-10-27')).length);
    const refused = [
      ['2026-10-27..2026-10-20', 'period_order'],
      ['2026-02-30..2026-03-01', 'period_not_a_date'],
      ['2025-01-01..2026-10-01', 'period_too_long'],
      ['1999-12-31..2000-01-02', 'period_bounds'],
      ['yesterday', 'period_shape'],
    ];
    for (const [period, code] of refused) {
      const bad = await lead.agent.get(`/api/reports/response-times?period=${period}`).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code });
    }
  });

  it('top posts: ranked by engagement per 1,000 followers, computed independently; posts without followers last', async () => {
    const res = await lead.agent.get(`/api/reports/resonance?${PERIOD}`).expect(200);
    expect(res.body.rankedBy).toBe('engagementPer1000Followers');
    const stored = await db.dataSource.query<Array<{ external_id: string; n: number }>>(
      `SELECT p.external_id, count(m.id)::int AS n FROM post p LEFT JOIN thread t ON t.post_id = p.id
         LEFT JOIN message m ON m.thread_id = t.id AND NOT m.is_from_account GROUP BY 1`,
    );
    const ours = new Map(stored.map((s) => [s.external_id, s.n]));
    const expected = (externalId: string) => {
      const p = posts.find((x) => x.externalId === externalId);
      if (!p) throw new Error(externalId);
      const interactions = p.counts.reactions + 2 * Math.max(p.counts.comments, ours.get(externalId) ?? 0) + 3 * p.counts.shares;
      return { interactions, per1000: p.followers ? (interactions / p.followers) * 1000 : null };
    };
    const top = res.body.topPosts as Array<{ external_id: string; engagementPer1000Followers: number | null; interactions: number }>;
    expect(top.length).toBe(10);
    let last = Infinity;
    let seenWithout = false;
    for (const p of top) {
      const e = expected(p.external_id);
      expect(p.interactions).toBe(e.interactions);
      if (e.per1000 === null) {
        seenWithout = true;
        expect(p.engagementPer1000Followers).toBeNull();
      } else {
        expect(seenWithout).toBe(false);
        expect(p.engagementPer1000Followers).toBeCloseTo(e.per1000, 1);
        expect(e.per1000).toBeLessThanOrEqual(last + 1e-9);
        last = e.per1000;
      }
    }
  });

  it('drill-down: exactly the threads and messages behind an intent count, a post and first responses', async () => {
    const msgs = await db.dataSource.query<Array<{ thread_key: string; intent: string | null; created_at: Date }>>(
      `SELECT t.thread_key, m.intent, m.created_at FROM message m JOIN thread t ON t.id = m.thread_id WHERE NOT m.is_from_account AND m.workspace_id = $1`,
      [channels[0].workspaceId],
    );
    const mix = await lead.agent.get(`/api/reports/intents?period=2026-10-20..2026-10-31`).expect(200);
    const intents = Object.entries(mix.body.rows[0].intents as Record<string, { count: number }>).filter(([, v]) => v.count > 0);
    expect(intents.length).toBeGreaterThan(0);
    const idOf = await db.dataSource.query<Array<{ id: string; thread_key: string }>>(`SELECT id::text, thread_key FROM thread WHERE workspace_id = $1`, [
      channels[0].workspaceId,
    ]);
    const keyOf = new Map(idOf.map((r) => [r.id, r.thread_key]));
    for (const [intent, { count }] of intents) {
      const truth = msgs.filter((m) => (m.intent ?? 'unclassified') === intent && inPeriod(berlinDay(m.created_at.toISOString()), '2026-10-20', '2026-10-31'));
      const drill = await lead.agent.get(`/api/reports/drill-down?period=2026-10-20..2026-10-31&kind=intent&intent=${intent}`).expect(200);
      expect(drill.body.total).toEqual({ messages: truth.length, threads: new Set(truth.map((m) => m.thread_key)).size });
      expect(drill.body.total.messages).toBe(count);
      const listed = new Map(drill.body.threads.map((t: { threadId: string; messages: number }) => [keyOf.get(t.threadId), t.messages]));
      const expected = new Map<string, number>();
      for (const m of truth) expected.set(m.thread_key, (expected.get(m.thread_key) ?? 0) + 1);
      expect(listed).toEqual(expected);
    }
    // A post's comments: every comment thread of that post, nothing of another post.
    const top = await lead.agent.get(`/api/reports/resonance?${PERIOD}`).expect(200);
    const post = top.body.topPosts[0] as { id: string; external_id: string; our_comments: number };
    const postDrill = await lead.agent.get(`/api/reports/drill-down?${PERIOD}&kind=post&post=${post.id}`).expect(200);
    const postThreads = threads.filter((t) => t.post === post.external_id);
    expect(new Set(postDrill.body.threads.map((t: { threadId: string }) => keyOf.get(t.threadId)))).toEqual(new Set(postThreads.map((t) => t.key)));
    expect(postDrill.body.total.messages).toBe(postThreads.reduce((s, t) => s + t.inbound.length, 0));
    expect(postDrill.body.total.messages).toBe(post.our_comments);
    // First responses on LinkedIn in the period: the threads answered there, dated by the answer.
    const fr = await lead.agent.get(`/api/reports/drill-down?${PERIOD}&kind=first-response&network=linkedin`).expect(200);
    const answered = threads.filter((t) => t.network === 'linkedin' && t.reply && inPeriod(berlinDay(t.reply.at)));
    expect(new Set(fr.body.threads.map((t: { threadId: string }) => keyOf.get(t.threadId)))).toEqual(new Set(answered.map((t) => t.key)));
    await lead.agent.get(`/api/reports/drill-down?${PERIOD}&kind=everything`).expect(400);
    await lead.agent.get(`/api/reports/drill-down?period=2026-10-31..2026-10-01&kind=comments`).expect(400);
  });

  it('CSVs: per day and per post, named columns in human units (minutes, percent, ISO dates)', async () => {
    const parse = (text: string) =>
      text
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
    const rt = await lead.agent.get(`/api/reports/response-times?${PERIOD}&interval=day&format=csv`).expect(200);
    const [header, ...rows] = parse(rt.text);
    expect(header[0]).toBe('Day');
    expect(header).toEqual(expect.arrayContaining(['First responses', 'First response median (minutes)', 'Reply mean (minutes)', 'Service level (%)']));
    expect(header.join(',')).not.toMatch(/seconds|\.|_/);
    for (const r of rows) expect(r[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Mean first response per day in minutes, one decimal, as computed from the world.
    const col = header.indexOf('First response mean (minutes)');
    for (const r of rows) {
      const waits = threads
        .filter((t) => t.reply && berlinDay(t.reply.at) === r[0])
        .map((t) => (Date.parse(t.reply?.at ?? '') - Date.parse(t.inbound[0])) / 60_000);
      if (waits.length) expect(Number(r[col])).toBeCloseTo(waits.reduce((s, w) => s + w, 0) / waits.length, 0);
    }
    const perPost = await lead.agent.get(`/api/reports/resonance?${PERIOD}&groupBy=post&format=csv`).expect(200);
    const [ph, ...prows] = parse(perPost.text);
    expect(ph.slice(0, 4)).toEqual(['Rank', 'Post ID', 'Network', 'Published (UTC)']);
    expect(perPost.text.split('\r\n')[0]).toContain('"Engagement per 1,000 followers"');
    expect(prows.map((r) => Number(r[0]))).toEqual(prows.map((_, i) => i + 1));
    for (const r of prows) expect(r[3]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    const res = await lead.agent.get(`/api/reports/resonance?${PERIOD}&interval=day&format=csv`).expect(200);
    expect(res.text.split('\r\n')[0]).toMatch(/^Day,Comments,Unique commenters,Returning commenters,"Comments per 1,000 followers"/);
  });
});
