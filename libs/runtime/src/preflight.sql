/* The start-up check of the database (preflight.ts runs it; `npm run gen:sql` types it into preflight.queries.ts). */

/* @name Ping */
SELECT 1 AS "ok!";
