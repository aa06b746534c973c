/* The SQL of the dashboard's connect flow (connect.repository.ts runs it; `npm run gen:sql` types it into connect.queries.ts). */

/* @name ReconnectableChannel */
SELECT id FROM channel_account WHERE id = :id! AND workspace_id = :workspaceId! AND network = :network!;

/* Rows of flows that expired more than an hour ago (until then a late callback is told "expired"). */
/* @name DeleteOldFlows */
DELETE FROM oauth_connect WHERE expires_at < now() - interval '1 hour';

/* Unfinished flows lose their secrets as soon as they expire. */
/* @name ForgetExpiredSecrets */
UPDATE oauth_connect SET credentials_encrypted = NULL, code_verifier_encrypted = NULL
 WHERE expires_at < now() AND (credentials_encrypted IS NOT NULL OR code_verifier_encrypted IS NOT NULL);

/* @name InsertFlow */
INSERT INTO oauth_connect (id, workspace_id, user_id, session_id, network, state_hash, code_verifier_encrypted, reconnect_channel_id, expires_at)
VALUES (:id!, :workspaceId!, :userId!, :sessionId!, :network!, :stateHash!, :codeVerifierEncrypted!, :reconnectChannelId,
        now() + :ttlMs!::int * interval '1 millisecond');

/* @name FlowById */
SELECT id, workspace_id AS "workspaceId", user_id AS "userId", session_id AS "sessionId", network, status,
       state_hash AS "stateHash", code_verifier_encrypted AS "codeVerifierEncrypted"
  FROM oauth_connect WHERE id = :id!;

/*
 * Consumes the state in one UPDATE, so two racing callbacks cannot both pass; an expired state is
 * consumed too, and the flow marked failed. No row: the state was used already.
 */
/* @name ConsumeState */
UPDATE oauth_connect SET state_used_at = now(), status = CASE WHEN expires_at > now() THEN status ELSE 'failed' END,
       error = CASE WHEN expires_at > now() THEN error ELSE 'state_expired' END
 WHERE id = :id! AND state_used_at IS NULL AND status = 'authorizing'
RETURNING expires_at > now() AS "fresh!";

/* :accounts is JSON text (the accounts shown in the picker, nothing that authenticates). */
/* @name StartPicking */
UPDATE oauth_connect SET status = 'picking', accounts = :accounts!::jsonb, credentials_encrypted = :credentialsEncrypted!, code_verifier_encrypted = NULL,
       expires_at = now() + :ttlMs!::int * interval '1 millisecond'
 WHERE id = :id!;

/* @name FailFlow */
UPDATE oauth_connect SET status = 'failed', error = :reason!, code_verifier_encrypted = NULL, credentials_encrypted = NULL WHERE id = :id!;

/* A flow waiting for the admin's pick, of this session only (never its credentials). */
/* @name PendingFlow */
SELECT id, network, expires_at AS "expiresAt", reconnect_channel_id AS "reconnectChannelId", accounts FROM oauth_connect
 WHERE id = :id! AND workspace_id = :workspaceId! AND user_id = :userId! AND session_id = :sessionId! AND status = 'picking' AND expires_at > now();

/* @name ExistingChannelsOf */
SELECT id, external_id AS "externalId", status FROM channel_account
 WHERE workspace_id = :workspaceId! AND network = :network! AND external_id = ANY(:externalIds!::text[]);

/* The same flow with its credentials, locked until the pick's transaction ends. */
/* @name LockPickingFlow */
SELECT id, network, accounts, credentials_encrypted AS "credentialsEncrypted" FROM oauth_connect
 WHERE id = :id! AND workspace_id = :workspaceId! AND user_id = :userId! AND session_id = :sessionId! AND status = 'picking' AND expires_at > now()
   FOR UPDATE;

/*
 * A picked account becomes a channel, or reconnects the existing one: new credentials, auth
 * failures cleared, needs_reauth → connected, a paused channel stays paused. inserted: xmax = 0.
 */
/* @name UpsertPickedChannel */
INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, credentials_expire_at)
VALUES (:workspaceId!, :network!, :externalId!, :displayName!, :handle, 'connected', :credentialsEncrypted!, :credentialsExpireAt::timestamptz)
ON CONFLICT (workspace_id, network, external_id) DO UPDATE
  SET credentials_encrypted = EXCLUDED.credentials_encrypted, credentials_expire_at = EXCLUDED.credentials_expire_at,
      status = CASE WHEN channel_account.status = 'paused' THEN 'paused' ELSE 'connected' END,
      consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,
      handle = COALESCE(EXCLUDED.handle, channel_account.handle), updated_at = now()
RETURNING id, (xmax = 0) AS "inserted!";

/* @name FinishFlow */
UPDATE oauth_connect SET status = 'done', credentials_encrypted = NULL WHERE id = :id!;
