import { createTestDatabase, type TestDatabase } from '@resonance/testing';
import { createFunctionSql, normaliseSql, SCHEMA_FUNCTIONS, SCHEMA_TRIGGERS, type SchemaFunction } from '../src/schema/functions';

const VOLATILITY = { i: 'immutable', s: 'stable', v: 'volatile' } as const;
const PARALLEL = { s: 'safe', r: 'restricted', u: 'unsafe' } as const;

interface ProcRow {
  name: string;
  arguments: string;
  returns: string;
  language: string;
  volatility: keyof typeof VOLATILITY;
  parallel: keyof typeof PARALLEL;
  body: string;
}

/** The schema's own functions: public, not created by an extension (uuid-ossp's are not ours). */
const OWN_FUNCTIONS = `
  SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS returns,
         l.lanname AS language, p.provolatile AS volatility, p.proparallel AS parallel, p.prosrc AS body
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_language l ON l.oid = p.prolang
   WHERE n.nspname = 'public'
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
   ORDER BY p.proname`;

const OWN_TRIGGERS = `
  SELECT t.tgname AS name, c.relname AS "table", pg_get_triggerdef(t.oid) AS definition
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE NOT t.tgisinternal AND n.nspname = 'public'
   ORDER BY t.tgname`;

const moduleFunctions: SchemaFunction[] = Object.values(SCHEMA_FUNCTIONS);

describe('schema functions (libs/db/src/schema/functions.ts) against a freshly migrated database', () => {
  let db: TestDatabase;
  let procs: ProcRow[];
  beforeAll(async () => {
    db = await createTestDatabase();
    procs = await db.dataSource.query<ProcRow[]>(OWN_FUNCTIONS);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lists exactly the functions the database has (none missing, none extra)', () => {
    expect(procs.map((p) => p.name).sort()).toEqual(moduleFunctions.map((f) => f.name).sort());
  });

  it.each(moduleFunctions.map((f) => [f.name, f] as const))('%s has the body, signature and attributes of the module', (name, fn) => {
    const proc = procs.find((p) => p.name === name);
    expect(proc).toBeDefined();
    if (!proc) return;
    expect(normaliseSql(proc.body)).toBe(normaliseSql(fn.body));
    expect({
      arguments: proc.arguments,
      returns: proc.returns,
      language: proc.language,
      volatility: VOLATILITY[proc.volatility],
      parallel: PARALLEL[proc.parallel],
    }).toEqual({
      arguments: fn.arguments,
      returns: fn.returns,
      language: fn.language,
      volatility: fn.volatility,
      parallel: fn.parallel,
    });
  });

  it('lists exactly the triggers the database has, with their definitions', async () => {
    const triggers = await db.dataSource.query<Array<{ name: string; table: string; definition: string }>>(OWN_TRIGGERS);
    const normalise = (list: ReadonlyArray<{ name: string; table: string; definition: string }>) =>
      list.map((t) => ({ name: t.name, table: t.table, definition: normaliseSql(t.definition) })).sort((a, b) => a.name.localeCompare(b.name));
    expect(normalise(triggers)).toEqual(normalise(SCHEMA_TRIGGERS));
  });

  it('createFunctionSql() recreates each function as it is (what a new migration embeds)', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      for (const fn of moduleFunctions) await runner.query(createFunctionSql(fn));
      const after = await runner.manager.query<ProcRow[]>(OWN_FUNCTIONS);
      expect(after).toEqual(procs.map((p) => ({ ...p, body: expect.any(String) as unknown })));
      for (const fn of moduleFunctions) expect(normaliseSql(after.find((p) => p.name === fn.name)?.body ?? '')).toBe(normaliseSql(fn.body));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
