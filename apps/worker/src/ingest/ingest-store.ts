import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { MessageRecord, PostRecord, UnifiedRecord } from '@resonance/contracts';
import { planThreadsWrite, storeThreads, upsertContacts, upsertPosts, type StoredThreads, type ThreadsResult, type ThreadsWrite } from './ingest-statements';
import { dedupeByExternalId, isFromAccount, toMessageRow, type ChannelRow, type Label, type MessageRow } from './message-row';
import { sqlClient } from '@resonance/db';
import { channelIdentity } from './channel-rows.queries';
import { ClassifierThread } from './classifier-thread';
import { REVIEWED_TEXTS_REFRESH_MS, ReviewedTexts } from './reviewed-texts';
import { storable } from './storable-text';
import { OwnDomains } from './own-domains';
import { markRepeatedInPage } from './spam-signal';
import { messagesIngested } from '../health/worker-metrics';
import { applyRules, countRuleMatches, NO_RULE_WORK, type QueuedRuleWork, type RuleWork } from '../rules/rule-outcomes';
import { RULES_RECHECK_MS, RulesCache } from '../rules/rules-cache';
import { RuleTurns } from '../rules/rule-turns';

const logger = new Logger('IngestStore');

export interface IngestResult {
  posts: number;
  /** Messages that were new to the database (a re-delivered message counts 0). */
  messagesInserted: number;
  messagesUpdated: number;
  threadsTouched: number;
}

/** Counts a committed batch's new messages into the worker's ingest-rate metric (after commit: a rolled-back batch is fetched again). */
function counted(network: string, result: IngestResult): IngestResult {
  if (result.messagesInserted) messagesIngested.inc({ network }, result.messagesInserted);
  return result;
}

/** Writers a large batch is split over (by thread): PostgreSQL works one core per connection. */
export const INGEST_WRITERS = 2;
/** Channel accounts whose row IngestStore keeps (far more than one worker syncs). */
const MAX_CACHED_CHANNELS = 10_000;
/**
 * What prepare() leaves on a record for ingest(): that it is already storable, and an inbound
 * message's label. Kept on the record itself (symbol keys: not part of its data, invisible to
 * JSON and Object.keys) rather than in WeakSet/WeakMap side tables, whose ephemeron entries cost
 * the garbage collector on every page of a sync run.
 */
const PREPARED = Symbol('ingest.prepared');
const LABEL = Symbol('ingest.label');
type Prepared = UnifiedRecord & { [PREPARED]?: true; [LABEL]?: Label };
/** Below this many messages a batch is one transaction (a webhook's few, a quiet poll). */
const PARALLEL_MIN_MESSAGES = 200;

/**
 * Stores one page (or batch of pages) of unified records for one channel account with set-based
 * statements (ingest-statements.ts; DESIGN.md §4; the benchmark holds this path to ≥ 5,000
 * comments/s). Idempotent: the message's external id is the key, so a page stored twice changes
 * nothing, and thread timers are recomputed from the stored messages, so messages that arrive late
 * or out of order still leave them right.
 */
export class IngestStore implements OnApplicationShutdown {
  private readonly classifier: ClassifierThread;
  /**
   * Channel accounts already read: their workspace, network and external id never change (they are
   * the account's identity), and a sync run stores a batch every few hundred milliseconds. A
   * channel deleted meanwhile still fails the batch: its posts, contacts and threads reference it.
   */
  private readonly channels = new Map<string, ChannelRow>();
  private readonly rules: RulesCache;
  private readonly turns: RuleTurns;
  private readonly onRuleWork: ((work: QueuedRuleWork) => Promise<void>) | undefined;
  private readonly ownDomains: OwnDomains;

  /**
   * `reviewedTextsRefreshMs`: how often a workspace's new label corrections are looked for (classifier-thread.ts);
   * `rulesRecheckMs`: how often a workspace's rules version is read (rules-cache.ts); `onRuleWork`: queues the
   * moderation actions and replies rules queued, after their batch committed (without it the outbound
   * recovery sweep queues them within its bound).
   */
  constructor(
    private readonly dataSource: DataSource,
    {
      reviewedTextsRefreshMs = REVIEWED_TEXTS_REFRESH_MS,
      rulesRecheckMs = RULES_RECHECK_MS,
      onRuleWork,
    }: { reviewedTextsRefreshMs?: number; rulesRecheckMs?: number; onRuleWork?: (work: QueuedRuleWork) => Promise<void> } = {},
  ) {
    this.classifier = new ClassifierThread(new ReviewedTexts(dataSource), reviewedTextsRefreshMs);
    this.rules = new RulesCache(dataSource, rulesRecheckMs);
    this.turns = new RuleTurns(dataSource);
    this.onRuleWork = onRuleWork;
    this.ownDomains = new OwnDomains(dataSource);
  }

  /** True while inbound texts are classified on the store's own thread (after first use, until close()). */
  get classifierOnThread(): boolean {
    return this.classifier.onThread;
  }

  /**
   * Stops the classifier thread (texts still owed are classified inline). Nest calls it when the
   * worker shuts down (the store is a provider, pipeline.providers.ts); whoever constructs a store
   * by hand closes it. A store keeps working after close(): it classifies inline.
   */
  async close(): Promise<void> {
    await Promise.all([this.classifier.close(), this.turns.close()]);
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /**
   * Does a page's in-memory work ahead of ingest(): makes its strings storable and classifies its
   * inbound messages on the classifier thread (classifier-thread.ts). A sync run calls it as each
   * page arrives, so classification runs beside the fetching and the writing of the previous batch
   * instead of before it. Returns the records to pass to ingest(); ingest() works without it all
   * the same (it classifies what prepare() did not). With `channelAccountId`, the labels are
   * taught by the channel's workspace's corrections (ingest() always does that).
   */
  async prepare(received: UnifiedRecord[], accountExternalId: string, channelAccountId?: string): Promise<UnifiedRecord[]> {
    const records = storable(received);
    for (const r of records) (r as Prepared)[PREPARED] = true;
    const workspaceId = channelAccountId === undefined ? undefined : (await this.channelRow(channelAccountId)).workspace_id;
    await this.label(records, accountExternalId, workspaceId);
    return records;
  }

  /** Labels the inbound messages among `records` that have no label yet (on the classifier thread). */
  private async label(records: UnifiedRecord[], accountExternalId: string, workspaceId: string | undefined): Promise<void> {
    const inbound = records.filter((r): r is MessageRecord => r.kind === 'message' && !(r as Prepared)[LABEL] && !isFromAccount(r, accountExternalId));
    const labels = await this.classifier.classify(
      inbound.map((m) => m.text),
      workspaceId,
    );
    inbound.forEach((m, i) => ((m as Prepared)[LABEL] = labels[i]));
  }

  /**
   * `inTransaction` runs once everything is written: a sync run saves its cursor there, so the
   * cursor moves only after the records it follows are stored. A small batch is one transaction
   * with it. A large one is written by INGEST_WRITERS transactions side by side, each with its own
   * threads (so they never wait for each other), after the posts and contacts upserts (one
   * statement each, committed on its own); `inTransaction` then gets a transaction of its own
   * after all of them committed. If any fails the cursor stays, the batch is fetched again and
   * the idempotent upsert stores what is missing.
   */
  async ingest(
    channelAccountId: string,
    received: UnifiedRecord[],
    options: { inTransaction?: (tx: EntityManager) => Promise<void> } = {},
  ): Promise<IngestResult> {
    const records = received.map((r) => ((r as Prepared)[PREPARED] ? r : storable(r)));
    const posts = records.filter((r): r is PostRecord => r.kind === 'post');
    const messages = dedupeByExternalId(records.filter((r): r is MessageRecord => r.kind === 'message'));
    if (!posts.length && !messages.length) {
      if (options.inTransaction) await this.dataSource.transaction(options.inTransaction);
      return { posts: 0, messagesInserted: 0, messagesUpdated: 0, threadsTouched: 0 };
    }
    const channel = await this.channelRow(channelAccountId);
    // A webhook's few messages come without prepare(): labelled here, by the same thread and memory.
    // The workspace's rules (cached; their version read at most once a second) and own domains (cached) are read meanwhile.
    const [rules, , ownDomains] = await Promise.all([
      messages.length ? this.rules.rulesOf(channel.workspace_id) : [],
      this.label(messages, channel.external_id, channel.workspace_id),
      this.ownDomains.of(channel.workspace_id),
    ]);
    const rows = messages.map((m) => toMessageRow(m, channel, (m as Prepared)[LABEL], ownDomains));
    // Copies across the page's threads: the INSERT sees only messages stored before it (and a large page is written by several transactions).
    markRepeatedInPage(rows);
    const groups = (rows.length >= PARALLEL_MIN_MESSAGES ? byThread(rows, INGEST_WRITERS) : [rows]).map(planThreadsWrite);

    // What the committed writes' rules left to do after the commit (counts, jobs): pushed once a write committed.
    const work: RuleWork[] = [];
    // The rules' outcomes are written in the transaction that stores their messages.
    const storeWithRules = async (tx: EntityManager, plan: ThreadsWrite, newAuthors: Set<string>): Promise<ThreadsResult & { work: RuleWork }> => {
      const { insertedRows, ...stored }: StoredThreads = await storeThreads(tx, channel, plan);
      return { ...stored, work: await applyRules(tx, channel, rules, firstTimeCandidates(insertedRows, rows, newAuthors), this.turns) };
    };
    if (groups.length === 1) {
      const result = await this.dataSource
        .transaction(async (tx) => {
          if (posts.length) await upsertPosts(tx, channel, posts);
          const newAuthors = rows.length ? await upsertContacts(tx, channel, rows) : new Set<string>();
          const { work: ruleWork, ...stored } = rows.length
            ? await storeWithRules(tx, groups[0], newAuthors)
            : { messagesInserted: 0, messagesUpdated: 0, threadsTouched: 0, work: NO_RULE_WORK };
          if (options.inTransaction) await options.inTransaction(tx);
          return { result: { posts: posts.length, ...stored }, ruleWork };
        })
        .then(({ result, ruleWork }) => {
          work.push(ruleWork);
          return counted(channel.network, result);
        });
      await this.afterRules(channel.workspace_id, work);
      return result;
    }
    // Contacts first and committed: both writers' threads and messages point at them. Each upsert
    // is one statement, atomic by itself and idempotent, so neither needs a transaction around it
    // (BEGIN and COMMIT were two more round trips per batch on the sync path).
    if (posts.length) await upsertPosts(this.dataSource.manager, channel, posts);
    const newAuthors = await upsertContacts(this.dataSource.manager, channel, rows);
    const written = await Promise.allSettled(
      groups.map((group) =>
        this.dataSource
          .transaction((tx) => storeWithRules(tx, group, newAuthors))
          .then((stored) => {
            work.push(stored.work);
            return stored;
          }),
      ),
    );
    // What committed writers' rules queued is queued even when another writer failed (the batch is fetched again; its rules run once).
    await this.afterRules(channel.workspace_id, work);
    const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
    if (options.inTransaction) await this.dataSource.transaction(options.inTransaction);
    const sum = (key: keyof ThreadsResult) => written.reduce((s, w) => s + (w.status === 'fulfilled' ? w.value[key] : 0), 0);
    return counted(channel.network, {
      posts: posts.length,
      messagesInserted: sum('messagesInserted'),
      messagesUpdated: sum('messagesUpdated'),
      threadsTouched: sum('threadsTouched'),
    });
  }

  /**
   * After the commit of the writes whose rules matched: their matches counted (one statement for
   * the batch, rule-outcomes.ts), then what they queued handed to the outbound queue.
   */
  private async afterRules(workspaceId: string, work: RuleWork[]): Promise<void> {
    const all = work.filter((w) => w !== NO_RULE_WORK);
    if (!all.length) return;
    // The batch is stored: a failed count must not fail it (it would be fetched and stored again for nothing).
    await countRuleMatches(this.dataSource, workspaceId, all).catch((error: unknown) =>
      logger.warn(`rule match counts of a stored batch were not added: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (!this.onRuleWork) return;
    await this.onRuleWork({
      moderationActionIds: all.flatMap((w) => w.moderationActionIds),
      replyMessageIds: all.flatMap((w) => w.replyMessageIds),
    });
  }

  private async channelRow(id: string): Promise<ChannelRow> {
    const known = this.channels.get(id);
    if (known) return known;
    const [channel] = await channelIdentity.run({ id }, sqlClient(this.dataSource));
    if (!channel) throw new Error(`channel account ${id} does not exist`);
    if (this.channels.size >= MAX_CACHED_CHANNELS) this.channels.clear();
    this.channels.set(id, channel);
    return channel;
  }
}

/**
 * The inserted rows as rules see them: a row is its author's first when the batch created the
 * author's contact and no earlier row of the batch is theirs.
 */
function firstTimeCandidates(inserted: MessageRow[], all: MessageRow[], newAuthors: Set<string>): Array<{ row: MessageRow; firstTime: boolean }> {
  if (!inserted.length) return [];
  const first = new Map<string, MessageRow>();
  for (const r of all) {
    if (r.from_account || r.author_external_id === null || !newAuthors.has(r.author_external_id)) continue;
    const known = first.get(r.author_external_id);
    if (!known || r.created_at < known.created_at) first.set(r.author_external_id, r);
  }
  return inserted.map((row) => ({ row, firstTime: row.author_external_id !== null && first.get(row.author_external_id) === row }));
}

/** Splits rows into `n` groups by thread key (every thread's rows in one group); empty groups dropped. */
function byThread(rows: MessageRow[], n: number): MessageRow[][] {
  const groups: MessageRow[][] = Array.from({ length: n }, () => []);
  for (const r of rows) groups[hash(r.thread_key) % n].push(r);
  return groups.filter((g) => g.length);
}

/** FNV-1a: a cheap, stable spread of thread keys. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export { recomputeThreadTimers } from './ingest-statements';
