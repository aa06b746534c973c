import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { touchThreadAfterReply } from '../replies/replies.queries';
import { insertPrivateReply, privateReplyOf, upsertAuthorDirectThread, type IPrivateReplyOfResult } from './private-reply.queries';

/** All SQL of private replies (private-reply.sql, typed in private-reply.queries.ts); methods join the caller's transaction. */
@Injectable()
export class PrivateReplyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The direct thread with the comment's author (created when missing), locked; its id. */
  async directThread(
    input: { workspaceId: string; channelAccountId: string; network: string; threadKey: string; contactId: string | null },
    db: Queryable,
  ): Promise<string> {
    const [row] = await upsertAuthorDirectThread.run(input, sqlClient(db));
    if (!row) throw new Error('INSERT … ON CONFLICT DO UPDATE … RETURNING returned no row');
    return row.id;
  }

  /** Stores the private reply (delivery 'queued') and counts it on its thread; undefined when the comment has one already. */
  async insert(
    reply: {
      workspaceId: string;
      channelAccountId: string;
      threadId: string;
      commentId: string;
      commentExternalId: string;
      authorUserId: string;
      text: string;
    },
    db: Queryable,
  ): Promise<string | undefined> {
    const [row] = await insertPrivateReply.run(reply, sqlClient(db));
    if (!row) return undefined;
    await touchThreadAfterReply.run({ threadId: reply.threadId, text: reply.text }, sqlClient(db));
    return row.id;
  }

  /** The comment's private reply, if it has one. */
  async of(commentId: string, db: Queryable = this.dataSource): Promise<IPrivateReplyOfResult | undefined> {
    const [row] = await privateReplyOf.run({ commentId }, sqlClient(db));
    return row;
  }
}
