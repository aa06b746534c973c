import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { THREAD_STATUSES, type BulkUpdateThreadsResponse, type WorkspaceTag } from '@resonance/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { EventBus } from '../events/event-bus';
import { toThreadItem } from './thread-item';
import type { BulkUpdateThreadsBody } from './threads-bulk.dto';
import { MAX_TAGS } from './threads.dto';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

const cleanTags = (tags: string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];

/**
 * One change (assignee, status, priority, tags added/removed) to several threads: all in one
 * transaction, so either every thread changes or none does (an unknown id, an unassignable user,
 * a thread that would exceed the tag limit: 4xx and nothing changed). Every thread's change is
 * audited as a single PATCH's is, marked {bulk: true}, plus one `thread.bulk` event with the ids;
 * every dashboard gets each changed thread as a `thread.updated` live event.
 */
@Injectable()
export class ThreadsBulkService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ThreadsRepository) private readonly threads: ThreadsRepository,
    @Inject(ThreadsService) private readonly single: ThreadsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  async update(user: AuthUser, body: BulkUpdateThreadsBody): Promise<BulkUpdateThreadsResponse> {
    const addTags = cleanTags(body.addTags);
    const removeTags = cleanTags(body.removeTags);
    if (body.status === undefined && body.assigneeId === undefined && body.priority === undefined && !addTags.length && !removeTags.length) {
      throw new BadRequestException('nothing to change: give status, assigneeId, priority, addTags or removeTags');
    }
    const ids = [...new Set(body.threadIds)];
    const assigneeId = body.assigneeId?.toLowerCase() ?? body.assigneeId;
    const changed: string[] = [];
    await this.dataSource.transaction(async (tx) => {
      const locked = await this.threads.lockMany(user.workspaceId, ids, tx);
      if (locked.length !== ids.length) {
        const found = new Set(locked.map((t) => t.id));
        throw new NotFoundException(`threads not found: ${ids.filter((id) => !found.has(id)).join(', ')}`);
      }
      if (assigneeId) await this.single.requireAssignable(tx, user, assigneeId);
      const wanted = locked.map((row) => {
        const before = { ...row, status: oneOf(THREAD_STATUSES, row.status, 'thread.status') };
        const tags = addTags.length || removeTags.length ? [...before.tags, ...addTags].filter((t) => !removeTags.includes(t)) : undefined;
        if (tags && new Set(tags).size > MAX_TAGS) throw new BadRequestException(`a thread has at most ${MAX_TAGS} tags (thread ${row.id})`);
        return { before, tags };
      });
      for (const { before, tags } of wanted) {
        const did = await this.single.applyLocked(tx, user, before, { status: body.status, assigneeId, priority: body.priority, tags }, { bulk: true });
        if (did) changed.push(before.id);
      }
      await this.audit.record(
        {
          workspaceId: user.workspaceId,
          actorUserId: user.id,
          action: 'thread.bulk',
          targetType: 'thread',
          targetId: null,
          data: { threadIds: ids, changed, status: body.status, assigneeId, priority: body.priority, addTags, removeTags },
        },
        tx,
      );
    });
    const rows = await this.threads.itemsByIds(user.workspaceId, ids);
    const threads = rows.map(toThreadItem);
    for (const thread of threads) {
      if (changed.includes(thread.id)) await this.bus.publish(user.workspaceId, { type: 'thread.updated', threadId: thread.id, thread });
    }
    return { threads };
  }

  async tags(user: AuthUser): Promise<WorkspaceTag[]> {
    return this.threads.tags(user.workspaceId, 200);
  }
}
