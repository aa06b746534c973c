import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable, type SqlConnection } from '@resonance/db';
import type { Cursor } from '../common/cursor';
import {
  insertMessageAction,
  latestActionOfKind,
  lockModerationTarget,
  messageActionById,
  messageActionsOfMessage,
  messageInWorkspace,
  messageItemsByIds,
  messageItemsInIdRange,
  newerMessageItemsByOthers,
  otherQueuedAction,
  threadMessagePage,
  type ILockModerationTargetResult,
  type IMessageActionByIdResult,
  type IMessageItemsByIdsResult,
  type IMessageItemsInIdRangeResult,
  type INewerMessageItemsByOthersResult,
  type IThreadMessagePageResult,
} from './messages.queries';

/** A like/hide/delete request row with its requester (flat; the service shapes it). */
export type MessageActionRow = IMessageActionByIdResult;

/**
 * All SQL of messages and their like/hide/delete requests (messages.sql, typed by pgTyped in
 * messages.queries.ts). Every method takes the caller's transaction manager where it has one.
 */
@Injectable()
export class MessagesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Message items by id within the workspace, oldest first. */
  itemsByIds(workspaceId: string, ids: string[], db: Queryable | SqlConnection = this.dataSource): Promise<IMessageItemsByIdsResult[]> {
    if (!ids.length) return Promise.resolve([]);
    return messageItemsByIds.run({ workspaceId, ids }, sqlClient(db));
  }

  itemsInIdRange(
    workspaceId: string,
    fromId: string,
    toId: string,
    limit: number,
    db: Queryable | SqlConnection = this.dataSource,
  ): Promise<IMessageItemsInIdRangeResult[]> {
    return messageItemsInIdRange.run({ workspaceId, fromId, toId, limit }, sqlClient(db));
  }

  /** The messages of the thread after `afterId` (not deleted) that the customer or anyone but `userId` wrote, oldest first. */
  newerByOthers(
    workspaceId: string,
    threadId: string,
    afterId: string,
    userId: string,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<INewerMessageItemsByOthersResult[]> {
    return newerMessageItemsByOthers.run({ workspaceId, threadId, afterId, userId, limit }, sqlClient(db));
  }

  /** `limit` messages of the thread after the cursor (from the first without one), oldest first. */
  threadPage(
    workspaceId: string,
    threadId: string,
    cursor: Cursor | null,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<IThreadMessagePageResult[]> {
    return threadMessagePage.run({ workspaceId, threadId, cursorAt: cursor?.at ?? null, cursorId: cursor?.id ?? null, limit }, sqlClient(db));
  }

  async exists(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await messageInWorkspace.run({ workspaceId, id }, sqlClient(db))).length > 0;
  }

  /** The message to moderate, locked until the transaction ends, with its thread's channel and network. */
  async lockModerationTarget(workspaceId: string, id: string, db: Queryable): Promise<ILockModerationTargetResult | undefined> {
    const [row] = await lockModerationTarget.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  /** Another action than `action` still queued on the message, if any. */
  async otherQueuedAction(messageId: string, action: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    const [row] = await otherQueuedAction.run({ messageId, action }, sqlClient(db));
    return row?.action;
  }

  /** The new queued action's id; undefined when the same action is queued already. */
  async insertAction(a: { workspaceId: string; messageId: string; action: string; requestedBy: string }, db: Queryable): Promise<string | undefined> {
    const [row] = await insertMessageAction.run(a, sqlClient(db));
    return row?.id;
  }

  /** The id of the newest action of this kind on the message, whatever its state. */
  async latestActionOfKind(messageId: string, action: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    const [row] = await latestActionOfKind.run({ messageId, action }, sqlClient(db));
    return row?.id;
  }

  async actionById(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<MessageActionRow | undefined> {
    const [row] = await messageActionById.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  /** The message's newest 50 requests, newest first. */
  actionsOfMessage(workspaceId: string, messageId: string, db: Queryable = this.dataSource): Promise<MessageActionRow[]> {
    return messageActionsOfMessage.run({ workspaceId, messageId }, sqlClient(db));
  }
}
