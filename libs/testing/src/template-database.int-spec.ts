import { Client } from 'pg';
import { testServices } from '@resonance/config';
import { MIGRATIONS, withDatabase } from '@resonance/db';
import { createTestDatabase, type TestDatabase } from './database';
import { migratedTemplate } from './template-database';

const appliedNames = async (db: TestDatabase) =>
  (await db.dataSource.query<Array<{ name: string }>>(`SELECT name FROM migrations ORDER BY id`)).map((r) => r.name);

describe('test databases copied from the migrated template', () => {
  const made: TestDatabase[] = [];
  afterAll(() => Promise.all(made.map((db) => db.drop())));

  it('hold every migration, each in its own database', async () => {
    // Four at once: copies of one template are made side by side (Jest runs files in parallel).
    const dbs = await Promise.all([1, 2, 3, 4].map(() => createTestDatabase()));
    made.push(...dbs);
    for (const db of dbs) expect(await appliedNames(db)).toEqual(MIGRATIONS.map((m) => new m().name));

    await dbs[0].dataSource.query(`INSERT INTO workspace (name, slug) VALUES ('only in the first', 'first')`);
    const counts = await Promise.all(dbs.map(async (db) => (await db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM workspace`))[0].n));
    expect(counts).toEqual([1, 0, 0, 0]);
  });

  it('is a template nothing connects to, so copying it never waits for or fails on a session', async () => {
    const serverUrl = testServices().databaseUrl;
    const template = await migratedTemplate(serverUrl);
    const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT datistemplate, datallowconn FROM pg_database WHERE datname = $1`, [template]);
      expect(rows).toEqual([{ datistemplate: true, datallowconn: false }]);
    } finally {
      await admin.end();
    }
    const direct = new Client({ connectionString: withDatabase(serverUrl, template) });
    await expect(direct.connect()).rejects.toMatchObject({ code: '55000' });
    await direct.end().catch(() => undefined);
  });

  it('leaves a database asked for without migrations empty', async () => {
    const db = await createTestDatabase({ migrate: false });
    made.push(db);
    const tables = await db.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables).toEqual([]);
  });
});
