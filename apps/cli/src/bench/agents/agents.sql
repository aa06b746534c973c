/* The agents scenario's users (run-agents.ts; `npm run gen:sql` types it into agents.queries.ts). */

/* :count agents of the workspace, all with the same password hash. */
/* @name InsertAgents */
INSERT INTO users (workspace_id, email, name, role, password_hash)
SELECT :workspaceId!, 'live-agent' || i || '@bench.local', 'Live agent ' || i, 'agent', :passwordHash!
  FROM generate_series(1, :count!::int) AS i
RETURNING email;

/* Messages of the live channel: how many the ingest stored. */
/* @name CountLiveMessages */
SELECT count(*)::int AS "n!" FROM message WHERE channel_account_id = :channelId!;
