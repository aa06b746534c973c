/* The per-network freshness measurement (freshness-networks.ts; `npm run gen:sql` types it into freshness-networks.queries.ts). */

/* One connected channel on the sim's demo account of a network (credentials encrypted by the caller). */
/* @name InsertNetworkChannel */
INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)
VALUES (:workspaceId!, :network!, :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, 1000) RETURNING id;

/* Which of these network ids the inbox holds for the channel (stored with their thread). */
/* @name StoredExternalIds */
SELECT external_id AS "externalId" FROM message WHERE channel_account_id = :channelId! AND external_id = ANY(:externalIds!::text[]);

/* The interval each channel's schedule has now: the pacing the sync runner chose (budget, activity). */
/* @name ChannelIntervals */
SELECT id, (sync_state->>'intervalMs')::int AS "intervalMs" FROM channel_account WHERE id = ANY(:ids!::uuid[]);

/* The live Facebook page comes from the webhook measurement with its interval pinned to a minute: back to the usual one. */
/* @name ResetInterval */
UPDATE channel_account SET sync_state = sync_state - 'intervalMs' WHERE id = :id!;
