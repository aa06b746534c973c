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

/* @name WorkspaceThreads */
SELECT id FROM thread WHERE workspace_id = :workspaceId! ORDER BY id;

/* As InsertResponseEventsOfThreads in drain.sql (a page of 5,000 threads at a time), without RETURNING. */
/* @name RebuildResponseEvents */
INSERT INTO report_response_event (workspace_id, thread_id, channel_account_id, network, channel, agent_id, kind, action,
  inbound_at, closed_at, day, seconds, business_seconds, within_target, within_target_business, intent)
  WITH msg AS MATERIALIZED (
    -- The threads' messages, read once and thread by thread (message_thread_idx). As a join or
    -- three "thread_id = ANY" scans, the planner took a drain's 25,000 threads for a sixth of the
    -- table and read all of it three times. OFFSET 0 keeps the subquery a per-thread scan.
    SELECT m.* FROM (SELECT DISTINCT unnest(:threadIds!::bigint[]) AS thread_id) d
     CROSS JOIN LATERAL (SELECT m.thread_id, m.id, m.created_at, m.is_from_account, m.author_user_id, m.delivery,
                                m.external_id, m.handled_at, m.handled_by, m.handled_action, m.intent
                           FROM message m WHERE m.thread_id = d.thread_id OFFSET 0) m
  ), tl AS (
    SELECT m.thread_id, m.created_at AS at, 1 AS ord, 'I' AS k, NULL::uuid AS agent, NULL::text AS action, m.id, m.intent
      FROM msg m WHERE NOT m.is_from_account
    UNION ALL
    SELECT m.thread_id, m.created_at, 0, 'R', m.author_user_id, NULL, m.id, NULL
      FROM msg m WHERE m.is_from_account AND (m.delivery = 'sent' OR m.external_id IS NOT NULL)
    UNION ALL
    SELECT m.thread_id, m.handled_at, 0, 'H', m.handled_by, m.handled_action, m.id, NULL
      FROM msg m WHERE NOT m.is_from_account AND m.handled_at IS NOT NULL
  ), numbered AS (
    SELECT tl.*,
           count(*) FILTER (WHERE k <> 'I') OVER (PARTITION BY thread_id ORDER BY at, ord, id ROWS UNBOUNDED PRECEDING)
             - CASE WHEN k <> 'I' THEN 1 ELSE 0 END AS seg
      FROM tl
  ), runs AS (
    SELECT thread_id, seg,
           min(at) FILTER (WHERE k = 'I') AS inbound_at,
           max(at) FILTER (WHERE k <> 'I') AS closed_at,
           (array_agg(k) FILTER (WHERE k <> 'I'))[1] AS closer,
           (array_agg(agent) FILTER (WHERE k <> 'I'))[1] AS agent,
           (array_agg(action) FILTER (WHERE k <> 'I'))[1] AS action,
           -- The intent of the run's oldest inbound message: the one its clock runs from.
           (array_agg(intent ORDER BY at, id) FILTER (WHERE k = 'I'))[1] AS intent
      FROM numbered GROUP BY thread_id, seg
  ), firsts AS (
    SELECT DISTINCT ON (r.thread_id) r.thread_id, f.first_inbound AS inbound_at, r.at AS closed_at, r.agent, f.intent
      FROM (SELECT DISTINCT ON (thread_id) thread_id, at AS first_inbound, intent FROM tl WHERE k = 'I' ORDER BY thread_id, at, id) f
      JOIN tl r ON r.thread_id = f.thread_id AND r.k = 'R' AND r.at > f.first_inbound
     ORDER BY r.thread_id, r.at, r.id
  ), events AS (
    SELECT thread_id, CASE WHEN closer = 'R' THEN 'reply' ELSE 'handled' END AS kind, agent, action, inbound_at, closed_at, intent
      FROM runs WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL
    UNION ALL
    SELECT thread_id, 'first', agent, NULL, inbound_at, closed_at, intent FROM firsts
  )
  SELECT t.workspace_id, e.thread_id, t.channel_account_id, t.network, t.channel, e.agent AS agent_id, e.kind, e.action,
         e.inbound_at, e.closed_at, (e.closed_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day,
         x.seconds, b.business_seconds,
         x.seconds <= s.target AS within_target,
         b.business_seconds <= s.target AS within_target_business, e.intent
    FROM events e
    JOIN thread t ON t.id = e.thread_id
    JOIN workspace w ON w.id = t.workspace_id
    CROSS JOIN LATERAL (SELECT extract(epoch FROM e.closed_at - e.inbound_at)::double precision AS seconds) x
    CROSS JOIN LATERAL (SELECT CASE WHEN w.business_hours = '{}'::jsonb THEN NULL
                                    ELSE resonance_business_seconds(e.inbound_at, e.closed_at, (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END), w.business_hours,
                                                                    ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id)) END
                                 AS business_seconds) b
    CROSS JOIN LATERAL (SELECT 60.0 * resonance_sla_target_minutes(t.workspace_id, t.network, t.priority) AS target) s;

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
