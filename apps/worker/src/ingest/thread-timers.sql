/* Thread timers (thread-timers.ts; `npm run gen:sql` types them into thread-timers.queries.ts). */

/* @name RecomputeThreads */
WITH news AS (
       SELECT key::bigint AS id, value::int AS inbound FROM json_each_text(:newInbound!::json)
     ), agg AS (
       SELECT m.thread_id,
              min(m.created_at) FILTER (WHERE NOT m.is_from_account) AS first_inbound,
              max(m.created_at) FILTER (WHERE NOT m.is_from_account) AS last_inbound,
              max(m.created_at) FILTER (WHERE m.is_from_account AND m.external_id IS NOT NULL) AS last_response,
              max(m.created_at) AS last_message,
              count(*)::int AS total
         FROM message m
        WHERE m.thread_id = ANY(:threadIds!::bigint[]) AND NOT m.deleted
        GROUP BY m.thread_id
     ), timers AS (
       SELECT a.*,
              (SELECT min(r.created_at) FROM message r
                WHERE r.thread_id = a.thread_id AND r.is_from_account AND r.external_id IS NOT NULL
                  AND r.created_at > a.first_inbound) AS first_response,
              -- the reports' rule: a response on the network or a like/hide/delete ends the wait (schema/functions.ts)
              resonance_thread_waiting_since(a.thread_id) AS waiting,
              (SELECT left(l.text, 280) FROM message l
                WHERE l.thread_id = a.thread_id AND NOT l.deleted
                ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS preview
         FROM agg a
     )
     UPDATE thread t SET
       first_inbound_at = timers.first_inbound,
       last_inbound_at = timers.last_inbound,
       first_response_at = timers.first_response,
       waiting_since = timers.waiting,
       last_message_at = timers.last_message,
       message_count = timers.total,
       last_message_preview = COALESCE(timers.preview, ''),
       unread_count = t.unread_count + COALESCE(news.inbound, 0),
       status = CASE WHEN COALESCE(news.inbound, 0) > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,
       updated_at = now()
       FROM timers LEFT JOIN news ON news.id = timers.thread_id
      WHERE t.id = timers.thread_id;

/* @name AdvanceThreads */
UPDATE thread t SET
       first_inbound_at = COALESCE(t.first_inbound_at, n.fi),
       last_inbound_at = COALESCE(n.li, t.last_inbound_at),
       first_response_at = COALESCE(t.first_response_at, CASE WHEN t.first_inbound_at IS NOT NULL THEN n.fo ELSE n.fr END),
       waiting_since = CASE WHEN n.lo IS NOT NULL THEN n.w ELSE COALESCE(t.waiting_since, n.fi) END,
       last_message_at = n.z,
       message_count = t.message_count + n.n,
       last_message_preview = left(n.v, 280),
       unread_count = t.unread_count + n.i,
       status = CASE WHEN n.i > 0 AND t.status <> 'open' THEN 'open' ELSE t.status END,
       updated_at = now()
       FROM json_to_recordset(:advances!::json) AS n(id bigint, a timestamptz, z timestamptz, fi timestamptz, li timestamptz,
            fo timestamptz, lo timestamptz, fr timestamptz, w timestamptz, n int, i int, v text)
      WHERE t.id = n.id AND t.last_message_at < n.a
      RETURNING t.id;
