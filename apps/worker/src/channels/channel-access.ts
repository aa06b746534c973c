import type { DataSource } from 'typeorm';
import { isChannelStatus, isNetwork, type ChannelStatus, type Network } from '@resonance/contracts';
import { CredentialsCipher, jsonObjectOf, sqlClient, type Json, type JsonObject, type Queryable } from '@resonance/db';
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
import {
  callFailed,
  callSucceeded,
  channelCredentials,
  channelForRun,
  lockRefresh,
  saveCredentials,
  setChannelStatus,
  type IChannelForRunResult,
} from './channel-access.queries';

export interface ChannelRow {
  id: string;
  workspace_id: string;
  network: Network;
  external_id: string;
  status: ChannelStatus;
  sync_state: JsonObject;
  rate_budget: { state?: BudgetState };
  last_synced_at: Date | null;
  consecutive_auth_failures: number;
  /** The stored credentials when the row was read with them (a sync run's claim); else read on demand. */
  credentials_encrypted?: string | null;
}

/** Successes of one channel within this window of the last written one are written together at its end. */
export const SUCCESS_WRITE_WINDOW_MS = 1_000;

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
  /** Per channel: this process's last success write, and the budget state held back since (succeeded()). */
  private readonly successWrites = new Map<string, { at: number; budget: BudgetState | undefined; timer?: NodeJS.Timeout }>();

  constructor(
    private readonly dataSource: DataSource,
    encryptionKey: string | CredentialsCipher,
    private readonly registry: ConnectorRegistry,
  ) {
    // A cipher built from the config also reads credentials under ENCRYPTION_KEY_PREVIOUS (key rotation).
    this.cipher = typeof encryptionKey === 'string' ? new CredentialsCipher(encryptionKey) : encryptionKey;
  }

  async channel(channelId: string): Promise<ChannelRow | undefined> {
    const [row] = await channelForRun.run({ id: channelId }, sqlClient(this.dataSource));
    return row && toChannelRow(row);
  }

  /** A connector context with fresh credentials; the budget holder is the channel's stored budget. */
  async context(channel: ChannelRow): Promise<ConnectorContext> {
    let credentials = channel.credentials_encrypted === undefined ? await this.credentials(channel.id) : this.opened(channel.credentials_encrypted);
    // Refreshed before expiry, and once more after the network called the token expired.
    const rejected = channel.consecutive_auth_failures > 0 && (!!credentials.refreshToken || !!credentials.userAccessToken);
    if (expiresSoon(credentials) || rejected) credentials = await this.refresh(channel, rejected);
    return {
      account: { id: channel.id, network: channel.network, externalId: channel.external_id },
      credentials,
      budget: { state: channel.rate_budget?.state },
    };
  }

  private async credentials(channelId: string, db: Queryable = this.dataSource): Promise<Credentials> {
    const [row] = await channelCredentials.run({ id: channelId }, sqlClient(db));
    return this.opened(row?.credentials_encrypted ?? null);
  }

  private opened(stored: string | null): Credentials {
    return stored ? this.cipher.decrypt<Credentials>(stored) : { accessToken: '' };
  }

  /** Refreshes under the channel's lock; whoever gets the lock second finds fresh credentials and stops. */
  private async refresh(channel: ChannelRow, force: boolean): Promise<Credentials> {
    const connector = this.registry.get(channel.network);
    return this.dataSource.transaction(async (tx) => {
      await lockRefresh.run({ key: `refresh:${channel.id}` }, sqlClient(tx));
      const current = await this.credentials(channel.id, tx);
      if (!force && !expiresSoon(current)) return current;
      const renewed = await connector.auth.refresh(current);
      await saveCredentials.run({ id: channel.id, credentials: this.cipher.encrypt(renewed), expiresAt: renewed.expiresAt ?? null }, sqlClient(tx));
      return renewed;
    });
  }

  /**
   * A call succeeded: the auth failure streak and the shown error end, and the channel keeps the
   * budget state the call left. The first success after a failure (or after a quiet second) is
   * written at once; later ones within SUCCESS_WRITE_WINDOW_MS of this process's last write only
   * carry a newer budget state, and are written together once the window ends (the latest state
   * wins). Each write is a commit on the channel's row: hides and likes that rules queue during an
   * ingest wrote it once per action (docs/benchmarks.md, Stop 36). A process that ends within the
   * window loses at most that second's budget state; the next call's response reports it again.
   */
  async succeeded(channelId: string, budget: BudgetState | undefined): Promise<void> {
    const now = Date.now();
    const last = this.successWrites.get(channelId);
    // A pause the call announced is written at once: the channel's other work must see it now.
    if (last && now - last.at < SUCCESS_WRITE_WINDOW_MS && budget?.pausedUntil === undefined) {
      last.budget = budget;
      last.timer ??= setTimeout(() => void this.flushSuccess(channelId), last.at + SUCCESS_WRITE_WINDOW_MS - now).unref();
      return;
    }
    this.successWrites.set(channelId, { at: now, budget });
    await this.writeSuccess(channelId, budget);
  }

  /** Writes the success a window held back (if no failure came since: failed() forgets it). */
  private async flushSuccess(channelId: string): Promise<void> {
    const held = this.successWrites.get(channelId);
    if (!held?.timer) return;
    this.successWrites.set(channelId, { at: Date.now(), budget: held.budget });
    // A failed write only loses a budget state the next call's response reports again.
    await this.writeSuccess(channelId, held.budget).catch(() => undefined);
  }

  private async writeSuccess(channelId: string, budget: BudgetState | undefined): Promise<void> {
    await callSucceeded.run({ id: channelId, rateBudget: JSON.stringify(budget ? { state: budget } : {}) }, sqlClient(this.dataSource));
  }

  /**
   * A call failed: what to do next (policy), with the channel's status and error updated to match.
   * `maxPauseMs` (RATE_LIMIT_MAX_DELAY_MS) bounds the pause the budget state keeps for the channel
   * after a rate limit, as the sync's own pause is bounded: a reply or moderation call that met a
   * rate limit announcing ten minutes had otherwise stopped every sync and send of the channel for
   * those ten minutes, beyond the operator's bound. A spent daily quota keeps its whole wait.
   */
  async failed(channelId: string, error: ConnectorError, budget: BudgetState | undefined, maxPauseMs?: number): Promise<Outcome> {
    // The failure is newer than any success held back; the next success is written at once.
    const held = this.successWrites.get(channelId);
    if (held?.timer) clearTimeout(held.timer);
    this.successWrites.delete(channelId);
    const auth = isAuthCode(error.code);
    const kept = maxPauseMs === undefined || error.code === 'QUOTA_EXCEEDED' ? budget : boundPause(budget, error.raisedAt + maxPauseMs);
    const [row] = await callFailed.run(
      { id: channelId, auth, error: `${error.code}: ${error.message}`.slice(0, 500), rateBudget: JSON.stringify(kept ? { state: kept } : {}) },
      sqlClient(this.dataSource),
    );
    const outcome = decideOutcome({ error, consecutiveAuthFailures: row?.consecutive_auth_failures ?? 0 });
    if (outcome.channelStatus) {
      // needs_reauth stops every schedule of the channel (the scheduler removes it) until an admin reconnects.
      await setChannelStatus.run({ id: channelId, status: outcome.channelStatus }, sqlClient(this.dataSource));
    }
    return outcome;
  }
}

/**
 * The channel row with its text enumerations and json columns narrowed: a network or status outside
 * the CHECK'd values is schema drift and fails loudly; a budget state that is not one is none.
 */
export function toChannelRow(row: IChannelForRunResult & { credentials_encrypted?: string | null }): ChannelRow {
  if (!isNetwork(row.network)) throw new Error(`channel account ${row.id} has an unknown network ${JSON.stringify(row.network)}`);
  if (!isChannelStatus(row.status)) throw new Error(`channel account ${row.id} has an unknown status ${JSON.stringify(row.status)}`);
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    network: row.network,
    external_id: row.external_id,
    status: row.status,
    sync_state: jsonObjectOf(row.sync_state),
    rate_budget: { state: budgetStateOf(jsonObjectOf(row.rate_budget).state) },
    last_synced_at: row.last_synced_at,
    consecutive_auth_failures: row.consecutive_auth_failures,
    ...(row.credentials_encrypted === undefined ? {} : { credentials_encrypted: row.credentials_encrypted }),
  };
}

/** The budget state with its pause ending no later than `latest` (epoch ms). */
function boundPause(budget: BudgetState | undefined, latest: number): BudgetState | undefined {
  return budget?.pausedUntil !== undefined && budget.pausedUntil > latest ? { ...budget, pausedUntil: latest } : budget;
}

/** A stored budget state (written by succeeded/failed/pause), or undefined when the value is not one. */
export function budgetStateOf(value: Json | undefined): BudgetState | undefined {
  const state = jsonObjectOf(value);
  const { usedPercent, readAt, pausedUntil } = state;
  if (typeof usedPercent !== 'number' || typeof readAt !== 'number') return undefined;
  // Fields a connector keeps beside these (YouTube's unit count) travel with the state.
  return { ...state, usedPercent, readAt, ...(typeof pausedUntil === 'number' ? { pausedUntil } : {}) };
}

function expiresSoon(credentials: Credentials): boolean {
  if (!credentials.expiresAt) return false;
  return Date.parse(credentials.expiresAt) - Date.now() < REFRESH_BUFFER_MS;
}
