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
 * least :minDays different days of [:from, :to], with those days and their networks; read from
 * the index on (workspace_id, day) that carries contact and network.
 */
/* @name RegularsOfPeriod */
SELECT r.contact_id::text AS "contact_id!", r.days AS "days!", r.networks AS "networks!", c.name, c.handle
  FROM (SELECT contact_id, count(DISTINCT day)::int AS days, array_agg(DISTINCT network ORDER BY network) AS networks
          FROM report_commenter_daily
         WHERE workspace_id = :workspaceId! AND day BETWEEN :from!::date AND :to!::date
           AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
         GROUP BY contact_id HAVING count(DISTINCT day) >= :minDays!) r
  LEFT JOIN contact c ON c.id = r.contact_id
 ORDER BY r.days DESC, c.name, r.contact_id;

/* Days with a comment in [:from, :to] of the given contacts (report_commenter_daily_contact_idx). */
/* @name CommentDaysOfContacts */
SELECT contact_id::text AS "contact_id!", count(DISTINCT day)::int AS "days!"
  FROM report_commenter_daily
 WHERE contact_id = ANY(:contactIds!::bigint[]) AND workspace_id = :workspaceId! AND day BETWEEN :from!::date AND :to!::date
   AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 GROUP BY contact_id;
