import type { DataSource } from 'typeorm';
import { isOneOf, NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES } from '@resonance/contracts';
import { sqlClient, type Queryable } from '@resonance/db';
import type { EmailFacts } from './email-text';
import { lockEmail, markEmail, notifySlaWarnings, pendingEmails } from './notify.queries';

/** A notification's e-mail as it stands in its locked row. */
export interface LockedEmail extends EmailFacts {
  id: string;
  state: string;
  recipientEmail: string;
  recipientActive: boolean;
}

/** The worker's notification SQL (notify.sql, typed by pgTyped in notify.queries.ts). */
export class NotifyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Gives the SLA warnings now due (each once per thread and waiting period); the new notifications' ids. */
  async slaWarnings(warningMinutes: number): Promise<string[]> {
    return (await notifySlaWarnings.run({ warningMinutes }, sqlClient(this.dataSource))).map((r) => r.id);
  }

  async pendingEmails(limit: number): Promise<string[]> {
    return (await pendingEmails.run({ limit }, sqlClient(this.dataSource))).map((r) => r.id);
  }

  /** The notification's e-mail facts, its row locked until `tx` ends; undefined when it is gone. */
  async lockEmail(id: string, tx: Queryable): Promise<LockedEmail | undefined> {
    const [row] = await lockEmail.run({ id }, sqlClient(tx));
    if (!row) return undefined;
    if (!isOneOf(NOTIFICATION_KINDS, row.kind)) throw new Error(`the database returned ${JSON.stringify(row.kind)} as notification.kind`);
    if (!isOneOf(NOTIFICATION_LANGUAGES, row.language))
      throw new Error(`the database returned ${JSON.stringify(row.language)} as notification_setting.language`);
    return {
      id: row.id,
      state: row.emailState,
      kind: row.kind,
      language: row.language,
      recipientEmail: row.recipientEmail,
      recipientName: row.recipientName,
      recipientActive: row.recipientActive,
      actorName: row.actorName,
      contactName: row.contactName,
      threadId: row.threadId,
      threadPreview: row.threadPreview,
      channelName: row.channelName,
      dueAt: row.dueAt,
    };
  }

  async markEmail(id: string, state: 'sent' | 'failed' | 'off', db: Queryable = this.dataSource): Promise<void> {
    await markEmail.run({ id, state }, sqlClient(db));
  }
}
