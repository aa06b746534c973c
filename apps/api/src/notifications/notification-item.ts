import { NETWORKS, NOTIFICATION_KINDS, toIso, toIsoOrNull, type NotificationItem } from '@resonance/contracts';
import { oneOf } from '../common/narrow';
import type { NotificationRow } from './notifications.repository';

/** The one place a notification row becomes the wire's NotificationItem. */
export function toNotificationItem(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: oneOf(NOTIFICATION_KINDS, row.kind, 'notification.kind'),
    actor: row.actorId !== null && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
    thread:
      row.threadId !== null && row.threadNetwork !== null
        ? {
            id: row.threadId,
            network: oneOf(NETWORKS, row.threadNetwork, 'thread.network'),
            contactName: row.contactName,
            preview: (row.threadPreview ?? '').slice(0, 140),
          }
        : null,
    channel:
      row.channelId !== null && row.channelName !== null && row.channelNetwork !== null
        ? { id: row.channelId, name: row.channelName, network: oneOf(NETWORKS, row.channelNetwork, 'channel_account.network') }
        : null,
    dueAt: toIsoOrNull(row.dueAt),
    readAt: toIsoOrNull(row.readAt),
    createdAt: toIso(row.createdAt),
  };
}
