/* The SQL of saved views (saved-views.repository.ts runs it; `npm run gen:sql` types it). */

/* The views a user sees: their own and the ones colleagues shared, own first, then by name. */
/* @name ListSavedViews */
SELECT v.id, v.name, v.filters, v.sort, v.shared, v.owner_id AS "ownerId", u.name AS "ownerName", v.updated_at AS "updatedAt"
  FROM saved_view v
  JOIN users u ON u.id = v.owner_id
 WHERE v.workspace_id = :workspaceId! AND (v.owner_id = :userId! OR v.shared)
 ORDER BY v.owner_id <> :userId!, lower(v.name), v.id;

/* One view the user may see (own or shared). */
/* @name GetSavedView */
SELECT v.id, v.name, v.filters, v.sort, v.shared, v.owner_id AS "ownerId", u.name AS "ownerName", v.updated_at AS "updatedAt"
  FROM saved_view v
  JOIN users u ON u.id = v.owner_id
 WHERE v.id = :id! AND v.workspace_id = :workspaceId! AND (v.owner_id = :userId! OR v.shared);

/* ON CONFLICT DO NOTHING: a second view of the same name answers no row (the service says 409). */
/* @name InsertSavedView */
INSERT INTO saved_view (workspace_id, owner_id, name, filters, sort, shared)
VALUES (:workspaceId!, :ownerId!, :name!, :filters!::jsonb, :sort!, :shared!)
ON CONFLICT (owner_id, name) DO NOTHING
RETURNING id;

/* Only the owner changes a view; a column changes only when its set… flag is true. */
/* @name UpdateSavedView */
UPDATE saved_view
   SET name = CASE WHEN :setName!::boolean THEN :name::text ELSE name END,
       filters = CASE WHEN :setFilters!::boolean THEN :filters::jsonb ELSE filters END,
       sort = CASE WHEN :setSort!::boolean THEN :sort::text ELSE sort END,
       shared = CASE WHEN :setShared!::boolean THEN :shared::boolean ELSE shared END,
       updated_at = now()
 WHERE id = :id! AND workspace_id = :workspaceId! AND owner_id = :ownerId!
RETURNING id;

/* Whether another of the owner's views already has this name. */
/* @name SavedViewNameTaken */
SELECT 1 AS "found!" FROM saved_view WHERE owner_id = :ownerId! AND name = :name! AND id <> :id!;

/* @name DeleteSavedView */
DELETE FROM saved_view WHERE id = :id! AND workspace_id = :workspaceId! AND owner_id = :ownerId! RETURNING id;
