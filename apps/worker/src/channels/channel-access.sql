/* A channel's credentials and health (channel-access.ts; typed into channel-access.queries.ts). */

/* @name ChannelForRun */
SELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures FROM channel_account WHERE id = :id!;

/* @name ChannelCredentials */
SELECT credentials_encrypted FROM channel_account WHERE id = :id!;

/* Serialises token refreshes of one channel across worker processes (released at commit). */
/* @name LockRefresh */
SELECT pg_advisory_xact_lock(hashtextextended(:key!, 7)) AS "locked";

/* @name SaveCredentials */
UPDATE channel_account SET credentials_encrypted = :credentials!, credentials_expire_at = :expiresAt, updated_at = now() WHERE id = :id!;

/* @name CallSucceeded */
UPDATE channel_account SET consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,
              rate_budget = :rateBudget!::jsonb, updated_at = now()
        WHERE id = :id!;

/* @name CallFailed */
UPDATE channel_account SET
         consecutive_auth_failures = CASE WHEN :auth!::boolean THEN consecutive_auth_failures + 1 ELSE consecutive_auth_failures END,
         last_error = :error!, last_error_at = now(), rate_budget = :rateBudget!::jsonb, updated_at = now()
       WHERE id = :id! RETURNING consecutive_auth_failures;

/* @name SetChannelStatus */
UPDATE channel_account SET status = :status!, updated_at = now() WHERE id = :id!;
