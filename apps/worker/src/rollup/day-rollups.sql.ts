/**
 * Daily rollups of a set of (workspace, day) pairs, recomputed whole: delete, then insert from the
 * response events (response tables) or from that day's messages (comment tables). $1 = workspace
 * ids, $2 = days, zipped. A day is a calendar day in the workspace's time zone.
 */
const PAIRS = `SELECT * FROM unnest($1::uuid[], $2::date[]) AS p(workspace_id, day)`;
const IN_PAIRS = `(workspace_id, day) IN (${PAIRS})`;

export const DELETE_DAYS_SQL = ['report_response_daily', 'report_response_hist', 'report_comment_daily', 'report_commenter_daily'].map(
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

const DAY_MESSAGES = `
  WITH bounds AS (
    SELECT p.workspace_id, p.day, (p.day::timestamp AT TIME ZONE w.timezone) AS lo,
           ((p.day + 1)::timestamp AT TIME ZONE w.timezone) AS hi
      FROM (${PAIRS}) p JOIN workspace w ON w.id = p.workspace_id
  )`;

export const INSERT_COMMENT_DAILY_SQL = `${DAY_MESSAGES}
  INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent,
                                    comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
  SELECT b.workspace_id, b.day, m.channel_account_id, t.network, t.channel, COALESCE(t.post_id, 0),
         COALESCE(m.intent, 'unclassified'),
         count(*),
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM message r WHERE r.thread_id = m.thread_id AND r.is_from_account
              AND (r.delivery = 'sent' OR r.external_id IS NOT NULL) AND r.created_at > m.created_at)),
         COALESCE(sum(m.sentiment), 0), count(m.sentiment),
         count(*) FILTER (WHERE m.handled_at IS NOT NULL),
         COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0)
    FROM bounds b
    JOIN message m ON m.workspace_id = b.workspace_id AND m.created_at >= b.lo AND m.created_at < b.hi
                  AND NOT m.is_from_account
    JOIN thread t ON t.id = m.thread_id
   GROUP BY 1, 2, 3, 4, 5, 6, 7`;

export const INSERT_COMMENTER_DAILY_SQL = `${DAY_MESSAGES}
  INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
  SELECT b.workspace_id, b.day, m.channel_account_id, t.network, m.author_contact_id, count(*)
    FROM bounds b
    JOIN message m ON m.workspace_id = b.workspace_id AND m.created_at >= b.lo AND m.created_at < b.hi
                  AND NOT m.is_from_account AND m.author_contact_id IS NOT NULL
    JOIN thread t ON t.id = m.thread_id AND t.channel = 'comment'
   GROUP BY 1, 2, 3, 4, 5`;

/** A commenter's first day only moves earlier here; the full rebuild recomputes it from scratch. */
export const UPSERT_COMMENTER_FIRST_DAY_SQL = `
  INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE ${IN_PAIRS}
   GROUP BY contact_id, workspace_id
  ON CONFLICT (contact_id) DO UPDATE SET first_day = LEAST(report_commenter.first_day, excluded.first_day)
   WHERE excluded.first_day < report_commenter.first_day`;
