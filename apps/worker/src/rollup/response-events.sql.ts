import { workspaceZoneSql } from './workspace-zones';

/**
 * Response events of a set of threads, computed from their messages (DESIGN.md §5), set-based.
 *
 * A thread's timeline holds its inbound messages (I), the account's responses (R: written by the
 * account in Resonance or natively on the network, and actually on the network) and the moments
 * inbound messages were handled without a reply (H: like, hide, delete). Each R or H closes the
 * run of inbound messages since the previous R or H; its duration runs from the oldest message of
 * the run (the waiting_since clock). R gives a 'reply' event, H a 'handled' event; an R or H with no
 * inbound message waiting closes nothing. The thread's 'first' event is the first R after its first
 * inbound message, measured from that first inbound message. On equal timestamps an R or H sorts
 * before an inbound message: it cannot have answered it.
 *
 * Events are dated by their closing moment, in the workspace's time zone. $1 = thread ids,
 * $2 = the stored zones PostgreSQL does not know (those workspaces count in UTC: workspace-zones.ts).
 */
const ZONE = workspaceZoneSql('$2');

/** SLA target when the workspace sets none (settings.slaTargetMinutes.{network|default}). */
export const DEFAULT_SLA_TARGET_MINUTES = 60;

export const RESPONSE_EVENTS_SQL = `
  WITH msg AS MATERIALIZED (
    -- The threads' messages, read once and thread by thread (message_thread_idx). As a join or
    -- three "thread_id = ANY" scans, the planner took a drain's 25,000 threads for a sixth of the
    -- table and read all of it three times. OFFSET 0 keeps the subquery a per-thread scan.
    SELECT m.* FROM (SELECT DISTINCT unnest($1::bigint[]) AS thread_id) d
     CROSS JOIN LATERAL (SELECT m.thread_id, m.id, m.created_at, m.is_from_account, m.author_user_id, m.delivery,
                                m.external_id, m.handled_at, m.handled_by, m.handled_action
                           FROM message m WHERE m.thread_id = d.thread_id OFFSET 0) m
  ), tl AS (
    SELECT m.thread_id, m.created_at AS at, 1 AS ord, 'I' AS k, NULL::uuid AS agent, NULL::text AS action, m.id
      FROM msg m WHERE NOT m.is_from_account
    UNION ALL
    SELECT m.thread_id, m.created_at, 0, 'R', m.author_user_id, NULL, m.id
      FROM msg m WHERE m.is_from_account AND (m.delivery = 'sent' OR m.external_id IS NOT NULL)
    UNION ALL
    SELECT m.thread_id, m.handled_at, 0, 'H', m.handled_by, m.handled_action, m.id
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
           (array_agg(action) FILTER (WHERE k <> 'I'))[1] AS action
      FROM numbered GROUP BY thread_id, seg
  ), firsts AS (
    SELECT DISTINCT ON (r.thread_id) r.thread_id, f.first_inbound AS inbound_at, r.at AS closed_at, r.agent
      FROM (SELECT thread_id, min(at) AS first_inbound FROM tl WHERE k = 'I' GROUP BY thread_id) f
      JOIN tl r ON r.thread_id = f.thread_id AND r.k = 'R' AND r.at > f.first_inbound
     ORDER BY r.thread_id, r.at, r.id
  ), events AS (
    SELECT thread_id, CASE WHEN closer = 'R' THEN 'reply' ELSE 'handled' END AS kind, agent, action, inbound_at, closed_at
      FROM runs WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL
    UNION ALL
    SELECT thread_id, 'first', agent, NULL, inbound_at, closed_at FROM firsts
  )
  SELECT t.workspace_id, e.thread_id, t.channel_account_id, t.network, t.channel, e.agent AS agent_id, e.kind, e.action,
         e.inbound_at, e.closed_at, (e.closed_at AT TIME ZONE ${ZONE})::date AS day,
         x.seconds, b.business_seconds,
         x.seconds <= s.target AS within_target,
         b.business_seconds <= s.target AS within_target_business
    FROM events e
    JOIN thread t ON t.id = e.thread_id
    JOIN workspace w ON w.id = t.workspace_id
    CROSS JOIN LATERAL (SELECT extract(epoch FROM e.closed_at - e.inbound_at)::double precision AS seconds) x
    CROSS JOIN LATERAL (SELECT CASE WHEN w.business_hours = '{}'::jsonb THEN NULL
                                    ELSE resonance_business_seconds(e.inbound_at, e.closed_at, ${ZONE}, w.business_hours) END
                                 AS business_seconds) b
    CROSS JOIN LATERAL (SELECT 60 * COALESCE((w.settings -> 'slaTargetMinutes' ->> t.network)::double precision,
                                             (w.settings -> 'slaTargetMinutes' ->> 'default')::double precision,
                                             ${DEFAULT_SLA_TARGET_MINUTES}) AS target) s`;

export const EVENT_COLUMNS = `workspace_id, thread_id, channel_account_id, network, channel, agent_id, kind, action,
  inbound_at, closed_at, day, seconds, business_seconds, within_target, within_target_business`;
