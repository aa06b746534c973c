import type { IsoDateTime, UserRef } from './common';
import type { Network } from '../networks';

/**
 * What a notification is about: a thread assigned to you (by someone else), a note mentioning you,
 * an SLA about to breach (on a thread assigned to you; unassigned threads: the admins), a channel
 * that needs reconnecting (the admins).
 */
export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'sla_warning', 'channel_reauth'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The languages notification e-mails are written in (the dashboard's languages). */
export const NOTIFICATION_LANGUAGES = ['en', 'de'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/** One notification in the bell (GET /api/notifications, the `notification.created` live event). */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** Who caused it (the assigner, the note's author); null for the SLA clock and channels. */
  actor: UserRef | null;
  /** The thread it opens (assigned, mentioned, sla_warning). */
  thread: { id: string; contactName: string | null; network: Network; preview: string } | null;
  /** The channel to reconnect (channel_reauth). */
  channel: { id: string; name: string; network: Network } | null;
  /** When the thread's SLA is due (sla_warning). */
  dueAt: IsoDateTime | null;
  readAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

/** GET /api/notifications: the newest first (at most 50) and how many are unread in all. */
export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

/** Per kind: shown in the bell, and sent by e-mail. */
export interface NotificationChannels {
  inApp: boolean;
  email: boolean;
}

/** GET/PUT /api/notifications/settings: the signed-in user's own settings. */
export interface NotificationSettings {
  /** False when this server has no SMTP_URL: no e-mail goes out, whatever the settings say. */
  emailAvailable: boolean;
  /** The language of the e-mails (the dashboard sends its own). */
  language: NotificationLanguage;
  kinds: Record<NotificationKind, NotificationChannels>;
}

/** PUT /api/notifications/settings: any part. */
export interface UpdateNotificationSettingsRequest {
  language?: NotificationLanguage;
  kinds?: Partial<Record<NotificationKind, NotificationChannels>>;
}
