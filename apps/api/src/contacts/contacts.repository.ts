import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { contactInWorkspace, contactThreadIds, type IContactInWorkspaceResult } from './contacts.queries';

/** All SQL of contacts (contacts.sql, typed by pgTyped in contacts.queries.ts). */
@Injectable()
export class ContactsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(workspaceId: string, id: string): Promise<IContactInWorkspaceResult | undefined> {
    const [row] = await contactInWorkspace.run({ workspaceId, id }, sqlClient(this.dataSource));
    return row;
  }

  async threadIds(workspaceId: string, contactId: string, limit: number): Promise<string[]> {
    return (await contactThreadIds.run({ workspaceId, contactId, limit }, sqlClient(this.dataSource))).map((r) => r.id);
  }
}
