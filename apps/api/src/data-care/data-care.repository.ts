import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { deleteContact, deleteContactMessages, deleteContactThreads, getRetention, lockContact, setRetention } from './data-care.queries';

/** All SQL of data care: the retention setting and a contact's erasure (data-care.sql, typed in data-care.queries.ts). */
@Injectable()
export class DataCareRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Days messages are kept (null: forever); undefined when there is no such workspace. */
  async retentionDays(workspaceId: string, db: Queryable = this.dataSource): Promise<number | null | undefined> {
    const [row] = await getRetention.run({ workspaceId }, sqlClient(db));
    return row?.retentionDays;
  }

  async setRetentionDays(workspaceId: string, retentionDays: number | null, db: Queryable = this.dataSource): Promise<void> {
    await setRetention.run({ workspaceId, retentionDays }, sqlClient(db));
  }

  /** Whether the contact is the workspace's; its row locked until the transaction `tx` ends. */
  async lockContact(workspaceId: string, id: string, tx: Queryable): Promise<boolean> {
    return (await lockContact.run({ workspaceId, id }, sqlClient(tx))).length > 0;
  }

  /** Deletes the contact's threads, its messages elsewhere, then the contact: the counts deleted. */
  async eraseContact(workspaceId: string, id: string, tx: Queryable): Promise<{ threads: number; messages: number }> {
    const [threads] = await deleteContactThreads.run({ workspaceId, id }, sqlClient(tx));
    const [messages] = await deleteContactMessages.run({ workspaceId, id }, sqlClient(tx));
    await deleteContact.run({ id }, sqlClient(tx));
    return { threads: threads?.n ?? 0, messages: messages?.n ?? 0 };
  }
}
