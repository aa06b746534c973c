import type { IDatabaseConnection } from '@pgtyped/runtime';
import { createTestDatabase, makeWorkspace, type TestDatabase } from '@resonance/testing';
import { GROUPINGS, INTERVALS, type Grouping, type Interval } from '../../src/reports/report-query';
import { intentMix, responseTotals, resonanceComments } from '../../src/reports/reports.queries';

/**
 * reports.sql chooses the period label and the grouping with a CASE on a parameter. That costs
 * nothing only because `pg` sends every statement unnamed, which PostgreSQL plans with the values
 * given (a custom plan): the CASE folds to the one expression the report asked for, the plan is the
 * one the hand-written statement had (docs/data-layer.md). Were the statement ever planned without
 * its values (a named prepared statement reused, plan_cache_mode = force_generic_plan), every row
 * would evaluate the whole CASE: this test sees that in the plan (it fails so when the statement is
 * prepared by name under plan_cache_mode = force_generic_plan).
 */
describe('report statements plan with their parameters folded (reports.sql)', () => {
  let db: TestDatabase;
  let workspaceId: string;

  /** The statement text and values pgTyped sends for a query, without running it. */
  async function statementOf(run: (c: IDatabaseConnection) => Promise<unknown>): Promise<{ sql: string; values: unknown[] }> {
    let sent: { sql: string; values: unknown[] } | undefined;
    await run({
      query: (sql, values) => {
        sent = { sql, values };
        return Promise.resolve({ rows: [], rowCount: 0 });
      },
    });
    if (!sent) throw new Error('the query sent nothing');
    return sent;
  }

  async function plan(run: (c: IDatabaseConnection) => Promise<unknown>): Promise<string> {
    const { sql, values } = await statementOf(run);
    const rows: Array<{ 'QUERY PLAN': string }> = await db.dataSource.query(`EXPLAIN (VERBOSE, COSTS OFF) ${sql}`, values);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  const params = (interval: Interval, groupBy: Grouping) => ({
    workspaceId,
    from: '2026-09-01',
    to: '2026-11-29',
    network: null,
    channel: null,
    interval,
    groupBy,
  });

  /** What the period label of each interval must plan as: exactly the old periodSql() expression. */
  const PERIOD_IN_PLAN: Record<Interval, RegExp> = {
    total: /'total'::text/,
    day: /to_char\(\(report_\w+\.day\)::timestamp with time zone, 'YYYY-MM-DD'::text\)/,
    week: /to_char\(date_trunc\('week'::text, \(report_\w+\.day\)::timestamp with time zone\), 'YYYY-MM-DD'::text\)/,
    month: /to_char\(\(report_\w+\.day\)::timestamp with time zone, 'YYYY-MM'::text\)/,
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    workspaceId = (await makeWorkspace(db.dataSource)).id;
  });
  afterAll(() => db.drop());

  it.each(INTERVALS.flatMap((interval) => GROUPINGS.map((groupBy) => [interval, groupBy] as const)))(
    'interval %s, groupBy %s: no CASE left in the plan',
    async (interval, groupBy) => {
      const plans = [
        await plan((c) => responseTotals.run(params(interval, groupBy), c)),
        await plan((c) => resonanceComments.run(params(interval, groupBy), c)),
        await plan((c) => intentMix.run(params(interval, groupBy), c)),
      ];
      for (const text of plans) {
        expect(text).not.toMatch(/CASE/);
        expect(text).toMatch(PERIOD_IN_PLAN[interval]);
        // The optional filters fold away too: no parameter test is left for network or channel.
        expect(text).not.toMatch(/IS NULL/);
      }
    },
  );
});
