/* The SQL of the workspace settings (settings.repository.ts runs it; `npm run gen:sql` types it into settings.queries.ts). */

/* @name GetSettings */
SELECT name, slug, timezone, business_hours AS "businessHours", own_domains AS "ownDomains",
       (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "humanAgentTagApproved!"
  FROM workspace WHERE id = :workspaceId!;

/* Changes the given fields (NULL: unchanged); :businessHours is JSON text. */
/* @name UpdateSettings */
WITH u AS (
  UPDATE workspace SET name = COALESCE(:name::text, name), timezone = COALESCE(:timezone::text, timezone),
                       business_hours = COALESCE(:businessHours::jsonb, business_hours),
                       own_domains = COALESCE(:ownDomains::text[], own_domains), updated_at = now()
   WHERE id = :workspaceId! RETURNING *
)
SELECT name AS "name!", slug AS "slug!", timezone AS "timezone!", business_hours AS "businessHours!",
       own_domains AS "ownDomains!", (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "humanAgentTagApproved!" FROM u;

/* Whether PostgreSQL knows the time zone by exactly this name (pg_timezone_names, ~0.1 s). */
/* @name TimezoneKnown */
SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = :name!) AS "known!";

/*
 * The workspace's word that Meta approved its app for the HUMAN_AGENT tag (settings.humanAgentTagApproved,
 * which the outbound worker and the thread's reply window read); what it was before, for the audit.
 */
/* @name SetHumanAgentTag */
WITH old AS (SELECT id, (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS was FROM workspace WHERE id = :workspaceId! FOR UPDATE)
UPDATE workspace w SET settings = jsonb_set(w.settings, '{humanAgentTagApproved}', to_jsonb(:approved!::boolean)), updated_at = now()
  FROM old WHERE w.id = old.id
RETURNING old.was AS "was!";
