import type { EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@resonance/testing';
import { sqlClient } from '../src';

/** The adapter every pgTyped query runs through (libs/db/src/sql-client.ts), against real PostgreSQL. */
describe('sqlClient', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await db.dataSource.query(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)`);
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    await db.dataSource.query(`TRUNCATE counter`);
    await db.dataSource.query(`INSERT INTO counter (id, n) VALUES (1, 10), (2, 20)`);
  });

  it('answers SELECT with its rows and their count', async () => {
    const answer = await sqlClient(db.dataSource).query(`SELECT id, n FROM counter WHERE n >= $1 ORDER BY id`, [15]);
    expect(answer).toEqual({ rows: [{ id: 2, n: 20 }], rowCount: 1 });
  });

  it('answers UPDATE … RETURNING with its rows, not TypeORM’s [rows, count]', async () => {
    const answer = await sqlClient(db.dataSource).query(`UPDATE counter SET n = n + 1 RETURNING id, n`, []);
    expect(answer.rowCount).toBe(2);
    expect(answer.rows.sort((a: { id: number }, b: { id: number }) => a.id - b.id)).toEqual([
      { id: 1, n: 11 },
      { id: 2, n: 21 },
    ]);
  });

  it('answers columns named with pgTyped’s nullability hints under their plain names, in the order of the statement', async () => {
    const answer = await sqlClient(db.dataSource).query(`SELECT id AS "id!", NULL::text AS "note?", n, 'a?b' AS "mid?dle" FROM counter ORDER BY id`, []);
    expect(answer.rows).toEqual([
      { id: 1, note: null, n: 10, 'mid?dle': 'a?b' },
      { id: 2, note: null, n: 20, 'mid?dle': 'a?b' },
    ]);
    expect(answer.rows.map((row: object) => Object.keys(row))).toEqual([
      ['id', 'note', 'n', 'mid?dle'],
      ['id', 'note', 'n', 'mid?dle'],
    ]);
  });

  it('answers a statement without result columns (SET) with no rows', async () => {
    expect(await sqlClient(db.dataSource).query(`SET application_name = 'sql-client-test'`, [])).toEqual({ rows: [], rowCount: 0 });
  });

  it('answers DELETE without RETURNING with no rows and the count it deleted', async () => {
    expect(await sqlClient(db.dataSource).query(`DELETE FROM counter WHERE id = $1`, [1])).toEqual({ rows: [], rowCount: 1 });
  });

  it('runs in the transaction of the manager it is given (a rollback undoes its statements)', async () => {
    await expect(
      db.dataSource.transaction(async (tx) => {
        await sqlClient(tx).query(`UPDATE counter SET n = 99 WHERE id = 1`, []);
        // Inside the transaction the change is there; outside it (another pooled connection) not yet.
        expect((await sqlClient(tx).query(`SELECT n FROM counter WHERE id = 1`, [])).rows).toEqual([{ n: 99 }]);
        expect((await sqlClient(db.dataSource).query(`SELECT n FROM counter WHERE id = 1`, [])).rows).toEqual([{ n: 10 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await sqlClient(db.dataSource).query(`SELECT n FROM counter WHERE id = 1`, [])).rows).toEqual([{ n: 10 }]);
  });

  it('refuses the manager of a transaction that has ended instead of running outside it', async () => {
    let ended: EntityManager | undefined;
    await db.dataSource.transaction((tx) => {
      ended = tx;
      return Promise.resolve();
    });
    await expect(sqlClient(ended!).query(`UPDATE counter SET n = 0`, [])).rejects.toThrow(/has already ended/);
    expect((await sqlClient(db.dataSource).query(`SELECT sum(n)::int AS total FROM counter`, [])).rows).toEqual([{ total: 30 }]);
  });

  it('hands its pooled connection back after each statement, also when the statement fails', async () => {
    // A pool of 5: twenty failing statements in a row would exhaust it if a runner leaked.
    for (let i = 0; i < 20; i++) await expect(sqlClient(db.dataSource).query(`SELECT * FROM no_such_table`, [])).rejects.toThrow(/no_such_table/);
    expect((await sqlClient(db.dataSource).query(`SELECT 1 AS one`, [])).rows).toEqual([{ one: 1 }]);
  });
});
