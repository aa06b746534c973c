/* The workspaces' time zones as the rollups need them (workspace-zones.ts; typed into workspace-zones.queries.ts). */

/* @name StoredZones */
SELECT DISTINCT timezone FROM workspace;

/* @name PostgresZoneNames */
SELECT name AS "name!" FROM pg_timezone_names;

/* @name WorkspacesInZones */
SELECT id, timezone FROM workspace WHERE timezone = ANY(:zones!::text[]);
