import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable, type SqlConnection } from '@resonance/db';
import {
  activeAdmins,
  countUnread,
  getSettings,
  listNotifications,
  markAllRead,
  markRead,
  notifyUsers,
  upsertSettings,
  type IGetSettingsResult,
  type IListNotificationsResult,
  type INotifyUsersParams,
} from './notifications.queries';

export type NotificationRow = IListNotificationsResult;
export type NotificationSettingRow = IGetSettingsResult;

/** All SQL of notifications (notifications.sql, typed by pgTyped in notifications.queries.ts). */
@Injectable()
export class NotificationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Inserts one notification per recipient of the event (settings applied, repeats ignored); the new ids. */
  async notify(event: INotifyUsersParams, db: Queryable = this.dataSource): Promise<string[]> {
    if (event.userIds.length === 0) return [];
    return (await notifyUsers.run(event, sqlClient(db))).map((r) => r.id);
  }

  list(workspaceId: string, userId: string, limit: number, db: Queryable = this.dataSource): Promise<NotificationRow[]> {
    return listNotifications.run({ workspaceId, userId, ids: null, limit }, sqlClient(db));
  }

  /** These in-app notifications of the workspace, whoever they are for (the live event). */
  byIds(workspaceId: string, ids: string[], db: Queryable | SqlConnection = this.dataSource): Promise<NotificationRow[]> {
    return listNotifications.run({ workspaceId, userId: null, ids, limit: ids.length }, sqlClient(db));
  }

  async unread(userId: string, db: Queryable = this.dataSource): Promise<number> {
    const [row] = await countUnread.run({ userId }, sqlClient(db));
    return row?.unread ?? 0;
  }

  async markRead(userId: string, id: string, db: Queryable = this.dataSource): Promise<void> {
    await markRead.run({ userId, id }, sqlClient(db));
  }

  async markAllRead(userId: string, db: Queryable = this.dataSource): Promise<void> {
    await markAllRead.run({ userId }, sqlClient(db));
  }

  async settings(userId: string, db: Queryable = this.dataSource): Promise<NotificationSettingRow | undefined> {
    const [row] = await getSettings.run({ userId }, sqlClient(db));
    return row;
  }

  async saveSettings(
    userId: string,
    parts: { language: string | null; inAppOff: string[] | null; emailOff: string[] | null },
    db: Queryable = this.dataSource,
  ): Promise<NotificationSettingRow> {
    const [row] = await upsertSettings.run({ userId, ...parts }, sqlClient(db));
    return row;
  }

  async activeAdmins(workspaceId: string, db: Queryable = this.dataSource): Promise<string[]> {
    return (await activeAdmins.run({ workspaceId }, sqlClient(db))).map((r) => r.id);
  }
}
