import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadRouter, sqlClient, type Queryable, type Reader, type SqlConnection } from '@resonance/db';
import type { Cursor } from '../common/cursor';
import type { SentimentBand, ThreadSort } from '@resonance/contracts';
import {
  assignableUser,
  listThreads,
  listThreadsBySlaDue,
  listThreadsOldestWaiting,
  searchThreadIds,
  lockThread,
  lockThreads,
  markThreadRead,
  threadDetail,
  threadInWorkspace,
  threadItemsByIds,
  updateThread,
  workspaceTags,
  type IListThreadsResult,
  type ILockThreadResult,
  type ILockThreadsResult,
  type IWorkspaceTagsResult,
  type IThreadDetailResult,
  type IThreadItemsByIdsResult,
} from './threads.queries';

/** The inbox filters, resolved (`me` is already the user's id); undefined = not filtered. */
export interface InboxFilter {
  workspaceId: string;
  status?: string;
  /** Any of these networks / channel accounts (undefined: all). */
  networks?: string[];
  channelIds?: string[];
  /** true: only threads whose customer waits on us. */
  needsReply: boolean;
  /** true: only threads without an assignee. */
  unassigned: boolean;
  assigneeId?: string;
  tag?: string;
  waitingLongerThanMinutes?: number;
  intent?: string;
  sentiment?: SentimentBand;
  /** true: only threads with a message marked as possible spam. */
  spam: boolean;
  /** true: only threads with a comment held for review. */
  heldForReview: boolean;
  /** true: only threads with a message a rule hid and nobody undid. */
  hiddenByRules: boolean;
  q?: string;
  /** newest: newest activity first; waiting: oldest waiting first; sla_due: earliest SLA due time first, only threads that have one. */
  sort: ThreadSort;
  cursor: Cursor | null;
  /** Rows to fetch (the page size plus one, to know whether a next page exists). */
  limit: number;
}

/**
 * Matching messages from which a search keeps the per-thread probe (a common term: a page of
 * matches is among the newest threads) instead of listing the matched threads. Below it, the
 * matched threads are few enough to fetch by id and sort.
 */
export const SEARCH_PROBE_FROM_MATCHES = 2_000;

/** What a PATCH changes; a field left undefined stays as it is. */
export interface ThreadChanges {
  assigneeId?: string | null;
  status?: string;
  priority?: number;
  tags?: string[];
}

/**
 * All SQL of threads (threads.sql, typed by pgTyped in threads.queries.ts). Every method takes the
 * caller's transaction manager where it has one, so its statements join that transaction.
 */
@Injectable()
export class ThreadsRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    // The inbox list reads through the read router: the replica when it is fresh enough for the request (DATABASE_READ_URL).
    @Inject(ReadRouter) private readonly reads: ReadRouter,
  ) {}

  /** One keyset page of the inbox: newest activity first, oldest waiting first or SLA due first (f.sort). */
  async list(f: InboxFilter, db: Reader = this.reads): Promise<IListThreadsResult[]> {
    const client = sqlClient(db);
    // A search term: its matching threads first, from the text index; a rare term's few threads
    // (or none) are then all the list looks at, a common term keeps the per-thread probe.
    let threadIds: string[] | null = null;
    if (f.q) {
      const [found] = await searchThreadIds.run({ workspaceId: f.workspaceId, q: f.q, cap: SEARCH_PROBE_FROM_MATCHES }, client);
      if (found && found.matches < SEARCH_PROBE_FROM_MATCHES) {
        if (found.threadIds.length === 0) return [];
        threadIds = found.threadIds;
      }
    }
    const params = {
      workspaceId: f.workspaceId,
      status: f.status ?? null,
      networks: f.networks ?? null,
      channelIds: f.channelIds ?? null,
      needsReply: f.needsReply,
      unassigned: f.unassigned,
      assigneeId: f.assigneeId ?? null,
      tag: f.tag ?? null,
      waitingLongerThanMinutes: f.waitingLongerThanMinutes ?? null,
      intent: f.intent ?? null,
      sentiment: f.sentiment ?? null,
      spam: f.spam,
      heldForReview: f.heldForReview,
      hiddenByRules: f.hiddenByRules,
      q: threadIds ? null : (f.q ?? null),
      threadIds,
      cursorAt: f.cursor?.at ?? null,
      cursorId: f.cursor?.id ?? null,
      limit: f.limit,
    };
    switch (f.sort) {
      case 'waiting':
        return listThreadsOldestWaiting.run(params, client);
      case 'sla_due':
        return listThreadsBySlaDue.run(params, client);
      case 'newest':
        return listThreads.run(params, client);
    }
  }

  /** Thread items by id, within one workspace (ids of other workspaces yield nothing), newest activity first. */
  itemsByIds(workspaceId: string, ids: string[], db: Queryable | SqlConnection = this.dataSource): Promise<IThreadItemsByIdsResult[]> {
    if (!ids.length) return Promise.resolve([]);
    return threadItemsByIds.run({ workspaceId, ids }, sqlClient(db));
  }

  async detail(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<IThreadDetailResult | undefined> {
    const [row] = await threadDetail.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  /** The workspace's thread, locked until the transaction ends; undefined when it is not the workspace's. */
  async lock(workspaceId: string, id: string, db: Queryable): Promise<ILockThreadResult | undefined> {
    const [row] = await lockThread.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  /** Several of the workspace's threads, locked until the transaction ends (ids of other workspaces are left out). */
  lockMany(workspaceId: string, ids: string[], db: Queryable): Promise<ILockThreadsResult[]> {
    return lockThreads.run({ workspaceId, ids }, sqlClient(db));
  }

  /** The workspace's tags, most used first. */
  tags(workspaceId: string, limit: number, db: Queryable = this.dataSource): Promise<IWorkspaceTagsResult[]> {
    return workspaceTags.run({ workspaceId, limit }, sqlClient(db));
  }

  async update(id: string, changes: ThreadChanges, db: Queryable = this.dataSource): Promise<void> {
    await updateThread.run(
      {
        id,
        setAssignee: changes.assigneeId !== undefined,
        assigneeId: changes.assigneeId ?? null,
        setStatus: changes.status !== undefined,
        status: changes.status ?? null,
        setPriority: changes.priority !== undefined,
        priority: changes.priority ?? null,
        setTags: changes.tags !== undefined,
        tags: changes.tags ?? null,
      },
      sqlClient(db),
    );
  }

  /** Unread count 0; false when the thread is not the workspace's. */
  async markRead(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await markThreadRead.run({ workspaceId, id }, sqlClient(db))).length > 0;
  }

  /** Whether the user is an active agent or admin of the workspace. */
  async isAssignable(workspaceId: string, userId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await assignableUser.run({ workspaceId, userId }, sqlClient(db))).length > 0;
  }

  async exists(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await threadInWorkspace.run({ workspaceId, id }, sqlClient(db))).length > 0;
  }
}

/**
 * 404 unless the thread is one of the workspace's: the check before reading or adding what hangs
 * off a thread. A function over `db` so that code holding only a DataSource or a transaction can use it.
 */
export async function requireThread(db: Queryable, workspaceId: string, id: string): Promise<void> {
  const found = await threadInWorkspace.run({ id, workspaceId }, sqlClient(db));
  if (!found.length) throw new NotFoundException(`thread ${id} not found`);
}
