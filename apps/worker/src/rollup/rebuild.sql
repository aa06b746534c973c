/* The full rebuild of one workspace's rollups (rollups.ts rebuild(); typed into rebuild.queries.ts). Each statement computes exactly what its drain counterpart in drain.sql computes (the rollups test checks rebuild = incremental): change them together. */

/* One workspace, or all (workspaceId null). */
/* @name RebuildWorkspaces */
SELECT id FROM workspace WHERE :workspaceId::uuid IS NULL OR id = :workspaceId ORDER BY id;

/* @name DrainLock */
SELECT pg_advisory_xact_lock(:lock!) AS locked;

/* @name ClearReportResponseEvent */
DELETE FROM report_response_event WHERE workspace_id = :workspaceId!;

/* @name ClearReportResponseDaily */
DELETE FROM report_response_daily WHERE workspace_id = :workspaceId!;

/* @name ClearReportResponseHist */
DELETE FROM report_response_hist WHERE workspace_id = :workspaceId!;

/* @name ClearReportResponseHistWeek */
DELETE FROM report_response_hist_week WHERE workspace_id = :workspaceId!;

/* @name ClearReportResponseIntentDaily */
DELETE FROM report_response_intent_daily WHERE workspace_id = :workspaceId!;

/* @name ClearReportThreadComment */
DELETE FROM report_thread_comment WHERE workspace_id = :workspaceId!;

/* @name ClearReportCommentDaily */
DELETE FROM report_comment_daily WHERE workspace_id = :workspaceId!;

/* @name ClearReportCommentChannelDaily */
DELETE FROM report_comment_channel_daily WHERE workspace_id = :workspaceId!;

/* @name ClearReportPostComment */
DELETE FROM report_post_comment WHERE workspace_id = :workspaceId!;

/* @name ClearReportCommenterDaily */
DELETE FROM report_commenter_daily WHERE workspace_id = :workspaceId!;

/* @name ClearReportCommenter */
DELETE FROM report_commenter WHERE workspace_id = :workspaceId!;

/* @name ClearReportCommenterSpan */
DELETE FROM report_commenter_span WHERE workspace_id = :workspaceId!;

/* @name ClearRollupDirtyThread */
DELETE FROM rollup_dirty_thread WHERE workspace_id = :workspaceId!;

/*
 * The workspace's threads, for its response events: rollups.ts runs drain.sql's
 * InsertResponseEventsOfThreads on 5,000 of them at a time (one statement for drain and rebuild; the
 * rebuild ignores the days it returns).
 */
/* @name WorkspaceThreads */
SELECT id FROM thread WHERE workspace_id = :workspaceId! ORDER BY id;

/* @name RebuildResponseDaily */
INSERT INTO report_response_daily (workspace_id, day, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum,
                                     within_target, within_target_business)
  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
    FROM report_response_event WHERE workspace_id = :workspaceId!
   GROUP BY workspace_id, day, channel_account_id, network, channel, agent_id, kind;

/* @name RebuildResponseIntentDaily */
INSERT INTO report_response_intent_daily (workspace_id, day, channel_account_id, network, intent, bucket, n, seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, COALESCE(intent, 'unclassified'), resonance_duration_bucket(seconds), count(*), sum(seconds)
    FROM report_response_event WHERE workspace_id = :workspaceId! AND kind = 'reply'
   GROUP BY 1, 2, 3, 4, 5, 6;

/* @name RebuildResponseHist */
INSERT INTO report_response_hist (workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'calendar', resonance_duration_bucket(seconds), count(*), sum(seconds)
    FROM report_response_event WHERE workspace_id = :workspaceId!
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  UNION ALL
  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
    FROM report_response_event WHERE workspace_id = :workspaceId! AND business_seconds IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9;

/* @name RebuildResponseHistWeek */
INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)
  
  SELECT h.workspace_id, date_trunc('week', h.day)::date AS week, h.channel_account_id, h.network, h.agent_id, h.kind, h.clock,
         h.bucket, sum(h.n) AS n, sum(h.seconds_sum) AS seconds_sum FROM report_response_hist h WHERE h.workspace_id = :workspaceId!
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

/* @name RebuildThreadComments */
INSERT INTO report_thread_comment (thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum) 
  WITH last_response AS (
    SELECT r.thread_id, max(r.created_at) AS at FROM message r WHERE r.workspace_id = :workspaceId! AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)
     GROUP BY r.thread_id
  )
  SELECT m.thread_id, m.workspace_id, (m.created_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day, m.channel_account_id, t.network, t.channel,
         COALESCE(t.post_id, 0) AS post_id, COALESCE(m.intent, 'unclassified') AS intent, m.author_contact_id AS contact_id, 
  count(*) AS comments,
  count(*) FILTER (WHERE lr.at > m.created_at) AS answered,
  COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,
  count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,
  COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum
    FROM message m
    JOIN workspace w ON w.id = m.workspace_id
    JOIN thread t ON t.id = m.thread_id
    LEFT JOIN last_response lr ON lr.thread_id = m.thread_id
   WHERE m.workspace_id = :workspaceId! AND NOT m.is_from_account
   GROUP BY m.thread_id, m.workspace_id, 3, m.channel_account_id, t.network, t.channel, 7, 8, m.author_contact_id;

/* @name RebuildCommentDaily */
INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent,
                                    comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent,
         sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled), sum(ingest_lag_seconds_sum)
    FROM report_thread_comment WHERE workspace_id = :workspaceId!
   GROUP BY 1, 2, 3, 4, 5, 6, 7;

/* @name RebuildCommentChannelDaily */
INSERT INTO report_comment_channel_daily (workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled,
                                            ingest_lag_seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, channel, intent, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),
         sum(ingest_lag_seconds_sum)
    FROM report_comment_daily WHERE workspace_id = :workspaceId!
   GROUP BY workspace_id, day, channel_account_id, network, channel, intent;

/* @name RebuildPostComments */
INSERT INTO report_post_comment (post_id, workspace_id, comments)
  SELECT post_id, workspace_id, sum(comments) FROM report_comment_daily WHERE workspace_id = :workspaceId! AND post_id <> 0
   GROUP BY 1, 2;

/* @name RebuildCommenterDaily */
INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
  SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments)
    FROM report_thread_comment WHERE workspace_id = :workspaceId! AND channel = 'comment' AND contact_id IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5;

/* @name RebuildCommenterFirstDay */
INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE workspace_id = :workspaceId!
   GROUP BY contact_id, workspace_id;

/* @name RebuildCommenterSpan */
INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
  SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)
    FROM (
  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
         lag(day) OVER w IS NOT NULL AS has_prev
    FROM (SELECT * FROM report_commenter_daily WHERE workspace_id = :workspaceId!) d WINDOW w AS (PARTITION BY contact_id ORDER BY day)) s
   GROUP BY 1, 2, 3, 4, 5, 6;

/* @name RebuiltDays */
SELECT count(*)::int AS "days!" FROM (SELECT day FROM report_comment_daily WHERE workspace_id = :workspaceId!
                                                UNION SELECT day FROM report_response_daily WHERE workspace_id = :workspaceId!) d;
