import type { DataSource } from 'typeorm';
import type { ChannelStatus, Network } from '@resonance/contracts';
import { CredentialsCipher } from '@resonance/db';
import { rowsOf } from '../query-rows';
import {
  decideOutcome,
  isAuthCode,
  type BudgetState,
  type ConnectorContext,
  type ConnectorError,
  type ConnectorRegistry,
  type Credentials,
  type Outcome,
} from '@resonance/connectors';

export interface ChannelRow {
  id: string;
  workspace_id: string;
  network: Network;
  external_id: string;
  status: ChannelStatus;
  sync_state: Record<string, unknown>;
  rate_budget: { state?: BudgetState };
  last_synced_at: Date | null;
  consecutive_auth_failures: number;
}

/** Tokens are refreshed this long before they expire, so no call runs on a dying token. */
export const REFRESH_BUFFER_MS = 10 * 60_000;

/**
 * A channel's credentials and health, for the processors: decrypts credentials (AES-256-GCM),
 * refreshes them before expiry under a per-channel lock (a PostgreSQL advisory lock, so it holds
 * across worker processes and either queue backend), and applies the error policy to the channel
 * (auth failures counted, needs_reauth after repeated ones, last error shown to admins).
 */
export class ChannelAccess {
  private readonly cipher: CredentialsCipher;

  constructor(
    private readonly dataSource: DataSource,
    encryptionKey: string | CredentialsCipher,
    private readonly registry: ConnectorRegistry,
  ) {
    // A cipher built from the config also reads credentials under ENCRYPTION_KEY_PREVIOUS (key rotation).
    this.cipher = typeof encryptionKey === 'string' ? new CredentialsCipher(encryptionKey) : encryptionKey;
  }

  async channel(channelId: string): Promise<ChannelRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, workspace_id, network, external_id, status, sync_state, rate_budget, last_synced_at, consecutive_auth_failures FROM channel_account WHERE id = $1`,
      [channelId],
    )) as ChannelRow[];
    return row;
  }

  /** A connector context with fresh credentials; the budget holder is the channel's stored budget. */
  async context(channel: ChannelRow): Promise<ConnectorContext> {
    let credentials = await this.credentials(channel.id);
    // Refreshed before expiry, and once more after the network called the token expired.
    const rejected = channel.consecutive_auth_failures > 0 && (!!credentials.refreshToken || !!credentials.userAccessToken);
    if (expiresSoon(credentials) || rejected) credentials = await this.refresh(channel, rejected);
    return {
      account: { id: channel.id, network: channel.network, externalId: channel.external_id },
      credentials,
      budget: { state: channel.rate_budget?.state },
    };
  }

  private async credentials(channelId: string, tx: Pick<DataSource, 'query'> = this.dataSource): Promise<Credentials> {
    const [row] = (await tx.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [channelId])) as Array<{
      credentials_encrypted: string | null;
    }>;
    if (!row?.credentials_encrypted) return { accessToken: '' };
    return this.cipher.decrypt<Credentials>(row.credentials_encrypted);
  }

  /** Refreshes under the channel's lock; whoever gets the lock second finds fresh credentials and stops. */
  private async refresh(channel: ChannelRow, force: boolean): Promise<Credentials> {
    const connector = this.registry.get(channel.network);
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`refresh:${channel.id}`]);
      const current = await this.credentials(channel.id, tx);
      if (!force && !expiresSoon(current)) return current;
      const renewed = await connector.auth.refresh(current);
      await tx.query(`UPDATE channel_account SET credentials_encrypted = $2, credentials_expire_at = $3, updated_at = now() WHERE id = $1`, [
        channel.id,
        this.cipher.encrypt(renewed),
        renewed.expiresAt ?? null,
      ]);
      return renewed;
    });
  }

  /** A call succeeded: the auth failure streak and the shown error end. */
  async succeeded(channelId: string, budget: BudgetState | undefined): Promise<void> {
    await this.dataSource.query(
      `UPDATE channel_account SET consecutive_auth_failures = 0, last_error = NULL, last_error_at = NULL,
              rate_budget = $2::jsonb, updated_at = now()
        WHERE id = $1`,
      [channelId, JSON.stringify(budget ? { state: budget } : {})],
    );
  }

  /** A call failed: what to do next (policy), with the channel's status and error updated to match. */
  async failed(channelId: string, error: ConnectorError, budget: BudgetState | undefined): Promise<Outcome> {
    const auth = isAuthCode(error.code);
    const [row] = rowsOf<{ consecutive_auth_failures: number }>(await this.dataSource.query(
      `UPDATE channel_account SET
         consecutive_auth_failures = CASE WHEN $2 THEN consecutive_auth_failures + 1 ELSE consecutive_auth_failures END,
         last_error = $3, last_error_at = now(), rate_budget = $4::jsonb, updated_at = now()
       WHERE id = $1 RETURNING consecutive_auth_failures`,
      [channelId, auth, `${error.code}: ${error.message}`.slice(0, 500), JSON.stringify(budget ? { state: budget } : {})],
    ));
    const outcome = decideOutcome({ error, consecutiveAuthFailures: row?.consecutive_auth_failures ?? 0 });
    if (outcome.channelStatus) {
      // needs_reauth stops every schedule of the channel (the scheduler removes it) until an admin reconnects.
      await this.dataSource.query(`UPDATE channel_account SET status = $2, updated_at = now() WHERE id = $1`, [channelId, outcome.channelStatus]);
    }
    return outcome;
  }
}

function expiresSoon(credentials: Credentials): boolean {
  if (!credentials.expiresAt) return false;
  return Date.parse(credentials.expiresAt) - Date.now() < REFRESH_BUFFER_MS;
}
