import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SqlConnection } from '@resonance/db';
import { isBigintId, isUuid } from '../common/ids';
import { toMessageItem } from '../messages/message-item';
import { MessagesRepository } from '../messages/messages.repository';
import { toNotificationItem } from '../notifications/notification-item';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { toThreadItem } from '../threads/thread-item';
import { ThreadsRepository } from '../threads/threads.repository';
import type { WorkspaceEvent } from './live-event';

/** More new messages than this in one statement (bulk ingest): one inbox.changed instead. */
export const MAX_MESSAGES_PER_NOTIFICATION = 200;

export type DbNotification =
  | { kind: 'messages.inserted'; workspaceId: string; from: string; to: string; count: number }
  | { kind: 'messages.updated'; workspaceId: string; ids: string[]; count: number }
  | { kind: 'notifications.inserted'; workspaceId: string; ids: string[]; count: number };

/** Turns the database triggers' notifications into live events (two queries per notification). */
@Injectable()
export class DbChanges {
  constructor(
    @Inject(MessagesRepository) private readonly messages: MessagesRepository,
    @Inject(ThreadsRepository) private readonly threads: ThreadsRepository,
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
  ) {}

  /** A trigger's payload, or null when it is not JSON naming a workspace (nothing to load). */
  static parse(payload: string): DbNotification | null {
    try {
      const n = JSON.parse(payload) as DbNotification;
      return typeof n === 'object' && n !== null && isUuid(n.workspaceId) ? n : null;
    } catch {
      return null;
    }
  }

  /**
   * The events of notifications of one workspace that queued up while the previous ones loaded,
   * in order. Together more than MAX_MESSAGES_PER_NOTIFICATION messages: one inbox.changed for
   * all their messages instead of an event per message and thread, and so are they when the
   * workspace's last second already sent `MAX_MESSAGES_PER_NOTIFICATION - oneByOneLeft` messages
   * one by one (a steady stream of small pages) — at 2,000 comments a second
   * and 200 open streams that was 800,000 events a second, and the streams fell minutes behind
   * (bench --agents). Notifications for users are still sent one by one.
   */
  async toEventsOfBatch(batch: DbNotification[], oneByOneLeft = MAX_MESSAGES_PER_NOTIFICATION, db?: SqlConnection): Promise<WorkspaceEvent[]> {
    const messages = batch.filter((n) => n.kind !== 'notifications.inserted');
    if (messages.length === 0 || DbChanges.messageCount(batch) <= Math.min(oneByOneLeft, MAX_MESSAGES_PER_NOTIFICATION)) {
      const events: WorkspaceEvent[] = [];
      for (const n of batch) events.push(...(await this.toEvents(n, db)));
      return events;
    }
    const events: WorkspaceEvent[] = [inboxChanged(batch[0].workspaceId, messages)];
    for (const n of batch) if (n.kind === 'notifications.inserted') events.push(...(await this.toEvents(n, db)));
    return events;
  }

  /** Messages these notifications inserted or updated (notifications for users not counted). */
  static messageCount(batch: DbNotification[]): number {
    return batch.reduce((sum, n) => sum + (n.kind === 'notifications.inserted' ? 0 : n.count), 0);
  }

  /** `db`: where the loads run (the event bus's own connections, so they never wait behind requests); the api's pool if not given. */
  async toEvents(n: DbNotification, db?: SqlConnection): Promise<WorkspaceEvent[]> {
    const base = { workspaceId: n.workspaceId };
    if (n.kind === 'notifications.inserted') {
      if (!Array.isArray(n.ids) || !n.ids.every(isBigintId)) return [];
      // Each goes to its recipient's streams only (EventsController); the bell refetches its count.
      return (await this.notifications.byIds(n.workspaceId, n.ids, db)).map((row) => ({
        ...base,
        eventId: randomUUID(),
        type: 'notification.created',
        userId: row.userId,
        notification: toNotificationItem(row),
      }));
    }
    if (n.count > MAX_MESSAGES_PER_NOTIFICATION) return [inboxChanged(n.workspaceId, [n])];
    if (n.kind === 'messages.inserted' && isBigintId(n.from) && isBigintId(n.to)) {
      const messages = (await this.messages.itemsInIdRange(n.workspaceId, n.from, n.to, MAX_MESSAGES_PER_NOTIFICATION + 1, db)).map(toMessageItem);
      const threads = (await this.threads.itemsByIds(n.workspaceId, [...new Set(messages.map((m) => m.threadId))], db)).map(toThreadItem);
      return [
        ...messages.map((message): WorkspaceEvent => ({ ...base, eventId: randomUUID(), type: 'message.created', threadId: message.threadId, message })),
        ...threads.map((thread): WorkspaceEvent => ({ ...base, eventId: randomUUID(), type: 'thread.updated', threadId: thread.id, thread })),
      ];
    }
    if (n.kind === 'messages.updated' && Array.isArray(n.ids) && n.ids.every(isBigintId)) {
      const messages = (await this.messages.itemsByIds(n.workspaceId, n.ids, db)).map(toMessageItem);
      // The threads too: a like/hide/delete that handles a thread ends its wait (and SLA due time).
      const threads = (await this.threads.itemsByIds(n.workspaceId, [...new Set(messages.map((m) => m.threadId))], db)).map(toThreadItem);
      return [
        ...messages.map((message): WorkspaceEvent => ({ ...base, eventId: randomUUID(), type: 'message.updated', threadId: message.threadId, message })),
        ...threads.map((thread): WorkspaceEvent => ({ ...base, eventId: randomUUID(), type: 'thread.updated', threadId: thread.id, thread })),
      ];
    }
    return [];
  }
}

/** One inbox.changed for these notifications' messages, with the newest inserted message id among them. */
function inboxChanged(workspaceId: string, notifications: DbNotification[]): WorkspaceEvent {
  let last: bigint | null = null;
  for (const n of notifications) if (n.kind === 'messages.inserted' && isBigintId(n.to) && (last === null || BigInt(n.to) > last)) last = BigInt(n.to);
  const count = notifications.reduce((sum, n) => sum + n.count, 0);
  return { workspaceId, eventId: randomUUID(), type: 'inbox.changed', count, ...(last === null ? {} : { lastMessageId: last.toString() }) };
}
