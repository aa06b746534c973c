/* The channel account as ingest needs it (ingest-store.ts, channel-receiving.ts). */

/* @name ChannelIdentity */
SELECT id, workspace_id, network, external_id FROM channel_account WHERE id = :id!;

/* @name ChannelStatus */
SELECT status FROM channel_account WHERE id = :id!;

/* The company's own domains (spam-signal.ts: links to them are no sign of spam). */
/* @name WorkspaceOwnDomains */
SELECT own_domains AS "ownDomains!" FROM workspace WHERE id = :workspaceId!;
