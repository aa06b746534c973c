/** Types generated for queries found in "apps/cli/src/bench/ingest.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ChannelSyncState' parameters type */
export interface IChannelSyncStateParams {
  channelId: string;
}

/** 'ChannelSyncState' return type */
export interface IChannelSyncStateResult {
  busy: boolean;
  synced: boolean;
}

/** 'ChannelSyncState' query type */
export interface IChannelSyncStateQuery {
  params: IChannelSyncStateParams;
  result: IChannelSyncStateResult;
}

const channelSyncStateIR: any = {"usedParamSet":{"channelId":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":112,"b":122}]}],"statement":"SELECT sync_state ? 'lease' AS \"busy!\", last_synced_at IS NOT NULL AS \"synced!\" FROM channel_account WHERE id = :channelId!                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT sync_state ? 'lease' AS "busy!", last_synced_at IS NOT NULL AS "synced!" FROM channel_account WHERE id = :channelId!                                                                                                    
 * ```
 */
export const channelSyncState = new PreparedQuery<IChannelSyncStateParams,IChannelSyncStateResult>(channelSyncStateIR);


/** 'CountChannelMessages' parameters type */
export interface ICountChannelMessagesParams {
  channelId: string;
}

/** 'CountChannelMessages' return type */
export interface ICountChannelMessagesResult {
  n: number;
}

/** 'CountChannelMessages' query type */
export interface ICountChannelMessagesQuery {
  params: ICountChannelMessagesParams;
  result: ICountChannelMessagesResult;
}

const countChannelMessagesIR: any = {"usedParamSet":{"channelId":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":79}]}],"statement":"SELECT count(*)::int AS \"n!\" FROM message WHERE channel_account_id = :channelId!                                                                                                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "n!" FROM message WHERE channel_account_id = :channelId!                                                                                                                                                                                                                                                                            
 * ```
 */
export const countChannelMessages = new PreparedQuery<ICountChannelMessagesParams,ICountChannelMessagesResult>(countChannelMessagesIR);


/** 'ReadBackMessages' parameters type */
export interface IReadBackMessagesParams {
  channelId: string;
}

/** 'ReadBackMessages' return type */
export interface IReadBackMessagesResult {
  a: Json | null;
  at: Date;
  ch: string;
  e: string | null;
  i: string | null;
  k: string;
  o: boolean;
  p: string | null;
  s: number | null;
  x: string;
}

/** 'ReadBackMessages' query type */
export interface IReadBackMessagesQuery {
  params: IReadBackMessagesParams;
  result: IReadBackMessagesResult;
}

const readBackMessagesIR: any = {"usedParamSet":{"channelId":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":299}]}],"statement":"SELECT m.external_id AS e, t.thread_key AS k, t.channel AS ch, m.parent_external_id AS p, m.is_from_account AS o,\n       m.text AS x, m.attachments AS a, m.created_at AS at, m.intent AS i, m.sentiment AS s\n  FROM message m JOIN thread t ON t.id = m.thread_id\n WHERE m.channel_account_id = :channelId! ORDER BY m.id                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.external_id AS e, t.thread_key AS k, t.channel AS ch, m.parent_external_id AS p, m.is_from_account AS o,
 *        m.text AS x, m.attachments AS a, m.created_at AS at, m.intent AS i, m.sentiment AS s
 *   FROM message m JOIN thread t ON t.id = m.thread_id
 *  WHERE m.channel_account_id = :channelId! ORDER BY m.id                                                                               
 * ```
 */
export const readBackMessages = new PreparedQuery<IReadBackMessagesParams,IReadBackMessagesResult>(readBackMessagesIR);


/** 'RawUpsertThreads' parameters type */
export interface IRawUpsertThreadsParams {
  channelId: string;
  rows: Json;
  workspaceId: string;
}

/** 'RawUpsertThreads' return type */
export type IRawUpsertThreadsResult = void;

/** 'RawUpsertThreads' query type */
export interface IRawUpsertThreadsQuery {
  params: IRawUpsertThreadsParams;
  result: IRawUpsertThreadsResult;
}

const rawUpsertThreadsIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"rows":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":108,"b":120}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":123,"b":133}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":199,"b":204}]}],"statement":"INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, last_message_at)\nSELECT :workspaceId!, :channelId!, 'facebook', r.k, min(r.ch), max(r.at)\n  FROM json_to_recordset(:rows!::json) AS r(k text, ch text, at timestamptz) GROUP BY r.k ORDER BY r.k\nON CONFLICT (channel_account_id, thread_key) DO NOTHING                                    "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, last_message_at)
 * SELECT :workspaceId!, :channelId!, 'facebook', r.k, min(r.ch), max(r.at)
 *   FROM json_to_recordset(:rows!::json) AS r(k text, ch text, at timestamptz) GROUP BY r.k ORDER BY r.k
 * ON CONFLICT (channel_account_id, thread_key) DO NOTHING                                    
 * ```
 */
export const rawUpsertThreads = new PreparedQuery<IRawUpsertThreadsParams,IRawUpsertThreadsResult>(rawUpsertThreadsIR);


/** 'RawUpsertMessages' parameters type */
export interface IRawUpsertMessagesParams {
  channelId: string;
  rows: Json;
  workspaceId: string;
}

/** 'RawUpsertMessages' return type */
export type IRawUpsertMessagesResult = void;

/** 'RawUpsertMessages' query type */
export interface IRawUpsertMessagesQuery {
  params: IRawUpsertMessagesParams;
  result: IRawUpsertMessagesResult;
}

const rawUpsertMessagesIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"rows":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":227}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":240},{"a":547,"b":557}]},{"name":"rows","required":true,"transform":{"type":"scalar"},"locs":[{"a":402,"b":407}]}],"statement":"INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,\n                     parent_external_id, text, attachments, created_at, delivery, intent, sentiment)\nSELECT :workspaceId!, :channelId!, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.x, r.a, r.at,\n       CASE WHEN r.o THEN 'sent' END, r.i, r.s\n  FROM json_to_recordset(:rows!::json) AS r(e text, k text, p text, o boolean, x text, a jsonb, at timestamptz, i text, s real)\n  JOIN thread t ON t.channel_account_id = :channelId! AND t.thread_key = r.k\nON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO NOTHING"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
 *                      parent_external_id, text, attachments, created_at, delivery, intent, sentiment)
 * SELECT :workspaceId!, :channelId!, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.x, r.a, r.at,
 *        CASE WHEN r.o THEN 'sent' END, r.i, r.s
 *   FROM json_to_recordset(:rows!::json) AS r(e text, k text, p text, o boolean, x text, a jsonb, at timestamptz, i text, s real)
 *   JOIN thread t ON t.channel_account_id = :channelId! AND t.thread_key = r.k
 * ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
 * ```
 */
export const rawUpsertMessages = new PreparedQuery<IRawUpsertMessagesParams,IRawUpsertMessagesResult>(rawUpsertMessagesIR);


