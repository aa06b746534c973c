/** Types generated for queries found in "apps/worker/src/notify/notify.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'NotifySlaWarnings' parameters type */
export interface INotifySlaWarningsParams {
  warningMinutes: number;
}

/** 'NotifySlaWarnings' return type */
export interface INotifySlaWarningsResult {
  id: string;
}

/** 'NotifySlaWarnings' query type */
export interface INotifySlaWarningsQuery {
  params: INotifySlaWarningsParams;
  result: INotifySlaWarningsResult;
}

const notifySlaWarningsIR: any = {"usedParamSet":{"warningMinutes":true},"params":[{"name":"warningMinutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":571,"b":586}]}],"statement":"SELECT n.id::text AS \"id!\"\n  FROM thread t\n  CROSS JOIN LATERAL resonance_notify(\n         t.workspace_id,\n         CASE WHEN t.assignee_id IS NOT NULL THEN ARRAY[t.assignee_id]\n              ELSE ARRAY(SELECT u.id FROM users u WHERE u.workspace_id = t.workspace_id AND u.role = 'admin' AND u.active) END,\n         'sla_warning',\n         'sla_warning:' || t.id::text || ':' || floor(extract(epoch FROM t.waiting_since) * 1000)::bigint::text,\n         t.id, NULL, NULL, t.sla_due_at) AS n(id)\n WHERE t.sla_due_at > now() AND t.sla_due_at <= now() + make_interval(mins => :warningMinutes!::int)\n   AND t.waiting_since IS NOT NULL                                                                                                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * SELECT n.id::text AS "id!"
 *   FROM thread t
 *   CROSS JOIN LATERAL resonance_notify(
 *          t.workspace_id,
 *          CASE WHEN t.assignee_id IS NOT NULL THEN ARRAY[t.assignee_id]
 *               ELSE ARRAY(SELECT u.id FROM users u WHERE u.workspace_id = t.workspace_id AND u.role = 'admin' AND u.active) END,
 *          'sla_warning',
 *          'sla_warning:' || t.id::text || ':' || floor(extract(epoch FROM t.waiting_since) * 1000)::bigint::text,
 *          t.id, NULL, NULL, t.sla_due_at) AS n(id)
 *  WHERE t.sla_due_at > now() AND t.sla_due_at <= now() + make_interval(mins => :warningMinutes!::int)
 *    AND t.waiting_since IS NOT NULL                                                                                                                                                                                       
 * ```
 */
export const notifySlaWarnings = new PreparedQuery<INotifySlaWarningsParams,INotifySlaWarningsResult>(notifySlaWarningsIR);


/** 'PendingEmails' parameters type */
export interface IPendingEmailsParams {
  limit: NumberOrString;
}

/** 'PendingEmails' return type */
export interface IPendingEmailsResult {
  id: string;
}

/** 'PendingEmails' query type */
export interface IPendingEmailsQuery {
  params: IPendingEmailsParams;
  result: IPendingEmailsResult;
}

const pendingEmailsIR: any = {"usedParamSet":{"limit":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":143,"b":149}]}],"statement":"SELECT id::text AS \"id!\" FROM notification\n WHERE email_state = 'pending' AND created_at > now() - interval '1 day'\n ORDER BY created_at LIMIT :limit!                                                                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!" FROM notification
 *  WHERE email_state = 'pending' AND created_at > now() - interval '1 day'
 *  ORDER BY created_at LIMIT :limit!                                                                                                                                                                         
 * ```
 */
export const pendingEmails = new PreparedQuery<IPendingEmailsParams,IPendingEmailsResult>(pendingEmailsIR);


/** 'LockEmail' parameters type */
export interface ILockEmailParams {
  id: NumberOrString;
}

/** 'LockEmail' return type */
export interface ILockEmailResult {
  actorName: string | null;
  channelName: string | null;
  channelNetwork: string | null;
  contactName: string | null;
  dueAt: Date | null;
  emailState: string;
  id: string;
  kind: string;
  language: string;
  recipientActive: boolean;
  recipientEmail: string;
  recipientName: string;
  threadId: string | null;
  threadPreview: string | null;
}

/** 'LockEmail' query type */
export interface ILockEmailQuery {
  params: ILockEmailParams;
  result: ILockEmailResult;
}

const lockEmailIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":769,"b":772}]}],"statement":"SELECT n.id::text AS \"id!\", n.kind, n.email_state AS \"emailState\", n.due_at AS \"dueAt\",\n       r.email AS \"recipientEmail\", r.name AS \"recipientName\", r.active AS \"recipientActive\",\n       COALESCE(s.language, 'en') AS \"language!\",\n       a.name AS \"actorName?\",\n       t.id::text AS \"threadId?\", t.last_message_preview AS \"threadPreview?\", c.name AS \"contactName?\",\n       ca.display_name AS \"channelName?\", ca.network AS \"channelNetwork?\"\n  FROM notification n\n  JOIN users r ON r.id = n.user_id\n  LEFT JOIN notification_setting s ON s.user_id = n.user_id\n  LEFT JOIN users a ON a.id = n.actor_user_id\n  LEFT JOIN thread t ON t.id = n.thread_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN channel_account ca ON ca.id = n.channel_account_id\n WHERE n.id = :id!\n   FOR UPDATE OF n"};

/**
 * Query generated from SQL:
 * ```
 * SELECT n.id::text AS "id!", n.kind, n.email_state AS "emailState", n.due_at AS "dueAt",
 *        r.email AS "recipientEmail", r.name AS "recipientName", r.active AS "recipientActive",
 *        COALESCE(s.language, 'en') AS "language!",
 *        a.name AS "actorName?",
 *        t.id::text AS "threadId?", t.last_message_preview AS "threadPreview?", c.name AS "contactName?",
 *        ca.display_name AS "channelName?", ca.network AS "channelNetwork?"
 *   FROM notification n
 *   JOIN users r ON r.id = n.user_id
 *   LEFT JOIN notification_setting s ON s.user_id = n.user_id
 *   LEFT JOIN users a ON a.id = n.actor_user_id
 *   LEFT JOIN thread t ON t.id = n.thread_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN channel_account ca ON ca.id = n.channel_account_id
 *  WHERE n.id = :id!
 *    FOR UPDATE OF n
 * ```
 */
export const lockEmail = new PreparedQuery<ILockEmailParams,ILockEmailResult>(lockEmailIR);


/** 'MarkEmail' parameters type */
export interface IMarkEmailParams {
  id: NumberOrString;
  state: string;
}

/** 'MarkEmail' return type */
export type IMarkEmailResult = void;

/** 'MarkEmail' query type */
export interface IMarkEmailQuery {
  params: IMarkEmailParams;
  result: IMarkEmailResult;
}

const markEmailIR: any = {"usedParamSet":{"state":true,"id":true},"params":[{"name":"state","required":true,"transform":{"type":"scalar"},"locs":[{"a":38,"b":44},{"a":73,"b":79}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":139}]}],"statement":"UPDATE notification SET email_state = :state!, email_sent_at = CASE WHEN :state! = 'sent' THEN now() ELSE email_sent_at END\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE notification SET email_state = :state!, email_sent_at = CASE WHEN :state! = 'sent' THEN now() ELSE email_sent_at END
 *  WHERE id = :id!
 * ```
 */
export const markEmail = new PreparedQuery<IMarkEmailParams,IMarkEmailResult>(markEmailIR);


