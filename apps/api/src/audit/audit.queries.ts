/** Types generated for queries found in "apps/api/src/audit/audit.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'InsertAuditEvent' parameters type */
export interface IInsertAuditEventParams {
  action: string;
  actorUserId?: string | null | void;
  data: Json;
  targetId?: string | null | void;
  targetType: string;
  workspaceId: string;
}

/** 'InsertAuditEvent' return type */
export type IInsertAuditEventResult = void;

/** 'InsertAuditEvent' query type */
export interface IInsertAuditEventQuery {
  params: IInsertAuditEventParams;
  result: IInsertAuditEventResult;
}

const insertAuditEventIR: any = {"usedParamSet":{"workspaceId":true,"actorUserId":true,"action":true,"targetType":true,"targetId":true,"data":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":112}]},{"name":"actorUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":115,"b":126}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":136}]},{"name":"targetType","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":150}]},{"name":"targetId","required":false,"transform":{"type":"scalar"},"locs":[{"a":153,"b":161}]},{"name":"data","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":169}]}],"statement":"INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data)\nVALUES (:workspaceId!, :actorUserId, :action!, :targetType!, :targetId, :data!::jsonb)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data)
 * VALUES (:workspaceId!, :actorUserId, :action!, :targetType!, :targetId, :data!::jsonb)                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                
 * ```
 */
export const insertAuditEvent = new PreparedQuery<IInsertAuditEventParams,IInsertAuditEventResult>(insertAuditEventIR);


/** 'ListAuditEvents' parameters type */
export interface IListAuditEventsParams {
  action?: string | null | void;
  actorUserId?: string | null | void;
  beforeAt?: DateOrString | null | void;
  beforeId?: NumberOrString | null | void;
  limit: number;
  targetId?: string | null | void;
  targetType?: string | null | void;
  workspaceId: string;
}

/** 'ListAuditEvents' return type */
export interface IListAuditEventsResult {
  action: string;
  actorId: string | null;
  actorName: string | null;
  createdAt: string;
  data: Json;
  id: string;
  targetId: string | null;
  targetType: string;
}

/** 'ListAuditEvents' query type */
export interface IListAuditEventsQuery {
  params: IListAuditEventsParams;
  result: IListAuditEventsResult;
}

const listAuditEventsIR: any = {"usedParamSet":{"workspaceId":true,"targetType":true,"targetId":true,"actorUserId":true,"action":true,"beforeAt":true,"beforeId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":187},{"a":1028,"b":1040}]},{"name":"targetType","required":false,"transform":{"type":"scalar"},"locs":[{"a":205,"b":215},{"a":250,"b":260},{"a":1100,"b":1110},{"a":1129,"b":1139}]},{"name":"targetId","required":false,"transform":{"type":"scalar"},"locs":[{"a":279,"b":287},{"a":320,"b":328},{"a":1271,"b":1279},{"a":1322,"b":1330},{"a":1355,"b":1363}]},{"name":"actorUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":347,"b":358},{"a":395,"b":406},{"a":1057,"b":1068}]},{"name":"action","required":false,"transform":{"type":"scalar"},"locs":[{"a":425,"b":431},{"a":461,"b":467},{"a":1394,"b":1400},{"a":1454,"b":1460}]},{"name":"beforeAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":486,"b":494},{"a":544,"b":552},{"a":1479,"b":1487},{"a":1537,"b":1545}]},{"name":"beforeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":568,"b":576},{"a":1561,"b":1569}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":650,"b":656},{"a":1643,"b":1649},{"a":2125,"b":2131}]}],"statement":"WITH events AS (\n       (SELECT a.id, a.created_at, a.action, a.target_type, a.target_id, a.data, a.actor_user_id\n          FROM audit_event a\n         WHERE a.workspace_id = :workspaceId!\n           AND (:targetType::text IS NULL OR a.target_type = :targetType)\n           AND (:targetId::text IS NULL OR a.target_id = :targetId)\n           AND (:actorUserId::uuid IS NULL OR a.actor_user_id = :actorUserId)\n           AND (:action::text IS NULL OR a.action = :action)\n           AND (:beforeAt::timestamptz IS NULL OR (a.created_at, a.id) < (:beforeAt::timestamptz, :beforeId::bigint))\n         ORDER BY a.created_at DESC, a.id DESC\n         LIMIT :limit!::int)\n       UNION ALL\n       (SELECT r.id, r.created_at, 'rule.' || (r.action ->> 'type'), 'thread', r.thread_id::text,\n               jsonb_build_object('ruleId', r.rule_id::text, 'ruleName', r.rule_name, 'ruleRunId', r.id::text, 'messageId', r.message_id::text, 'action', r.action),\n               NULL::uuid\n          FROM rule_run r\n         WHERE r.workspace_id = :workspaceId!\n           AND :actorUserId::uuid IS NULL\n           AND (:targetType::text IS NULL OR :targetType = 'thread')\n           -- A thread's id is digits; any other target id names no run (and must not fail the cast).\n           AND (:targetId::text IS NULL OR r.thread_id = CASE WHEN :targetId ~ '^[0-9]{1,18}$' THEN :targetId::bigint END)\n           AND (:action::text IS NULL OR 'rule.' || (r.action ->> 'type') = :action)\n           AND (:beforeAt::timestamptz IS NULL OR (r.created_at, r.id) < (:beforeAt::timestamptz, :beforeId::bigint))\n         ORDER BY r.created_at DESC, r.id DESC\n         LIMIT :limit!::int)\n     )\nSELECT e.id::text AS \"id!\", e.action AS \"action!\", e.target_type AS \"targetType!\", e.target_id AS \"targetId\", e.data AS \"data!\",\n       -- Microseconds, as the cursor compares them (common/cursor.ts cursorTime()).\n       to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"createdAt!\", u.id AS \"actorId?\", u.name AS \"actorName?\"\n  FROM events e LEFT JOIN users u ON u.id = e.actor_user_id\n ORDER BY e.created_at DESC, e.id DESC\n LIMIT :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * WITH events AS (
 *        (SELECT a.id, a.created_at, a.action, a.target_type, a.target_id, a.data, a.actor_user_id
 *           FROM audit_event a
 *          WHERE a.workspace_id = :workspaceId!
 *            AND (:targetType::text IS NULL OR a.target_type = :targetType)
 *            AND (:targetId::text IS NULL OR a.target_id = :targetId)
 *            AND (:actorUserId::uuid IS NULL OR a.actor_user_id = :actorUserId)
 *            AND (:action::text IS NULL OR a.action = :action)
 *            AND (:beforeAt::timestamptz IS NULL OR (a.created_at, a.id) < (:beforeAt::timestamptz, :beforeId::bigint))
 *          ORDER BY a.created_at DESC, a.id DESC
 *          LIMIT :limit!::int)
 *        UNION ALL
 *        (SELECT r.id, r.created_at, 'rule.' || (r.action ->> 'type'), 'thread', r.thread_id::text,
 *                jsonb_build_object('ruleId', r.rule_id::text, 'ruleName', r.rule_name, 'ruleRunId', r.id::text, 'messageId', r.message_id::text, 'action', r.action),
 *                NULL::uuid
 *           FROM rule_run r
 *          WHERE r.workspace_id = :workspaceId!
 *            AND :actorUserId::uuid IS NULL
 *            AND (:targetType::text IS NULL OR :targetType = 'thread')
 *            -- A thread's id is digits; any other target id names no run (and must not fail the cast).
 *            AND (:targetId::text IS NULL OR r.thread_id = CASE WHEN :targetId ~ '^[0-9]{1,18}$' THEN :targetId::bigint END)
 *            AND (:action::text IS NULL OR 'rule.' || (r.action ->> 'type') = :action)
 *            AND (:beforeAt::timestamptz IS NULL OR (r.created_at, r.id) < (:beforeAt::timestamptz, :beforeId::bigint))
 *          ORDER BY r.created_at DESC, r.id DESC
 *          LIMIT :limit!::int)
 *      )
 * SELECT e.id::text AS "id!", e.action AS "action!", e.target_type AS "targetType!", e.target_id AS "targetId", e.data AS "data!",
 *        -- Microseconds, as the cursor compares them (common/cursor.ts cursorTime()).
 *        to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt!", u.id AS "actorId?", u.name AS "actorName?"
 *   FROM events e LEFT JOIN users u ON u.id = e.actor_user_id
 *  ORDER BY e.created_at DESC, e.id DESC
 *  LIMIT :limit!::int
 * ```
 */
export const listAuditEvents = new PreparedQuery<IListAuditEventsParams,IListAuditEventsResult>(listAuditEventsIR);


