import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { contactAvatarUrl } from './avatars.queries';

/** The SQL of contacts' avatars (avatars.sql, typed by pgTyped in avatars.queries.ts). */
@Injectable()
export class AvatarsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The contact's stored avatar URL (null: none); undefined when the contact is not the workspace's. */
  async avatarUrlOf(workspaceId: string, contactId: string, db: Queryable = this.dataSource): Promise<{ avatarUrl: string | null } | undefined> {
    const [row] = await contactAvatarUrl.run({ workspaceId, contactId }, sqlClient(db));
    return row;
  }
}
