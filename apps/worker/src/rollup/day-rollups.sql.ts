/**
 * Response rollups of a set of (workspace, day) pairs, recomputed whole: delete, then insert from
 * the response events. $1 = workspace ids, $2 = days, zipped. A day is a calendar day in the
 * workspace's time zone. (The comment rollups follow their threads: thread-comments.sql.ts.)
 */
const PAIRS = `SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(workspace_id, day)`;
const IN_PAIRS = `(workspace_id, day) IN (${PAIRS})`;

export const DELETE_DAYS_SQL = ['report_response_daily', 'report_response_hist'].map(
  (table) => `DELETE FROM ${table} WHERE ${IN_PAIRS}`,
);

const RESPONSE_KEY = 'workspace_id, day, channel_account_id, network, channel, agent_id, kind';

export const INSERT_RESPONSE_DAILY_SQL = `
  INSERT INTO report_response_daily (${RESPONSE_KEY}, n, seconds_sum, business_n, business_seconds_sum,
                                     within_target, within_target_business)
  SELECT ${RESPONSE_KEY}, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
    FROM report_response_event WHERE ${IN_PAIRS}
   GROUP BY ${RESPONSE_KEY}`;

export const INSERT_RESPONSE_HIST_SQL = `
  INSERT INTO report_response_hist (${RESPONSE_KEY}, clock, bucket, n, seconds_sum)
  SELECT ${RESPONSE_KEY}, 'calendar', resonance_duration_bucket(seconds), count(*), sum(seconds)
    FROM report_response_event WHERE ${IN_PAIRS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  UNION ALL
  SELECT ${RESPONSE_KEY}, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
    FROM report_response_event WHERE ${IN_PAIRS} AND business_seconds IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9`;
