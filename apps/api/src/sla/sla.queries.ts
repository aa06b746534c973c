/** Types generated for queries found in "apps/api/src/sla/sla.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type DateOrStringArray = (DateOrString)[];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type numberArray = (number)[];

export type stringArray = (string)[];

/** 'GetSlaPolicy' parameters type */
export interface IGetSlaPolicyParams {
  workspaceId: string;
}

/** 'GetSlaPolicy' return type */
export interface IGetSlaPolicyResult {
  businessHours: Json;
  businessHoursOnly: boolean;
  defaultMinutes: number;
  timezone: string;
}

/** 'GetSlaPolicy' query type */
export interface IGetSlaPolicyQuery {
  params: IGetSlaPolicyParams;
  result: IGetSlaPolicyResult;
}

const getSlaPolicyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":277,"b":289}]}],"statement":"SELECT COALESCE(p.default_minutes, 60) AS \"defaultMinutes!\", COALESCE(p.business_hours_only, false) AS \"businessHoursOnly!\",\n       w.business_hours AS \"businessHours!\", w.timezone AS \"timezone!\"\n  FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id\n WHERE w.id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT COALESCE(p.default_minutes, 60) AS "defaultMinutes!", COALESCE(p.business_hours_only, false) AS "businessHoursOnly!",
 *        w.business_hours AS "businessHours!", w.timezone AS "timezone!"
 *   FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id
 *  WHERE w.id = :workspaceId!
 * ```
 */
export const getSlaPolicy = new PreparedQuery<IGetSlaPolicyParams,IGetSlaPolicyResult>(getSlaPolicyIR);


/** 'ListSlaTargets' parameters type */
export interface IListSlaTargetsParams {
  workspaceId: string;
}

/** 'ListSlaTargets' return type */
export interface IListSlaTargetsResult {
  minutes: number;
  network: string | null;
  priority: number | null;
}

/** 'ListSlaTargets' query type */
export interface IListSlaTargetsQuery {
  params: IListSlaTargetsParams;
  result: IListSlaTargetsResult;
}

const listSlaTargetsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":71,"b":83}]}],"statement":"SELECT network, priority, minutes FROM sla_target WHERE workspace_id = :workspaceId! ORDER BY network NULLS FIRST, priority NULLS FIRST"};

/**
 * Query generated from SQL:
 * ```
 * SELECT network, priority, minutes FROM sla_target WHERE workspace_id = :workspaceId! ORDER BY network NULLS FIRST, priority NULLS FIRST
 * ```
 */
export const listSlaTargets = new PreparedQuery<IListSlaTargetsParams,IListSlaTargetsResult>(listSlaTargetsIR);


/** 'ListHolidays' parameters type */
export interface IListHolidaysParams {
  workspaceId: string;
}

/** 'ListHolidays' return type */
export interface IListHolidaysResult {
  date: string;
  name: string;
}

/** 'ListHolidays' query type */
export interface IListHolidaysQuery {
  params: IListHolidaysParams;
  result: IListHolidaysResult;
}

const listHolidaysIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":95,"b":107}]}],"statement":"SELECT to_char(day, 'YYYY-MM-DD') AS \"date!\", name FROM workspace_holiday WHERE workspace_id = :workspaceId! ORDER BY day"};

/**
 * Query generated from SQL:
 * ```
 * SELECT to_char(day, 'YYYY-MM-DD') AS "date!", name FROM workspace_holiday WHERE workspace_id = :workspaceId! ORDER BY day
 * ```
 */
export const listHolidays = new PreparedQuery<IListHolidaysParams,IListHolidaysResult>(listHolidaysIR);


/** 'UpsertSlaPolicy' parameters type */
export interface IUpsertSlaPolicyParams {
  businessHoursOnly: boolean;
  defaultMinutes: number;
  workspaceId: string;
}

/** 'UpsertSlaPolicy' return type */
export type IUpsertSlaPolicyResult = void;

/** 'UpsertSlaPolicy' query type */
export interface IUpsertSlaPolicyQuery {
  params: IUpsertSlaPolicyParams;
  result: IUpsertSlaPolicyResult;
}

const upsertSlaPolicyIR: any = {"usedParamSet":{"workspaceId":true,"defaultMinutes":true,"businessHoursOnly":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":96}]},{"name":"defaultMinutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":114}]},{"name":"businessHoursOnly","required":true,"transform":{"type":"scalar"},"locs":[{"a":117,"b":135}]}],"statement":"INSERT INTO sla_policy (workspace_id, default_minutes, business_hours_only) VALUES (:workspaceId!, :defaultMinutes!, :businessHoursOnly!)\nON CONFLICT (workspace_id) DO UPDATE SET default_minutes = excluded.default_minutes, business_hours_only = excluded.business_hours_only, updated_at = now()                                  "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO sla_policy (workspace_id, default_minutes, business_hours_only) VALUES (:workspaceId!, :defaultMinutes!, :businessHoursOnly!)
 * ON CONFLICT (workspace_id) DO UPDATE SET default_minutes = excluded.default_minutes, business_hours_only = excluded.business_hours_only, updated_at = now()                                  
 * ```
 */
export const upsertSlaPolicy = new PreparedQuery<IUpsertSlaPolicyParams,IUpsertSlaPolicyResult>(upsertSlaPolicyIR);


/** 'SetBusinessHours' parameters type */
export interface ISetBusinessHoursParams {
  businessHours: Json;
  workspaceId: string;
}

/** 'SetBusinessHours' return type */
export type ISetBusinessHoursResult = void;

/** 'SetBusinessHours' query type */
export interface ISetBusinessHoursQuery {
  params: ISetBusinessHoursParams;
  result: ISetBusinessHoursResult;
}

const setBusinessHoursIR: any = {"usedParamSet":{"businessHours":true,"workspaceId":true},"params":[{"name":"businessHours","required":true,"transform":{"type":"scalar"},"locs":[{"a":38,"b":52}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":104}]}],"statement":"UPDATE workspace SET business_hours = :businessHours!::jsonb, updated_at = now() WHERE id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE workspace SET business_hours = :businessHours!::jsonb, updated_at = now() WHERE id = :workspaceId!
 * ```
 */
export const setBusinessHours = new PreparedQuery<ISetBusinessHoursParams,ISetBusinessHoursResult>(setBusinessHoursIR);


/** 'DeleteSlaTargets' parameters type */
export interface IDeleteSlaTargetsParams {
  workspaceId: string;
}

/** 'DeleteSlaTargets' return type */
export type IDeleteSlaTargetsResult = void;

/** 'DeleteSlaTargets' query type */
export interface IDeleteSlaTargetsQuery {
  params: IDeleteSlaTargetsParams;
  result: IDeleteSlaTargetsResult;
}

const deleteSlaTargetsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":56}]}],"statement":"DELETE FROM sla_target WHERE workspace_id = :workspaceId!                                                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM sla_target WHERE workspace_id = :workspaceId!                                                                                                                                   
 * ```
 */
export const deleteSlaTargets = new PreparedQuery<IDeleteSlaTargetsParams,IDeleteSlaTargetsResult>(deleteSlaTargetsIR);


/** 'InsertSlaTargets' parameters type */
export interface IInsertSlaTargetsParams {
  minutes: numberArray;
  networks: stringArray;
  priorities: numberArray;
  workspaceId: string;
}

/** 'InsertSlaTargets' return type */
export type IInsertSlaTargetsResult = void;

/** 'InsertSlaTargets' query type */
export interface IInsertSlaTargetsQuery {
  params: IInsertSlaTargetsParams;
  result: IInsertSlaTargetsResult;
}

const insertSlaTargetsIR: any = {"usedParamSet":{"workspaceId":true,"networks":true,"priorities":true,"minutes":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":73,"b":85}]},{"name":"networks","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":168}]},{"name":"priorities","required":true,"transform":{"type":"scalar"},"locs":[{"a":179,"b":190}]},{"name":"minutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":213}]}],"statement":"INSERT INTO sla_target (workspace_id, network, priority, minutes)\nSELECT :workspaceId!, NULLIF(t.network, ''), NULLIF(t.priority, -1), t.minutes\n  FROM unnest(:networks!::text[], :priorities!::smallint[], :minutes!::int[]) AS t(network, priority, minutes)"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO sla_target (workspace_id, network, priority, minutes)
 * SELECT :workspaceId!, NULLIF(t.network, ''), NULLIF(t.priority, -1), t.minutes
 *   FROM unnest(:networks!::text[], :priorities!::smallint[], :minutes!::int[]) AS t(network, priority, minutes)
 * ```
 */
export const insertSlaTargets = new PreparedQuery<IInsertSlaTargetsParams,IInsertSlaTargetsResult>(insertSlaTargetsIR);


/** 'DeleteHolidays' parameters type */
export interface IDeleteHolidaysParams {
  workspaceId: string;
}

/** 'DeleteHolidays' return type */
export type IDeleteHolidaysResult = void;

/** 'DeleteHolidays' query type */
export interface IDeleteHolidaysQuery {
  params: IDeleteHolidaysParams;
  result: IDeleteHolidaysResult;
}

const deleteHolidaysIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":63}]}],"statement":"DELETE FROM workspace_holiday WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM workspace_holiday WHERE workspace_id = :workspaceId!
 * ```
 */
export const deleteHolidays = new PreparedQuery<IDeleteHolidaysParams,IDeleteHolidaysResult>(deleteHolidaysIR);


/** 'InsertHolidays' parameters type */
export interface IInsertHolidaysParams {
  days: DateOrStringArray;
  names: stringArray;
  workspaceId: string;
}

/** 'InsertHolidays' return type */
export type IInsertHolidaysResult = void;

/** 'InsertHolidays' query type */
export interface IInsertHolidaysQuery {
  params: IInsertHolidaysParams;
  result: IInsertHolidaysResult;
}

const insertHolidaysIR: any = {"usedParamSet":{"workspaceId":true,"days":true,"names":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":63,"b":75}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":109}]},{"name":"names","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":126}]}],"statement":"INSERT INTO workspace_holiday (workspace_id, day, name)\nSELECT :workspaceId!, h.day, h.name FROM unnest(:days!::date[], :names!::text[]) AS h(day, name)                                                                                                                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO workspace_holiday (workspace_id, day, name)
 * SELECT :workspaceId!, h.day, h.name FROM unnest(:days!::date[], :names!::text[]) AS h(day, name)                                                                                                                                                                                                               
 * ```
 */
export const insertHolidays = new PreparedQuery<IInsertHolidaysParams,IInsertHolidaysResult>(insertHolidaysIR);


/** 'RecomputeWorkspaceSlaDue' parameters type */
export interface IRecomputeWorkspaceSlaDueParams {
  workspaceId: string;
}

/** 'RecomputeWorkspaceSlaDue' return type */
export type IRecomputeWorkspaceSlaDueResult = void;

/** 'RecomputeWorkspaceSlaDue' query type */
export interface IRecomputeWorkspaceSlaDueQuery {
  params: IRecomputeWorkspaceSlaDueParams;
  result: IRecomputeWorkspaceSlaDueResult;
}

const recomputeWorkspaceSlaDueIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":142}]}],"statement":"UPDATE thread SET sla_due_at = resonance_sla_due_at(workspace_id, network, priority, status, waiting_since)\n WHERE workspace_id = :workspaceId! AND waiting_since IS NOT NULL AND status <> 'closed'"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread SET sla_due_at = resonance_sla_due_at(workspace_id, network, priority, status, waiting_since)
 *  WHERE workspace_id = :workspaceId! AND waiting_since IS NOT NULL AND status <> 'closed'
 * ```
 */
export const recomputeWorkspaceSlaDue = new PreparedQuery<IRecomputeWorkspaceSlaDueParams,IRecomputeWorkspaceSlaDueResult>(recomputeWorkspaceSlaDueIR);


