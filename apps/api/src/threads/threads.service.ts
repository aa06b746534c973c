import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { THREAD_STATUSES, toIsoOrNull, type Page, type ThreadDetail, type ThreadItem, type ThreadStatus } from '@resonance/contracts';
import { replyWindowOf } from '@resonance/connectors';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { FreshReads, readContextKey } from '../common/fresh-reads';
import { oneOf } from '../common/narrow';
import { EventBus } from '../events/event-bus';
import { NotificationsService } from '../notifications/notifications.service';
import { toThreadItem } from './thread-item';
import type { ThreadsQuery, UpdateThreadBody } from './threads.dto';
import type { IThreadDetailResult } from './threads.queries';
import { ThreadsRepository, type InboxFilter, type ThreadChanges } from './threads.repository';

/** The single and the list form of a filter together, as one list (undefined when neither is given). */
function anyOf<T extends string>(one: T | undefined, many: T[] | undefined): T[] | undefined {
  const all = [...(one === undefined ? [] : [one]), ...(many ?? [])];
  return all.length ? [...new Set(all)] : undefined;
}

export interface LockedThread {
  id: string;
  status: ThreadStatus;
  assigneeId: string | null;
  priority: number;
  tags: string[];
}

@Injectable()
export class ThreadsService {
  /** Identical inbox pages and thread details asked for together share one read (common/fresh-reads.ts; its run count is read by tests). */
  readonly pages = new FreshReads<Page<ThreadItem>>();
  readonly details = new FreshReads<IThreadDetailResult | undefined>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ThreadsRepository) private readonly threads: ThreadsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  async list(user: AuthUser, q: ThreadsQuery): Promise<Page<ThreadItem>> {
    const limit = q.limit ?? 50;
    const filter: InboxFilter = {
      workspaceId: user.workspaceId,
      status: q.status,
      networks: anyOf(q.network, q.networks),
      channelIds: anyOf(
        q.channel?.toLowerCase(),
        q.channels?.map((c) => c.toLowerCase()),
      ),
      needsReply: q.needsReply ?? false,
      sort: q.sort ?? 'newest',
      unassigned: q.assignee === 'unassigned',
      assigneeId: q.assignee === 'me' ? user.id : q.assignee === 'unassigned' ? undefined : q.assignee?.toLowerCase(),
      tag: q.tag,
      waitingLongerThanMinutes: q.waitingLongerThanMinutes,
      intent: q.intent,
      sentiment: q.sentiment,
      spam: q.spam ?? false,
      heldForReview: q.heldForReview ?? false,
      hiddenByRules: q.hiddenByRules ?? false,
      q: q.q,
      cursor: decodeCursor(q.cursor),
      limit: limit + 1,
    };
    // The filter holds everything the page depends on (the workspace, "me" as the user's id).
    return this.pages.read(`${readContextKey()}|${JSON.stringify(filter)}`, () => this.readPage(filter, limit));
  }

  private async readPage(filter: InboxFilter, limit: number): Promise<Page<ThreadItem>> {
    const rows = await this.threads.list(filter);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toThreadItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last._cursorAt, id: last.id }) : null,
    };
  }

  async get(user: AuthUser, id: string): Promise<ThreadDetail> {
    const row = await this.details.read(`${readContextKey()}|${user.workspaceId}|${id}`, () => this.threads.detail(user.workspaceId, id));
    if (!row) throw new NotFoundException(`thread ${id} not found`);
    const post =
      row.postId === null || row.postExternalIdOfPost === null || row.postText === null
        ? null
        : { id: row.postId, externalId: row.postExternalIdOfPost, text: row.postText, url: row.postUrl, publishedAt: toIsoOrNull(row.postPublishedAt) };
    const item = toThreadItem(row);
    // The network's messaging window (Instagram, Messenger): the composer says why before anyone types.
    const window = replyWindowOf(item.network, item.kind, row.lastInboundAt, row.humanAgentApproved, new Date());
    const replyWindow = window && { hours: window.hours, humanAgent: window.humanAgent, closesAt: toIsoOrNull(window.closesAt), closed: window.closed };
    return { ...item, post, lastMessageId: row.lastMessageId, lastInboundMessageId: row.lastInboundMessageId, replyWindow };
  }

  /** 404 unless the thread is one of the user's workspace. */
  async requireInWorkspace(user: AuthUser, id: string): Promise<void> {
    if (!(await this.threads.exists(user.workspaceId, id))) throw new NotFoundException(`thread ${id} not found`);
  }

  /** Locks the workspace's thread for the rest of the transaction, or answers 404. */
  async lock(tx: EntityManager, user: AuthUser, id: string): Promise<LockedThread> {
    const row = await this.threads.lock(user.workspaceId, id, tx);
    if (!row) throw new NotFoundException(`thread ${id} not found`);
    return { ...row, status: oneOf(THREAD_STATUSES, row.status, 'thread.status') };
  }

  async update(user: AuthUser, id: string, body: UpdateThreadBody): Promise<ThreadItem> {
    if (body.status === undefined && body.assigneeId === undefined && body.priority === undefined && body.tags === undefined) {
      throw new BadRequestException('nothing to change: give status, assigneeId, priority or tags');
    }
    await this.dataSource.transaction(async (tx) => {
      const before = await this.lock(tx, user, id);
      const assigneeId = body.assigneeId?.toLowerCase() ?? body.assigneeId;
      if (assigneeId && assigneeId !== before.assigneeId) await this.requireAssignable(tx, user, assigneeId);
      await this.applyLocked(tx, user, before, { status: body.status, assigneeId, priority: body.priority, tags: body.tags });
    });
    return this.changed(user, id);
  }

  /**
   * Applies the wanted changes to a thread locked by this transaction (an assignee already checked
   * with requireAssignable): only what differs changes, and each change is audited (`extra` joins
   * the audit data, e.g. {bulk: true}).
   */
  async applyLocked(tx: EntityManager, user: AuthUser, before: LockedThread, wanted: UpdateThreadBody, extra: Record<string, unknown> = {}): Promise<boolean> {
    const audit = (action: string, data: Record<string, unknown>) =>
      this.audit.record(
        { workspaceId: user.workspaceId, actorUserId: user.id, action, targetType: 'thread', targetId: before.id, data: { ...data, ...extra } },
        tx,
      );
    const changes: ThreadChanges = {};
    if (wanted.assigneeId !== undefined && wanted.assigneeId !== before.assigneeId) {
      changes.assigneeId = wanted.assigneeId;
      await audit(wanted.assigneeId ? 'thread.assign' : 'thread.unassign', { from: before.assigneeId, to: wanted.assigneeId });
      // The new assignee hears of it (team24's notifications), from a bulk change too.
      if (wanted.assigneeId) {
        await this.notifications.assigned(
          { workspaceId: user.workspaceId, threadId: before.id, assigneeId: wanted.assigneeId, actorUserId: user.id, eventKey: randomUUID() },
          tx,
        );
      }
    }
    if (wanted.status !== undefined && wanted.status !== before.status) {
      changes.status = wanted.status;
      await audit('thread.status', { from: before.status, to: wanted.status });
    }
    if (wanted.priority !== undefined && wanted.priority !== before.priority) {
      changes.priority = wanted.priority;
      await audit('thread.priority', { from: before.priority, to: wanted.priority });
    }
    if (wanted.tags !== undefined) {
      const tags = [...new Set(wanted.tags.map((t) => t.trim()).filter(Boolean))];
      if (tags.join('\u0000') !== before.tags.join('\u0000')) {
        changes.tags = tags;
        await audit('thread.tags', { from: before.tags, to: tags });
      }
    }
    if (!Object.keys(changes).length) return false;
    await this.threads.update(before.id, changes, tx);
    return true;
  }

  async addTag(user: AuthUser, id: string, tag: string): Promise<ThreadItem> {
    const current = await this.get(user, id);
    if (current.tags.includes(tag)) return current;
    if (current.tags.length >= 20) throw new BadRequestException('a thread has at most 20 tags');
    return this.update(user, id, { tags: [...current.tags, tag] });
  }

  async removeTag(user: AuthUser, id: string, tag: string): Promise<ThreadItem> {
    const current = await this.get(user, id);
    if (!current.tags.includes(tag)) return current;
    return this.update(user, id, { tags: current.tags.filter((t) => t !== tag) });
  }

  async markRead(user: AuthUser, id: string): Promise<ThreadItem> {
    if (!(await this.threads.markRead(user.workspaceId, id))) throw new NotFoundException(`thread ${id} not found`);
    return this.changed(user, id);
  }

  /** Loads the thread after a change and tells every dashboard. */
  async changed(user: AuthUser, id: string): Promise<ThreadItem> {
    const [row] = await this.threads.itemsByIds(user.workspaceId, [id]);
    const thread = row && toThreadItem(row);
    if (!thread) throw new NotFoundException(`thread ${id} not found`);
    await this.bus.publish(user.workspaceId, { type: 'thread.updated', threadId: id, thread });
    return thread;
  }

  async requireAssignable(tx: EntityManager, user: AuthUser, userId: string): Promise<void> {
    if (!(await this.threads.isAssignable(user.workspaceId, userId, tx))) {
      throw new BadRequestException(`assigneeId ${userId} is not an active agent or admin of this workspace`);
    }
  }
}
