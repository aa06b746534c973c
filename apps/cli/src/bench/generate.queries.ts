/** Types generated for queries found in "apps/cli/src/bench/generate.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertBulkPosts' parameters type */
export interface IInsertBulkPostsParams {
  channelId: string;
  posts: Json;
  workspaceId: string;
}

/** 'InsertBulkPosts' return type */
export type IInsertBulkPostsResult = void;

/** 'InsertBulkPosts' query type */
export interface IInsertBulkPostsQuery {
  params: IInsertBulkPostsParams;
  result: IInsertBulkPostsResult;
}

const insertBulkPostsIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"posts":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":189,"b":201}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":204,"b":214}]},{"name":"posts","required":true,"transform":{"type":"scalar"},"locs":[{"a":331,"b":337}]}],"statement":"INSERT INTO post (id, workspace_id, channel_account_id, external_id, text, published_at, reactions_count, comments_count, shares_count, counts_read_at)\nOVERRIDING SYSTEM VALUE\nSELECT r.id, :workspaceId!, :channelId!, r.external_id, r.text, r.published_at, 40 + r.id % 300, 10 + r.id % 90, r.id % 25, now()\n  FROM json_to_recordset(:posts!::json) AS r(id bigint, external_id text, text text, published_at timestamptz)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO post (id, workspace_id, channel_account_id, external_id, text, published_at, reactions_count, comments_count, shares_count, counts_read_at)
 * OVERRIDING SYSTEM VALUE
 * SELECT r.id, :workspaceId!, :channelId!, r.external_id, r.text, r.published_at, 40 + r.id % 300, 10 + r.id % 90, r.id % 25, now()
 *   FROM json_to_recordset(:posts!::json) AS r(id bigint, external_id text, text text, published_at timestamptz)
 * ```
 */
export const insertBulkPosts = new PreparedQuery<IInsertBulkPostsParams,IInsertBulkPostsResult>(insertBulkPostsIR);


/** 'InsertBulkContacts' parameters type */
export interface IInsertBulkContactsParams {
  channelId: string;
  contacts: Json;
  workspaceId: string;
}

/** 'InsertBulkContacts' return type */
export type IInsertBulkContactsResult = void;

/** 'InsertBulkContacts' query type */
export interface IInsertBulkContactsQuery {
  params: IInsertBulkContactsParams;
  result: IInsertBulkContactsResult;
}

const insertBulkContactsIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"contacts":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":123,"b":135}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":138,"b":148}]},{"name":"contacts","required":true,"transform":{"type":"scalar"},"locs":[{"a":232,"b":241}]}],"statement":"INSERT INTO contact (id, workspace_id, channel_account_id, external_id, name, handle)\nOVERRIDING SYSTEM VALUE\nSELECT r.id, :workspaceId!, :channelId!, r.external_id, r.name, lower(replace(r.name, ' ', '_'))\n  FROM json_to_recordset(:contacts!::json) AS r(id bigint, external_id text, name text)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO contact (id, workspace_id, channel_account_id, external_id, name, handle)
 * OVERRIDING SYSTEM VALUE
 * SELECT r.id, :workspaceId!, :channelId!, r.external_id, r.name, lower(replace(r.name, ' ', '_'))
 *   FROM json_to_recordset(:contacts!::json) AS r(id bigint, external_id text, name text)
 * ```
 */
export const insertBulkContacts = new PreparedQuery<IInsertBulkContactsParams,IInsertBulkContactsResult>(insertBulkContactsIR);


/** 'InsertBulkThreads' parameters type */
export interface IInsertBulkThreadsParams {
  threads: Json;
  workspaceId: string;
}

/** 'InsertBulkThreads' return type */
export type IInsertBulkThreadsResult = void;

/** 'InsertBulkThreads' query type */
export interface IInsertBulkThreadsQuery {
  params: IInsertBulkThreadsParams;
  result: IInsertBulkThreadsResult;
}

const insertBulkThreadsIR: any = {"usedParamSet":{"workspaceId":true,"threads":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":368,"b":380}]},{"name":"threads","required":true,"transform":{"type":"scalar"},"locs":[{"a":750,"b":758}]}],"statement":"INSERT INTO thread (id, workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id, post_external_id,\n                    status, assignee_id, tags, first_inbound_at, first_response_at, last_inbound_at, last_message_at,\n                    waiting_since, unread_count, message_count, last_message_preview)\nOVERRIDING SYSTEM VALUE\nSELECT r.id, :workspaceId!, r.channel_account_id, r.network, r.thread_key, r.channel, r.contact_id, r.post_id, r.post_external_id,\n       r.status, r.assignee_id, ARRAY(SELECT json_array_elements_text(r.tags)), r.first_inbound_at, r.first_response_at,\n       r.last_inbound_at, r.last_message_at, r.waiting_since, r.unread_count, r.message_count, r.last_message_preview\n  FROM json_to_recordset(:threads!::json) AS r(id bigint, channel_account_id uuid, network text, thread_key text, channel text,\n       contact_id bigint, post_id bigint, post_external_id text, status text, assignee_id uuid, tags json,\n       first_inbound_at timestamptz, first_response_at timestamptz, last_inbound_at timestamptz, last_message_at timestamptz,\n       waiting_since timestamptz, unread_count int, message_count int, last_message_preview text)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO thread (id, workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id, post_external_id,
 *                     status, assignee_id, tags, first_inbound_at, first_response_at, last_inbound_at, last_message_at,
 *                     waiting_since, unread_count, message_count, last_message_preview)
 * OVERRIDING SYSTEM VALUE
 * SELECT r.id, :workspaceId!, r.channel_account_id, r.network, r.thread_key, r.channel, r.contact_id, r.post_id, r.post_external_id,
 *        r.status, r.assignee_id, ARRAY(SELECT json_array_elements_text(r.tags)), r.first_inbound_at, r.first_response_at,
 *        r.last_inbound_at, r.last_message_at, r.waiting_since, r.unread_count, r.message_count, r.last_message_preview
 *   FROM json_to_recordset(:threads!::json) AS r(id bigint, channel_account_id uuid, network text, thread_key text, channel text,
 *        contact_id bigint, post_id bigint, post_external_id text, status text, assignee_id uuid, tags json,
 *        first_inbound_at timestamptz, first_response_at timestamptz, last_inbound_at timestamptz, last_message_at timestamptz,
 *        waiting_since timestamptz, unread_count int, message_count int, last_message_preview text)
 * ```
 */
export const insertBulkThreads = new PreparedQuery<IInsertBulkThreadsParams,IInsertBulkThreadsResult>(insertBulkThreadsIR);


/** 'InsertBulkMessages' parameters type */
export interface IInsertBulkMessagesParams {
  messages: Json;
  workspaceId: string;
}

/** 'InsertBulkMessages' return type */
export type IInsertBulkMessagesResult = void;

/** 'InsertBulkMessages' query type */
export interface IInsertBulkMessagesQuery {
  params: IInsertBulkMessagesParams;
  result: IInsertBulkMessagesResult;
}

const insertBulkMessagesIR: any = {"usedParamSet":{"workspaceId":true,"messages":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":221,"b":233}]},{"name":"messages","required":true,"transform":{"type":"scalar"},"locs":[{"a":399,"b":408}]}],"statement":"INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, parent_external_id,\n                     author_contact_id, text, created_at, delivery, intent, sentiment)\nSELECT :workspaceId!, r.c, r.t, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.a, r.x, r.at,\n       CASE WHEN r.o THEN 'sent' END, r.i, r.s\n  FROM json_to_recordset(:messages!::json) AS r(c uuid, t bigint, e text, o boolean, p text, a bigint, x text, at timestamptz, i text, s real)                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, parent_external_id,
 *                      author_contact_id, text, created_at, delivery, intent, sentiment)
 * SELECT :workspaceId!, r.c, r.t, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.a, r.x, r.at,
 *        CASE WHEN r.o THEN 'sent' END, r.i, r.s
 *   FROM json_to_recordset(:messages!::json) AS r(c uuid, t bigint, e text, o boolean, p text, a bigint, x text, at timestamptz, i text, s real)                                                                                       
 * ```
 */
export const insertBulkMessages = new PreparedQuery<IInsertBulkMessagesParams,IInsertBulkMessagesResult>(insertBulkMessagesIR);


/** 'ResetPostIds' parameters type */
export type IResetPostIdsParams = void;

/** 'ResetPostIds' return type */
export interface IResetPostIdsResult {
  setval: string | null;
}

/** 'ResetPostIds' query type */
export interface IResetPostIdsQuery {
  params: IResetPostIdsParams;
  result: IResetPostIdsResult;
}

const resetPostIdsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT setval(pg_get_serial_sequence('post', 'id'), (SELECT max(id) FROM post))"};

/**
 * Query generated from SQL:
 * ```
 * SELECT setval(pg_get_serial_sequence('post', 'id'), (SELECT max(id) FROM post))
 * ```
 */
export const resetPostIds = new PreparedQuery<IResetPostIdsParams,IResetPostIdsResult>(resetPostIdsIR);


/** 'ResetContactIds' parameters type */
export type IResetContactIdsParams = void;

/** 'ResetContactIds' return type */
export interface IResetContactIdsResult {
  setval: string | null;
}

/** 'ResetContactIds' query type */
export interface IResetContactIdsQuery {
  params: IResetContactIdsParams;
  result: IResetContactIdsResult;
}

const resetContactIdsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT setval(pg_get_serial_sequence('contact', 'id'), (SELECT max(id) FROM contact))"};

/**
 * Query generated from SQL:
 * ```
 * SELECT setval(pg_get_serial_sequence('contact', 'id'), (SELECT max(id) FROM contact))
 * ```
 */
export const resetContactIds = new PreparedQuery<IResetContactIdsParams,IResetContactIdsResult>(resetContactIdsIR);


/** 'ResetThreadIds' parameters type */
export type IResetThreadIdsParams = void;

/** 'ResetThreadIds' return type */
export interface IResetThreadIdsResult {
  setval: string | null;
}

/** 'ResetThreadIds' query type */
export interface IResetThreadIdsQuery {
  params: IResetThreadIdsParams;
  result: IResetThreadIdsResult;
}

const resetThreadIdsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT setval(pg_get_serial_sequence('thread', 'id'), (SELECT max(id) FROM thread))"};

/**
 * Query generated from SQL:
 * ```
 * SELECT setval(pg_get_serial_sequence('thread', 'id'), (SELECT max(id) FROM thread))
 * ```
 */
export const resetThreadIds = new PreparedQuery<IResetThreadIdsParams,IResetThreadIdsResult>(resetThreadIdsIR);


