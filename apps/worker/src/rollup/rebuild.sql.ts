/**
 * The full rebuild of one workspace's daily rollups ($1 = workspace id), set-based: one statement
 * per table over the whole workspace instead of day-batched statements. Each statement computes
 * exactly what its day-level counterpart in day-rollups.sql.ts computes for every day at once
 * (the rollups test checks rebuild = incremental), so the two must change together.
 */

import { commenterSpans } from './day-rollups.sql';

const RESPONSE_KEY = 'workspace_id, day, channel_account_id, network, channel, agent_id, kind';

export const REBUILD_RESPONSE_DAILY_SQL = `
  INSERT INTO report_response_daily (${RESPONSE_KEY}, n, seconds_sum, business_n, business_seconds_sum,
                                     within_target, within_target_business)
  SELECT ${RESPONSE_KEY}, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
    FROM report_response_event WHERE workspace_id = $1
   GROUP BY ${RESPONSE_KEY}`;

export const REBUILD_RESPONSE_HIST_SQL = `
  INSERT INTO report_response_hist (${RESPONSE_KEY}, clock, bucket, n, seconds_sum)
  SELECT ${RESPONSE_KEY}, 'calendar', resonance_duration_bucket(seconds), count(*), sum(seconds)
    FROM report_response_event WHERE workspace_id = $1
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  UNION ALL
  SELECT ${RESPONSE_KEY}, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
    FROM report_response_event WHERE workspace_id = $1 AND business_seconds IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9`;

// "Answered" = some response of the account in the thread is later than the comment, i.e. the
// comment is older than the thread's last response: one hash join against the threads' last
// response instead of an EXISTS probe per inbound message (the day-level statement's cost).
export const REBUILD_COMMENT_DAILY_SQL = `
  WITH last_response AS (
    SELECT r.thread_id, max(r.created_at) AS at FROM message r
     WHERE r.workspace_id = $1 AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)
     GROUP BY r.thread_id
  )
  INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent,
                                    comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
  SELECT m.workspace_id, (m.created_at AT TIME ZONE w.timezone)::date, m.channel_account_id, t.network, t.channel,
         COALESCE(t.post_id, 0), COALESCE(m.intent, 'unclassified'),
         count(*),
         count(*) FILTER (WHERE lr.at > m.created_at),
         COALESCE(sum(m.sentiment), 0), count(m.sentiment),
         count(*) FILTER (WHERE m.handled_at IS NOT NULL),
         COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0)
    FROM message m
    JOIN workspace w ON w.id = m.workspace_id
    JOIN thread t ON t.id = m.thread_id
    LEFT JOIN last_response lr ON lr.thread_id = m.thread_id
   WHERE m.workspace_id = $1 AND NOT m.is_from_account
   GROUP BY 1, 2, 3, 4, 5, 6, 7`;

export const REBUILD_COMMENTER_DAILY_SQL = `
  INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
  SELECT m.workspace_id, (m.created_at AT TIME ZONE w.timezone)::date, m.channel_account_id, t.network,
         m.author_contact_id, count(*)
    FROM message m
    JOIN workspace w ON w.id = m.workspace_id
    JOIN thread t ON t.id = m.thread_id AND t.channel = 'comment'
   WHERE m.workspace_id = $1 AND NOT m.is_from_account AND m.author_contact_id IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5`;

export const REBUILD_COMMENTER_FIRST_DAY_SQL = `
  INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE workspace_id = $1
   GROUP BY contact_id, workspace_id`;

/** After REBUILD_COMMENTER_DAILY_SQL: the span counts from the workspace's commenter days. */
export const REBUILD_COMMENTER_SPAN_SQL = `
  INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
  SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)
    FROM (${commenterSpans('(SELECT * FROM report_commenter_daily WHERE workspace_id = $1) d')}) s
   GROUP BY 1, 2, 3, 4, 5, 6`;
