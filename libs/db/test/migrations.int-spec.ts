import { createTestDatabase, type TestDatabase } from '@resonance/testing';
import { MIGRATIONS } from '../src';

const tables = async (db: TestDatabase) =>
  (
    await db.dataSource.query<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
    )
  ).map((r) => r.table_name);

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('run up on an empty database, down to nothing, and up again', async () => {
    expect(await tables(db)).toEqual([]);

    const applied = await db.dataSource.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    const afterUp = await tables(db);
    expect(afterUp).toEqual(
      expect.arrayContaining(['audit_event', 'canned_response', 'channel_account', 'contact', 'message', 'note', 'post', 'thread', 'users', 'workspace']),
    );

    // Every migration's down undoes its up: nothing of ours is left, not even functions or types.
    for (const _migration of MIGRATIONS) await db.dataSource.undoLastMigration();
    expect(await tables(db)).toEqual([]);
    expect(
      await db.dataSource.query(`SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`),
    ).toEqual([]);

    await db.dataSource.runMigrations();
    expect(await tables(db)).toEqual(afterUp);
  });

  it('has the indexes the inbox list and the thread view use', async () => {
    const rows = await db.dataSource.query<Array<{ indexname: string; indexdef: string }>>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('thread', 'message')`,
    );
    const defs = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
    expect(defs.thread_inbox_idx).toMatch(/\(workspace_id, status, last_message_at DESC, id DESC\)/);
    expect(defs.message_thread_idx).toMatch(/\(thread_id, created_at, id\)/);
    expect(defs.message_external_unique).toMatch(/UNIQUE.*\(channel_account_id, external_id\) WHERE \(external_id IS NOT NULL\)/);
  });
});
