/* The bench's full-scan reports (reports.ts times them against the API's reports; `npm run gen:sql` types them into reports.queries.ts). */

/*
 * The response-time report computed from the raw messages of the period (no rollups): every
 * thread's timeline, first response and reply times, median / p90 / mean and SLA share. Calendar
 * hours only (the API report adds business hours), so this full scan does less work than the
 * report it stands for and the speed-up is, if anything, understated.
 */
/* @name FullScanResponseTimes */
WITH m AS (
  SELECT thread_id, id, created_at, is_from_account FROM message
   WHERE workspace_id = :workspaceId! AND created_at >= now() - :days!::float8 * interval '1 day'
     AND (NOT is_from_account OR delivery = 'sent' OR external_id IS NOT NULL)
), seg AS (
  SELECT thread_id, created_at, is_from_account,
         count(*) FILTER (WHERE is_from_account) OVER (PARTITION BY thread_id ORDER BY created_at, id ROWS UNBOUNDED PRECEDING)
           - CASE WHEN is_from_account THEN 1 ELSE 0 END AS g
    FROM m
), runs AS (
  SELECT thread_id, g, min(created_at) FILTER (WHERE NOT is_from_account) AS inbound_at,
         max(created_at) FILTER (WHERE is_from_account) AS closed_at
    FROM seg GROUP BY thread_id, g
), events AS (
  SELECT 'reply' AS kind, extract(epoch FROM closed_at - inbound_at) AS s FROM runs
   WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL
  UNION ALL
  SELECT 'first', extract(epoch FROM min(closed_at) - min(inbound_at)) FROM runs WHERE closed_at IS NOT NULL GROUP BY thread_id
  HAVING min(inbound_at) < min(closed_at)
)
SELECT kind, count(*)::int AS n, avg(s) AS mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90,
       avg((s <= 3600)::int) AS sla
  FROM events GROUP BY kind;

/* The resonance report from the raw messages: comments, commenters, intent mix, sentiment, per network. */
/* @name FullScanResonance */
SELECT t.network, count(*)::int AS comments, count(DISTINCT m.author_contact_id)::int AS commenters,
       count(*) FILTER (WHERE m.intent = 'discount_request')::int AS discount,
       count(*) FILTER (WHERE m.intent = 'purchase_intent')::int AS purchase,
       count(*) FILTER (WHERE m.intent = 'product_question')::int AS question,
       count(*) FILTER (WHERE m.intent = 'complaint_support')::int AS complaint,
       count(*) FILTER (WHERE m.intent = 'praise')::int AS praise,
       count(*) FILTER (WHERE m.intent = 'other_spam')::int AS other,
       avg(m.sentiment) AS sentiment,
       count(DISTINCT m.thread_id) FILTER (WHERE t.first_response_at IS NOT NULL)::float8 / greatest(1, count(DISTINCT m.thread_id)) AS answered
  FROM message m JOIN thread t ON t.id = m.thread_id
 WHERE m.workspace_id = :workspaceId! AND m.created_at >= now() - :days!::float8 * interval '1 day' AND NOT m.is_from_account AND t.channel = 'comment'
 GROUP BY t.network;
