/* The SQL of SLA targets, business hours and holidays (sla.repository.ts runs it; `npm run gen:sql` types it into sla.queries.ts). */

/* The policy (defaults when the workspace has none) with the workspace's schedule and time zone. */
/* @name GetSlaPolicy */
SELECT COALESCE(p.default_minutes, 60) AS "defaultMinutes!", COALESCE(p.business_hours_only, false) AS "businessHoursOnly!",
       w.business_hours AS "businessHours!", w.timezone AS "timezone!"
  FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id
 WHERE w.id = :workspaceId!;

/* @name ListSlaTargets */
SELECT network, priority, minutes FROM sla_target WHERE workspace_id = :workspaceId! ORDER BY network NULLS FIRST, priority NULLS FIRST;

/* @name ListHolidays */
SELECT to_char(day, 'YYYY-MM-DD') AS "date!", name FROM workspace_holiday WHERE workspace_id = :workspaceId! ORDER BY day;

/* @name UpsertSlaPolicy */
INSERT INTO sla_policy (workspace_id, default_minutes, business_hours_only) VALUES (:workspaceId!, :defaultMinutes!, :businessHoursOnly!)
ON CONFLICT (workspace_id) DO UPDATE SET default_minutes = excluded.default_minutes, business_hours_only = excluded.business_hours_only, updated_at = now();

/* :businessHours is JSON text. */
/* @name SetBusinessHours */
UPDATE workspace SET business_hours = :businessHours!::jsonb, updated_at = now() WHERE id = :workspaceId!;

/* @name DeleteSlaTargets */
DELETE FROM sla_target WHERE workspace_id = :workspaceId!;

/* The targets as three zipped arrays; network '' and priority -1 stand for "any" (stored NULL): array parameters hold no NULLs. */
/* @name InsertSlaTargets */
INSERT INTO sla_target (workspace_id, network, priority, minutes)
SELECT :workspaceId!, NULLIF(t.network, ''), NULLIF(t.priority, -1), t.minutes
  FROM unnest(:networks!::text[], :priorities!::smallint[], :minutes!::int[]) AS t(network, priority, minutes);

/* @name DeleteHolidays */
DELETE FROM workspace_holiday WHERE workspace_id = :workspaceId!;

/* @name InsertHolidays */
INSERT INTO workspace_holiday (workspace_id, day, name)
SELECT :workspaceId!, h.day, h.name FROM unnest(:days!::date[], :names!::text[]) AS h(day, name);

/*
 * The due time of every thread of the workspace that has one or may now have one, after its targets,
 * hours, holidays or time zone changed (the row trigger only sees a thread's own columns change).
 */
/* @name RecomputeWorkspaceSlaDue */
UPDATE thread SET sla_due_at = resonance_sla_due_at(workspace_id, network, priority, status, waiting_since)
 WHERE workspace_id = :workspaceId! AND waiting_since IS NOT NULL AND status <> 'closed';
