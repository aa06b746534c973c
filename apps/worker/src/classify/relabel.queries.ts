/** Types generated for queries found in "apps/worker/src/classify/relabel.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'StartCursor' parameters type */
export type IStartCursorParams = void;

/** 'StartCursor' return type */
export type IStartCursorResult = void;

/** 'StartCursor' query type */
export interface IStartCursorQuery {
  params: IStartCursorParams;
  result: IStartCursorResult;
}

const startCursorIR: any = {"usedParamSet":{},"params":[],"statement":"INSERT INTO external_classifier_cursor (last_message_id)\nSELECT COALESCE(max(id), 0) FROM message\nON CONFLICT (id) DO NOTHING                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO external_classifier_cursor (last_message_id)
 * SELECT COALESCE(max(id), 0) FROM message
 * ON CONFLICT (id) DO NOTHING                                                                                                                    
 * ```
 */
export const startCursor = new PreparedQuery<IStartCursorParams,IStartCursorResult>(startCursorIR);


/** 'LockCursor' parameters type */
export type ILockCursorParams = void;

/** 'LockCursor' return type */
export interface ILockCursorResult {
  lastMessageId: string;
}

/** 'LockCursor' query type */
export interface ILockCursorQuery {
  params: ILockCursorParams;
  result: ILockCursorResult;
}

const lockCursorIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT last_message_id::text AS \"lastMessageId!\" FROM external_classifier_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED                                                                                                                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * SELECT last_message_id::text AS "lastMessageId!" FROM external_classifier_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED                                                                                                                                                                                                           
 * ```
 */
export const lockCursor = new PreparedQuery<ILockCursorParams,ILockCursorResult>(lockCursorIR);


/** 'MessagesAfter' parameters type */
export interface IMessagesAfterParams {
  afterId: NumberOrString;
  limit: NumberOrString;
  maxLagMs: number;
  settleMs: number;
}

/** 'MessagesAfter' return type */
export interface IMessagesAfterResult {
  id: string;
  inbound: boolean;
  late: boolean;
  text: string;
}

/** 'MessagesAfter' query type */
export interface IMessagesAfterQuery {
  params: IMessagesAfterParams;
  result: IMessagesAfterResult;
}

const messagesAfterIR: any = {"usedParamSet":{"maxLagMs":true,"afterId":true,"settleMs":true,"limit":true},"params":[{"name":"maxLagMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":184}]},{"name":"afterId","required":true,"transform":{"type":"scalar"},"locs":[{"a":245,"b":253}]},{"name":"settleMs","required":true,"transform":{"type":"scalar"},"locs":[{"a":313,"b":322}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":362,"b":368}]}],"statement":"SELECT m.id::text AS \"id!\", m.text, (m.direction = 'inbound' AND NOT m.is_from_account AND NOT m.deleted) AS \"inbound!\",\n       (m.ingested_at < now() - make_interval(secs => :maxLagMs!::float8 / 1000)) AS \"late!\"\n  FROM message m\n WHERE m.id > :afterId!::bigint AND m.ingested_at < now() - make_interval(secs => :settleMs!::float8 / 1000)\n ORDER BY m.id\n LIMIT :limit!                                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.text, (m.direction = 'inbound' AND NOT m.is_from_account AND NOT m.deleted) AS "inbound!",
 *        (m.ingested_at < now() - make_interval(secs => :maxLagMs!::float8 / 1000)) AS "late!"
 *   FROM message m
 *  WHERE m.id > :afterId!::bigint AND m.ingested_at < now() - make_interval(secs => :settleMs!::float8 / 1000)
 *  ORDER BY m.id
 *  LIMIT :limit!                                                                                                  
 * ```
 */
export const messagesAfter = new PreparedQuery<IMessagesAfterParams,IMessagesAfterResult>(messagesAfterIR);


/** 'ApplyExternalLabels' parameters type */
export interface IApplyExternalLabelsParams {
  labels: Json;
}

/** 'ApplyExternalLabels' return type */
export interface IApplyExternalLabelsResult {
  id: string;
}

/** 'ApplyExternalLabels' query type */
export interface IApplyExternalLabelsQuery {
  params: IApplyExternalLabelsParams;
  result: IApplyExternalLabelsResult;
}

const applyExternalLabelsIR: any = {"usedParamSet":{"labels":true},"params":[{"name":"labels","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":146}]}],"statement":"UPDATE message m SET intent = l.intent, sentiment = COALESCE(l.sentiment, m.sentiment), label_source = 'external'\n  FROM json_to_recordset(:labels!::json) AS l(id bigint, intent text, sentiment real)\n WHERE m.id = l.id\n   AND NOT EXISTS (SELECT 1 FROM intent_correction c WHERE c.message_id = m.id)\n   AND NOT EXISTS (SELECT 1 FROM sentiment_correction c WHERE c.message_id = m.id)\nRETURNING m.id::text AS \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message m SET intent = l.intent, sentiment = COALESCE(l.sentiment, m.sentiment), label_source = 'external'
 *   FROM json_to_recordset(:labels!::json) AS l(id bigint, intent text, sentiment real)
 *  WHERE m.id = l.id
 *    AND NOT EXISTS (SELECT 1 FROM intent_correction c WHERE c.message_id = m.id)
 *    AND NOT EXISTS (SELECT 1 FROM sentiment_correction c WHERE c.message_id = m.id)
 * RETURNING m.id::text AS "id!"
 * ```
 */
export const applyExternalLabels = new PreparedQuery<IApplyExternalLabelsParams,IApplyExternalLabelsResult>(applyExternalLabelsIR);


/** 'AdvanceCursor' parameters type */
export interface IAdvanceCursorParams {
  failedBatches: NumberOrString;
  keptBuiltin: NumberOrString;
  lastMessageId: NumberOrString;
  relabelled: NumberOrString;
}

/** 'AdvanceCursor' return type */
export type IAdvanceCursorResult = void;

/** 'AdvanceCursor' query type */
export interface IAdvanceCursorQuery {
  params: IAdvanceCursorParams;
  result: IAdvanceCursorResult;
}

const advanceCursorIR: any = {"usedParamSet":{"lastMessageId":true,"relabelled":true,"keptBuiltin":true,"failedBatches":true},"params":[{"name":"lastMessageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":73}]},{"name":"relabelled","required":true,"transform":{"type":"scalar"},"locs":[{"a":110,"b":121}]},{"name":"keptBuiltin","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":166}]},{"name":"failedBatches","required":true,"transform":{"type":"scalar"},"locs":[{"a":210,"b":224}]}],"statement":"UPDATE external_classifier_cursor\n   SET last_message_id = :lastMessageId!::bigint, relabelled = relabelled + :relabelled!, kept_builtin = kept_builtin + :keptBuiltin!,\n       failed_batches = failed_batches + :failedBatches!, updated_at = now()\n WHERE id = 1                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE external_classifier_cursor
 *    SET last_message_id = :lastMessageId!::bigint, relabelled = relabelled + :relabelled!, kept_builtin = kept_builtin + :keptBuiltin!,
 *        failed_batches = failed_batches + :failedBatches!, updated_at = now()
 *  WHERE id = 1                                                                  
 * ```
 */
export const advanceCursor = new PreparedQuery<IAdvanceCursorParams,IAdvanceCursorResult>(advanceCursorIR);


/** 'CursorState' parameters type */
export type ICursorStateParams = void;

/** 'CursorState' return type */
export interface ICursorStateResult {
  failedBatches: number;
  keptBuiltin: number;
  lastMessageId: string;
  relabelled: number;
}

/** 'CursorState' query type */
export interface ICursorStateQuery {
  params: ICursorStateParams;
  result: ICursorStateResult;
}

const cursorStateIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT last_message_id::text AS \"lastMessageId!\", relabelled::int AS \"relabelled!\", kept_builtin::int AS \"keptBuiltin!\",\n       failed_batches::int AS \"failedBatches!\"\n  FROM external_classifier_cursor WHERE id = 1"};

/**
 * Query generated from SQL:
 * ```
 * SELECT last_message_id::text AS "lastMessageId!", relabelled::int AS "relabelled!", kept_builtin::int AS "keptBuiltin!",
 *        failed_batches::int AS "failedBatches!"
 *   FROM external_classifier_cursor WHERE id = 1
 * ```
 */
export const cursorState = new PreparedQuery<ICursorStateParams,ICursorStateResult>(cursorStateIR);


