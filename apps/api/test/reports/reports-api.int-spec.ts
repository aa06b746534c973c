import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { Rollups } from '@resonance/worker';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';
import { seedFixture, type Fixture } from './fixture';

const NOVEMBER = 'period=2026-11-01..2026-11-30';

describe('reports API (hand-computed fixture)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let fx: Fixture;
  let analyst: Session;
  let agent: Session;
  let outsider: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await seedFixture(db.dataSource);
    app = await createApi(testConfig(), db.url);
    await app.init();
    analyst = await login(app, (await makeLoginUser(db.dataSource, fx.workspace, 'analyst')).email);
    agent = await login(app, (await makeLoginUser(db.dataSource, fx.workspace, 'agent')).email);
    outsider = await login(app, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('response times: first response, reply time, business hours, SLA and handled, as computed by hand', async () => {
    const res = await analyst.agent.get(`/api/reports/response-times?${NOVEMBER}`).expect(200);
    expect(res.body.definitions.reply).toMatch(/oldest inbound message/);
    expect(res.body.rows).toEqual([
      {
        period: 'total',
        group: null,
        // first: A 1800, B 230400 (Fri 17:00 → Mon 09:00), D 600; business: 1800, 7200, 600
        firstResponse: {
          count: 3,
          median: 1800,
          p90: 230400,
          mean: 77600,
          business: { count: 3, median: 1800, p90: 7200, mean: 3200 },
          sla: { attained: 0.6667, businessAttained: 0.6667 },
        },
        // replies: A 1800, B 230400, D 600 and 7200 (reopened: from the 14:00 comment, not 14:30)
        reply: {
          count: 4,
          median: 1800,
          p90: 230400,
          mean: 60000,
          business: { count: 4, median: 1800, p90: 7200, mean: 4200 },
          sla: { attained: 0.5, businessAttained: 0.5 },
        },
        // C hidden after 20 minutes: handled, not a reply
        handled: { count: 1, withinTarget: 1, mean: 1200 },
        serviceLevel: 0.6,
      },
    ]);
  });

  it('groups response times by agent (native answers apart) and by day', async () => {
    const byAgent = await agent.agent.get(`/api/reports/response-times?${NOVEMBER}&groupBy=agent`).expect(200);
    const rows = Object.fromEntries(byAgent.body.rows.map((r: { group: string }) => [r.group, r]));
    expect(Object.keys(rows).sort()).toEqual([fx.agent.id, 'native'].sort());
    expect(rows[fx.agent.id].reply).toMatchObject({ count: 1, mean: 230400 });
    expect(rows[fx.agent.id].handled).toEqual({ count: 1, withinTarget: 1, mean: 1200 });
    expect(rows.native.reply).toMatchObject({ count: 3, median: 1800, mean: 3200 });
    const byDay = await analyst.agent.get(`/api/reports/response-times?${NOVEMBER}&interval=day`).expect(200);
    expect(byDay.body.rows.map((r: { period: string; reply: { count: number } }) => [r.period, r.reply.count])).toEqual([
      ['2026-11-03', 1],
      ['2026-11-04', 0],
      ['2026-11-05', 2],
      ['2026-11-09', 1],
    ]);
  });

  it('resonance: comments, commenters, per 1,000 followers/views, share answered, weighted engagement', async () => {
    const res = await analyst.agent.get(`/api/reports/resonance?${NOVEMBER}`).expect(200);
    const [row] = res.body.rows;
    expect(row).toMatchObject({
      comments: 6,
      uniqueCommenters: 3,
      returningCommenters: 1, // lena: 3 Nov and again 5 Nov
      commentsPer1000Followers: 3, // 6 / 2000 × 1000
      commentsPer1000Views: 1.5, // 6 / 4000 × 1000
      shareAnswered: 0.8333, // all but the hidden spam comment
    });
    const mix = Object.values(row.intentMix as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(mix).toBeCloseTo(1, 3);
    expect(row.sentiment).toBeGreaterThanOrEqual(-1);
    // (100 reactions + 2·6 comments + 3·10 shares) / 2000 followers
    expect(res.body.topPosts[0]).toMatchObject({ external_id: 'post-1', weightedEngagement: 0.071 });
    const post = await analyst.agent.get(`/api/reports/posts/${res.body.topPosts[0].id}`).expect(200);
    expect(post.body.rows[0]).toMatchObject({ comments: 6, uniqueCommenters: 3, weightedEngagement: 0.071, shareAnswered: 0.8333 });
  });

  it('keeps, counts and applies an agent correction of an intent label', async () => {
    const [d4] = await db.dataSource.query<Array<{ id: string; intent: string }>>(
      `SELECT id::text, intent FROM message WHERE channel_account_id = $1 AND external_id = 'd4'`,
      [fx.channel.id],
    );
    const target = d4.intent === 'praise' ? 'product_question' : 'praise';
    const before = await analyst.agent.get(`/api/reports/intents?${NOVEMBER}`).expect(200);
    await agent.agent.post('/api/reports/intents/corrections').set('X-CSRF-Token', agent.csrf).send({ messageId: d4.id, intent: target }).expect(201);
    await new Rollups(db.dataSource).drainAll();
    const after = await analyst.agent.get(`/api/reports/intents?${NOVEMBER}`).expect(200);
    expect(after.body.corrections).toEqual({ total: 1, changes: [{ from: d4.intent, to: target, n: 1 }] });
    expect(after.body.rows[0].intents[target].count).toBe(before.body.rows[0].intents[target].count + 1);
    expect(after.body.perceptionGap.map((g: { topic: string }) => g.topic)).toEqual(['deals', 'product', 'service', 'brand']);
  });

  it('exports every report and one row per thread as CSV', async () => {
    const res = await analyst.agent
      .get(`/api/reports/response-times?${NOVEMBER}&format=csv`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const [header, line] = res.text.trim().split('\r\n');
    const cols = header.split(',');
    // Named columns in minutes (1800 s), the period as its days.
    expect(line.split(',')[cols.indexOf('First response median (minutes)')]).toBe('30');
    expect(line.split(',')[cols.indexOf('Handled without reply')]).toBe('1');
    expect(line.split(',')[cols.indexOf('Period')]).toBe('2026-11-01 to 2026-11-30');
    for (const path of ['resonance', 'intents', 'channels-health']) {
      const r = await analyst.agent.get(`/api/reports/${path}?${NOVEMBER}&format=csv`).expect(200);
      expect(r.text.split('\r\n').length).toBeGreaterThan(2);
    }
    const threads = await analyst.agent
      .get(`/api/reports/threads?${NOVEMBER}`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = threads.text.trim().split('\r\n');
    expect(lines).toHaveLength(5); // header + threads A–D
    const tcols = lines[0].split(',');
    expect(lines.slice(1).map((l) => l.split(',')[tcols.indexOf('first_response_seconds')])).toEqual(['1800', '', '600', '230400']);
  });

  it('enforces roles and the workspace', async () => {
    await agent.agent.get(`/api/reports/resonance?${NOVEMBER}`).expect(403);
    await analyst.agent.get('/api/reports/response-times?period=yesterday').expect(400);
    const other = await outsider.agent.get(`/api/reports/response-times?${NOVEMBER}`).expect(200);
    expect(other.body.rows).toEqual([]);
    const health = await outsider.agent.get(`/api/reports/channels-health`).expect(200);
    expect(health.body.rows).toEqual([]);
  });
});
