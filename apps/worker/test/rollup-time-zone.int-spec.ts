import type { MessageRecord } from '@resonance/contracts';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups } from '../src';

const UNKNOWN_ZONE = 'Mars/Olympus_Mons';
const ALL_DAY = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['00:00', '23:59']]]));

/**
 * A workspace time zone PostgreSQL does not know — stored before the api and the database checked
 * it, or dropped by a tzdata update — must not stop the rollups: its workspace counts days in UTC
 * and the worker says so once; the other workspaces keep their own zones. The database refuses to
 * store a new unknown zone (migration 1733660000000).
 */
describe('rollups of a workspace whose time zone PostgreSQL does not know', () => {
  let db: TestDatabase;
  let store: IngestStore;
  let broken: Workspace;
  let newYork: Workspace;
  const warnings: string[] = [];
  let rollups: Rollups;

  // 02:00 UTC on 4 November is still 3 November in New York (UTC-5).
  const thread = (channel: ChannelAccount, key: string, day = '2026-11-04'): MessageRecord[] => [
    {
      kind: 'message',
      network: 'facebook',
      externalId: `${key}-in`,
      threadKey: key,
      channel: 'comment',
      postExternalId: 'post-1',
      author: { externalId: 'kim', name: 'Kim' },
      text: 'Wann kommt meine Bestellung?',
      createdAt: `${day}T02:00:00Z`,
    },
    {
      kind: 'message',
      network: 'facebook',
      externalId: `${key}-out`,
      threadKey: key,
      channel: 'comment',
      postExternalId: 'post-1',
      author: { externalId: channel.externalId, name: 'The Page' },
      text: 'Morgen!',
      createdAt: `${day}T02:30:00Z`,
    },
  ];
  const days = async (workspace: Workspace) =>
    (
      await db.dataSource.query(
        `SELECT (SELECT array_agg(DISTINCT to_char(day, 'YYYY-MM-DD')) FROM report_comment_daily WHERE workspace_id = $1) AS comments,
              (SELECT array_agg(DISTINCT to_char(day, 'YYYY-MM-DD')) FROM report_response_event WHERE workspace_id = $1) AS responses,
              (SELECT sum(business_n)::int FROM report_response_daily WHERE workspace_id = $1) AS business_n`,
        [workspace.id],
      )
    )[0] as { comments: string[] | null; responses: string[] | null; business_n: number | null };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new IngestStore(db.dataSource);
    rollups = new Rollups(db.dataSource, (message) => warnings.push(message));
    broken = await makeWorkspace(db.dataSource, { timezone: 'Europe/Berlin', businessHours: ALL_DAY as never });
    newYork = await makeWorkspace(db.dataSource, { timezone: 'America/New_York', businessHours: ALL_DAY as never });
    // As if stored before the database checked zones: the check is bypassed for this one update.
    await db.dataSource.query(`ALTER TABLE workspace DISABLE TRIGGER USER`);
    await db.dataSource.query(`UPDATE workspace SET timezone = $2 WHERE id = $1`, [broken.id, UNKNOWN_ZONE]);
    await db.dataSource.query(`ALTER TABLE workspace ENABLE TRIGGER USER`);
  });
  afterAll(() => db?.drop());

  it('drains the rollups of every workspace, counting the unknown zone in UTC, and says so once per workspace', async () => {
    const brokenChannel = await makeChannel(db.dataSource, broken);
    const newYorkChannel = await makeChannel(db.dataSource, newYork);
    await store.ingest(brokenChannel.id, thread(brokenChannel, 'T1'));
    await store.ingest(newYorkChannel.id, thread(newYorkChannel, 'T1'));
    expect((await rollups.drainAll()).threads).toBe(2);

    expect(await days(broken)).toEqual({ comments: ['2026-11-04'], responses: ['2026-11-04'], business_n: 2 });
    expect(await days(newYork)).toEqual({ comments: ['2026-11-03'], responses: ['2026-11-03'], business_n: 2 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(broken.id);
    expect(warnings[0]).toContain(UNKNOWN_ZONE);

    // The next drain: stored again, not reported again.
    await store.ingest(brokenChannel.id, thread(brokenChannel, 'T2', '2026-11-05'));
    expect((await rollups.drainAll()).threads).toBe(1);
    expect((await days(broken)).comments).toEqual(['2026-11-04', '2026-11-05']);
    expect(warnings).toHaveLength(1);
  });

  it('rebuilds the workspace in UTC as well', async () => {
    const before = await days(broken);
    await rollups.rebuild({ workspaceId: broken.id });
    expect(await days(broken)).toEqual(before);
  });

  it('refuses to store an unknown zone, on insert and on update, and accepts known ones', async () => {
    await expect(db.dataSource.query(`UPDATE workspace SET timezone = 'US/Pacific-New' WHERE id = $1`, [newYork.id])).rejects.toThrow(
      /workspace time zone 'US\/Pacific-New' is not a time zone PostgreSQL knows/,
    );
    await expect(makeWorkspace(db.dataSource, { timezone: UNKNOWN_ZONE })).rejects.toThrow(/not a time zone PostgreSQL knows/);
    const [{ timezone }] = await db.dataSource.query<Array<{ timezone: string }>>(`SELECT timezone FROM workspace WHERE id = $1`, [newYork.id]);
    expect(timezone).toBe('America/New_York');

    await db.dataSource.query(`UPDATE workspace SET timezone = 'Asia/Tokyo' WHERE id = $1`, [newYork.id]);
    // A workspace still holding an old unknown zone can change everything else.
    await db.dataSource.query(`UPDATE workspace SET name = 'Renamed', timezone = timezone WHERE id = $1`, [broken.id]);
    // Then it gets a real zone, and its rebuild uses it.
    await db.dataSource.query(`UPDATE workspace SET timezone = 'America/New_York' WHERE id = $1`, [broken.id]);
    await rollups.rebuild({ workspaceId: broken.id });
    expect((await days(broken)).comments).toEqual(['2026-11-03', '2026-11-04']);
  });
});
