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

const insertAuditEventIR: any = {"usedParamSet":{"workspaceId":true,"actorUserId":true,"action":true,"targetType":true,"targetId":true,"data":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":112}]},{"name":"actorUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":115,"b":126}]},{"name":"action","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":136}]},{"name":"targetType","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":150}]},{"name":"targetId","required":false,"transform":{"type":"scalar"},"locs":[{"a":153,"b":161}]},{"name":"data","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":169}]}],"statement":"INSERT INTO audit_event (workspace_id, actor_user_id, action, target_type, target_id, data)\nVALUES (:workspaceId!, :actorUserId, :action!, :targetType!, :targetId, :data!::jsonb)                                                                                                                                                                                                "};

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

const listAuditEventsIR: any = {"usedParamSet":{"workspaceId":true,"targetType":true,"targetId":true,"actorUserId":true,"action":true,"beforeAt":true,"beforeId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":419,"b":431}]},{"name":"targetType","required":false,"transform":{"type":"scalar"},"locs":[{"a":441,"b":451},{"a":486,"b":496}]},{"name":"targetId","required":false,"transform":{"type":"scalar"},"locs":[{"a":507,"b":515},{"a":548,"b":556}]},{"name":"actorUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":567,"b":578},{"a":615,"b":626}]},{"name":"action","required":false,"transform":{"type":"scalar"},"locs":[{"a":637,"b":643},{"a":673,"b":679}]},{"name":"beforeAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":690,"b":698},{"a":748,"b":756}]},{"name":"beforeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":772,"b":780}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":838,"b":844}]}],"statement":"SELECT a.id::text AS \"id!\", a.action, a.target_type AS \"targetType\", a.target_id AS \"targetId\", a.data,\n       -- Microseconds, as the cursor compares them (common/cursor.ts cursorTime()).\n       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"createdAt!\", u.id AS \"actorId?\", u.name AS \"actorName?\"\n  FROM audit_event a LEFT JOIN users u ON u.id = a.actor_user_id\n WHERE a.workspace_id = :workspaceId!\n   AND (:targetType::text IS NULL OR a.target_type = :targetType)\n   AND (:targetId::text IS NULL OR a.target_id = :targetId)\n   AND (:actorUserId::uuid IS NULL OR a.actor_user_id = :actorUserId)\n   AND (:action::text IS NULL OR a.action = :action)\n   AND (:beforeAt::timestamptz IS NULL OR (a.created_at, a.id) < (:beforeAt::timestamptz, :beforeId::bigint))\n ORDER BY a.created_at DESC, a.id DESC\n LIMIT :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * SELECT a.id::text AS "id!", a.action, a.target_type AS "targetType", a.target_id AS "targetId", a.data,
 *        -- Microseconds, as the cursor compares them (common/cursor.ts cursorTime()).
 *        to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt!", u.id AS "actorId?", u.name AS "actorName?"
 *   FROM audit_event a LEFT JOIN users u ON u.id = a.actor_user_id
 *  WHERE a.workspace_id = :workspaceId!
 *    AND (:targetType::text IS NULL OR a.target_type = :targetType)
 *    AND (:targetId::text IS NULL OR a.target_id = :targetId)
 *    AND (:actorUserId::uuid IS NULL OR a.actor_user_id = :actorUserId)
 *    AND (:action::text IS NULL OR a.action = :action)
 *    AND (:beforeAt::timestamptz IS NULL OR (a.created_at, a.id) < (:beforeAt::timestamptz, :beforeId::bigint))
 *  ORDER BY a.created_at DESC, a.id DESC
 *  LIMIT :limit!::int
 * ```
 */
export const listAuditEvents = new PreparedQuery<IListAuditEventsParams,IListAuditEventsResult>(listAuditEventsIR);


