import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { NETWORKS, type ContactHistory } from '@resonance/contracts';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { toThreadItem } from '../threads/thread-item';
import { ThreadsRepository } from '../threads/threads.repository';
import { ContactsRepository } from './contacts.repository';
import { profileUrl } from './profile-url';

/** Threads shown in a contact's history at most (the customer panel lists them). */
const HISTORY_LIMIT = 50;

@Injectable()
export class ContactsService {
  constructor(
    @Inject(ContactsRepository) private readonly contacts: ContactsRepository,
    @Inject(ThreadsRepository) private readonly threads: ThreadsRepository,
  ) {}

  async history(user: AuthUser, id: string): Promise<ContactHistory> {
    const row = await this.contacts.get(user.workspaceId, id);
    if (!row) throw new NotFoundException(`contact ${id} not found`);
    const network = oneOf(NETWORKS, row.network, 'channel_account.network');
    const ids = await this.contacts.threadIds(user.workspaceId, id, HISTORY_LIMIT);
    const items = ids.length ? (await this.threads.itemsByIds(user.workspaceId, ids)).map(toThreadItem) : [];
    return {
      contact: { id: row.id, network, name: row.name, handle: row.handle, profileUrl: profileUrl(network, row.externalId, row.handle) },
      threads: items,
    };
  }
}
