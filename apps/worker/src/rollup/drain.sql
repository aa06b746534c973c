/* The rollup drain (rollups.ts; typed into drain.queries.ts). Marked threads' response events and comment rows are recomputed and the rollups of their days updated, in one transaction (DESIGN.md §5). */

/* One drainer at a time across every worker copy. */
/* @name TryDrainLock */
SELECT pg_try_advisory_xact_lock(:lock!) AS "locked!";

/* The drain is thousands of small index scans the planner costs high enough to JIT-compile (~1 s at 25,000 threads). */
/* @name JitOff */
SET LOCAL jit = off;

/* @name DirtyThreads */
SELECT thread_id, version FROM rollup_dirty_thread ORDER BY thread_id LIMIT :batch!;

/* Only marks nobody renewed meanwhile (a renewed mark has a higher version and stays). */
/* @name DeleteDrainedMarks */
DELETE FROM rollup_dirty_thread d USING unnest(:threadIds!::bigint[], :versions!::bigint[]) AS b(thread_id, version)
          WHERE d.thread_id = b.thread_id AND d.version = b.version;

/* @name DeleteResponseEventsOfThreads */
DELETE FROM report_response_event WHERE thread_id = ANY(:threadIds!::bigint[])
     RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS "day!";

/* Response events of a set of threads, computed from their messages (DESIGN.md §5), set-based.
   A thread's timeline holds its inbound messages (I), the account's responses (R: written by the account in Resonance
   or natively on the network, and actually on the network) and the moments inbound messages were handled without a
   reply (H: like, hide, delete). Each R or H closes the run of inbound messages since the previous R or H; its duration
   runs from the oldest message of the run (the waiting_since clock). R gives a 'reply' event, H a 'handled' event; an
   R or H with no inbound message waiting closes nothing. The thread's 'first' event is the first R after its first
   inbound message, measured from that first inbound message. On equal timestamps an R or H sorts before an inbound
   message: it cannot have answered it. Events are dated by their closing moment in the workspace's time zone;
   unknownZones are the stored zones PostgreSQL does not know (those workspaces count in UTC: workspace-zones.ts).
   The SLA target is resonance_sla_target_minutes of the thread's network and priority (sla_target, docs/sla.md);
   business seconds count the weekly schedule with the workspace's holidays closed. */
/* @name InsertResponseEventsOfThreads */
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
    CROSS JOIN LATERAL (SELECT 60.0 * resonance_sla_target_minutes(t.workspace_id, t.network, t.priority) AS target) s
     RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS "day!";

/* Response rollups of a set of (workspace, day) pairs, recomputed from the response events: the daily rows deleted and
   inserted, the histogram rows changed where they differ, and the week rows by the difference of their days (new - old).
   workspaceIds and days are zipped; a day is a calendar day in the workspace time zone. */
/* @name DeleteResponseDaily */
DELETE FROM report_response_daily WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day));

/* @name InsertResponseDaily */
INSERT INTO report_response_daily (workspace_id, day, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum,
                                     within_target, within_target_business)
  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
   GROUP BY workspace_id, day, channel_account_id, network, channel, agent_id, kind;

/* Reply-time histograms per intent (calendar clock) of the pairs' days, recomputed from their reply events. */
/* @name DeleteResponseIntentDaily */
DELETE FROM report_response_intent_daily WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day));

/* @name InsertResponseIntentDaily */
INSERT INTO report_response_intent_daily (workspace_id, day, channel_account_id, network, intent, bucket, n, seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, COALESCE(intent, 'unclassified'), resonance_duration_bucket(seconds), count(*), sum(seconds)
    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
     AND kind = 'reply'
   GROUP BY 1, 2, 3, 4, 5, 6;

/* Brings the histogram rows of the pairs' days to what their events give, and adds the difference
   (new − old) to their weeks' rows, in one statement. Only rows that differ are rewritten (diff):
   a drain recomputes every day its threads have events on, and most of those rows come back the
   same, so neither the day rows nor the weeks pay for them. Week rows reaching n = 0 are deleted;
   one going below (CHECK n > 0) means the week rows had drifted from the day rows: run
   `resonance rollup`. */
/* @name ReplaceResponseHist */
WITH fresh AS (
  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'calendar' AS clock, resonance_duration_bucket(seconds) AS bucket, count(*) AS n, sum(seconds) AS seconds_sum
    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  UNION ALL
  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day)) AND business_seconds IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  ), stored AS (
    SELECT ctid AS row, workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum FROM report_response_hist WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
  ), diff AS (
    SELECT c.row, CASE WHEN f.bucket IS NULL THEN c.workspace_id ELSE f.workspace_id END AS workspace_id, CASE WHEN f.bucket IS NULL THEN c.day ELSE f.day END AS day, CASE WHEN f.bucket IS NULL THEN c.channel_account_id ELSE f.channel_account_id END AS channel_account_id, CASE WHEN f.bucket IS NULL THEN c.network ELSE f.network END AS network, CASE WHEN f.bucket IS NULL THEN c.channel ELSE f.channel END AS channel, CASE WHEN f.bucket IS NULL THEN c.agent_id ELSE f.agent_id END AS agent_id, CASE WHEN f.bucket IS NULL THEN c.kind ELSE f.kind END AS kind, CASE WHEN f.bucket IS NULL THEN c.clock ELSE f.clock END AS clock, CASE WHEN f.bucket IS NULL THEN c.bucket ELSE f.bucket END AS bucket, f.n, f.seconds_sum,
           COALESCE(f.n, 0) - COALESCE(c.n, 0) AS dn, COALESCE(f.seconds_sum, 0) - COALESCE(c.seconds_sum, 0) AS ds
      FROM fresh f FULL JOIN stored c ON f.workspace_id = c.workspace_id AND f.day = c.day AND f.channel_account_id = c.channel_account_id AND f.network = c.network AND f.channel = c.channel AND f.kind = c.kind AND f.clock = c.clock AND f.bucket = c.bucket AND COALESCE(f.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(c.agent_id, '00000000-0000-0000-0000-000000000000'::uuid)
     WHERE f.bucket IS NULL OR c.bucket IS NULL OR f.n <> c.n OR f.seconds_sum <> c.seconds_sum
  ), gone AS (
    DELETE FROM report_response_hist WHERE ctid = ANY (ARRAY(SELECT row FROM diff WHERE row IS NOT NULL))
  ), added AS (
    INSERT INTO report_response_hist (workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum) SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum FROM diff WHERE n IS NOT NULL
  ), delta AS (
    SELECT workspace_id, date_trunc('week', day)::date AS week, channel_account_id, network, agent_id, kind, clock, bucket,
           sum(dn) AS n, sum(ds) AS seconds_sum
      FROM diff GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(dn) <> 0 OR sum(ds) <> 0
  ), merged AS (
    SELECT d.workspace_id, d.week, d.channel_account_id, d.network, d.agent_id, d.kind, d.clock, d.bucket,
           COALESCE(r.n, 0) + d.n AS n, COALESCE(r.seconds_sum, 0) + d.seconds_sum AS seconds_sum
      -- A key lookup per changed bucket (OFFSET 0 keeps it one): hash-joined, the planner read the whole week table.
      FROM delta d LEFT JOIN LATERAL (SELECT r.n, r.seconds_sum FROM report_response_hist_week r WHERE r.workspace_id = d.workspace_id AND r.week = d.week AND r.channel_account_id = d.channel_account_id AND r.network = d.network AND r.kind = d.kind AND r.clock = d.clock AND r.bucket = d.bucket AND COALESCE(r.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(d.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) OFFSET 0) r ON true
  ), emptied AS (
    DELETE FROM report_response_hist_week r USING merged m WHERE m.n = 0 AND r.workspace_id = m.workspace_id AND r.week = m.week AND r.channel_account_id = m.channel_account_id AND r.network = m.network AND r.kind = m.kind AND r.clock = m.clock AND r.bucket = m.bucket AND COALESCE(r.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(m.agent_id, '00000000-0000-0000-0000-000000000000'::uuid)
  )
  INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)
  SELECT workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum FROM merged WHERE n <> 0
  ON CONFLICT (workspace_id, week, channel_account_id, network, kind, clock, bucket, COALESCE(agent_id, '00000000-0000-0000-0000-000000000000'::uuid))
  DO UPDATE SET n = excluded.n, seconds_sum = excluded.seconds_sum;

/* What the drain's threads change, summed per key of report_thread_comment: a temporary table of the drain's transaction. */
/* @name CreateCommentChange */
CREATE TEMPORARY TABLE comment_change ON COMMIT DROP AS
  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM report_thread_comment LIMIT 0;

/* Replaces the rows of the threads param 1 (param 2: the unknown zones) and records new − old in
   comment_change. A thread's old and new row of one key cancel exactly (x − x = 0, also in
   floating point) and are left out, so an unchanged day of a thread costs nothing further on. */
/* @name ReplaceThreadComments */
WITH old AS (
    DELETE FROM report_thread_comment WHERE thread_id = ANY(:threadIds!::bigint[]) RETURNING thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum
  ), fresh AS (
    INSERT INTO report_thread_comment (thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum) 
  SELECT t.id AS thread_id, c.workspace_id, c.day, c.channel_account_id, t.network, t.channel,
         COALESCE(t.post_id, 0) AS post_id, c.intent, c.contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum
    FROM thread t
    CROSS JOIN LATERAL (SELECT max(r.created_at) AS at FROM message r WHERE r.thread_id = t.id AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)) lr
    CROSS JOIN LATERAL (
      SELECT m.workspace_id, (m.created_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day, m.channel_account_id, COALESCE(m.intent, 'unclassified') AS intent, m.author_contact_id AS contact_id,
             
  count(*) AS comments,
  count(*) FILTER (WHERE lr.at > m.created_at) AS answered,
  COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,
  count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,
  COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum
        FROM message m JOIN workspace w ON w.id = m.workspace_id
       WHERE m.thread_id = t.id AND NOT m.is_from_account
       GROUP BY 1, 2, 3, 4, 5) c
   WHERE t.id = ANY(:threadIds!::bigint[])
    RETURNING thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum
  ), per_thread AS (
    SELECT thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, sum(comments) AS comments, sum(answered) AS answered,
           sum(sentiment_sum) AS sentiment_sum, sum(sentiment_n) AS sentiment_n, sum(handled) AS handled,
           sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
      FROM (SELECT * FROM fresh
            UNION ALL
            SELECT thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, -comments, -answered, -sentiment_sum, -sentiment_n, -handled,
                   -ingest_lag_seconds_sum FROM old) c
     GROUP BY thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id
    HAVING sum(comments) <> 0 OR sum(answered) <> 0 OR sum(sentiment_sum) <> 0 OR sum(sentiment_n) <> 0
        OR sum(handled) <> 0 OR sum(ingest_lag_seconds_sum) <> 0
  )
  INSERT INTO comment_change (workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),
         sum(ingest_lag_seconds_sum)
    FROM per_thread GROUP BY workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id;

/* Adds comment_change to report_comment_daily, and the same change to its sums over posts
   (report_comment_channel_daily) and over days (report_post_comment), in one statement: the two
   sums take report_comment_daily's delta, a few hundred rows, instead of reading comment_change
   again. Post rows reaching 0 comments are deleted like the others. */
/* @name ApplyCommentDaily */
WITH 
  daily_delta AS (
    SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,
           sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
      FROM comment_change GROUP BY workspace_id, day, channel_account_id, network, channel, post_id, intent
  ), daily_merged AS (
    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.post_id, d.intent,
           COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,
           COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,
           COALESCE(r.handled, 0) + d.handled AS handled,
           COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum
      -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of
      -- report_comment_daily for a drain's few hundred keys (~10 ms).
      FROM daily_delta d
      LEFT JOIN LATERAL (SELECT * FROM report_comment_daily r WHERE (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.post_id, r.intent) = (d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.post_id, d.intent) OFFSET 0) r ON true
  ), daily_emptied AS (
    DELETE FROM report_comment_daily r USING daily_merged m
     WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.post_id, r.intent) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.channel, m.post_id, m.intent)
  ), daily_upserted AS (
    INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
    SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM daily_merged WHERE comments <> 0
    ON CONFLICT (workspace_id, day, channel_account_id, network, channel, post_id, intent) DO UPDATE SET
      comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,
      sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum
  ),
  
  channel_delta AS (
    SELECT workspace_id, day, channel_account_id, network, channel, intent, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,
           sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
      FROM daily_delta GROUP BY workspace_id, day, channel_account_id, network, channel, intent
  ), channel_merged AS (
    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.intent,
           COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,
           COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,
           COALESCE(r.handled, 0) + d.handled AS handled,
           COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum
      -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of
      -- report_comment_daily for a drain's few hundred keys (~10 ms).
      FROM channel_delta d
      LEFT JOIN LATERAL (SELECT * FROM report_comment_channel_daily r WHERE (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.intent) = (d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.intent) OFFSET 0) r ON true
  ), channel_emptied AS (
    DELETE FROM report_comment_channel_daily r USING channel_merged m
     WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.intent) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.channel, m.intent)
  ), channel_upserted AS (
    INSERT INTO report_comment_channel_daily (workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
    SELECT workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM channel_merged WHERE comments <> 0
    ON CONFLICT (workspace_id, day, channel_account_id, network, channel, intent) DO UPDATE SET
      comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,
      sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum
  ),
  post_delta AS (
    SELECT post_id, workspace_id, sum(comments) AS comments FROM daily_delta
     WHERE post_id <> 0 GROUP BY post_id, workspace_id HAVING sum(comments) <> 0
  ), post_merged AS (
    SELECT d.post_id, d.workspace_id, COALESCE(r.comments, 0) + d.comments AS comments
      FROM post_delta d LEFT JOIN LATERAL (SELECT r.comments FROM report_post_comment r WHERE r.post_id = d.post_id OFFSET 0) r ON true
  ), post_emptied AS (
    DELETE FROM report_post_comment r USING post_merged m WHERE m.comments = 0 AND r.post_id = m.post_id
  )
  INSERT INTO report_post_comment (post_id, workspace_id, comments)
  SELECT post_id, workspace_id, comments FROM post_merged WHERE comments <> 0
  ON CONFLICT (post_id) DO UPDATE SET comments = excluded.comments;

/* The (contact, day) rows of report_commenter_daily that APPLY_COMMENTER_DAILY_SQL added
   (appeared) or removed: all that the commenter spans and first days depend on. */
/* @name CreateCommenterChange */
CREATE TEMPORARY TABLE commenter_change ON COMMIT DROP AS
  SELECT workspace_id, day, channel_account_id, network, contact_id, true AS appeared FROM report_commenter_daily LIMIT 0;

/* Adds comment_change (comment threads, known authors) to report_commenter_daily, like the above. */
/* @name ApplyCommenterDaily */
WITH delta AS (
    SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments) AS comments FROM comment_change
     WHERE channel = 'comment' AND contact_id IS NOT NULL
     GROUP BY workspace_id, day, channel_account_id, network, contact_id HAVING sum(comments) <> 0
  ), merged AS (
    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id, r.contact_id IS NULL AS appeared, COALESCE(r.comments, 0) + d.comments AS comments
      FROM delta d LEFT JOIN report_commenter_daily r USING (workspace_id, day, channel_account_id, network, contact_id)
  ), emptied AS (
    DELETE FROM report_commenter_daily r USING merged m
     WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.contact_id) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.contact_id)
  ), upserted AS (
    INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
    SELECT workspace_id, day, channel_account_id, network, contact_id, comments FROM merged WHERE comments <> 0
    ON CONFLICT (workspace_id, day, channel_account_id, network, contact_id) DO UPDATE SET comments = excluded.comments
  )
  INSERT INTO commenter_change (workspace_id, day, channel_account_id, network, contact_id, appeared)
  SELECT workspace_id, day, channel_account_id, network, contact_id, appeared FROM merged WHERE appeared OR comments = 0;

/* After APPLY_COMMENTER_DAILY_SQL: replaces the span counts of the contacts in commenter_change —
   their spans before (their days now, without the appeared rows, with the removed ones) are
   subtracted, their spans now added — in one statement; counts that reach 0 are deleted. Touches
   only those contacts' rows (report_commenter_daily_contact_idx), never all commenters. A count
   that would go negative fails the drain (CHECK), i.e. the table had drifted: run `resonance rollup`. */
/* @name UpdateCommenterSpans */
WITH touched AS (
    SELECT DISTINCT contact_id FROM commenter_change
  ), days_now AS (
    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
  ), days_before AS (
    SELECT * FROM days_now n
     WHERE NOT EXISTS (SELECT 1 FROM commenter_change c
                        WHERE c.appeared AND (c.workspace_id, c.day, c.channel_account_id, c.network, c.contact_id) = (n.workspace_id, n.day, n.channel_account_id, n.network, n.contact_id))
    UNION ALL
    SELECT workspace_id, day, channel_account_id, network, contact_id FROM commenter_change WHERE NOT appeared
  ), delta AS (
    SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, sum(n)::int AS n
      FROM (SELECT *, 1 AS n FROM (
  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
         lag(day) OVER w IS NOT NULL AS has_prev
    FROM days_now WINDOW w AS (PARTITION BY contact_id ORDER BY day)) spans_now
            UNION ALL
            SELECT *, -1 FROM (
  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
         lag(day) OVER w IS NOT NULL AS has_prev
    FROM days_before WINDOW w AS (PARTITION BY contact_id ORDER BY day)) spans_before) c
     GROUP BY workspace_id, day, next_day, channel_account_id, network, has_prev HAVING sum(n) <> 0
  ), merged AS (
    SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, COALESCE(s.commenters, 0) + d.n AS commenters
      FROM delta d LEFT JOIN report_commenter_span s USING (workspace_id, day, next_day, channel_account_id, network, has_prev)
  ), emptied AS (
    DELETE FROM report_commenter_span s USING merged m
     WHERE m.commenters = 0 AND (s.workspace_id, s.day, s.next_day, s.channel_account_id, s.network, s.has_prev)
                              = (m.workspace_id, m.day, m.next_day, m.channel_account_id, m.network, m.has_prev)
  )
  INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
  SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, commenters FROM merged WHERE commenters <> 0
  ON CONFLICT (workspace_id, day, next_day, channel_account_id, network, has_prev) DO UPDATE SET commenters = excluded.commenters;

/* After APPLY_COMMENTER_DAILY_SQL: the first comment day of the contacts in commenter_change, from
   their days now (as the rebuild computes it); a contact left without days loses its row. */
/* @name UpdateCommenterFirstDays */
WITH touched AS (
    SELECT DISTINCT contact_id FROM commenter_change
  ), firsts AS (
    SELECT d.contact_id, d.workspace_id, min(d.day) AS first_day
      FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
     GROUP BY d.contact_id, d.workspace_id
  ), gone AS (
    DELETE FROM report_commenter c USING touched
     WHERE c.contact_id = touched.contact_id AND NOT EXISTS (SELECT 1 FROM firsts f WHERE f.contact_id = c.contact_id)
  )
  INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, first_day FROM firsts
  ON CONFLICT (contact_id) DO UPDATE SET first_day = excluded.first_day
   WHERE report_commenter.first_day <> excluded.first_day;

/* @name ChangedDays */
SELECT DISTINCT workspace_id AS "workspace_id!", to_char(day, 'YYYY-MM-DD') AS "day!" FROM comment_change;

/* Dropped here, not only at commit: a caller may drain twice in one transaction. */
/* @name DropChangeTables */
DROP TABLE comment_change, commenter_change;
