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

/**
 * A span row per (contact, day): the day, the contact's next comment day ('infinity' if none) and
 * whether it commented before — what report_commenter_span counts. `rows` has the columns of
 * report_commenter_daily; every day of a contact must be in it.
 */
export const commenterSpans = (rows: string) => `
  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
         lag(day) OVER w IS NOT NULL AS has_prev
    FROM ${rows} WINDOW w AS (PARTITION BY contact_id ORDER BY day)`;

const SPAN_KEY = 'workspace_id, day, next_day, channel_account_id, network, has_prev';

/**
 * The commenter rows of the days about to be recomputed, kept for UPDATE_COMMENTER_SPANS_SQL (a
 * temporary table of this transaction: created before DELETE_DAYS_SQL, dropped after the update).
 */
export const CREATE_REPLACED_COMMENTER_DAYS_SQL = `
  CREATE TEMPORARY TABLE replaced_commenter_day ON COMMIT DROP AS
  SELECT workspace_id, day, channel_account_id, network, contact_id FROM report_commenter_daily LIMIT 0`;

export const SAVE_REPLACED_COMMENTER_DAYS_SQL = `
  INSERT INTO replaced_commenter_day
  SELECT workspace_id, day, channel_account_id, network, contact_id FROM report_commenter_daily WHERE ${IN_PAIRS}`;

/**
 * After INSERT_COMMENTER_DAILY_SQL: replaces the span counts of the contacts that had or now have a
 * row on the recomputed days — their spans before (their other days + the replaced rows) are
 * subtracted, their spans now added — in one statement; counts that reach 0 are deleted. Touches
 * only those contacts' rows (report_commenter_daily_contact_idx), never all commenters. A count
 * that would go negative fails the drain (CHECK), i.e. the table had drifted: run `resonance rollup`.
 */
export const UPDATE_COMMENTER_SPANS_SQL = `
  WITH touched AS (
    SELECT contact_id FROM replaced_commenter_day
    UNION
    SELECT contact_id FROM report_commenter_daily WHERE ${IN_PAIRS}
  ), days_now AS (
    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id
      FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
  ), days_before AS (
    SELECT * FROM days_now n
     WHERE NOT EXISTS (SELECT 1 FROM (${PAIRS}) p WHERE p.workspace_id = n.workspace_id AND p.day = n.day)
    UNION ALL
    SELECT * FROM replaced_commenter_day
  ), delta AS (
    SELECT ${SPAN_KEY}, sum(n)::int AS n
      FROM (SELECT *, 1 AS n FROM (${commenterSpans('days_now')}) spans_now
            UNION ALL
            SELECT *, -1 FROM (${commenterSpans('days_before')}) spans_before) c
     GROUP BY ${SPAN_KEY} HAVING sum(n) <> 0
  ), merged AS (
    SELECT ${SPAN_KEY}, COALESCE(s.commenters, 0) + d.n AS commenters
      FROM delta d LEFT JOIN report_commenter_span s USING (${SPAN_KEY})
  ), emptied AS (
    DELETE FROM report_commenter_span s USING merged m
     WHERE m.commenters = 0 AND (s.workspace_id, s.day, s.next_day, s.channel_account_id, s.network, s.has_prev)
                              = (m.workspace_id, m.day, m.next_day, m.channel_account_id, m.network, m.has_prev)
  )
  INSERT INTO report_commenter_span (${SPAN_KEY}, commenters)
  SELECT ${SPAN_KEY}, commenters FROM merged WHERE commenters <> 0
  ON CONFLICT (${SPAN_KEY}) DO UPDATE SET commenters = excluded.commenters`;

export const DROP_REPLACED_COMMENTER_DAYS_SQL = `DROP TABLE replaced_commenter_day`;

/** A commenter's first day only moves earlier here; the full rebuild recomputes it from scratch. */
export const UPSERT_COMMENTER_FIRST_DAY_SQL = `
  INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE ${IN_PAIRS}
   GROUP BY contact_id, workspace_id
  ON CONFLICT (contact_id) DO UPDATE SET first_day = LEAST(report_commenter.first_day, excluded.first_day)
   WHERE excluded.first_day < report_commenter.first_day`;
