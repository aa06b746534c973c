/*
 * The columns that hold a CredentialsCipher value (rotate-key.ts runs it; `npm run gen:sql` types
 * it into rotate-key.queries.ts): for each table, the ids of rows with a secret, the row locked
 * with its secrets, and one update per column.
 */

/* @name ChannelAccountsWithSecrets */
SELECT id::text AS "id!" FROM channel_account WHERE credentials_encrypted IS NOT NULL ORDER BY id;

/* @name LockChannelAccountSecrets */
SELECT credentials_encrypted FROM channel_account WHERE id = :id! FOR UPDATE;

/* @name SetChannelAccountCredentials */
UPDATE channel_account SET credentials_encrypted = :value! WHERE id = :id!;

/* @name OauthConnectsWithSecrets */
SELECT id::text AS "id!" FROM oauth_connect WHERE credentials_encrypted IS NOT NULL OR code_verifier_encrypted IS NOT NULL ORDER BY id;

/* @name LockOauthConnectSecrets */
SELECT credentials_encrypted, code_verifier_encrypted FROM oauth_connect WHERE id = :id! FOR UPDATE;

/* @name SetOauthConnectCredentials */
UPDATE oauth_connect SET credentials_encrypted = :value! WHERE id = :id!;

/* @name SetOauthConnectCodeVerifier */
UPDATE oauth_connect SET code_verifier_encrypted = :value! WHERE id = :id!;
