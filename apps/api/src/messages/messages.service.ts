import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MessageItem, Page } from '@resonance/contracts';
import type { Queryable } from '@resonance/db';
import { decodeCursor, encodeCursor, type Cursor } from '../common/cursor';
import { FreshReads, readContextKey } from '../common/fresh-reads';
import { requireThread } from '../threads/threads.repository';
import { toMessageItem } from './message-item';
import { MessagesRepository } from './messages.repository';

/** Messages as the thread view and live events show them (SQL in MessagesRepository). */
@Injectable()
export class MessagesService {
  /** Identical pages asked for together (dashboards refetching an open thread at one live event) share one read (common/fresh-reads.ts). */
  readonly pages = new FreshReads<Page<MessageItem>>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagesRepository) private readonly messages: MessagesRepository,
  ) {}

  /** One page of a thread's messages, oldest first, keyset-paged over (created_at, id); 404 for a thread not of the workspace. */
  async threadPage(workspaceId: string, threadId: string, q: { limit?: number; cursor?: string }): Promise<Page<MessageItem>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const key = `${readContextKey()}|${workspaceId}|${threadId}|${limit}|${cursor ? `${cursor.at}|${cursor.id}` : ''}`;
    return this.pages.read(key, () => this.readPage(workspaceId, threadId, cursor, limit));
  }

  private async readPage(workspaceId: string, threadId: string, cursor: Cursor | null, limit: number): Promise<Page<MessageItem>> {
    const rows = await this.messages.threadPage(workspaceId, threadId, cursor, limit + 1);
    if (!rows.length && !cursor) await requireThread(this.dataSource, workspaceId, threadId);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMessageItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last._cursorAt, id: last.id }) : null,
    };
  }

  /** The workspace's messages with these ids, oldest first. */
  async byIds(workspaceId: string, ids: string[], db: Queryable = this.dataSource): Promise<MessageItem[]> {
    return (await this.messages.itemsByIds(workspaceId, ids, db)).map(toMessageItem);
  }

  /** The workspace's message with this id (404 if it is gone: deleted by data care in between). */
  async byId(workspaceId: string, id: string, db: Queryable = this.dataSource): Promise<MessageItem> {
    const [item] = await this.byIds(workspaceId, [id], db);
    if (!item) throw new NotFoundException(`message ${id} not found`);
    return item;
  }
}
