/** Types generated for queries found in "apps/api/src/notifications/notifications.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

export type stringArray = (string)[];

/** 'NotifyUsers' parameters type */
export interface INotifyUsersParams {
  actorUserId?: string | null | void;
  channelAccountId?: string | null | void;
  dedupeKey: string;
  dueAt?: DateOrString | null | void;
  kind: string;
  threadId?: NumberOrString | null | void;
  userIds: stringArray;
  workspaceId: string;
}

/** 'NotifyUsers' return type */
export interface INotifyUsersResult {
  id: string;
}

/** 'NotifyUsers' query type */
export interface INotifyUsersQuery {
  params: INotifyUsersParams;
  result: INotifyUsersResult;
}

const notifyUsersIR: any = {"usedParamSet":{"workspaceId":true,"userIds":true,"kind":true,"dedupeKey":true,"threadId":true,"channelAccountId":true,"actorUserId":true,"dueAt":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":63}]},{"name":"userIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":72,"b":80}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":91,"b":96}]},{"name":"dedupeKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":105,"b":115}]},{"name":"threadId","required":false,"transform":{"type":"scalar"},"locs":[{"a":124,"b":132}]},{"name":"channelAccountId","required":false,"transform":{"type":"scalar"},"locs":[{"a":143,"b":159}]},{"name":"actorUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":192,"b":203}]},{"name":"dueAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":212,"b":217}]}],"statement":"SELECT n.id::text AS \"id!\"\n  FROM resonance_notify(:workspaceId!::uuid, :userIds!::uuid[], :kind!::text, :dedupeKey!::text, :threadId::bigint, :channelAccountId::uuid,\n                        :actorUserId::uuid, :dueAt::timestamptz) AS n(id)                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT n.id::text AS "id!"
 *   FROM resonance_notify(:workspaceId!::uuid, :userIds!::uuid[], :kind!::text, :dedupeKey!::text, :threadId::bigint, :channelAccountId::uuid,
 *                         :actorUserId::uuid, :dueAt::timestamptz) AS n(id)                                                                                                                                                                                    
 * ```
 */
export const notifyUsers = new PreparedQuery<INotifyUsersParams,INotifyUsersResult>(notifyUsersIR);


/** 'ListNotifications' parameters type */
export interface IListNotificationsParams {
  ids?: NumberOrStringArray | null | void;
  limit: NumberOrString;
  userId?: string | null | void;
  workspaceId: string;
}

/** 'ListNotifications' return type */
export interface IListNotificationsResult {
  actorId: string | null;
  actorName: string | null;
  channelId: string | null;
  channelName: string | null;
  channelNetwork: string | null;
  contactName: string | null;
  createdAt: Date;
  dueAt: Date | null;
  id: string;
  kind: string;
  readAt: Date | null;
  threadId: string | null;
  threadNetwork: string | null;
  threadPreview: string | null;
  userId: string;
}

/** 'ListNotifications' query type */
export interface IListNotificationsQuery {
  params: IListNotificationsParams;
  result: IListNotificationsResult;
}

const listNotificationsIR: any = {"usedParamSet":{"workspaceId":true,"userId":true,"ids":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":671,"b":683}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":706,"b":712},{"a":743,"b":749}]},{"name":"ids","required":false,"transform":{"type":"scalar"},"locs":[{"a":760,"b":763},{"a":797,"b":800}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":850,"b":856}]}],"statement":"SELECT n.id::text AS \"id!\", n.user_id AS \"userId!\", n.kind AS \"kind!\", n.due_at AS \"dueAt\", n.read_at AS \"readAt\", n.created_at AS \"createdAt!\",\n       a.id AS \"actorId?\", a.name AS \"actorName?\",\n       t.id::text AS \"threadId?\", t.network AS \"threadNetwork?\", t.last_message_preview AS \"threadPreview?\", c.name AS \"contactName?\",\n       ca.id AS \"channelId?\", ca.display_name AS \"channelName?\", ca.network AS \"channelNetwork?\"\n  FROM notification n\n  LEFT JOIN users a ON a.id = n.actor_user_id\n  LEFT JOIN thread t ON t.id = n.thread_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN channel_account ca ON ca.id = n.channel_account_id\n WHERE n.workspace_id = :workspaceId! AND n.in_app\n   AND (:userId::uuid IS NULL OR n.user_id = :userId)\n   AND (:ids::bigint[] IS NULL OR n.id = ANY(:ids))\n ORDER BY n.created_at DESC, n.id DESC\n LIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT n.id::text AS "id!", n.user_id AS "userId!", n.kind AS "kind!", n.due_at AS "dueAt", n.read_at AS "readAt", n.created_at AS "createdAt!",
 *        a.id AS "actorId?", a.name AS "actorName?",
 *        t.id::text AS "threadId?", t.network AS "threadNetwork?", t.last_message_preview AS "threadPreview?", c.name AS "contactName?",
 *        ca.id AS "channelId?", ca.display_name AS "channelName?", ca.network AS "channelNetwork?"
 *   FROM notification n
 *   LEFT JOIN users a ON a.id = n.actor_user_id
 *   LEFT JOIN thread t ON t.id = n.thread_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN channel_account ca ON ca.id = n.channel_account_id
 *  WHERE n.workspace_id = :workspaceId! AND n.in_app
 *    AND (:userId::uuid IS NULL OR n.user_id = :userId)
 *    AND (:ids::bigint[] IS NULL OR n.id = ANY(:ids))
 *  ORDER BY n.created_at DESC, n.id DESC
 *  LIMIT :limit!
 * ```
 */
export const listNotifications = new PreparedQuery<IListNotificationsParams,IListNotificationsResult>(listNotificationsIR);


/** 'CountUnread' parameters type */
export interface ICountUnreadParams {
  userId: string;
}

/** 'CountUnread' return type */
export interface ICountUnreadResult {
  unread: number;
}

/** 'CountUnread' query type */
export interface ICountUnreadQuery {
  params: ICountUnreadParams;
  result: ICountUnreadResult;
}

const countUnreadIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":75}]}],"statement":"SELECT count(*)::int AS \"unread!\" FROM notification WHERE user_id = :userId! AND in_app AND read_at IS NULL"};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "unread!" FROM notification WHERE user_id = :userId! AND in_app AND read_at IS NULL
 * ```
 */
export const countUnread = new PreparedQuery<ICountUnreadParams,ICountUnreadResult>(countUnreadIR);


/** 'MarkRead' parameters type */
export interface IMarkReadParams {
  id: NumberOrString;
  userId: string;
}

/** 'MarkRead' return type */
export type IMarkReadResult = void;

/** 'MarkRead' query type */
export interface IMarkReadQuery {
  params: IMarkReadParams;
  result: IMarkReadResult;
}

const markReadIR: any = {"usedParamSet":{"id":true,"userId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":54}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":70,"b":77}]}],"statement":"UPDATE notification SET read_at = now() WHERE id = :id! AND user_id = :userId! AND read_at IS NULL"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE notification SET read_at = now() WHERE id = :id! AND user_id = :userId! AND read_at IS NULL
 * ```
 */
export const markRead = new PreparedQuery<IMarkReadParams,IMarkReadResult>(markReadIR);


/** 'MarkAllRead' parameters type */
export interface IMarkAllReadParams {
  userId: string;
}

/** 'MarkAllRead' return type */
export type IMarkAllReadResult = void;

/** 'MarkAllRead' query type */
export interface IMarkAllReadQuery {
  params: IMarkAllReadParams;
  result: IMarkAllReadResult;
}

const markAllReadIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":56,"b":63}]}],"statement":"UPDATE notification SET read_at = now() WHERE user_id = :userId! AND in_app AND read_at IS NULL"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE notification SET read_at = now() WHERE user_id = :userId! AND in_app AND read_at IS NULL
 * ```
 */
export const markAllRead = new PreparedQuery<IMarkAllReadParams,IMarkAllReadResult>(markAllReadIR);


/** 'GetSettings' parameters type */
export interface IGetSettingsParams {
  userId: string;
}

/** 'GetSettings' return type */
export interface IGetSettingsResult {
  emailOff: stringArray;
  inAppOff: stringArray;
  language: string;
}

/** 'GetSettings' query type */
export interface IGetSettingsQuery {
  params: IGetSettingsParams;
  result: IGetSettingsResult;
}

const getSettingsIR: any = {"usedParamSet":{"userId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":116}]}],"statement":"SELECT language, in_app_off AS \"inAppOff\", email_off AS \"emailOff\" FROM notification_setting WHERE user_id = :userId!                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT language, in_app_off AS "inAppOff", email_off AS "emailOff" FROM notification_setting WHERE user_id = :userId!                                                                    
 * ```
 */
export const getSettings = new PreparedQuery<IGetSettingsParams,IGetSettingsResult>(getSettingsIR);


/** 'UpsertSettings' parameters type */
export interface IUpsertSettingsParams {
  emailOff?: stringArray | null | void;
  inAppOff?: stringArray | null | void;
  language?: string | null | void;
  userId: string;
}

/** 'UpsertSettings' return type */
export interface IUpsertSettingsResult {
  emailOff: stringArray;
  inAppOff: stringArray;
  language: string;
}

/** 'UpsertSettings' query type */
export interface IUpsertSettingsQuery {
  params: IUpsertSettingsParams;
  result: IUpsertSettingsResult;
}

const upsertSettingsIR: any = {"usedParamSet":{"userId":true,"language":true,"inAppOff":true,"emailOff":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":96}]},{"name":"language","required":false,"transform":{"type":"scalar"},"locs":[{"a":108,"b":116},{"a":261,"b":269}]},{"name":"inAppOff","required":false,"transform":{"type":"scalar"},"locs":[{"a":141,"b":149},{"a":320,"b":328}]},{"name":"emailOff","required":false,"transform":{"type":"scalar"},"locs":[{"a":176,"b":184},{"a":382,"b":390}]}],"statement":"INSERT INTO notification_setting AS s (user_id, language, in_app_off, email_off)\nVALUES (:userId!, COALESCE(:language::text, 'en'), COALESCE(:inAppOff::text[], '{}'), COALESCE(:emailOff::text[], '{}'))\nON CONFLICT (user_id) DO UPDATE\n   SET language = COALESCE(:language::text, s.language),\n       in_app_off = COALESCE(:inAppOff::text[], s.in_app_off),\n       email_off = COALESCE(:emailOff::text[], s.email_off),\n       updated_at = now()\nRETURNING language, in_app_off AS \"inAppOff\", email_off AS \"emailOff\"                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO notification_setting AS s (user_id, language, in_app_off, email_off)
 * VALUES (:userId!, COALESCE(:language::text, 'en'), COALESCE(:inAppOff::text[], '{}'), COALESCE(:emailOff::text[], '{}'))
 * ON CONFLICT (user_id) DO UPDATE
 *    SET language = COALESCE(:language::text, s.language),
 *        in_app_off = COALESCE(:inAppOff::text[], s.in_app_off),
 *        email_off = COALESCE(:emailOff::text[], s.email_off),
 *        updated_at = now()
 * RETURNING language, in_app_off AS "inAppOff", email_off AS "emailOff"                                                                                             
 * ```
 */
export const upsertSettings = new PreparedQuery<IUpsertSettingsParams,IUpsertSettingsResult>(upsertSettingsIR);


/** 'ActiveAdmins' parameters type */
export interface IActiveAdminsParams {
  workspaceId: string;
}

/** 'ActiveAdmins' return type */
export interface IActiveAdminsResult {
  id: string;
}

/** 'ActiveAdmins' query type */
export interface IActiveAdminsQuery {
  params: IActiveAdminsParams;
  result: IActiveAdminsResult;
}

const activeAdminsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":54}]}],"statement":"SELECT id FROM users WHERE workspace_id = :workspaceId! AND role = 'admin' AND active"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id FROM users WHERE workspace_id = :workspaceId! AND role = 'admin' AND active
 * ```
 */
export const activeAdmins = new PreparedQuery<IActiveAdminsParams,IActiveAdminsResult>(activeAdminsIR);


