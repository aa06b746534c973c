import type { ConnectSetup, ModerationAction, Network, UnifiedRecord } from '@resonance/contracts';
import type { BudgetState } from './budget';
import type { ConnectorError } from './errors';
import type { BudgetHolder, HttpResponse } from './http';
import type { ModerationRule } from './moderation';

/**
 * The capabilities every network implements (DESIGN.md §4). A connector is built once per process
 * from the Config; everything per channel (credentials, budget, cursors) is passed in per call.
 */

/** Decrypted credentials of one channel account. Never logged, never returned by the API. */
export interface Credentials {
  accessToken: string;
  refreshToken?: string;
  /** ISO 8601; absent when the token does not expire (e.g. Facebook page tokens). */
  expiresAt?: string;
  [key: string]: unknown;
}

export interface ChannelRef {
  id: string;
  network: Network;
  /** The account's id on the network (Facebook: the page id). */
  externalId: string;
}

export interface ConnectorContext {
  account: ChannelRef;
  credentials: Credentials;
  /** The channel's budget; responses update it, the worker persists it between runs. */
  budget: BudgetHolder;
}

/**
 * One account the authorising user may connect as a channel (a Facebook page, an X user, a YouTube
 * channel, a LinkedIn organization, a XING company), with the credentials that channel will use.
 */
export interface ConnectableAccount {
  /** The account's id on the network; becomes channel_account.external_id. */
  externalId: string;
  displayName: string;
  handle?: string | null;
  /** What the channel stores (encrypted) once the admin picks it. Never leaves the server. */
  credentials: Credentials;
}

export interface AuthCapability {
  /**
   * The network's consent page. `codeChallenge` (S256 of the verifier the connect flow keeps
   * server-side) is always given; networks with PKCE (X) send it with code_challenge_method=S256,
   * the others ignore it.
   */
  authorizationUrl(input: { state: string; redirectUri: string; codeChallenge?: string; setup?: ConnectSetup }): string;
  /**
   * `codeVerifier` is always given by the connect flow; networks without PKCE ignore it. `setup`
   * (networks with several, NETWORK_CONNECT_SETUPS: Instagram) is the one the consent page was
   * opened for: the code is exchanged where that setup's consent issued it; absent means the default.
   */
  exchangeCode(input: { code: string; redirectUri: string; codeVerifier?: string; setup?: ConnectSetup }): Promise<Credentials>;
  /**
   * OAuth 1.0a networks (XING) only: the signed request-token call that must precede the consent
   * page. `callbackUrl` already carries the flow's state. The request token's secret (and token)
   * are for the server to keep until the callback; they never reach the browser.
   */
  requestAuthorization?(input: { callbackUrl: string }): Promise<{ authorizationUrl: string; requestToken: string; requestTokenSecret: string }>;
  /** OAuth 1.0a: the authorized request token and its verifier for the access token. */
  exchangeVerifier?(input: { requestToken: string; requestTokenSecret: string; verifier: string }): Promise<Credentials>;
  /** New credentials for ones that expire soon; throws AUTH_EXPIRED/AUTH_REVOKED when impossible. */
  refresh(credentials: Credentials): Promise<Credentials>;
  revoke(credentials: Credentials): Promise<void>;
  /**
   * The accounts these (freshly exchanged) credentials can connect, each with its own channel
   * credentials — the page picker of the connect flow (apps/api/src/connect). Optional so that
   * connectors written before it still compile; a network without it cannot be connected through
   * the dashboard (the flow says so). Networks where the user is the account (X, YouTube's own
   * channel) return one entry built from the token's owner and the credentials as they are.
   */
  listAccounts?(credentials: Credentials): Promise<ConnectableAccount[]>;
  /**
   * What admins should know about these credentials while calls still work, or null — e.g. a
   * reconnect reminder before a token that cannot be refreshed ends (LinkedIn without programmatic
   * refresh). The sync shows it as the channel's last error after a successful run.
   */
  notice?(credentials: Credentials, now: Date): string | null;
}

/** Where a stream stands (cursors, watermarks); the shape belongs to the connector. */
export type StreamStates = Record<string, unknown>;

export interface SyncInput {
  ctx: ConnectorContext;
  /** Stream states saved after the last stored page; empty on the first run. */
  state: StreamStates;
  /** On a first run, how far back to fetch (the backfill window). */
  backfillSince: Date;
  now: Date;
}

export interface SyncPage {
  stream: string;
  records: UnifiedRecord[];
  /**
   * Stream states to save once `records` are stored — and only then: a crash before the save
   * fetches the page again (at-least-once), the idempotent upsert stores it once.
   */
  commit?: StreamStates;
}

export interface SyncCapability {
  readonly streams: readonly string[];
  /** Fetches what is new since `state`, page by page. */
  pages(input: SyncInput): AsyncIterable<SyncPage>;
}

/** What a reply answers: a comment thread (reply under its top-level comment) or a private conversation. */
export type ReplyTarget =
  | { channel: 'comment'; threadKey: string; parentExternalId: string }
  | {
      channel: 'direct';
      threadKey: string;
      recipientExternalId: string;
      lastInboundAt: Date | null;
      /**
       * The workspace says it has Meta's approval for the HUMAN_AGENT tag: Instagram and Messenger
       * then let a person answer up to 7 days after the customer's last message instead of 24 hours.
       */
      humanAgentApproved?: boolean;
    };

export interface ReplyCapability {
  /** Why a reply cannot be sent now (e.g. outside Messenger's 24-hour window), or null. */
  refusal(target: ReplyTarget, now: Date): string | null;
  /**
   * The network id of the account's reply with this text under this target, written since `since`
   * (sent before a crash), or null. Ids in `exclude` belong to other replies and never match.
   */
  findExisting(ctx: ConnectorContext, input: { target: ReplyTarget; text: string; since: Date; exclude?: string[] }): Promise<string | null>;
  send(ctx: ConnectorContext, input: { target: ReplyTarget; text: string }): Promise<{ externalId: string }>;
  /** Private replies to comments, where the network offers them (Instagram). */
  readonly privateReply?: PrivateReplyCapability;
}

/** A comment answered privately: the direct message goes to its author, addressed by the comment. */
export interface PrivateReplyTarget {
  commentExternalId: string;
  commentCreatedAt: Date;
  /** The author's id on the network (Instagram: the IGSID the conversation is with), when known. */
  recipientExternalId: string | null;
}

/**
 * One direct message to a comment's author (once per comment, within the network's window; the
 * rule is privateReplyRefusal). findExisting finds it in the conversation after a crash, so the
 * outbound worker never sends it twice.
 */
export interface PrivateReplyCapability {
  /**
   * The thread key of the direct conversation the network files the private reply in, by the
   * comment author's id (Instagram: `dm:<IGSID>`, the comment's from.id), or null when the
   * author's id does not name that conversation.
   */
  directThreadKey(authorExternalId: string): string | null;
  findExisting(ctx: ConnectorContext, input: { target: PrivateReplyTarget; text: string; since: Date; exclude?: string[] }): Promise<string | null>;
  send(ctx: ConnectorContext, input: { target: PrivateReplyTarget; text: string }): Promise<{ externalId: string }>;
}

/** A person's name (and picture) as the network shows it to the connected account. */
export interface Profile {
  name: string | null;
  avatarUrl: string | null;
}

/**
 * Looks up who a sender is, for networks whose webhooks name nobody (Messenger sends only the
 * page-scoped id). Null when the network does not know the id or will not say.
 */
export interface ProfileCapability {
  lookup(ctx: ConnectorContext, externalId: string): Promise<Profile | null>;
}

/** What an agent can do to a comment without replying (DESIGN.md §5: counts as handled): the wire contract's list. */
export { MODERATION_ACTIONS, type ModerationAction } from '@resonance/contracts';

/**
 * Moderation of comments as the account (docs/moderation.md). Optional: a network without it allows
 * none, and the API refuses every action before anything is queued. `actions` are all the network
 * ever allows; `allowedNow` (the same rule moderationActionsNow uses) which of them one message
 * allows now. Every action is idempotent on the network except delete, whose repeat is NOT_FOUND.
 */
/** The message a moderation action is about, as the network knows it. */
export interface ModerationTarget {
  externalId: string;
  /** Its author's id on the network (a block needs it), when known. */
  authorExternalId: string | null;
}

export interface ModerationCapability {
  readonly actions: readonly ModerationAction[];
  readonly allowedNow: ModerationRule;
  perform(ctx: ConnectorContext, action: ModerationAction, target: ModerationTarget): Promise<void>;
  /**
   * Whether the action's effect is in place on the network now (true), is not (false), or the
   * network cannot tell (null). The worker asks before repeating an action whose earlier attempt
   * may have reached the network (it died before recording the answer), so the network is asked
   * once. Absent: the network offers no read of these states.
   */
  observe?(ctx: ConnectorContext, action: ModerationAction, target: ModerationTarget): Promise<boolean | null>;
}

export interface ParseContext {
  /** The connected account's id, when known (tells the account's own messages apart). */
  accountId?: string;
  /** The object the endpoint was called on (e.g. the post of /{post}/comments), when known. */
  objectId?: string;
}

export interface Connector {
  readonly network: Network;
  /** False for networks whose connector has not been built yet: every call says so. */
  readonly available: boolean;
  readonly auth: AuthCapability;
  readonly sync: SyncCapability;
  readonly reply: ReplyCapability;
  /** Comment moderation (like, hide, delete, ban) where the network allows it. */
  readonly moderation?: ModerationCapability;
  /** Who a webhook-only sender is, where webhooks carry no name (Messenger). */
  readonly profiles?: ProfileCapability;
  /** Endpoint names the parse command and the workers accept (DESIGN.md §4). */
  readonly endpoints: readonly string[];
  /** One raw response body (or webhook delivery) → unified records. */
  parse(endpoint: string, body: unknown, context?: ParseContext): UnifiedRecord[];
  /** One failed response → the one error code. */
  parseError(response: Pick<HttpResponse, 'status' | 'body'> & { headers?: Headers }): ConnectorError;
  /** The budget the network reports in these headers. */
  readBudget(headers: Headers, previous: BudgetState | undefined, now: number): BudgetState | undefined;
  /** Base sync interval (ms) before adapting to activity and budget. */
  readonly baseSyncIntervalMs: number;
}
