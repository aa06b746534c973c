import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
  type NotificationKind,
  type NotificationList,
  type NotificationSettings,
  type UpdateNotificationSettingsRequest,
} from '@resonance/contracts';
import type { Queryable } from '@resonance/db';
import type { AuthUser } from '../auth/auth.types';
import { oneOf } from '../common/narrow';
import { toNotificationItem } from './notification-item';
import { NotificationsRepository, type NotificationSettingRow } from './notifications.repository';

/** The bell shows this many of the newest notifications. */
export const NOTIFICATION_LIST_LIMIT = 50;

/**
 * Notifications of the signed-in user and the events the api gives them for (assignment, mention).
 * Live delivery needs nothing here: the notification table's trigger NOTIFYs, and the event bus
 * sends each new notification to its recipient's streams; the worker sends the e-mails.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(NotificationsRepository) private readonly notifications: NotificationsRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async list(user: AuthUser): Promise<NotificationList> {
    const [rows, unread] = await Promise.all([this.notifications.list(user.workspaceId, user.id, NOTIFICATION_LIST_LIMIT), this.notifications.unread(user.id)]);
    return { items: rows.map(toNotificationItem), unread };
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    await this.notifications.markRead(user.id, id);
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
  }

  async settings(user: AuthUser): Promise<NotificationSettings> {
    return this.toSettings(await this.notifications.settings(user.id));
  }

  async saveSettings(user: AuthUser, body: UpdateNotificationSettingsRequest): Promise<NotificationSettings> {
    let inAppOff: string[] | null = null;
    let emailOff: string[] | null = null;
    if (body.kinds) {
      const current = await this.settings(user);
      const kinds = { ...current.kinds, ...body.kinds };
      inAppOff = NOTIFICATION_KINDS.filter((k) => !kinds[k].inApp);
      emailOff = NOTIFICATION_KINDS.filter((k) => !kinds[k].email);
    }
    return this.toSettings(await this.notifications.saveSettings(user.id, { language: body.language ?? null, inAppOff, emailOff }));
  }

  /** "Assigned to you": to the new assignee unless they assigned themselves. One per assignment (its audit entry). */
  async assigned(event: { workspaceId: string; threadId: string; assigneeId: string; actorUserId: string; eventKey: string }, db: Queryable): Promise<void> {
    if (event.assigneeId === event.actorUserId) return;
    await this.notifications.notify(
      {
        workspaceId: event.workspaceId,
        userIds: [event.assigneeId],
        kind: 'assigned' satisfies NotificationKind,
        dedupeKey: `assigned:${event.threadId}:${event.eventKey}`,
        threadId: event.threadId,
        actorUserId: event.actorUserId,
      },
      db,
    );
  }

  /** "Mentioned in a note": to each mentioned colleague but the author, once per note (an edit that mentions again adds nothing). */
  async mentioned(event: { workspaceId: string; threadId: string; noteId: string; userIds: string[]; actorUserId: string }, db: Queryable): Promise<void> {
    await this.notifications.notify(
      {
        workspaceId: event.workspaceId,
        userIds: event.userIds.filter((id) => id !== event.actorUserId),
        kind: 'mentioned' satisfies NotificationKind,
        dedupeKey: `mentioned:${event.noteId}`,
        threadId: event.threadId,
        actorUserId: event.actorUserId,
      },
      db,
    );
  }

  private toSettings(row: NotificationSettingRow | undefined): NotificationSettings {
    const inAppOff = new Set(row?.inAppOff ?? []);
    const emailOff = new Set(row?.emailOff ?? []);
    const of = (kind: NotificationKind) => ({ inApp: !inAppOff.has(kind), email: !emailOff.has(kind) });
    return {
      emailAvailable: Boolean(this.config.SMTP_URL),
      language: row ? oneOf(NOTIFICATION_LANGUAGES, row.language, 'notification_setting.language') : 'en',
      kinds: { assigned: of('assigned'), mentioned: of('mentioned'), sla_warning: of('sla_warning'), channel_reauth: of('channel_reauth') },
    };
  }
}
