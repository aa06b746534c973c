/**
 * Response rollups of a set of (workspace, day) pairs, recomputed from the response events: the
 * daily rows deleted and inserted, the histogram rows changed where they differ, and the week rows
 * (report_response_hist_week) by the difference of their days' histogram rows, new − old.
 * $1 = workspace ids, $2 = days, zipped. A day is a calendar day in the workspace's time zone.
 * (The comment rollups follow their threads: thread-comments.sql.ts.)
 */
const PAIRS = `SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(workspace_id, day)`;
const IN_PAIRS = `(workspace_id, day) IN (${PAIRS})`;

export const DELETE_RESPONSE_DAILY_SQL = `DELETE FROM report_response_daily WHERE ${IN_PAIRS}`;

const RESPONSE_KEY = 'workspace_id, day, channel_account_id, network, channel, agent_id, kind';

export const INSERT_RESPONSE_DAILY_SQL = `
  INSERT INTO report_response_daily (${RESPONSE_KEY}, n, seconds_sum, business_n, business_seconds_sum,
                                     within_target, within_target_business)
  SELECT ${RESPONSE_KEY}, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
    FROM report_response_event WHERE ${IN_PAIRS}
   GROUP BY ${RESPONSE_KEY}`;

const HIST_KEY = `${RESPONSE_KEY}, clock, bucket`;

// The histogram rows of the pairs' days, computed from their events.
const FRESH_HIST_SQL = `
  SELECT ${RESPONSE_KEY}, 'calendar' AS clock, resonance_duration_bucket(seconds) AS bucket, count(*) AS n, sum(seconds) AS seconds_sum
    FROM report_response_event WHERE ${IN_PAIRS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  UNION ALL
  SELECT ${RESPONSE_KEY}, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
    FROM report_response_event WHERE ${IN_PAIRS} AND business_seconds IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9`;

/**
 * report_response_hist summed per week (Monday, workspace days) and over the channel kind
 * (migration 1733500000000): what reports read for whole weeks. Followed by `FROM` the day rows, as h.
 */
export const HIST_WEEK_SELECT = `
  SELECT h.workspace_id, date_trunc('week', h.day)::date AS week, h.channel_account_id, h.network, h.agent_id, h.kind, h.clock,
         h.bucket, sum(h.n) AS n, sum(h.seconds_sum) AS seconds_sum`;
export const HIST_WEEK_GROUP_BY = 'GROUP BY 1, 2, 3, 4, 5, 6, 7, 8';
export const HIST_WEEK_COLUMNS = 'workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum';
// The unique key report_response_hist_week_key: agent_id NULL (native answers) is one agent here.
const NO_AGENT = `'00000000-0000-0000-0000-000000000000'::uuid`;
const HIST_WEEK_KEY = ['workspace_id', 'week', 'channel_account_id', 'network', 'kind', 'clock', 'bucket'];
const sameWeekRow = (a: string, b: string) =>
  [...HIST_WEEK_KEY.map((c) => `${a}.${c} = ${b}.${c}`), `COALESCE(${a}.agent_id, ${NO_AGENT}) = COALESCE(${b}.agent_id, ${NO_AGENT})`].join(' AND ');

// A key column of a histogram row in `diff`: from the fresh row if there is one, else the stored one.
const eitherSide = (c: string) => `CASE WHEN f.bucket IS NULL THEN c.${c} ELSE f.${c} END AS ${c}`;
const sameHistRow = [...RESPONSE_KEY.split(', ').filter((k) => k !== 'agent_id'), 'clock', 'bucket']
  .map((k) => `f.${k} = c.${k}`).concat(`COALESCE(f.agent_id, ${NO_AGENT}) = COALESCE(c.agent_id, ${NO_AGENT})`).join(' AND ');

/**
 * Brings the histogram rows of the pairs' days to what their events give, and adds the difference
 * (new − old) to their weeks' rows, in one statement. Only rows that differ are rewritten (diff):
 * a drain recomputes every day its threads have events on, and most of those rows come back the
 * same, so neither the day rows nor the weeks pay for them. Week rows reaching n = 0 are deleted;
 * one going below (CHECK n > 0) means the week rows had drifted from the day rows: run
 * `resonance rollup`.
 */
export const REPLACE_RESPONSE_HIST_SQL = `
  WITH fresh AS (${FRESH_HIST_SQL}
  ), stored AS (
    SELECT ctid AS row, ${HIST_KEY}, n, seconds_sum FROM report_response_hist WHERE ${IN_PAIRS}
  ), diff AS (
    SELECT c.row, ${HIST_KEY.split(', ').map(eitherSide).join(', ')}, f.n, f.seconds_sum,
           COALESCE(f.n, 0) - COALESCE(c.n, 0) AS dn, COALESCE(f.seconds_sum, 0) - COALESCE(c.seconds_sum, 0) AS ds
      FROM fresh f FULL JOIN stored c ON ${sameHistRow}
     WHERE f.bucket IS NULL OR c.bucket IS NULL OR f.n <> c.n OR f.seconds_sum <> c.seconds_sum
  ), gone AS (
    DELETE FROM report_response_hist WHERE ctid = ANY (ARRAY(SELECT row FROM diff WHERE row IS NOT NULL))
  ), added AS (
    INSERT INTO report_response_hist (${HIST_KEY}, n, seconds_sum) SELECT ${HIST_KEY}, n, seconds_sum FROM diff WHERE n IS NOT NULL
  ), delta AS (
    SELECT workspace_id, date_trunc('week', day)::date AS week, channel_account_id, network, agent_id, kind, clock, bucket,
           sum(dn) AS n, sum(ds) AS seconds_sum
      FROM diff ${HIST_WEEK_GROUP_BY}
    HAVING sum(dn) <> 0 OR sum(ds) <> 0
  ), merged AS (
    SELECT d.workspace_id, d.week, d.channel_account_id, d.network, d.agent_id, d.kind, d.clock, d.bucket,
           COALESCE(r.n, 0) + d.n AS n, COALESCE(r.seconds_sum, 0) + d.seconds_sum AS seconds_sum
      -- A key lookup per changed bucket (OFFSET 0 keeps it one): hash-joined, the planner read the whole week table.
      FROM delta d LEFT JOIN LATERAL (SELECT r.n, r.seconds_sum FROM report_response_hist_week r WHERE ${sameWeekRow('r', 'd')} OFFSET 0) r ON true
  ), emptied AS (
    DELETE FROM report_response_hist_week r USING merged m WHERE m.n = 0 AND ${sameWeekRow('r', 'm')}
  )
  INSERT INTO report_response_hist_week (${HIST_WEEK_COLUMNS})
  SELECT ${HIST_WEEK_COLUMNS} FROM merged WHERE n <> 0
  ON CONFLICT (${HIST_WEEK_KEY.join(', ')}, COALESCE(agent_id, ${NO_AGENT}))
  DO UPDATE SET n = excluded.n, seconds_sum = excluded.seconds_sum`;
