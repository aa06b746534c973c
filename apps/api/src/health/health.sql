/* The database probe of the health check (health.probes.ts runs it; `npm run gen:sql` types it into health.queries.ts). */

/* @name Ping */
SELECT 1 AS "ok!";
