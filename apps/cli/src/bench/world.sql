/* The bench's workspace, users and channel accounts (world.ts runs it; `npm run gen:sql` types it into world.queries.ts). */

/* :businessHours is JSON text. */
/* @name InsertBenchWorkspace */
INSERT INTO workspace (name, slug, timezone, business_hours)
VALUES ('Bench GmbH', 'bench', 'Europe/Berlin', :businessHours!::jsonb) RETURNING id;

/* :users is a JSON array of {email, name, role}. */
/* @name InsertBenchUsers */
INSERT INTO users (workspace_id, email, name, role, password_hash)
SELECT :workspaceId!, e.email, e.name, e.role, :passwordHash! FROM json_to_recordset(:users!::json) AS e(email text, name text, role text)
RETURNING id, role;

/* One paused bulk channel per network (the worker leaves them alone). */
/* @name InsertBulkChannels */
INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, followers)
SELECT :workspaceId!, n, 'bench-' || n, 'Bench ' || n, 'bench_' || n, 'paused', 50000 FROM unnest(:networks!::text[]) AS n
RETURNING id, network;

/* The sim's demo Facebook page, connected: the worker syncs it. */
/* @name InsertLiveChannel */
INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)
VALUES (:workspaceId!, 'facebook', :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, 50000) RETURNING id;

/* @name InsertRawUpsertChannel */
INSERT INTO channel_account (workspace_id, network, external_id, display_name, status)
VALUES (:workspaceId!, 'facebook', 'bench-raw-upsert', 'Bench raw upsert', 'paused') RETURNING id;
