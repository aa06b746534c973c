import type { INestApplication } from '@nestjs/common';
import type { MessageRecord, Network } from '@resonance/contracts';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';

/**
 * The regulars report (one query over report_commenter_daily, perception-gap.sql) against the same
 * lists computed directly from the messages: a seeded random world of commenters on three channels
 * (two on one network) in a workspace in Europe/Berlin, many comments a few minutes around local
 * midnight and across the change from summer time (25 Oct 2026), read over several periods and with
 * network and channel filters.
 */
const SEED = Number(process.env.REGULARS_SEED ?? Date.now() % 1_000_000);
const MIN_DAYS = 3;
const LISTED = 25;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Expected {
  contactId: string;
  name: string;
  handle: string | null;
  network: string;
  days: number;
  previousDays: number;
}
interface Listed {
  contactId: string;
  name: string | null;
  handle: string | null;
  networks: string[];
  days: number;
  previousDays: number;
}

describe(`regulars report against the messages (seed ${SEED}; REGULARS_SEED=${SEED} repeats it)`, () => {
  let db: TestDatabase;
  let app: INestApplication;
  let analyst: Session;
  let secondFacebook: string;

  beforeAll(async () => {
    process.stdout.write(`regulars.int-spec seed ${SEED}\n`);
    const random = seeded(SEED);
    db = await createTestDatabase();
    const workspace = await makeWorkspace(db.dataSource, { timezone: 'Europe/Berlin' });
    const channels: Array<{ id: string; network: Network; tag: string }> = [];
    for (const [network, tag] of [
      ['facebook', 'fa'],
      ['facebook', 'fb'],
      ['x', 'xa'],
    ] as const) {
      channels.push({ id: (await makeChannel(db.dataSource, workspace, { network, followers: 1000 })).id, network, tag });
    }
    secondFacebook = channels[1].id;
    const store = new IngestStore(db.dataSource);
    const start = Date.UTC(2026, 7, 20); // 20 Aug 2026: the previous period of the longest one read below
    const span = 110 * 86_400_000;
    for (const channel of channels) {
      const records: MessageRecord[] = [];
      for (let a = 0; a < 60; a++) {
        // Few comment, some often, as on real pages: 1–24 comments each, a third of the authors writing many.
        const count = random() < 0.33 ? 6 + Math.floor(random() * 19) : 1 + Math.floor(random() * 5);
        const author = `${channel.tag}${String(a).padStart(3, '0')}`;
        for (let i = 0; i < count; i++) {
          let at = start + Math.floor(random() * span);
          // Every other comment a few minutes either side of midnight in Berlin (22:00 or 23:00 UTC).
          if (random() < 0.5) at = at - (at % 86_400_000) + (random() < 0.5 ? 22 : 23) * 3_600_000 + (random() < 0.5 ? -1 : 1) * Math.floor(random() * 600_000);
          const id = `${author}-${i}`;
          const direct = random() < 0.1;
          records.push({
            kind: 'message',
            network: channel.network,
            externalId: id,
            threadKey: `t-${id}`,
            channel: direct ? 'direct' : 'comment',
            postExternalId: null,
            author: { externalId: author, name: author },
            text: `Comment ${id}`,
            createdAt: new Date(at).toISOString(),
          });
        }
      }
      await store.ingest(channel.id, records);
    }
    await new Rollups(db.dataSource).rebuild({ workspaceId: workspace.id });
    app = await createApi(testConfig(), db.url);
    await app.init();
    analyst = await login(app, (await makeLoginUser(db.dataSource, workspace, 'analyst')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Each commenter's distinct comment days (Berlin days) in the period and the one before, straight from message. */
  async function direct(from: string, to: string, previousFrom: string, filter: { network?: string; channel?: string }): Promise<Expected[]> {
    const rows = await db.dataSource.query<
      Array<{ contact_id: string; name: string; handle: string | null; network: string; days: number; previous_days: number }>
    >(
      `SELECT c.id::text AS contact_id, c.name, c.handle, t.network,
              count(DISTINCT (m.created_at AT TIME ZONE w.timezone)::date) FILTER (WHERE (m.created_at AT TIME ZONE w.timezone)::date BETWEEN $1 AND $2)::int AS days,
              count(DISTINCT (m.created_at AT TIME ZONE w.timezone)::date) FILTER (WHERE (m.created_at AT TIME ZONE w.timezone)::date BETWEEN $3 AND $1::date - 1)::int AS previous_days
         FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id JOIN contact c ON c.id = m.author_contact_id
        WHERE NOT m.is_from_account AND t.channel = 'comment' AND ($4::text IS NULL OR t.network = $4) AND ($5::uuid IS NULL OR m.channel_account_id = $5)
        GROUP BY 1, 2, 3, 4`,
      [from, to, previousFrom, filter.network ?? null, filter.channel ?? null],
    );
    return rows.map((r) => ({ contactId: r.contact_id, name: r.name, handle: r.handle, network: r.network, days: r.days, previousDays: r.previous_days }));
  }

  const byDaysThenName = (days: (e: Expected) => number) => (a: Expected, b: Expected) =>
    days(b) - days(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || Number(BigInt(a.contactId) - BigInt(b.contactId));
  const listed = (e: Expected): Listed => ({
    contactId: e.contactId,
    name: e.name,
    handle: e.handle,
    networks: [e.network],
    days: e.days,
    previousDays: e.previousDays,
  });

  const cases: Array<{ scope: string; period: string; from: string; to: string; previousFrom: string; network?: string; channel?: 'second facebook' }> = [
    { scope: 'all channels', period: '2026-11-01..2026-11-30', from: '2026-11-01', to: '2026-11-30', previousFrom: '2026-10-02' },
    { scope: 'network facebook', period: '2026-10-20..2026-11-18', from: '2026-10-20', to: '2026-11-18', previousFrom: '2026-09-20', network: 'facebook' },
    { scope: 'network x', period: '2026-10-20..2026-11-18', from: '2026-10-20', to: '2026-11-18', previousFrom: '2026-09-20', network: 'x' },
    {
      scope: 'the second Facebook channel',
      period: '2026-09-25..2026-11-23',
      from: '2026-09-25',
      to: '2026-11-23',
      previousFrom: '2026-07-27',
      channel: 'second facebook',
    },
    { scope: 'all channels', period: '2026-10-22..2026-10-28', from: '2026-10-22', to: '2026-10-28', previousFrom: '2026-10-15' },
    { scope: 'all channels', period: '2026-10-25..2026-10-25', from: '2026-10-25', to: '2026-10-25', previousFrom: '2026-10-24' },
  ];

  it.each(cases)('lists and counts the regulars and the silent ones of $period ($scope) as the messages do', async (c) => {
    const channel = c.channel ? secondFacebook : undefined;
    const all = await direct(c.from, c.to, c.previousFrom, { network: c.network, channel });
    const regulars = all.filter((e) => e.days >= MIN_DAYS).sort(byDaysThenName((e) => e.days));
    const silent = all.filter((e) => e.days === 0 && e.previousDays >= MIN_DAYS).sort(byDaysThenName((e) => e.previousDays));
    const query = `period=${c.period}${c.network ? `&network=${c.network}` : ''}${channel ? `&channel=${channel}` : ''}`;
    const res = await analyst.agent.get(`/api/reports/regulars?${query}`).expect(200);
    expect(res.body.previous).toEqual({ from: c.previousFrom, to: new Date(Date.parse(c.from) - 86_400_000).toISOString().slice(0, 10) });
    expect(res.body.minDays).toBe(MIN_DAYS);
    expect(res.body.counts).toEqual({ regulars: regulars.length, silent: silent.length });
    expect(res.body.regulars).toEqual(regulars.slice(0, LISTED).map(listed));
    expect(res.body.silent).toEqual(silent.slice(0, LISTED).map(listed));

    const csv = await analyst.agent.get(`/api/reports/regulars?${query}&format=csv`).expect(200);
    const lines = csv.text.trim().split('\r\n').slice(1);
    const expectedLines = [...regulars.map((e) => ['regular', e] as const), ...silent.map((e) => ['went silent', { ...e, days: 0 }] as const)].map(
      ([status, e]) => `${status},${e.name},${e.handle ?? ''},${e.network},${e.days},${e.previousDays}`,
    );
    expect(lines.map((l) => l.split(',').slice(0, 6).join(','))).toEqual(expectedLines);
  });

  it('has the data to tell: regulars and silent ones in the month, some lists longer than shown', async () => {
    const all = await direct('2026-11-01', '2026-11-30', '2026-10-02', {});
    expect(all.filter((e) => e.days >= MIN_DAYS).length).toBeGreaterThan(LISTED);
    expect(all.filter((e) => e.days === 0 && e.previousDays >= MIN_DAYS).length).toBeGreaterThan(0);
  });
});
