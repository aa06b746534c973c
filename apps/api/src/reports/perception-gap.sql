/* The SQL of the perception-gap reports (perception-gap.repository.ts; typed into perception-gap.queries.ts).
   Like reports.sql: the period label and grouping are CASEs on parameters the planner folds. */

/* Classified posts per period, network and topic, by publication time (post_workspace_published_idx). */
/* @name PostTopics */
SELECT CASE :interval!::text WHEN 'day' THEN to_char((po.published_at AT TIME ZONE w.timezone)::date, 'YYYY-MM-DD')
                             WHEN 'week' THEN to_char(date_trunc('week', (po.published_at AT TIME ZONE w.timezone)::date), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char((po.published_at AT TIME ZONE w.timezone)::date, 'YYYY-MM') ELSE 'total' END AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN ca.network END AS grp,
       po.topic AS "topic!", count(*)::int AS "n!"
  FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
  JOIN workspace w ON w.id = po.workspace_id
 WHERE po.workspace_id = :workspaceId! AND po.topic IS NOT NULL
   AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
   AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)
 GROUP BY 1, 2, 3;

/* Inbound messages (every channel) and those answered, per period, network and intent (report_comment_channel_daily). */
/* @name InboundByIntent */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN network END AS grp,
       intent, sum(comments)::int AS "n!", sum(answered)::int AS "answered!"
  FROM report_comment_channel_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date
 GROUP BY 1, 2, 3;

/* Reply-time histograms per period, network and intent (report_response_intent_daily, migration 1733800000000). */
/* @name ReplyHistogramsByIntent */
SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
       CASE :groupBy!::text WHEN 'network' THEN network END AS grp,
       intent AS "intent!", bucket AS "bucket!", sum(n)::int AS "n!", sum(seconds_sum)::float8 AS "sum!"
  FROM report_response_intent_daily
 WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   AND day BETWEEN :from!::date AND :to!::date
 GROUP BY 1, 2, 3, 4;

/* The newest posts of one topic published in the period (the posts behind a bar), one more than asked to tell "more". */
/* @name TopicPosts */
SELECT po.id::text AS "id!", ca.network AS "network!", po.text AS "text!", po.url, po.published_at AS "published_at!"
  FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
  JOIN workspace w ON w.id = po.workspace_id
 WHERE po.workspace_id = :workspaceId! AND po.topic = :topic!
   AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
   AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)
 ORDER BY po.published_at DESC, po.id DESC LIMIT :limit!;

/*
 * The newest inbound messages of some intents in the period (the messages behind a bar): a drill-down
 * list, read backwards along message_workspace_created_idx until :limit match — not an aggregate.
 */
/* @name IntentMessages */
SELECT m.id::text AS "id!", m.thread_id::text AS "thread_id!", ca.network AS "network!", m.intent AS "intent!",
       left(m.text, 280) AS "text!", m.created_at AS "created_at!", c.name AS contact_name
  FROM message m JOIN channel_account ca ON ca.id = m.channel_account_id
  JOIN workspace w ON w.id = m.workspace_id
  LEFT JOIN contact c ON c.id = m.author_contact_id
 WHERE m.workspace_id = :workspaceId! AND NOT m.is_from_account AND m.intent = ANY(:intents!::text[])
   AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
   AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR m.channel_account_id = :channel)
 ORDER BY m.created_at DESC, m.id DESC LIMIT :limit!;

/*
 * Regulars: people who commented (comment threads, known authors: report_commenter_daily) on at
 * least :minDays different days of [:from, :to], and last period's ([:previousFrom, :from - 1])
 * regulars without a comment now — one statement, one pass over both periods' commenter days
 * (the index report_commenter_daily_key covers it), one hash aggregate per contact; only the
 * :limit listed of each (NULL: all, for the CSV) are joined to their names: those with at least as
 * many days as the :limit-th most (GREATEST ignores the NULL when there are fewer) — the join of
 * every regular to contact was a third of the time (OFFSET 0 keeps the look-up per listed row, by id).
 * A contact belongs to one channel account, hence one network, and report_commenter_daily has one
 * row per (contact, day, channel): count(*) is the contact's count of distinct days and min(network)
 * its network — no DISTINCT, whose per-group sort was most of the old query's time.
 */
/* @name Regulars */
WITH per_contact AS MATERIALIZED (
  SELECT contact_id, min(network) AS network,
         count(*) FILTER (WHERE day >= :from!::date)::int AS days,
         count(*) FILTER (WHERE day < :from!::date)::int AS previous_days
    FROM report_commenter_daily
   WHERE workspace_id = :workspaceId! AND day BETWEEN :previousFrom!::date AND :to!::date
     AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
   GROUP BY contact_id HAVING count(*) >= :minDays!),
regular AS (
  SELECT p.*, c.name, c.handle, row_number() OVER (ORDER BY p.days DESC, c.name, p.contact_id) AS position
    FROM per_contact p LEFT JOIN LATERAL (SELECT name, handle FROM contact WHERE id = p.contact_id OFFSET 0) c ON true
   WHERE p.days >= GREATEST(:minDays!, (SELECT days FROM per_contact WHERE days >= :minDays! AND :limit::int IS NOT NULL
                                            ORDER BY days DESC OFFSET :limit::int - 1 LIMIT 1))
   ORDER BY p.days DESC, c.name, p.contact_id LIMIT :limit),
silent AS (
  SELECT p.*, c.name, c.handle, row_number() OVER (ORDER BY p.previous_days DESC, c.name, p.contact_id) AS position
    FROM per_contact p LEFT JOIN LATERAL (SELECT name, handle FROM contact WHERE id = p.contact_id OFFSET 0) c ON true
   WHERE p.days = 0 AND p.previous_days >= GREATEST(:minDays!, (SELECT previous_days FROM per_contact WHERE days = 0 AND previous_days >= :minDays!
                                                                  AND :limit::int IS NOT NULL ORDER BY previous_days DESC OFFSET :limit::int - 1 LIMIT 1))
   ORDER BY p.previous_days DESC, c.name, p.contact_id LIMIT :limit),
counted AS (
  SELECT count(*) FILTER (WHERE days >= :minDays!)::int AS regulars,
         count(*) FILTER (WHERE days = 0 AND previous_days >= :minDays!)::int AS silent
    FROM per_contact)
SELECT l.status AS "status!", l.contact_id::text AS "contact_id!", l.network AS "network!", l.days AS "days!",
       l.previous_days AS "previous_days!", l.name, l.handle, counted.regulars AS "regulars!", counted.silent AS "silent!"
  FROM (SELECT 'regular' AS status, * FROM regular UNION ALL SELECT 'silent' AS status, * FROM silent) l, counted
 ORDER BY l.status, l.position;
