import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@resonance/config';
import {
  NETWORK_CONNECT_SETUPS,
  NETWORKS,
  toIso,
  type CompleteConnectResponse,
  type ConnectSetup,
  type Network,
  type PendingAccount,
  type PendingConnect,
} from '@resonance/contracts';
import { ConnectorRegistry, isConnectorError, notYetAvailableMessage, type Connector, type Credentials } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { QueueName, syncNowJobOptions, type SyncJob } from '@resonance/queue';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { SessionService } from '../auth/session.service';
import { oneOf } from '../common/narrow';
import { toChannelView } from '../channels/channel-view';
import { ChannelsRepository } from '../channels/channels.repository';
import { ConnectRepository } from './connect.repository';
import type { Json } from './connect.queries';
import { newState, parseState, pkcePair, PICK_TTL_MS, sameId, STATE_TTL_MS, stateMatches, type ConnectErrorCode } from './connect-state';

/** An account as the flow keeps it: what the admin needs to choose, nothing that authenticates. */
type StoredAccount = Pick<PendingAccount, 'externalId' | 'displayName' | 'handle'>;

/** oauth_connect.accounts (jsonb, written by the callback as StoredAccount[]): the entries of that shape. */
function storedAccountsOf(value: Json): StoredAccount[] {
  if (!Array.isArray(value)) return [];
  const out: StoredAccount[] = [];
  for (const a of value) {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) continue;
    const { externalId, displayName, handle } = a;
    if (typeof externalId === 'string' && typeof displayName === 'string' && (typeof handle === 'string' || handle === null))
      out.push({ externalId, displayName, handle });
  }
  return out;
}

const PENDING_GONE = 'this connection is unknown, expired or already finished: start connecting again';

/** OAuth 1.0a's request token and secret, kept (encrypted) from the start step to the callback. */
interface RequestTokenKept {
  requestToken: string;
  requestTokenSecret: string;
}

/**
 * OAuth 2.0 with a chosen setup (Instagram): the PKCE verifier and the setup the consent page was
 * opened for, whose token endpoint must take the code. A bare string is a verifier of the default setup.
 */
interface SetupKept {
  verifier: string;
  setup: ConnectSetup;
}

type Kept = string | RequestTokenKept | SetupKept;
const isRequestToken = (kept: Kept | undefined): kept is RequestTokenKept => typeof kept === 'object' && 'requestToken' in kept;

/** What the callback reads from the network's redirect (OAuth 2.0: code/error; OAuth 1.0a: oauth_token/oauth_verifier/denied). */
export interface CallbackQuery {
  state?: string;
  code?: string;
  error?: string;
  oauthToken?: string;
  oauthVerifier?: string;
  denied?: string;
}

/** Where the callback sends the browser: the picker, or the Channels page with an error code. */
export type CallbackOutcome = { pendingId: string } | { error: ConnectErrorCode; code?: string };

/**
 * The dashboard's connect flow (DESIGN.md §4 auth): start (state + PKCE verifier kept server-side,
 * bound to the admin's session), callback (state verified, code exchanged, accounts listed and
 * their credentials kept encrypted), pick (channels created or reconnected, first sync queued).
 */
@Injectable()
export class ConnectService {
  private readonly logger = new Logger(ConnectService.name);
  private readonly cipher: CredentialsCipher;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ConnectRepository) private readonly flows: ConnectRepository,
    @Inject(ChannelsRepository) private readonly channels: ChannelsRepository,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @InjectQueue(QueueName.Sync) private readonly syncQueue: Queue<SyncJob>,
  ) {
    this.cipher = CredentialsCipher.fromConfig(config);
  }

  /** Read per call: PUBLIC_URL is the address the network and the browser come back to. */
  private publicUrl(): string {
    return this.config.PUBLIC_URL.replace(/\/+$/, '');
  }

  redirectUri(network: Network): string {
    return `${this.publicUrl()}/api/oauth/callback/${network}`;
  }

  /** The dashboard page the callback ends on; only ids and fixed codes go in its query. */
  dashboardUrl(outcome: CallbackOutcome): string {
    const q = new URLSearchParams(
      'pendingId' in outcome ? { connect: outcome.pendingId } : { connect_error: outcome.error, ...(outcome.code ? { code: outcome.code } : {}) },
    );
    return `${this.publicUrl()}/channels?${q.toString()}`;
  }

  /** The network's connector, when the dashboard can connect it; otherwise a 404 that says why. */
  private connectable(network: Network): Connector {
    const connector = this.registry.get(network);
    if (!connector.available) throw new NotFoundException(`${notYetAvailableMessage(network)}, so it cannot be connected yet`);
    if (!connector.auth.listAccounts)
      throw new NotFoundException(`connecting ${network} from the dashboard is not offered yet: its connector does not list connectable accounts`);
    return connector;
  }

  /** The setup asked for, when the network has it (none asked: the network's default, or none). */
  private setupOf(network: Network, setup: ConnectSetup | undefined): ConnectSetup | undefined {
    const offered = NETWORK_CONNECT_SETUPS[network];
    if (setup === undefined) return offered?.[0];
    if (!offered?.includes(setup))
      throw new BadRequestException(
        offered
          ? `${network} connects through ${offered.join(' or ')}, not ${setup}`
          : `${network} has one way to connect: leave setup out (only ${Object.keys(NETWORK_CONNECT_SETUPS).join(', ')} offers a choice)`,
      );
    return setup;
  }

  async start(user: AuthUser, network: Network, reconnectChannelId?: string, requestedSetup?: ConnectSetup): Promise<{ authorizationUrl: string }> {
    const setup = this.setupOf(network, requestedSetup);
    const connector = this.connectable(network);
    if (reconnectChannelId) {
      if (!(await this.flows.isReconnectable(user.workspaceId, network, reconnectChannelId)))
        throw new NotFoundException(`channel ${reconnectChannelId} is not a ${network} channel of this workspace`);
    }
    const { id, state, hash } = newState();
    let authorizationUrl: string;
    // What the callback needs and the browser must not see: the PKCE verifier (OAuth 2.0), or the
    // request token and its secret (OAuth 1.0a), kept encrypted in the flow's row.
    let kept: Kept;
    try {
      if (connector.auth.requestAuthorization) {
        // OAuth 1.0a has no state parameter: the state rides in the callback URL, which the network
        // sends the browser back to with oauth_token and oauth_verifier added.
        const callbackUrl = `${this.redirectUri(network)}?${new URLSearchParams({ state }).toString()}`;
        const r = await connector.auth.requestAuthorization({ callbackUrl });
        authorizationUrl = r.authorizationUrl;
        kept = { requestToken: r.requestToken, requestTokenSecret: r.requestTokenSecret };
      } else {
        const pkce = pkcePair();
        authorizationUrl = connector.auth.authorizationUrl({ state, redirectUri: this.redirectUri(network), codeChallenge: pkce.challenge, setup });
        kept = setup ? { verifier: pkce.verifier, setup } : pkce.verifier;
      }
    } catch (error) {
      // e.g. FACEBOOK_APP_ID or XING's partner consumer missing: the server's configuration, said
      // plainly (the message names settings, never their values).
      if (isConnectorError(error)) {
        if (error.code === 'TRANSIENT' || error.code === 'RATE_LIMITED' || error.code === 'UNKNOWN') {
          this.logger.warn(`${network} connect start failed: ${error.code} ${error.message}`);
          throw new ServiceUnavailableException(`${network} did not answer the start of the connection (${error.code}); try again in a moment`);
        }
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'Service Unavailable',
          message: `${network} cannot be connected on this server: ${error.message}`,
          code: 'NETWORK_NOT_CONFIGURED',
        });
      }
      throw error;
    }
    // Unfinished flows lose their secrets as soon as they expire; the rows go an hour later (until
    // then a late callback is still told "expired" rather than "not issued here").
    await this.flows.purgeExpired();
    await this.flows.insert({
      id,
      workspaceId: user.workspaceId,
      userId: user.id,
      sessionId: user.sessionId,
      network,
      stateHash: hash,
      codeVerifierEncrypted: this.cipher.encrypt(kept),
      reconnectChannelId: reconnectChannelId ?? null,
      ttlMs: STATE_TTL_MS,
    });
    return { authorizationUrl };
  }

  /**
   * The network's redirect. Every check happens before the code is used: the state must be one we
   * issued for this network (constant-time), the browser must carry the session that started the
   * flow, the state must not have been used and not have expired. Then the state is consumed (in
   * one UPDATE, so two racing callbacks cannot both pass) and only then the code is exchanged.
   */
  async callback(network: Network, query: CallbackQuery, sessionToken: string | undefined): Promise<CallbackOutcome> {
    const parsed = parseState(query.state);
    if (!parsed) return { error: 'invalid_state' };
    const row = await this.flows.byId(parsed.id);
    if (row?.network !== network || !stateMatches(parsed.secret, row.stateHash)) return { error: 'invalid_state' };
    const user = sessionToken ? await this.sessions.resolve(sessionToken) : null;
    if (!user || !sameId(user.sessionId, row.sessionId) || user.role !== 'admin') return { error: 'other_session' };
    const consumed = await this.flows.consumeState(row.id);
    if (!consumed) return { error: 'state_used' };
    if (!consumed.fresh) return { error: 'state_expired' };

    const kept = row.codeVerifierEncrypted ? this.cipher.decrypt<Kept>(row.codeVerifierEncrypted) : undefined;
    const oauth1 = isRequestToken(kept);
    // OAuth 1.0a says "denied" with a `denied` parameter (no verifier); OAuth 2.0 with error=.
    const refused = oauth1 ? query.denied !== undefined || !query.oauthToken || !query.oauthVerifier : !!query.error || !query.code;
    if (refused) {
      const error: ConnectErrorCode = query.error === 'access_denied' || query.denied !== undefined ? 'access_denied' : 'consent_failed';
      await this.fail(row.id, error);
      return { error };
    }
    // The token authorized must be the one this flow requested (else a token from another flow).
    if (oauth1 && !sameId(query.oauthToken as string, kept.requestToken)) {
      await this.fail(row.id, 'invalid_state');
      return { error: 'invalid_state' };
    }
    try {
      const connector = this.connectable(network);
      const credentials = oauth1
        ? await this.exchangeVerifier(connector, kept, query.oauthVerifier as string)
        : await connector.auth.exchangeCode({
            code: query.code as string,
            redirectUri: this.redirectUri(network),
            codeVerifier: typeof kept === 'string' ? kept : kept?.verifier,
            ...(typeof kept === 'object' ? { setup: kept.setup } : {}),
          });
      const accounts = (await connector.auth.listAccounts?.(credentials)) ?? [];
      if (!accounts.length) {
        await this.fail(row.id, 'no_accounts');
        return { error: 'no_accounts' };
      }
      const shown: StoredAccount[] = accounts.map((a) => ({ externalId: a.externalId, displayName: a.displayName, handle: a.handle ?? null }));
      const secret: Record<string, Credentials> = Object.fromEntries(accounts.map((a) => [a.externalId, a.credentials]));
      await this.flows.startPicking(row.id, JSON.stringify(shown), this.cipher.encrypt(secret), PICK_TTL_MS);
      return { pendingId: row.id };
    } catch (error) {
      // The connector's error code travels to the dashboard; its message (which may quote the
      // network's answer) stays in the server log, and never with a token in it.
      const code = isConnectorError(error) ? error.code : 'UNKNOWN';
      this.logger.warn(`${network} connect flow ${row.id} failed at the code exchange: ${code} ${error instanceof Error ? error.message : ''}`);
      await this.fail(row.id, `network_error:${code}`);
      return { error: 'network_error', code };
    }
  }

  private exchangeVerifier(connector: Connector, kept: RequestTokenKept, verifier: string): Promise<Credentials> {
    if (!connector.auth.exchangeVerifier) throw new Error(`${connector.network} kept a request token but has no OAuth 1.0a exchange`);
    return connector.auth.exchangeVerifier({ ...kept, verifier });
  }

  private async fail(id: string, reason: string): Promise<void> {
    await this.flows.fail(id, reason);
  }

  /** A flow waiting for the admin's pick, of this session only (never its credentials). */
  private async pendingRow(
    user: AuthUser,
    id: string,
  ): Promise<{ id: string; network: Network; expiresAt: Date; reconnectChannelId: string | null; accounts: StoredAccount[] }> {
    const row = await this.flows.pending({ workspaceId: user.workspaceId, userId: user.id, sessionId: user.sessionId }, id);
    if (!row) throw new NotFoundException(PENDING_GONE);
    return { ...row, network: oneOf(NETWORKS, row.network, 'oauth_connect.network'), accounts: storedAccountsOf(row.accounts) };
  }

  async pending(user: AuthUser, id: string): Promise<PendingConnect> {
    const row = await this.pendingRow(user, id);
    const existing = await this.flows.existingChannels(
      user.workspaceId,
      row.network,
      row.accounts.map((a) => a.externalId),
    );
    const byExternal = new Map(existing.map((c) => [c.externalId, c]));
    return {
      id: row.id,
      network: row.network,
      expiresAt: toIso(row.expiresAt),
      reconnectChannelId: row.reconnectChannelId,
      accounts: row.accounts.map((a) => ({
        ...a,
        channelId: byExternal.get(a.externalId)?.id ?? null,
        channelStatus: byExternal.get(a.externalId)?.status ?? null,
      })),
    };
  }

  /**
   * Creates the picked channels, or reconnects existing ones (new credentials, auth failures
   * cleared, needs_reauth → connected; a paused channel stays paused), in one transaction that also
   * finishes the flow (so a second pick finds nothing), then queues each channel's first sync.
   */
  async complete(user: AuthUser, id: string, externalIds: string[]): Promise<CompleteConnectResponse> {
    const picked = [...new Set(externalIds)];
    const connected = await this.dataSource.transaction(async (tx) => {
      const locked = await this.flows.lockPicking({ workspaceId: user.workspaceId, userId: user.id, sessionId: user.sessionId }, id, tx);
      const row = locked && { ...locked, network: oneOf(NETWORKS, locked.network, 'oauth_connect.network'), accounts: storedAccountsOf(locked.accounts) };
      if (!row?.credentialsEncrypted) throw new NotFoundException(PENDING_GONE);
      const offered = new Map(row.accounts.map((a) => [a.externalId, a]));
      const unknown = picked.filter((e) => !offered.has(e));
      if (unknown.length) throw new BadRequestException(`not offered by this connection: ${unknown.join(', ')}`);
      const secrets = this.cipher.decrypt<Record<string, Credentials>>(row.credentialsEncrypted);
      const out: Array<{ id: string; inserted: boolean; externalId: string }> = [];
      for (const externalId of picked) {
        const account = offered.get(externalId);
        const credentials = secrets[externalId];
        if (!account || !credentials) throw new BadRequestException(`no credentials for ${externalId}: start connecting again`);
        const expiresAt = typeof credentials.expiresAt === 'string' ? credentials.expiresAt : null;
        const channel = await this.flows.upsertChannel(
          {
            workspaceId: user.workspaceId,
            network: row.network,
            externalId,
            displayName: account.displayName,
            handle: account.handle,
            credentialsEncrypted: this.cipher.encrypt(credentials),
            credentialsExpireAt: expiresAt,
          },
          tx,
        );
        out.push({ id: channel.id, inserted: channel.inserted, externalId });
        await this.audit.record(
          {
            workspaceId: user.workspaceId,
            actorUserId: user.id,
            action: channel.inserted ? 'channel.connect' : 'channel.reconnect',
            targetType: 'channel',
            targetId: channel.id,
            data: { network: row.network, externalId, displayName: account.displayName },
          },
          tx,
        );
      }
      await this.flows.finish(row.id, tx);
      return out;
    });
    for (const c of connected) await this.queueFirstSync(c.id, c.inserted ? 'backfill' : 'manual');
    const channels = (await this.channels.byIds(connected.map((c) => c.id))).map((row) =>
      toChannelView(row, { baseIntervalMs: this.config.SYNC_INTERVAL_MS, now: Date.now() }),
    );
    return { channels };
  }

  /**
   * The first run at once rather than at the scheduler's next pass (it would find the channel
   * within RECONCILE_EVERY_MS anyway, so a failed enqueue only delays the backfill).
   */
  private async queueFirstSync(channelId: string, reason: 'backfill' | 'manual'): Promise<void> {
    try {
      await this.syncQueue.add('sync', { channelAccountId: channelId, reason }, syncNowJobOptions(channelId, reason));
    } catch (error) {
      this.logger.warn(`first sync of channel ${channelId} not queued (the scheduler will start it): ${(error as Error).message}`);
    }
  }
}
