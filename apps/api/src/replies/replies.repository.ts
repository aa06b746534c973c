import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import {
  defaultReplyParent,
  insertReply,
  lockReplyThread,
  messageOfThread,
  messageOfThreadByExternalId,
  requeueFailedReply,
  retryCandidate,
  touchThreadAfterReply,
  type ILockReplyThreadResult,
  type IRetryCandidateResult,
} from './replies.queries';

/** All SQL of replies (replies.sql, typed by pgTyped in replies.queries.ts); methods join the caller's transaction. */
@Injectable()
export class RepliesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async lockThread(workspaceId: string, id: string, db: Queryable): Promise<ILockReplyThreadResult | undefined> {
    const [row] = await lockReplyThread.run({ workspaceId, id }, sqlClient(db));
    return row;
  }

  async isMessageOfThread(threadId: string, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await messageOfThread.run({ threadId, id }, sqlClient(db))).length > 0;
  }

  async hasExternalId(threadId: string, externalId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await messageOfThreadByExternalId.run({ threadId, externalId }, sqlClient(db))).length > 0;
  }

  /** The network id a reply answers when none is named; null when the thread has none. */
  async defaultParent(threadId: string, db: Queryable = this.dataSource): Promise<string | null> {
    const [row] = await defaultReplyParent.run({ threadId }, sqlClient(db));
    return row?.externalId ?? null;
  }

  /** Stores the reply as an outbound message, delivery 'queued', and counts it on its thread; its id. */
  async insert(
    reply: { workspaceId: string; channelAccountId: string; threadId: string; parentExternalId: string | null; authorUserId: string; text: string },
    db: Queryable,
  ): Promise<string> {
    const [row] = await insertReply.run(reply, sqlClient(db));
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    await touchThreadAfterReply.run({ threadId: reply.threadId, text: reply.text }, sqlClient(db));
    return row.id;
  }

  async retryCandidate(workspaceId: string, id: string, overdueAfterMs: number, db: Queryable = this.dataSource): Promise<IRetryCandidateResult | undefined> {
    const [row] = await retryCandidate.run({ workspaceId, id, overdueAfterMs }, sqlClient(db));
    return row;
  }

  /** A failed reply back to queued (a stuck queued/sending one is left as it is). */
  async requeueFailed(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<void> {
    await requeueFailedReply.run({ workspaceId, id }, sqlClient(db));
  }
}
