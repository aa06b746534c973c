import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { NotificationItem, NotificationList, NotificationSettings, UpdateNotificationSettingsRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';
import { writeFresh } from '../../shared/api/write-fresh';

/**
 * The bell's data (GET /api/notifications). The inbox's live stream adds new ones at once
 * (applyNotificationEvent); elsewhere the list is asked again every 30 s and on focus.
 */
export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications', 'list'],
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { signal }),
    refetchInterval: 30_000,
    retry: false,
  });

export const useNotifications = () => useQuery(notificationsQueryOptions());

/** A `notification.created` live event: on top of the list, one more unread. */
export function applyNotificationEvent(client: QueryClient, notification: NotificationItem): void {
  writeFresh<NotificationList>(client, notificationsQueryOptions().queryKey, (old) => {
    if (!old) return old;
    if (old.items.some((n) => n.id === notification.id)) return old;
    return { items: [notification, ...old.items], unread: old.unread + (notification.readAt ? 0 : 1) };
  });
}

function markedRead(old: NotificationList | undefined, id: string | null): NotificationList | undefined {
  if (!old) return old;
  const now = new Date().toISOString();
  const wasUnread = old.items.filter((n) => !n.readAt && (id === null || n.id === id)).length;
  return {
    items: old.items.map((n) => (!n.readAt && (id === null || n.id === id) ? { ...n, readAt: now } : n)),
    unread: id === null ? 0 : Math.max(0, old.unread - wasUnread),
  };
}

/**
 * Read at once (optimistic). A fetch of the list in flight (the 30 s poll, a live event's) was asked
 * before the read and would answer "unread": it is cancelled first, and the list is asked again once
 * the read is stored.
 */
async function markReadInCache(client: QueryClient, id: string | null): Promise<void> {
  await client.cancelQueries({ queryKey: notificationsQueryOptions().queryKey });
  client.setQueryData(notificationsQueryOptions().queryKey, (old: NotificationList | undefined) => markedRead(old, id));
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onMutate: (id) => markReadInCache(client, id),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationsQueryOptions().queryKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>('/notifications/read-all', { method: 'POST' }),
    onMutate: () => markReadInCache(client, null),
    onSettled: () => void client.invalidateQueries({ queryKey: notificationsQueryOptions().queryKey }),
  });
}

export const notificationSettingsQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications', 'settings'],
    queryFn: ({ signal }) => api<NotificationSettings>('/notifications/settings', { signal }),
    retry: false,
  });

export const useNotificationSettings = () => useQuery(notificationSettingsQueryOptions());

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsRequest) => api<NotificationSettings>('/notifications/settings', { method: 'PUT', body }),
    onSuccess: (settings) => client.setQueryData(notificationSettingsQueryOptions().queryKey, settings),
  });
}
