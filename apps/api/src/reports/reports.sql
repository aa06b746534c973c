/* The SQL of the reports (reports.repository.ts runs it; `npm run gen:sql` types it into reports.queries.ts). */

/*
 * Every report reads the rollups apps/worker/src/rollup maintains, never the message table. The
 * statements are the hand-tuned ones of DESIGN.md §6; what used to be spliced into their text is
 * now a parameter:
 * - the period label (:interval = total | day | week | month) is a CASE on the parameter, and
 * - the grouping (:groupBy = none | network | channel | agent | post) is another;
 * `pg` sends each statement unnamed, so PostgreSQL plans it with the values: the CASE folds to the
 * one expression the old text had, and the plan is the same (EXPLAIN in docs/data-layer.md).
 * Optional filters are `(:network::text IS NULL OR network = :network)`, folded the same way.
 * The one choice that is a table, not an expression (per post or summed over posts), is two queries.
 */

/* The workspace's local date ("YYYY-MM-DD"); fails with 22023 for a time zone PostgreSQL does not know. */
/* @name WorkspaceToday */
SELECT to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS "today!" FROM workspace WHERE id = :workspaceId!;

/* @name WorkspaceTimezone */
SELECT timezone FROM workspace WHERE id = :workspaceId!;

/* Response-time totals per period, group and kind (report_response_daily). */
/* @name ResponseTotals */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text
                            WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END AS grp,
       kind, sum(n)::int AS "n!", sum(seconds_sum)::float8 AS "sum!", sum(business_n)::int AS "bn!",
       sum(business_seconds_sum)::float8 AS "bsum!", sum(within_target)::int AS "wt!", sum(within_target_business)::int AS "wtb!"
  FROM report_response_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date
 GROUP BY 1, 2, 3;

/*
 * Response-time histograms: whole weeks from report_response_hist_week, the other days from
 * report_response_hist (weeksAndDays() in report-query.ts splits the period).
 */
/* @name ResponseHistograms */
SELECT period AS "period!", grp, kind AS "kind!", clock AS "clock!", bucket AS "bucket!", sum(n)::int AS "n!", sum(seconds_sum)::float8 AS "sum!"
  FROM (SELECT CASE :interval!::text WHEN 'day' THEN to_char(week, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', week), 'YYYY-MM-DD')
                                     WHEN 'month' THEN to_char(week, 'YYYY-MM') ELSE 'total' END AS period,
               CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text
                                    WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END AS grp,
               kind, clock, bucket, n, seconds_sum
          FROM report_response_hist_week
         WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
           AND week = ANY(:weeks!::date[])
        UNION ALL
        SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                                     WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END,
               CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text
                                    WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END,
               kind, clock, bucket, n, seconds_sum
          FROM report_response_hist
         WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
           AND day = ANY(:days!::date[])) h
 GROUP BY 1, 2, 3, 4, 5;

/* The workspace's SLA targets in minutes (sla_policy, sla_target): "default", then one key per override:
   "<network>", "p<priority>" or "<network>.p<priority>". */
/* @name SlaTargets */
SELECT 'default' AS "key!", COALESCE((SELECT p.default_minutes FROM sla_policy p WHERE p.workspace_id = :workspaceId!), 60) AS "minutes!"
UNION ALL
SELECT concat_ws('.', t.network, 'p' || t.priority), t.minutes FROM sla_target t WHERE t.workspace_id = :workspaceId!;

/* Comment rollup summed over posts (report_comment_channel_daily): the resonance report's comments. */
/* @name ResonanceComments */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,
       intent, sum(comments)::int AS "comments!", sum(answered)::int AS "answered!",
       sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
  FROM report_comment_channel_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date AND channel = 'comment'
 GROUP BY 1, 2, 3;

/* The same per post (report_comment_daily; post_id 0 = no post). */
/* @name ResonanceCommentsByPost */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       NULLIF(post_id, 0)::text AS grp,
       intent, sum(comments)::int AS "comments!", sum(answered)::int AS "answered!",
       sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
  FROM report_comment_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date AND channel = 'comment'
 GROUP BY 1, 2, 3;

/* Intent mix of all inbound messages (every channel), summed over posts. */
/* @name IntentMix */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,
       intent, sum(comments)::int AS "n!", sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
  FROM report_comment_channel_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

/* @name IntentMixByPost */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       NULLIF(post_id, 0)::text AS grp,
       intent, sum(comments)::int AS "n!", sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
  FROM report_comment_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

/*
 * Unique and returning commenters per period and group from report_commenter_span (libs/db
 * migration 1733000000000): each period is clipped to the report's days, and a commenter counts
 * once, on its last comment day in the period (the span row whose next comment day is after the
 * period's last day); returning if it had commented on an earlier day. Reads at most
 * channels × days² rows, however many commenters there are. A contact belongs to one channel
 * account, so the per-channel and per-network counts add up.
 */
/* @name CommentersByPeriod */
WITH days AS (
  SELECT day, period, max(day) OVER (PARTITION BY period) AS last_day
    FROM (SELECT :from!::date + i AS day,
                 CASE :interval!::text WHEN 'day' THEN to_char((:from!::date + i), 'YYYY-MM-DD')
                                       WHEN 'week' THEN to_char(date_trunc('week', (:from!::date + i)), 'YYYY-MM-DD')
                                       WHEN 'month' THEN to_char((:from!::date + i), 'YYYY-MM') ELSE 'total' END AS period
            FROM generate_series(0, :to!::date - :from!::date) AS i) d
)
SELECT d.period AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,
       sum(s.commenters)::int AS "unique_commenters!",
       COALESCE(sum(s.commenters) FILTER (WHERE s.has_prev), 0)::int AS "returning_commenters!"
  FROM days d
  -- One primary-key range per day (OFFSET 0 keeps it so): joined by hash, the planner read every
  -- span row of the workspace (17,000 at 500k messages, 3 times slower) to keep a few hundred.
  CROSS JOIN LATERAL (SELECT * FROM report_commenter_span s
                       WHERE s.workspace_id = :workspaceId! AND s.day = d.day AND s.next_day > d.last_day
                         AND (:network::text IS NULL OR s.network = :network) AND (:channel::uuid IS NULL OR s.channel_account_id = :channel)
                      OFFSET 0) s
 GROUP BY 1, 2;

/* The followers of the report's channel accounts. */
/* @name ChannelFollowers */
SELECT id::text AS "channel!", network, COALESCE(followers, 0)::int AS "followers!" FROM channel_account
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR id = :channel);

/* The followers of one channel account. */
/* @name FollowersOfChannel */
SELECT COALESCE(followers, 0)::int AS "followers!" FROM channel_account WHERE id = :channelAccountId!;

/*
 * Posts published in the period (indexed by workspace and publication time), with their stored
 * comments (report_post_comment); or the one post :postId (then the period does not apply).
 */
/* @name PostsInPeriod */
SELECT po.id::text AS "id!", po.channel_account_id::text AS "channel_account_id!", ca.network, po.external_id, po.text, po.url, po.published_at,
       po.reactions_count AS reactions, po.comments_count AS comments, po.shares_count AS shares,
       po.views_count::float8 AS views, COALESCE(pc.comments, 0) AS "our_comments!"
  FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
  JOIN workspace w ON w.id = po.workspace_id
  -- One key lookup per post: summing report_comment_daily per post was 14 of the report's ~17 ms.
  LEFT JOIN report_post_comment pc ON pc.post_id = po.id
 WHERE po.workspace_id = :workspaceId!
   AND (:postId::bigint IS NOT NULL AND po.id = :postId OR :postId::bigint IS NULL
        AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
        AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone))
   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)
 -- Several channels publish at the same moment: ties by id, so that the 1,000 posts do not depend on the plan.
 ORDER BY po.published_at DESC, po.id LIMIT 1000;

/*
 * Corrections of the messages the intents report counts (by message time, like the mix), so a
 * label corrected later still explains the period's numbers it changed.
 */
/* @name IntentCorrectionsInPeriod */
SELECT COALESCE(c.previous_intent, 'unclassified') AS "from!", c.intent AS "to", count(*)::int AS "n!"
  FROM intent_correction c JOIN workspace w ON w.id = c.workspace_id JOIN message m ON m.id = c.message_id
 WHERE c.workspace_id = :workspaceId! AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
   AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 GROUP BY 1, 2 ORDER BY 3 DESC;

/*
 * The classifier's measured precision per predicted intent: every message of the report's scope
 * (message time in the period, like the corrections above; network, channel) that an agent
 * reviewed, with the label it had before its first review, and whether it still has it.
 */
/* @name IntentPrecision */
SELECT r.predicted AS "intent!", count(*)::int AS "reviewed!", count(*) FILTER (WHERE m.intent = r.predicted)::int AS "unchanged!"
  FROM (SELECT DISTINCT ON (c.message_id) c.message_id, c.previous_intent AS predicted
          FROM intent_correction c WHERE c.workspace_id = :workspaceId!
         ORDER BY c.message_id, c.id) r
  JOIN message m ON m.id = r.message_id
  JOIN workspace w ON w.id = m.workspace_id
  JOIN channel_account ca ON ca.id = m.channel_account_id
 WHERE r.predicted IS NOT NULL
   AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone) AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR m.channel_account_id = :channel)
 GROUP BY 1;

/* The comment resonance of one post, all time. */
/* @name PostComments */
SELECT intent, sum(comments)::int AS "n!", sum(answered)::int AS "answered!", sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
  FROM report_comment_daily WHERE workspace_id = :workspaceId! AND post_id = :postId! GROUP BY 1;

/* Commenter rollups carry no post; a post's commenters come from its threads (few per post). */
/* @name PostCommenters */
SELECT count(DISTINCT t.contact_id)::int AS "unique_commenters!" FROM thread t WHERE t.workspace_id = :workspaceId! AND t.post_id = :postId!;

/* Per channel account: sync state and errors from the channel row, volume and delay from rollups. */
/* @name ChannelsHealth */
SELECT ca.id AS channel, ca.network, ca.display_name, ca.status, ca.last_synced_at,
       round(extract(epoch FROM now() - ca.last_synced_at)::numeric, 0)::float8 AS lag_seconds,
       ca.last_error, ca.last_error_at, ca.consecutive_auth_failures, ca.rate_budget AS budget,
       CASE WHEN ca.sync_state ->> 'gapsReconciled' ~ '^\d+$' THEN (ca.sync_state ->> 'gapsReconciled')::int END AS gaps_reconciled,
       COALESCE(v.messages, 0)::int AS "messages_ingested!",
       -- The sync scheduler's next run: the last successful sync plus its current interval, or the
       -- end of a rate-limit pause when that is later (apps/worker/src/sync/sync-runner.ts).
       CASE WHEN ca.status = 'connected' THEN GREATEST(
         ca.last_synced_at + make_interval(secs => CASE WHEN ca.sync_state ->> 'intervalMs' ~ '^\d+(\.\d+)?$' THEN (ca.sync_state ->> 'intervalMs')::float8 / 1000 ELSE 60 END),
         CASE WHEN ca.rate_budget #>> '{state,pausedUntil}' ~ '^\d+$' THEN to_timestamp((ca.rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END) END AS next_sync_at,
       CASE WHEN ca.rate_budget #>> '{state,usedPercent}' ~ '^\d+(\.\d+)?$' THEN round((ca.rate_budget #>> '{state,usedPercent}')::numeric, 0)::float8 END AS budget_used_percent,
       CASE WHEN v.messages > 0 THEN round((v.lag / v.messages)::numeric, 3)::float8 END AS mean_ingest_delay_seconds
  FROM channel_account ca
  LEFT JOIN (SELECT channel_account_id, sum(comments) AS messages, sum(ingest_lag_seconds_sum) AS lag
               FROM report_comment_channel_daily
              WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
                AND day BETWEEN :from!::date AND :to!::date
              GROUP BY 1) v ON v.channel_account_id = ca.id
 WHERE ca.workspace_id = :workspaceId! AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR ca.id = :channel)
 ORDER BY ca.network, ca.display_name;

/* One row per thread started in the period (its timers and response events), read through a cursor (thread-export.query.ts). */
/* @name ThreadExport */
SELECT t.id::text AS "thread_id!", t.network, t.channel_account_id, t.channel, t.post_id::text AS post_id, t.status, t.assignee_id,
       t.first_inbound_at, t.first_response_at, f.seconds AS "first_response_seconds?",
       f.business_seconds AS "first_response_business_seconds?",
       COALESCE(r.replies, 0) AS "replies!", r.reply_mean_seconds, r.reply_max_seconds AS "reply_max_seconds?",
       COALESCE(h.handled, 0) AS "handled!", h.handled_action AS "handled_action?", t.message_count, t.tags
  FROM thread t
  JOIN workspace w ON w.id = t.workspace_id
  LEFT JOIN LATERAL (SELECT seconds, business_seconds FROM report_response_event e
                      WHERE e.thread_id = t.id AND e.kind = 'first' LIMIT 1) f ON true
  LEFT JOIN LATERAL (SELECT count(*)::int AS replies, round(avg(seconds)::numeric, 3)::float8 AS reply_mean_seconds,
                            max(seconds) AS reply_max_seconds
                       FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'reply') r ON true
  LEFT JOIN LATERAL (SELECT count(*)::int AS handled, min(action) AS handled_action
                       FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'handled') h ON true
 WHERE t.workspace_id = :workspaceId!
   AND t.first_inbound_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
   AND t.first_inbound_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
   AND (:network::text IS NULL OR t.network = :network) AND (:channel::uuid IS NULL OR t.channel_account_id = :channel)
 ORDER BY t.first_inbound_at, t.id
 LIMIT 100000;

/* An inbound message of the workspace, locked until the correction's transaction ends. */
/* @name LockInboundMessage */
SELECT id::text AS "id!", intent, sentiment FROM message WHERE id = :messageId! AND workspace_id = :workspaceId! AND NOT is_from_account FOR UPDATE;

/* @name InsertIntentCorrection */
INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent)
VALUES (:workspaceId!, :messageId!, :userId!, :previousIntent, :intent!)
RETURNING id::text AS "id!", message_id::text AS "messageId!", previous_intent AS "previousIntent", intent, created_at AS "createdAt";

/* The update marks the thread for the rollup job (message trigger), so reports follow. */
/* @name SetMessageIntent */
UPDATE message SET intent = :intent! WHERE id = :messageId!;

/* The names of the workspace's users: the per-agent response times name agents, not ids. */
/* @name AgentNames */
SELECT id::text AS "id!", name AS "name!" FROM users WHERE workspace_id = :workspaceId!;

/*
 * Drill-down: the threads behind an intent-mix or comment count, from the same rollup rows the
 * count sums (report_thread_comment: per thread, day, intent and commenter), so the threads and
 * their message counts add up to the number exactly. :channelKind 'comment' limits to comments
 * (the resonance report), NULL takes every channel (the intent mix). Index (workspace_id, day).
 */
/* @name ThreadsBehindComments */
SELECT c.thread_id::text AS "thread_id!", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS "preview!",
       min(c.day)::text AS "first_day!", sum(c.comments)::int AS "messages!",
       count(*) OVER ()::int AS "total_threads!", (sum(sum(c.comments)) OVER ())::int AS "total_messages!"
  FROM report_thread_comment c JOIN thread t ON t.id = c.thread_id LEFT JOIN contact co ON co.id = t.contact_id
 WHERE c.workspace_id = :workspaceId! AND c.day BETWEEN :from!::date AND :to!::date
   AND (:network::text IS NULL OR c.network = :network) AND (:channel::uuid IS NULL OR c.channel_account_id = :channel)
   AND (:intent::text IS NULL OR c.intent = :intent) AND (:channelKind::text IS NULL OR c.channel = :channelKind)
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 7 DESC, 1
 LIMIT 500;

/* The comment threads of one post (all time, as the post's stored comments count them: report_post_comment). */
/* @name ThreadsBehindPost */
SELECT c.thread_id::text AS "thread_id!", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS "preview!",
       min(c.day)::text AS "first_day!", sum(c.comments)::int AS "messages!",
       count(*) OVER ()::int AS "total_threads!", (sum(sum(c.comments)) OVER ())::int AS "total_messages!"
  FROM thread t JOIN report_thread_comment c ON c.thread_id = t.id LEFT JOIN contact co ON co.id = t.contact_id
 WHERE t.workspace_id = :workspaceId! AND t.post_id = :postId!
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 7 DESC, 1
 LIMIT 500;

/* The threads behind a first-response count: the first-response events of the period (report_response_event). */
/* @name ThreadsBehindFirstResponses */
SELECT e.thread_id::text AS "thread_id!", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS "preview!",
       e.day::text AS "first_day!", 1 AS "messages!",
       count(*) OVER ()::int AS "total_threads!", count(*) OVER ()::int AS "total_messages!"
  FROM report_response_event e JOIN thread t ON t.id = e.thread_id LEFT JOIN contact co ON co.id = t.contact_id
 WHERE e.workspace_id = :workspaceId! AND e.day BETWEEN :from!::date AND :to!::date AND e.kind = 'first'
   AND (:network::text IS NULL OR e.network = :network) AND (:channel::uuid IS NULL OR e.channel_account_id = :channel)
   AND (:agent::text IS NULL OR COALESCE(e.agent_id::text, 'native') = :agent)
 ORDER BY e.day, e.thread_id
 LIMIT 500;

/* @name InsertSentimentCorrection */
INSERT INTO sentiment_correction (workspace_id, message_id, user_id, previous_sentiment, sentiment)
VALUES (:workspaceId!, :messageId!, :userId!, :previousSentiment, :sentiment!)
RETURNING id::text AS "id!", message_id::text AS "messageId!", previous_sentiment AS "previousSentiment", sentiment, created_at AS "createdAt";

/* The score of a band a person chose (−1, 0, 1); the update marks the thread for the rollup job, as above. */
/* @name SetMessageSentiment */
UPDATE message SET sentiment = :sentiment! WHERE id = :messageId!;
