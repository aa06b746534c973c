import type { Network, UnifiedRecord } from '@resonance/contracts';
import type { BudgetState } from './budget';
import type { ConnectorError } from './errors';
import type { BudgetHolder, HttpResponse } from './http';

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

export interface AuthCapability {
  authorizationUrl(input: { state: string; redirectUri: string }): string;
  exchangeCode(input: { code: string; redirectUri: string }): Promise<Credentials>;
  /** New credentials for ones that expire soon; throws AUTH_EXPIRED/AUTH_REVOKED when impossible. */
  refresh(credentials: Credentials): Promise<Credentials>;
  revoke(credentials: Credentials): Promise<void>;
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
  | { channel: 'direct'; threadKey: string; recipientExternalId: string; lastInboundAt: Date | null };

export interface ReplyCapability {
  /** Why a reply cannot be sent now (e.g. outside Messenger's 24-hour window), or null. */
  refusal(target: ReplyTarget, now: Date): string | null;
  /**
   * The network id of the account's reply with this text under this target, written since `since`
   * (sent before a crash), or null. Ids in `exclude` belong to other replies and never match.
   */
  findExisting(ctx: ConnectorContext, input: { target: ReplyTarget; text: string; since: Date; exclude?: string[] }): Promise<string | null>;
  send(ctx: ConnectorContext, input: { target: ReplyTarget; text: string }): Promise<{ externalId: string }>;
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
