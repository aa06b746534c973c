import type { INestApplication } from '@nestjs/common';
import type { MessageRecord, Network, PostRecord } from '@resonance/contracts';
import type { ChannelAccount } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '@resonance/worker';
import { createApi } from '../../src';
import { login, makeLoginUser, type Session } from '../support';
import { berlin } from './fixture';

/**
 * Unique and returning commenters over 4–18 Nov 2026 (Wed to Wed) in week buckets, clipped to the
 * period: 4–8 Nov (week of 2 Nov), 9–15 Nov, 16–18 Nov. Every comment at noon, Berlin time.
 *   facebook  anna  28 Oct (before), 5 Nov, 10 Nov, 20 Nov (after)
 *             ben   6 Nov (twice)
 *             cara  3 Nov (before the period, in the week of 2 Nov), 17 Nov
 *             finn  7 Nov, 8 Nov
 *   youtube   dora  9 Nov (twice), 16 Nov
 *             emil  18 Nov, 25 Nov (after)
 */
const PERIOD = 'period=2026-11-04..2026-11-18';

describe('resonance report: unique and returning commenters (hand-computed)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let analyst: Session;
  let facebook: ChannelAccount;
  let youtube: ChannelAccount;
  let store: IngestStore;

  const comments = (network: Network, author: string, ...days: string[]): MessageRecord[] =>
    days.map((day, i) => ({
      kind: 'message',
      network,
      externalId: `${author}-${day}-${i}`,
      threadKey: `${author}-${day}-${i}`,
      channel: 'comment',
      postExternalId: `${network}-post`,
      author: { externalId: author, name: author },
      text: 'Schön!',
      createdAt: berlin(day, '12:00'),
    }));
  const post = (network: Network): PostRecord => ({
    kind: 'post',
    network,
    externalId: `${network}-post`,
    text: 'Neu',
    publishedAt: berlin('2026-10-01', '12:00'),
    counts: {},
  });
  const report = async (query: string) => {
    const res = await analyst.agent.get(`/api/reports/resonance?${PERIOD}&${query}`).expect(200);
    return (res.body.rows as Array<{ period: string; group: string | null; uniqueCommenters: number; returningCommenters: number }>).map((r) => [
      r.period,
      r.group,
      r.uniqueCommenters,
      r.returningCommenters,
    ]);
  };
  const spans = () =>
    db.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') d, next_day::text, channel_account_id, network, has_prev, commenters
         FROM report_commenter_span ORDER BY 1, 2, 3, 5`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const workspace = await makeWorkspace(db.dataSource, { timezone: 'Europe/Berlin' });
    facebook = await makeChannel(db.dataSource, workspace, { network: 'facebook' });
    youtube = await makeChannel(db.dataSource, workspace, { network: 'youtube' });
    store = new IngestStore(db.dataSource);
    await store.ingest(facebook.id, [
      post('facebook'),
      ...comments('facebook', 'anna', '2026-10-28', '2026-11-05', '2026-11-10', '2026-11-20'),
      ...comments('facebook', 'ben', '2026-11-06', '2026-11-06'),
      ...comments('facebook', 'cara', '2026-11-03', '2026-11-17'),
      ...comments('facebook', 'finn', '2026-11-07', '2026-11-08'),
    ]);
    await store.ingest(youtube.id, [
      post('youtube'),
      ...comments('youtube', 'dora', '2026-11-09', '2026-11-09', '2026-11-16'),
      ...comments('youtube', 'emil', '2026-11-18', '2026-11-25'),
    ]);
    await new Rollups(db.dataSource).drainAll();
    app = await createApi(testConfig(), db.url);
    await app.init();
    analyst = await login(app, (await makeLoginUser(db.dataSource, workspace, 'analyst')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('counts each commenter once per week and channel, returning if it commented on any earlier day', async () => {
    expect(await report('interval=week&groupBy=channel')).toEqual(
      [
        // anna (28 Oct before), finn (7 Nov) returning; ben twice on one day is not; cara's 3 Nov is outside the period
        ['2026-11-02', facebook.id, 3, 2],
        ['2026-11-09', facebook.id, 1, 1], // anna
        ['2026-11-09', youtube.id, 1, 0], // dora, twice on 9 Nov
        ['2026-11-16', facebook.id, 1, 1], // cara (3 Nov)
        ['2026-11-16', youtube.id, 2, 1], // dora (9 Nov) returning, emil new
      ].sort((a, b) => (`${a[0]}/${a[1]}` < `${b[0]}/${b[1]}` ? -1 : 1)),
    );
    // Over the whole period: anna, cara, finn, dora returning; ben, emil new. A person counts once.
    expect(await report('interval=total')).toEqual([['total', null, 6, 4]]);
    expect(await report('interval=total&groupBy=network')).toEqual([
      ['total', 'facebook', 4, 3],
      ['total', 'youtube', 2, 1],
    ]);
    expect(await report(`interval=total&channel=${youtube.id}`)).toEqual([['total', null, 2, 1]]);
  });

  it('follows new comments through the rollup job, as a rebuild would', async () => {
    // ben comments again on 13 Nov; emil's first comment turns out to be 2 Nov (before the period).
    await store.ingest(facebook.id, comments('facebook', 'ben', '2026-11-13'));
    await store.ingest(youtube.id, comments('youtube', 'emil', '2026-11-02'));
    await new Rollups(db.dataSource).drainAll();
    expect(await report('interval=week&groupBy=channel')).toEqual(
      [
        ['2026-11-02', facebook.id, 3, 2], // ben's last day in the week is still 6 Nov, with nothing before
        ['2026-11-09', facebook.id, 2, 2], // anna, ben (6 Nov)
        ['2026-11-09', youtube.id, 1, 0],
        ['2026-11-16', facebook.id, 1, 1],
        ['2026-11-16', youtube.id, 2, 2], // dora, emil (2 Nov)
      ].sort((a, b) => (`${a[0]}/${a[1]}` < `${b[0]}/${b[1]}` ? -1 : 1)),
    );
    expect(await report('interval=total')).toEqual([['total', null, 6, 6]]);
    const incremental = await spans();
    await new Rollups(db.dataSource).rebuild();
    expect(await spans()).toEqual(incremental);
  });
});
