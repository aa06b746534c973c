import { NETWORKS, THREAD_STATUSES, toIso, toIsoOrNull, type MessageChannel, type ThreadItem } from '@resonance/contracts';
import { oneOf } from '../common/narrow';

export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['comment', 'direct', 'mention'];

/**
 * The flat columns every thread statement of threads.sql selects for a ThreadItem (ListThreads,
 * ThreadItemsByIds, ThreadDetail): their generated result types all have this shape.
 */
export interface ThreadItemRow {
  id: string;
  network: string;
  kind: string;
  channelId: string;
  channelDisplayName: string;
  channelHandle: string | null;
  contactId: string | null;
  contactName: string | null;
  contactHandle: string | null;
  contactAvatarUrl: string | null;
  postExternalId: string | null;
  status: string;
  priority: number;
  tags: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  lastMessagePreview: string;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  waitingSince: Date | null;
  slaDueAt: Date | null;
  unreadCount: number;
  messageCount: number;
  createdAt: Date;
}

/** The one place a thread row becomes the wire's ThreadItem: nested channel/contact/assignee, text columns narrowed, times as ISO strings. */
export function toThreadItem(row: ThreadItemRow): ThreadItem {
  return {
    id: row.id,
    network: oneOf(NETWORKS, row.network, 'thread.network'),
    kind: oneOf(MESSAGE_CHANNELS, row.kind, 'thread.channel'),
    channel: { id: row.channelId, displayName: row.channelDisplayName, handle: row.channelHandle },
    contact: row.contactId === null ? null : { id: row.contactId, name: row.contactName, handle: row.contactHandle, avatarUrl: row.contactAvatarUrl },
    postExternalId: row.postExternalId,
    status: oneOf(THREAD_STATUSES, row.status, 'thread.status'),
    priority: row.priority,
    tags: row.tags,
    assignee: row.assigneeId === null || row.assigneeName === null ? null : { id: row.assigneeId, name: row.assigneeName },
    lastMessagePreview: row.lastMessagePreview,
    lastMessageAt: toIso(row.lastMessageAt),
    lastInboundAt: toIsoOrNull(row.lastInboundAt),
    firstInboundAt: toIsoOrNull(row.firstInboundAt),
    firstResponseAt: toIsoOrNull(row.firstResponseAt),
    waitingSince: toIsoOrNull(row.waitingSince),
    slaDueAt: toIsoOrNull(row.slaDueAt),
    unreadCount: row.unreadCount,
    messageCount: row.messageCount,
    createdAt: toIso(row.createdAt),
  };
}
