/** Types generated for queries found in "apps/api/src/settings/settings.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'GetSettings' parameters type */
export interface IGetSettingsParams {
  workspaceId: string;
}

/** 'GetSettings' return type */
export interface IGetSettingsResult {
  businessHours: Json;
  humanAgentTagApproved: boolean;
  name: string;
  ownDomains: stringArray;
  slug: string;
  timezone: string;
}

/** 'GetSettings' query type */
export interface IGetSettingsQuery {
  params: IGetSettingsParams;
  result: IGetSettingsResult;
}

const getSettingsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":241}]}],"statement":"SELECT name, slug, timezone, business_hours AS \"businessHours\", own_domains AS \"ownDomains\",\n       (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS \"humanAgentTagApproved!\"\n  FROM workspace WHERE id = :workspaceId!                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT name, slug, timezone, business_hours AS "businessHours", own_domains AS "ownDomains",
 *        (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "humanAgentTagApproved!"
 *   FROM workspace WHERE id = :workspaceId!                                                                              
 * ```
 */
export const getSettings = new PreparedQuery<IGetSettingsParams,IGetSettingsResult>(getSettingsIR);


/** 'UpdateSettings' parameters type */
export interface IUpdateSettingsParams {
  businessHours?: Json | null | void;
  name?: string | null | void;
  ownDomains?: stringArray | null | void;
  timezone?: string | null | void;
  workspaceId: string;
}

/** 'UpdateSettings' return type */
export interface IUpdateSettingsResult {
  businessHours: Json;
  humanAgentTagApproved: boolean;
  name: string;
  ownDomains: stringArray;
  slug: string;
  timezone: string;
}

/** 'UpdateSettings' query type */
export interface IUpdateSettingsQuery {
  params: IUpdateSettingsParams;
  result: IUpdateSettingsResult;
}

const updateSettingsIR: any = {"usedParamSet":{"name":true,"timezone":true,"businessHours":true,"ownDomains":true,"workspaceId":true},"params":[{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":51,"b":55}]},{"name":"timezone","required":false,"transform":{"type":"scalar"},"locs":[{"a":91,"b":99}]},{"name":"businessHours","required":false,"transform":{"type":"scalar"},"locs":[{"a":168,"b":181}]},{"name":"ownDomains","required":false,"transform":{"type":"scalar"},"locs":[{"a":254,"b":264}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":322,"b":334}]}],"statement":"WITH u AS (\n  UPDATE workspace SET name = COALESCE(:name::text, name), timezone = COALESCE(:timezone::text, timezone),\n                       business_hours = COALESCE(:businessHours::jsonb, business_hours),\n                       own_domains = COALESCE(:ownDomains::text[], own_domains), updated_at = now()\n   WHERE id = :workspaceId! RETURNING *\n)\nSELECT name AS \"name!\", slug AS \"slug!\", timezone AS \"timezone!\", business_hours AS \"businessHours!\",\n       own_domains AS \"ownDomains!\", (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS \"humanAgentTagApproved!\" FROM u                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * WITH u AS (
 *   UPDATE workspace SET name = COALESCE(:name::text, name), timezone = COALESCE(:timezone::text, timezone),
 *                        business_hours = COALESCE(:businessHours::jsonb, business_hours),
 *                        own_domains = COALESCE(:ownDomains::text[], own_domains), updated_at = now()
 *    WHERE id = :workspaceId! RETURNING *
 * )
 * SELECT name AS "name!", slug AS "slug!", timezone AS "timezone!", business_hours AS "businessHours!",
 *        own_domains AS "ownDomains!", (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "humanAgentTagApproved!" FROM u                                                                                              
 * ```
 */
export const updateSettings = new PreparedQuery<IUpdateSettingsParams,IUpdateSettingsResult>(updateSettingsIR);


/** 'TimezoneKnown' parameters type */
export interface ITimezoneKnownParams {
  name: string;
}

/** 'TimezoneKnown' return type */
export interface ITimezoneKnownResult {
  known: boolean;
}

/** 'TimezoneKnown' query type */
export interface ITimezoneKnownQuery {
  params: ITimezoneKnownParams;
  result: ITimezoneKnownResult;
}

const timezoneKnownIR: any = {"usedParamSet":{"name":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":65}]}],"statement":"SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = :name!) AS \"known!\"                                                                                                                                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = :name!) AS "known!"                                                                                                                                                                                                                       
 * ```
 */
export const timezoneKnown = new PreparedQuery<ITimezoneKnownParams,ITimezoneKnownResult>(timezoneKnownIR);


/** 'SetHumanAgentTag' parameters type */
export interface ISetHumanAgentTagParams {
  approved: boolean;
  workspaceId: string;
}

/** 'SetHumanAgentTag' return type */
export interface ISetHumanAgentTagResult {
  was: boolean;
}

/** 'SetHumanAgentTag' query type */
export interface ISetHumanAgentTagQuery {
  params: ISetHumanAgentTagParams;
  result: ISetHumanAgentTagResult;
}

const setHumanAgentTagIR: any = {"usedParamSet":{"workspaceId":true,"approved":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":142}]},{"name":"approved","required":true,"transform":{"type":"scalar"},"locs":[{"a":248,"b":257}]}],"statement":"WITH old AS (SELECT id, (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS was FROM workspace WHERE id = :workspaceId! FOR UPDATE)\nUPDATE workspace w SET settings = jsonb_set(w.settings, '{humanAgentTagApproved}', to_jsonb(:approved!::boolean)), updated_at = now()\n  FROM old WHERE w.id = old.id\nRETURNING old.was AS \"was!\""};

/**
 * Query generated from SQL:
 * ```
 * WITH old AS (SELECT id, (settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS was FROM workspace WHERE id = :workspaceId! FOR UPDATE)
 * UPDATE workspace w SET settings = jsonb_set(w.settings, '{humanAgentTagApproved}', to_jsonb(:approved!::boolean)), updated_at = now()
 *   FROM old WHERE w.id = old.id
 * RETURNING old.was AS "was!"
 * ```
 */
export const setHumanAgentTag = new PreparedQuery<ISetHumanAgentTagParams,ISetHumanAgentTagResult>(setHumanAgentTagIR);


