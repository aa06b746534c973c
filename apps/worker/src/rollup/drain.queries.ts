/** Types generated for queries found in "apps/worker/src/rollup/drain.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type DateOrStringArray = (DateOrString)[];

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

export type stringArray = (string)[];

/** 'TryDrainLock' parameters type */
export interface ITryDrainLockParams {
  lock: NumberOrString;
}

/** 'TryDrainLock' return type */
export interface ITryDrainLockResult {
  locked: boolean;
}

/** 'TryDrainLock' query type */
export interface ITryDrainLockQuery {
  params: ITryDrainLockParams;
  result: ITryDrainLockResult;
}

const tryDrainLockIR: any = {"usedParamSet":{"lock":true},"params":[{"name":"lock","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":38}]}],"statement":"SELECT pg_try_advisory_xact_lock(:lock!) AS \"locked!\"                                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_try_advisory_xact_lock(:lock!) AS "locked!"                                                                                                                        
 * ```
 */
export const tryDrainLock = new PreparedQuery<ITryDrainLockParams,ITryDrainLockResult>(tryDrainLockIR);


/** 'JitOff' parameters type */
export type IJitOffParams = void;

/** 'JitOff' return type */
export type IJitOffResult = void;

/** 'JitOff' query type */
export interface IJitOffQuery {
  params: IJitOffParams;
  result: IJitOffResult;
}

const jitOffIR: any = {"usedParamSet":{},"params":[],"statement":"SET LOCAL jit = off"};

/**
 * Query generated from SQL:
 * ```
 * SET LOCAL jit = off
 * ```
 */
export const jitOff = new PreparedQuery<IJitOffParams,IJitOffResult>(jitOffIR);


/** 'DirtyThreads' parameters type */
export interface IDirtyThreadsParams {
  batch: NumberOrString;
}

/** 'DirtyThreads' return type */
export interface IDirtyThreadsResult {
  thread_id: string;
  version: string;
}

/** 'DirtyThreads' query type */
export interface IDirtyThreadsQuery {
  params: IDirtyThreadsParams;
  result: IDirtyThreadsResult;
}

const dirtyThreadsIR: any = {"usedParamSet":{"batch":true},"params":[{"name":"batch","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":82}]}],"statement":"SELECT thread_id, version FROM rollup_dirty_thread ORDER BY thread_id LIMIT :batch!                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * SELECT thread_id, version FROM rollup_dirty_thread ORDER BY thread_id LIMIT :batch!                                                                                          
 * ```
 */
export const dirtyThreads = new PreparedQuery<IDirtyThreadsParams,IDirtyThreadsResult>(dirtyThreadsIR);


/** 'DeleteDrainedMarks' parameters type */
export interface IDeleteDrainedMarksParams {
  threadIds: NumberOrStringArray;
  versions: NumberOrStringArray;
}

/** 'DeleteDrainedMarks' return type */
export type IDeleteDrainedMarksResult = void;

/** 'DeleteDrainedMarks' query type */
export interface IDeleteDrainedMarksQuery {
  params: IDeleteDrainedMarksParams;
  result: IDeleteDrainedMarksResult;
}

const deleteDrainedMarksIR: any = {"usedParamSet":{"threadIds":true,"versions":true},"params":[{"name":"threadIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":47,"b":57}]},{"name":"versions","required":true,"transform":{"type":"scalar"},"locs":[{"a":70,"b":79}]}],"statement":"DELETE FROM rollup_dirty_thread d USING unnest(:threadIds!::bigint[], :versions!::bigint[]) AS b(thread_id, version)\n          WHERE d.thread_id = b.thread_id AND d.version = b.version"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM rollup_dirty_thread d USING unnest(:threadIds!::bigint[], :versions!::bigint[]) AS b(thread_id, version)
 *           WHERE d.thread_id = b.thread_id AND d.version = b.version
 * ```
 */
export const deleteDrainedMarks = new PreparedQuery<IDeleteDrainedMarksParams,IDeleteDrainedMarksResult>(deleteDrainedMarksIR);


/** 'DeleteResponseEventsOfThreads' parameters type */
export interface IDeleteResponseEventsOfThreadsParams {
  threadIds: NumberOrStringArray;
}

/** 'DeleteResponseEventsOfThreads' return type */
export interface IDeleteResponseEventsOfThreadsResult {
  day: string;
  workspace_id: string;
}

/** 'DeleteResponseEventsOfThreads' query type */
export interface IDeleteResponseEventsOfThreadsQuery {
  params: IDeleteResponseEventsOfThreadsParams;
  result: IDeleteResponseEventsOfThreadsResult;
}

const deleteResponseEventsOfThreadsIR: any = {"usedParamSet":{"threadIds":true},"params":[{"name":"threadIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":56,"b":66}]}],"statement":"DELETE FROM report_response_event WHERE thread_id = ANY(:threadIds!::bigint[])\n     RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS \"day!\"                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_event WHERE thread_id = ANY(:threadIds!::bigint[])
 *      RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS "day!"                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                             
 * ```
 */
export const deleteResponseEventsOfThreads = new PreparedQuery<IDeleteResponseEventsOfThreadsParams,IDeleteResponseEventsOfThreadsResult>(deleteResponseEventsOfThreadsIR);


/** 'InsertResponseEventsOfThreads' parameters type */
export interface IInsertResponseEventsOfThreadsParams {
  threadIds: NumberOrStringArray;
  unknownZones: stringArray;
}

/** 'InsertResponseEventsOfThreads' return type */
export interface IInsertResponseEventsOfThreadsResult {
  day: string;
  workspace_id: string;
}

/** 'InsertResponseEventsOfThreads' query type */
export interface IInsertResponseEventsOfThreadsQuery {
  params: IInsertResponseEventsOfThreadsParams;
  result: IInsertResponseEventsOfThreadsResult;
}

const insertResponseEventsOfThreadsIR: any = {"usedParamSet":{"threadIds":true,"unknownZones":true},"params":[{"name":"threadIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":586,"b":596}]},{"name":"unknownZones","required":true,"transform":{"type":"scalar"},"locs":[{"a":3205,"b":3218},{"a":3860,"b":3873}]}],"statement":"INSERT INTO report_response_event (workspace_id, thread_id, channel_account_id, network, channel, agent_id, kind, action,\n  inbound_at, closed_at, day, seconds, business_seconds, within_target, within_target_business, intent)\n  WITH msg AS MATERIALIZED (\n    -- The threads' messages, read once and thread by thread (message_thread_idx). As a join or\n    -- three \"thread_id = ANY\" scans, the planner took a drain's 25,000 threads for a sixth of the\n    -- table and read all of it three times. OFFSET 0 keeps the subquery a per-thread scan.\n    SELECT m.* FROM (SELECT DISTINCT unnest(:threadIds!::bigint[]) AS thread_id) d\n     CROSS JOIN LATERAL (SELECT m.thread_id, m.id, m.created_at, m.is_from_account, m.author_user_id, m.delivery,\n                                m.external_id, m.handled_at, m.handled_by, m.handled_action, m.intent\n                           FROM message m WHERE m.thread_id = d.thread_id OFFSET 0) m\n  ), tl AS (\n    SELECT m.thread_id, m.created_at AS at, 1 AS ord, 'I' AS k, NULL::uuid AS agent, NULL::text AS action, m.id, m.intent\n      FROM msg m WHERE NOT m.is_from_account\n    UNION ALL\n    SELECT m.thread_id, m.created_at, 0, 'R', m.author_user_id, NULL, m.id, NULL\n      FROM msg m WHERE m.is_from_account AND (m.delivery = 'sent' OR m.external_id IS NOT NULL)\n    UNION ALL\n    SELECT m.thread_id, m.handled_at, 0, 'H', m.handled_by, m.handled_action, m.id, NULL\n      FROM msg m WHERE NOT m.is_from_account AND m.handled_at IS NOT NULL\n  ), numbered AS (\n    SELECT tl.*,\n           count(*) FILTER (WHERE k <> 'I') OVER (PARTITION BY thread_id ORDER BY at, ord, id ROWS UNBOUNDED PRECEDING)\n             - CASE WHEN k <> 'I' THEN 1 ELSE 0 END AS seg\n      FROM tl\n  ), runs AS (\n    SELECT thread_id, seg,\n           min(at) FILTER (WHERE k = 'I') AS inbound_at,\n           max(at) FILTER (WHERE k <> 'I') AS closed_at,\n           (array_agg(k) FILTER (WHERE k <> 'I'))[1] AS closer,\n           (array_agg(agent) FILTER (WHERE k <> 'I'))[1] AS agent,\n           (array_agg(action) FILTER (WHERE k <> 'I'))[1] AS action,\n           -- The intent of the run's oldest inbound message: the one its clock runs from.\n           (array_agg(intent ORDER BY at, id) FILTER (WHERE k = 'I'))[1] AS intent\n      FROM numbered GROUP BY thread_id, seg\n  ), firsts AS (\n    SELECT DISTINCT ON (r.thread_id) r.thread_id, f.first_inbound AS inbound_at, r.at AS closed_at, r.agent, f.intent\n      FROM (SELECT DISTINCT ON (thread_id) thread_id, at AS first_inbound, intent FROM tl WHERE k = 'I' ORDER BY thread_id, at, id) f\n      JOIN tl r ON r.thread_id = f.thread_id AND r.k = 'R' AND r.at > f.first_inbound\n     ORDER BY r.thread_id, r.at, r.id\n  ), events AS (\n    SELECT thread_id, CASE WHEN closer = 'R' THEN 'reply' ELSE 'handled' END AS kind, agent, action, inbound_at, closed_at, intent\n      FROM runs WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL\n    UNION ALL\n    SELECT thread_id, 'first', agent, NULL, inbound_at, closed_at, intent FROM firsts\n  )\n  SELECT t.workspace_id, e.thread_id, t.channel_account_id, t.network, t.channel, e.agent AS agent_id, e.kind, e.action,\n         e.inbound_at, e.closed_at, (e.closed_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day,\n         x.seconds, b.business_seconds,\n         x.seconds <= s.target AS within_target,\n         b.business_seconds <= s.target AS within_target_business, e.intent\n    FROM events e\n    JOIN thread t ON t.id = e.thread_id\n    JOIN workspace w ON w.id = t.workspace_id\n    CROSS JOIN LATERAL (SELECT extract(epoch FROM e.closed_at - e.inbound_at)::double precision AS seconds) x\n    CROSS JOIN LATERAL (SELECT CASE WHEN w.business_hours = '{}'::jsonb THEN NULL\n                                    ELSE resonance_business_seconds(e.inbound_at, e.closed_at, (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END), w.business_hours,\n                                                                    ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id)) END\n                                 AS business_seconds) b\n    CROSS JOIN LATERAL (SELECT 60.0 * resonance_sla_target_minutes(t.workspace_id, t.network, t.priority) AS target) s\n     RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS \"day!\"                                                                                                                                                                                                                                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_event (workspace_id, thread_id, channel_account_id, network, channel, agent_id, kind, action,
 *   inbound_at, closed_at, day, seconds, business_seconds, within_target, within_target_business, intent)
 *   WITH msg AS MATERIALIZED (
 *     -- The threads' messages, read once and thread by thread (message_thread_idx). As a join or
 *     -- three "thread_id = ANY" scans, the planner took a drain's 25,000 threads for a sixth of the
 *     -- table and read all of it three times. OFFSET 0 keeps the subquery a per-thread scan.
 *     SELECT m.* FROM (SELECT DISTINCT unnest(:threadIds!::bigint[]) AS thread_id) d
 *      CROSS JOIN LATERAL (SELECT m.thread_id, m.id, m.created_at, m.is_from_account, m.author_user_id, m.delivery,
 *                                 m.external_id, m.handled_at, m.handled_by, m.handled_action, m.intent
 *                            FROM message m WHERE m.thread_id = d.thread_id OFFSET 0) m
 *   ), tl AS (
 *     SELECT m.thread_id, m.created_at AS at, 1 AS ord, 'I' AS k, NULL::uuid AS agent, NULL::text AS action, m.id, m.intent
 *       FROM msg m WHERE NOT m.is_from_account
 *     UNION ALL
 *     SELECT m.thread_id, m.created_at, 0, 'R', m.author_user_id, NULL, m.id, NULL
 *       FROM msg m WHERE m.is_from_account AND (m.delivery = 'sent' OR m.external_id IS NOT NULL)
 *     UNION ALL
 *     SELECT m.thread_id, m.handled_at, 0, 'H', m.handled_by, m.handled_action, m.id, NULL
 *       FROM msg m WHERE NOT m.is_from_account AND m.handled_at IS NOT NULL
 *   ), numbered AS (
 *     SELECT tl.*,
 *            count(*) FILTER (WHERE k <> 'I') OVER (PARTITION BY thread_id ORDER BY at, ord, id ROWS UNBOUNDED PRECEDING)
 *              - CASE WHEN k <> 'I' THEN 1 ELSE 0 END AS seg
 *       FROM tl
 *   ), runs AS (
 *     SELECT thread_id, seg,
 *            min(at) FILTER (WHERE k = 'I') AS inbound_at,
 *            max(at) FILTER (WHERE k <> 'I') AS closed_at,
 *            (array_agg(k) FILTER (WHERE k <> 'I'))[1] AS closer,
 *            (array_agg(agent) FILTER (WHERE k <> 'I'))[1] AS agent,
 *            (array_agg(action) FILTER (WHERE k <> 'I'))[1] AS action,
 *            -- The intent of the run's oldest inbound message: the one its clock runs from.
 *            (array_agg(intent ORDER BY at, id) FILTER (WHERE k = 'I'))[1] AS intent
 *       FROM numbered GROUP BY thread_id, seg
 *   ), firsts AS (
 *     SELECT DISTINCT ON (r.thread_id) r.thread_id, f.first_inbound AS inbound_at, r.at AS closed_at, r.agent, f.intent
 *       FROM (SELECT DISTINCT ON (thread_id) thread_id, at AS first_inbound, intent FROM tl WHERE k = 'I' ORDER BY thread_id, at, id) f
 *       JOIN tl r ON r.thread_id = f.thread_id AND r.k = 'R' AND r.at > f.first_inbound
 *      ORDER BY r.thread_id, r.at, r.id
 *   ), events AS (
 *     SELECT thread_id, CASE WHEN closer = 'R' THEN 'reply' ELSE 'handled' END AS kind, agent, action, inbound_at, closed_at, intent
 *       FROM runs WHERE inbound_at IS NOT NULL AND closed_at IS NOT NULL
 *     UNION ALL
 *     SELECT thread_id, 'first', agent, NULL, inbound_at, closed_at, intent FROM firsts
 *   )
 *   SELECT t.workspace_id, e.thread_id, t.channel_account_id, t.network, t.channel, e.agent AS agent_id, e.kind, e.action,
 *          e.inbound_at, e.closed_at, (e.closed_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day,
 *          x.seconds, b.business_seconds,
 *          x.seconds <= s.target AS within_target,
 *          b.business_seconds <= s.target AS within_target_business, e.intent
 *     FROM events e
 *     JOIN thread t ON t.id = e.thread_id
 *     JOIN workspace w ON w.id = t.workspace_id
 *     CROSS JOIN LATERAL (SELECT extract(epoch FROM e.closed_at - e.inbound_at)::double precision AS seconds) x
 *     CROSS JOIN LATERAL (SELECT CASE WHEN w.business_hours = '{}'::jsonb THEN NULL
 *                                     ELSE resonance_business_seconds(e.inbound_at, e.closed_at, (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END), w.business_hours,
 *                                                                     ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id)) END
 *                                  AS business_seconds) b
 *     CROSS JOIN LATERAL (SELECT 60.0 * resonance_sla_target_minutes(t.workspace_id, t.network, t.priority) AS target) s
 *      RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS "day!"                                                                                                                                                                                                                                                                                                                                             
 * ```
 */
export const insertResponseEventsOfThreads = new PreparedQuery<IInsertResponseEventsOfThreadsParams,IInsertResponseEventsOfThreadsResult>(insertResponseEventsOfThreadsIR);


/** 'DeleteResponseDaily' parameters type */
export interface IDeleteResponseDailyParams {
  days: DateOrStringArray;
  workspaceIds: stringArray;
}

/** 'DeleteResponseDaily' return type */
export type IDeleteResponseDailyResult = void;

/** 'DeleteResponseDaily' query type */
export interface IDeleteResponseDailyQuery {
  params: IDeleteResponseDailyParams;
  result: IDeleteResponseDailyResult;
}

const deleteResponseDailyIR: any = {"usedParamSet":{"workspaceIds":true,"days":true},"params":[{"name":"workspaceIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":85,"b":98}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":114}]}],"statement":"DELETE FROM report_response_daily WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_daily WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
 * ```
 */
export const deleteResponseDaily = new PreparedQuery<IDeleteResponseDailyParams,IDeleteResponseDailyResult>(deleteResponseDailyIR);


/** 'InsertResponseDaily' parameters type */
export interface IInsertResponseDailyParams {
  days: DateOrStringArray;
  workspaceIds: stringArray;
}

/** 'InsertResponseDaily' return type */
export type IInsertResponseDailyResult = void;

/** 'InsertResponseDaily' query type */
export interface IInsertResponseDailyQuery {
  params: IInsertResponseDailyParams;
  result: IInsertResponseDailyResult;
}

const insertResponseDailyIR: any = {"usedParamSet":{"workspaceIds":true,"days":true},"params":[{"name":"workspaceIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":578,"b":591}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":602,"b":607}]}],"statement":"INSERT INTO report_response_daily (workspace_id, day, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum,\n                                     within_target, within_target_business)\n  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),\n         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)\n    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))\n   GROUP BY workspace_id, day, channel_account_id, network, channel, agent_id, kind                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_daily (workspace_id, day, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum,
 *                                      within_target, within_target_business)
 *   SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
 *          count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
 *     FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
 *    GROUP BY workspace_id, day, channel_account_id, network, channel, agent_id, kind                                                                                                               
 * ```
 */
export const insertResponseDaily = new PreparedQuery<IInsertResponseDailyParams,IInsertResponseDailyResult>(insertResponseDailyIR);


/** 'DeleteResponseIntentDaily' parameters type */
export interface IDeleteResponseIntentDailyParams {
  days: DateOrStringArray;
  workspaceIds: stringArray;
}

/** 'DeleteResponseIntentDaily' return type */
export type IDeleteResponseIntentDailyResult = void;

/** 'DeleteResponseIntentDaily' query type */
export interface IDeleteResponseIntentDailyQuery {
  params: IDeleteResponseIntentDailyParams;
  result: IDeleteResponseIntentDailyResult;
}

const deleteResponseIntentDailyIR: any = {"usedParamSet":{"workspaceIds":true,"days":true},"params":[{"name":"workspaceIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":105}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":121}]}],"statement":"DELETE FROM report_response_intent_daily WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_intent_daily WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
 * ```
 */
export const deleteResponseIntentDaily = new PreparedQuery<IDeleteResponseIntentDailyParams,IDeleteResponseIntentDailyResult>(deleteResponseIntentDailyIR);


/** 'InsertResponseIntentDaily' parameters type */
export interface IInsertResponseIntentDailyParams {
  days: DateOrStringArray;
  workspaceIds: stringArray;
}

/** 'InsertResponseIntentDaily' return type */
export type IInsertResponseIntentDailyResult = void;

/** 'InsertResponseIntentDaily' query type */
export interface IInsertResponseIntentDailyQuery {
  params: IInsertResponseIntentDailyParams;
  result: IInsertResponseIntentDailyResult;
}

const insertResponseIntentDailyIR: any = {"usedParamSet":{"workspaceIds":true,"days":true},"params":[{"name":"workspaceIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":354,"b":367}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":378,"b":383}]}],"statement":"INSERT INTO report_response_intent_daily (workspace_id, day, channel_account_id, network, intent, bucket, n, seconds_sum)\n  SELECT workspace_id, day, channel_account_id, network, COALESCE(intent, 'unclassified'), resonance_duration_bucket(seconds), count(*), sum(seconds)\n    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))\n     AND kind = 'reply'\n   GROUP BY 1, 2, 3, 4, 5, 6                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_intent_daily (workspace_id, day, channel_account_id, network, intent, bucket, n, seconds_sum)
 *   SELECT workspace_id, day, channel_account_id, network, COALESCE(intent, 'unclassified'), resonance_duration_bucket(seconds), count(*), sum(seconds)
 *     FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
 *      AND kind = 'reply'
 *    GROUP BY 1, 2, 3, 4, 5, 6                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                           
 * ```
 */
export const insertResponseIntentDaily = new PreparedQuery<IInsertResponseIntentDailyParams,IInsertResponseIntentDailyResult>(insertResponseIntentDailyIR);


/** 'ReplaceResponseHist' parameters type */
export interface IReplaceResponseHistParams {
  days: DateOrStringArray;
  workspaceIds: stringArray;
}

/** 'ReplaceResponseHist' return type */
export type IReplaceResponseHistResult = void;

/** 'ReplaceResponseHist' query type */
export interface IReplaceResponseHistQuery {
  params: IReplaceResponseHistParams;
  result: IReplaceResponseHistResult;
}

const replaceResponseHistIR: any = {"usedParamSet":{"workspaceIds":true,"days":true},"params":[{"name":"workspaceIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":303},{"a":655,"b":668},{"a":1009,"b":1022}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":319},{"a":679,"b":684},{"a":1033,"b":1038}]}],"statement":"WITH fresh AS (\n  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'calendar' AS clock, resonance_duration_bucket(seconds) AS bucket, count(*) AS n, sum(seconds) AS seconds_sum\n    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))\n   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9\n  UNION ALL\n  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)\n    FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day)) AND business_seconds IS NOT NULL\n   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9\n  ), stored AS (\n    SELECT ctid AS row, workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum FROM report_response_hist WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))\n  ), diff AS (\n    SELECT c.row, CASE WHEN f.bucket IS NULL THEN c.workspace_id ELSE f.workspace_id END AS workspace_id, CASE WHEN f.bucket IS NULL THEN c.day ELSE f.day END AS day, CASE WHEN f.bucket IS NULL THEN c.channel_account_id ELSE f.channel_account_id END AS channel_account_id, CASE WHEN f.bucket IS NULL THEN c.network ELSE f.network END AS network, CASE WHEN f.bucket IS NULL THEN c.channel ELSE f.channel END AS channel, CASE WHEN f.bucket IS NULL THEN c.agent_id ELSE f.agent_id END AS agent_id, CASE WHEN f.bucket IS NULL THEN c.kind ELSE f.kind END AS kind, CASE WHEN f.bucket IS NULL THEN c.clock ELSE f.clock END AS clock, CASE WHEN f.bucket IS NULL THEN c.bucket ELSE f.bucket END AS bucket, f.n, f.seconds_sum,\n           COALESCE(f.n, 0) - COALESCE(c.n, 0) AS dn, COALESCE(f.seconds_sum, 0) - COALESCE(c.seconds_sum, 0) AS ds\n      FROM fresh f FULL JOIN stored c ON f.workspace_id = c.workspace_id AND f.day = c.day AND f.channel_account_id = c.channel_account_id AND f.network = c.network AND f.channel = c.channel AND f.kind = c.kind AND f.clock = c.clock AND f.bucket = c.bucket AND COALESCE(f.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(c.agent_id, '00000000-0000-0000-0000-000000000000'::uuid)\n     WHERE f.bucket IS NULL OR c.bucket IS NULL OR f.n <> c.n OR f.seconds_sum <> c.seconds_sum\n  ), gone AS (\n    DELETE FROM report_response_hist WHERE ctid = ANY (ARRAY(SELECT row FROM diff WHERE row IS NOT NULL))\n  ), added AS (\n    INSERT INTO report_response_hist (workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum) SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum FROM diff WHERE n IS NOT NULL\n  ), delta AS (\n    SELECT workspace_id, date_trunc('week', day)::date AS week, channel_account_id, network, agent_id, kind, clock, bucket,\n           sum(dn) AS n, sum(ds) AS seconds_sum\n      FROM diff GROUP BY 1, 2, 3, 4, 5, 6, 7, 8\n    HAVING sum(dn) <> 0 OR sum(ds) <> 0\n  ), merged AS (\n    SELECT d.workspace_id, d.week, d.channel_account_id, d.network, d.agent_id, d.kind, d.clock, d.bucket,\n           COALESCE(r.n, 0) + d.n AS n, COALESCE(r.seconds_sum, 0) + d.seconds_sum AS seconds_sum\n      -- A key lookup per changed bucket (OFFSET 0 keeps it one): hash-joined, the planner read the whole week table.\n      FROM delta d LEFT JOIN LATERAL (SELECT r.n, r.seconds_sum FROM report_response_hist_week r WHERE r.workspace_id = d.workspace_id AND r.week = d.week AND r.channel_account_id = d.channel_account_id AND r.network = d.network AND r.kind = d.kind AND r.clock = d.clock AND r.bucket = d.bucket AND COALESCE(r.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(d.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) OFFSET 0) r ON true\n  ), emptied AS (\n    DELETE FROM report_response_hist_week r USING merged m WHERE m.n = 0 AND r.workspace_id = m.workspace_id AND r.week = m.week AND r.channel_account_id = m.channel_account_id AND r.network = m.network AND r.kind = m.kind AND r.clock = m.clock AND r.bucket = m.bucket AND COALESCE(r.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(m.agent_id, '00000000-0000-0000-0000-000000000000'::uuid)\n  )\n  INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)\n  SELECT workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum FROM merged WHERE n <> 0\n  ON CONFLICT (workspace_id, week, channel_account_id, network, kind, clock, bucket, COALESCE(agent_id, '00000000-0000-0000-0000-000000000000'::uuid))\n  DO UPDATE SET n = excluded.n, seconds_sum = excluded.seconds_sum                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * WITH fresh AS (
 *   SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'calendar' AS clock, resonance_duration_bucket(seconds) AS bucket, count(*) AS n, sum(seconds) AS seconds_sum
 *     FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
 *    GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
 *   UNION ALL
 *   SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
 *     FROM report_response_event WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day)) AND business_seconds IS NOT NULL
 *    GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
 *   ), stored AS (
 *     SELECT ctid AS row, workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum FROM report_response_hist WHERE (workspace_id, day) IN (SELECT * FROM unnest(:workspaceIds!::uuid[], :days!::date[]) AS p(workspace_id, day))
 *   ), diff AS (
 *     SELECT c.row, CASE WHEN f.bucket IS NULL THEN c.workspace_id ELSE f.workspace_id END AS workspace_id, CASE WHEN f.bucket IS NULL THEN c.day ELSE f.day END AS day, CASE WHEN f.bucket IS NULL THEN c.channel_account_id ELSE f.channel_account_id END AS channel_account_id, CASE WHEN f.bucket IS NULL THEN c.network ELSE f.network END AS network, CASE WHEN f.bucket IS NULL THEN c.channel ELSE f.channel END AS channel, CASE WHEN f.bucket IS NULL THEN c.agent_id ELSE f.agent_id END AS agent_id, CASE WHEN f.bucket IS NULL THEN c.kind ELSE f.kind END AS kind, CASE WHEN f.bucket IS NULL THEN c.clock ELSE f.clock END AS clock, CASE WHEN f.bucket IS NULL THEN c.bucket ELSE f.bucket END AS bucket, f.n, f.seconds_sum,
 *            COALESCE(f.n, 0) - COALESCE(c.n, 0) AS dn, COALESCE(f.seconds_sum, 0) - COALESCE(c.seconds_sum, 0) AS ds
 *       FROM fresh f FULL JOIN stored c ON f.workspace_id = c.workspace_id AND f.day = c.day AND f.channel_account_id = c.channel_account_id AND f.network = c.network AND f.channel = c.channel AND f.kind = c.kind AND f.clock = c.clock AND f.bucket = c.bucket AND COALESCE(f.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(c.agent_id, '00000000-0000-0000-0000-000000000000'::uuid)
 *      WHERE f.bucket IS NULL OR c.bucket IS NULL OR f.n <> c.n OR f.seconds_sum <> c.seconds_sum
 *   ), gone AS (
 *     DELETE FROM report_response_hist WHERE ctid = ANY (ARRAY(SELECT row FROM diff WHERE row IS NOT NULL))
 *   ), added AS (
 *     INSERT INTO report_response_hist (workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum) SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum FROM diff WHERE n IS NOT NULL
 *   ), delta AS (
 *     SELECT workspace_id, date_trunc('week', day)::date AS week, channel_account_id, network, agent_id, kind, clock, bucket,
 *            sum(dn) AS n, sum(ds) AS seconds_sum
 *       FROM diff GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 *     HAVING sum(dn) <> 0 OR sum(ds) <> 0
 *   ), merged AS (
 *     SELECT d.workspace_id, d.week, d.channel_account_id, d.network, d.agent_id, d.kind, d.clock, d.bucket,
 *            COALESCE(r.n, 0) + d.n AS n, COALESCE(r.seconds_sum, 0) + d.seconds_sum AS seconds_sum
 *       -- A key lookup per changed bucket (OFFSET 0 keeps it one): hash-joined, the planner read the whole week table.
 *       FROM delta d LEFT JOIN LATERAL (SELECT r.n, r.seconds_sum FROM report_response_hist_week r WHERE r.workspace_id = d.workspace_id AND r.week = d.week AND r.channel_account_id = d.channel_account_id AND r.network = d.network AND r.kind = d.kind AND r.clock = d.clock AND r.bucket = d.bucket AND COALESCE(r.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(d.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) OFFSET 0) r ON true
 *   ), emptied AS (
 *     DELETE FROM report_response_hist_week r USING merged m WHERE m.n = 0 AND r.workspace_id = m.workspace_id AND r.week = m.week AND r.channel_account_id = m.channel_account_id AND r.network = m.network AND r.kind = m.kind AND r.clock = m.clock AND r.bucket = m.bucket AND COALESCE(r.agent_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(m.agent_id, '00000000-0000-0000-0000-000000000000'::uuid)
 *   )
 *   INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)
 *   SELECT workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum FROM merged WHERE n <> 0
 *   ON CONFLICT (workspace_id, week, channel_account_id, network, kind, clock, bucket, COALESCE(agent_id, '00000000-0000-0000-0000-000000000000'::uuid))
 *   DO UPDATE SET n = excluded.n, seconds_sum = excluded.seconds_sum                                                                                                                             
 * ```
 */
export const replaceResponseHist = new PreparedQuery<IReplaceResponseHistParams,IReplaceResponseHistResult>(replaceResponseHistIR);


/** 'CreateCommentChange' parameters type */
export type ICreateCommentChangeParams = void;

/** 'CreateCommentChange' return type */
export type ICreateCommentChangeResult = void;

/** 'CreateCommentChange' query type */
export interface ICreateCommentChangeQuery {
  params: ICreateCommentChangeParams;
  result: ICreateCommentChangeResult;
}

const createCommentChangeIR: any = {"usedParamSet":{},"params":[],"statement":"CREATE TEMPORARY TABLE comment_change ON COMMIT DROP AS\n  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM report_thread_comment LIMIT 0                                                                                                                                                                                                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * CREATE TEMPORARY TABLE comment_change ON COMMIT DROP AS
 *   SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM report_thread_comment LIMIT 0                                                                                                                                                                                                                                                                                               
 * ```
 */
export const createCommentChange = new PreparedQuery<ICreateCommentChangeParams,ICreateCommentChangeResult>(createCommentChangeIR);


/** 'ReplaceThreadComments' parameters type */
export interface IReplaceThreadCommentsParams {
  threadIds: NumberOrStringArray;
  unknownZones: stringArray;
}

/** 'ReplaceThreadComments' return type */
export type IReplaceThreadCommentsResult = void;

/** 'ReplaceThreadComments' query type */
export interface IReplaceThreadCommentsQuery {
  params: IReplaceThreadCommentsParams;
  result: IReplaceThreadCommentsResult;
}

const replaceThreadCommentsIR: any = {"usedParamSet":{"threadIds":true,"unknownZones":true},"params":[{"name":"threadIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":84},{"a":1786,"b":1796}]},{"name":"unknownZones","required":true,"transform":{"type":"scalar"},"locs":[{"a":1064,"b":1077}]}],"statement":"WITH old AS (\n    DELETE FROM report_thread_comment WHERE thread_id = ANY(:threadIds!::bigint[]) RETURNING thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum\n  ), fresh AS (\n    INSERT INTO report_thread_comment (thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum) \n  SELECT t.id AS thread_id, c.workspace_id, c.day, c.channel_account_id, t.network, t.channel,\n         COALESCE(t.post_id, 0) AS post_id, c.intent, c.contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum\n    FROM thread t\n    CROSS JOIN LATERAL (SELECT max(r.created_at) AS at FROM message r WHERE r.thread_id = t.id AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)) lr\n    CROSS JOIN LATERAL (\n      SELECT m.workspace_id, (m.created_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day, m.channel_account_id, COALESCE(m.intent, 'unclassified') AS intent, m.author_contact_id AS contact_id,\n             \n  count(*) AS comments,\n  count(*) FILTER (WHERE lr.at > m.created_at) AS answered,\n  COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,\n  count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,\n  COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum\n        FROM message m JOIN workspace w ON w.id = m.workspace_id\n       WHERE m.thread_id = t.id AND NOT m.is_from_account\n       GROUP BY 1, 2, 3, 4, 5) c\n   WHERE t.id = ANY(:threadIds!::bigint[])\n    RETURNING thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum\n  ), per_thread AS (\n    SELECT thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, sum(comments) AS comments, sum(answered) AS answered,\n           sum(sentiment_sum) AS sentiment_sum, sum(sentiment_n) AS sentiment_n, sum(handled) AS handled,\n           sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum\n      FROM (SELECT * FROM fresh\n            UNION ALL\n            SELECT thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, -comments, -answered, -sentiment_sum, -sentiment_n, -handled,\n                   -ingest_lag_seconds_sum FROM old) c\n     GROUP BY thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id\n    HAVING sum(comments) <> 0 OR sum(answered) <> 0 OR sum(sentiment_sum) <> 0 OR sum(sentiment_n) <> 0\n        OR sum(handled) <> 0 OR sum(ingest_lag_seconds_sum) <> 0\n  )\n  INSERT INTO comment_change (workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)\n  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),\n         sum(ingest_lag_seconds_sum)\n    FROM per_thread GROUP BY workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id                                                                                                                                                                                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * WITH old AS (
 *     DELETE FROM report_thread_comment WHERE thread_id = ANY(:threadIds!::bigint[]) RETURNING thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum
 *   ), fresh AS (
 *     INSERT INTO report_thread_comment (thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum) 
 *   SELECT t.id AS thread_id, c.workspace_id, c.day, c.channel_account_id, t.network, t.channel,
 *          COALESCE(t.post_id, 0) AS post_id, c.intent, c.contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum
 *     FROM thread t
 *     CROSS JOIN LATERAL (SELECT max(r.created_at) AS at FROM message r WHERE r.thread_id = t.id AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)) lr
 *     CROSS JOIN LATERAL (
 *       SELECT m.workspace_id, (m.created_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day, m.channel_account_id, COALESCE(m.intent, 'unclassified') AS intent, m.author_contact_id AS contact_id,
 *              
 *   count(*) AS comments,
 *   count(*) FILTER (WHERE lr.at > m.created_at) AS answered,
 *   COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,
 *   count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,
 *   COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum
 *         FROM message m JOIN workspace w ON w.id = m.workspace_id
 *        WHERE m.thread_id = t.id AND NOT m.is_from_account
 *        GROUP BY 1, 2, 3, 4, 5) c
 *    WHERE t.id = ANY(:threadIds!::bigint[])
 *     RETURNING thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum
 *   ), per_thread AS (
 *     SELECT thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, sum(comments) AS comments, sum(answered) AS answered,
 *            sum(sentiment_sum) AS sentiment_sum, sum(sentiment_n) AS sentiment_n, sum(handled) AS handled,
 *            sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
 *       FROM (SELECT * FROM fresh
 *             UNION ALL
 *             SELECT thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, -comments, -answered, -sentiment_sum, -sentiment_n, -handled,
 *                    -ingest_lag_seconds_sum FROM old) c
 *      GROUP BY thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id
 *     HAVING sum(comments) <> 0 OR sum(answered) <> 0 OR sum(sentiment_sum) <> 0 OR sum(sentiment_n) <> 0
 *         OR sum(handled) <> 0 OR sum(ingest_lag_seconds_sum) <> 0
 *   )
 *   INSERT INTO comment_change (workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
 *   SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),
 *          sum(ingest_lag_seconds_sum)
 *     FROM per_thread GROUP BY workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id                                                                                                                                                                                                                                                                                                                                                                    
 * ```
 */
export const replaceThreadComments = new PreparedQuery<IReplaceThreadCommentsParams,IReplaceThreadCommentsResult>(replaceThreadCommentsIR);


/** 'ApplyCommentDaily' parameters type */
export type IApplyCommentDailyParams = void;

/** 'ApplyCommentDaily' return type */
export type IApplyCommentDailyResult = void;

/** 'ApplyCommentDaily' query type */
export interface IApplyCommentDailyQuery {
  params: IApplyCommentDailyParams;
  result: IApplyCommentDailyResult;
}

const applyCommentDailyIR: any = {"usedParamSet":{},"params":[],"statement":"WITH \n  daily_delta AS (\n    SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,\n           sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum\n      FROM comment_change GROUP BY workspace_id, day, channel_account_id, network, channel, post_id, intent\n  ), daily_merged AS (\n    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.post_id, d.intent,\n           COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,\n           COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,\n           COALESCE(r.handled, 0) + d.handled AS handled,\n           COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum\n      -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of\n      -- report_comment_daily for a drain's few hundred keys (~10 ms).\n      FROM daily_delta d\n      LEFT JOIN LATERAL (SELECT * FROM report_comment_daily r WHERE (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.post_id, r.intent) = (d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.post_id, d.intent) OFFSET 0) r ON true\n  ), daily_emptied AS (\n    DELETE FROM report_comment_daily r USING daily_merged m\n     WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.post_id, r.intent) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.channel, m.post_id, m.intent)\n  ), daily_upserted AS (\n    INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)\n    SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM daily_merged WHERE comments <> 0\n    ON CONFLICT (workspace_id, day, channel_account_id, network, channel, post_id, intent) DO UPDATE SET\n      comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,\n      sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum\n  ),\n  \n  channel_delta AS (\n    SELECT workspace_id, day, channel_account_id, network, channel, intent, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,\n           sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum\n      FROM daily_delta GROUP BY workspace_id, day, channel_account_id, network, channel, intent\n  ), channel_merged AS (\n    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.intent,\n           COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,\n           COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,\n           COALESCE(r.handled, 0) + d.handled AS handled,\n           COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum\n      -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of\n      -- report_comment_daily for a drain's few hundred keys (~10 ms).\n      FROM channel_delta d\n      LEFT JOIN LATERAL (SELECT * FROM report_comment_channel_daily r WHERE (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.intent) = (d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.intent) OFFSET 0) r ON true\n  ), channel_emptied AS (\n    DELETE FROM report_comment_channel_daily r USING channel_merged m\n     WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.intent) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.channel, m.intent)\n  ), channel_upserted AS (\n    INSERT INTO report_comment_channel_daily (workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)\n    SELECT workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM channel_merged WHERE comments <> 0\n    ON CONFLICT (workspace_id, day, channel_account_id, network, channel, intent) DO UPDATE SET\n      comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,\n      sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum\n  ),\n  post_delta AS (\n    SELECT post_id, workspace_id, sum(comments) AS comments FROM daily_delta\n     WHERE post_id <> 0 GROUP BY post_id, workspace_id HAVING sum(comments) <> 0\n  ), post_merged AS (\n    SELECT d.post_id, d.workspace_id, COALESCE(r.comments, 0) + d.comments AS comments\n      FROM post_delta d LEFT JOIN LATERAL (SELECT r.comments FROM report_post_comment r WHERE r.post_id = d.post_id OFFSET 0) r ON true\n  ), post_emptied AS (\n    DELETE FROM report_post_comment r USING post_merged m WHERE m.comments = 0 AND r.post_id = m.post_id\n  )\n  INSERT INTO report_post_comment (post_id, workspace_id, comments)\n  SELECT post_id, workspace_id, comments FROM post_merged WHERE comments <> 0\n  ON CONFLICT (post_id) DO UPDATE SET comments = excluded.comments                                                                                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * WITH 
 *   daily_delta AS (
 *     SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,
 *            sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
 *       FROM comment_change GROUP BY workspace_id, day, channel_account_id, network, channel, post_id, intent
 *   ), daily_merged AS (
 *     SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.post_id, d.intent,
 *            COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,
 *            COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,
 *            COALESCE(r.handled, 0) + d.handled AS handled,
 *            COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum
 *       -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of
 *       -- report_comment_daily for a drain's few hundred keys (~10 ms).
 *       FROM daily_delta d
 *       LEFT JOIN LATERAL (SELECT * FROM report_comment_daily r WHERE (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.post_id, r.intent) = (d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.post_id, d.intent) OFFSET 0) r ON true
 *   ), daily_emptied AS (
 *     DELETE FROM report_comment_daily r USING daily_merged m
 *      WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.post_id, r.intent) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.channel, m.post_id, m.intent)
 *   ), daily_upserted AS (
 *     INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
 *     SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM daily_merged WHERE comments <> 0
 *     ON CONFLICT (workspace_id, day, channel_account_id, network, channel, post_id, intent) DO UPDATE SET
 *       comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,
 *       sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum
 *   ),
 *   
 *   channel_delta AS (
 *     SELECT workspace_id, day, channel_account_id, network, channel, intent, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,
 *            sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
 *       FROM daily_delta GROUP BY workspace_id, day, channel_account_id, network, channel, intent
 *   ), channel_merged AS (
 *     SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.intent,
 *            COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,
 *            COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,
 *            COALESCE(r.handled, 0) + d.handled AS handled,
 *            COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum
 *       -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of
 *       -- report_comment_daily for a drain's few hundred keys (~10 ms).
 *       FROM channel_delta d
 *       LEFT JOIN LATERAL (SELECT * FROM report_comment_channel_daily r WHERE (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.intent) = (d.workspace_id, d.day, d.channel_account_id, d.network, d.channel, d.intent) OFFSET 0) r ON true
 *   ), channel_emptied AS (
 *     DELETE FROM report_comment_channel_daily r USING channel_merged m
 *      WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.channel, r.intent) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.channel, m.intent)
 *   ), channel_upserted AS (
 *     INSERT INTO report_comment_channel_daily (workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
 *     SELECT workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum FROM channel_merged WHERE comments <> 0
 *     ON CONFLICT (workspace_id, day, channel_account_id, network, channel, intent) DO UPDATE SET
 *       comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,
 *       sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum
 *   ),
 *   post_delta AS (
 *     SELECT post_id, workspace_id, sum(comments) AS comments FROM daily_delta
 *      WHERE post_id <> 0 GROUP BY post_id, workspace_id HAVING sum(comments) <> 0
 *   ), post_merged AS (
 *     SELECT d.post_id, d.workspace_id, COALESCE(r.comments, 0) + d.comments AS comments
 *       FROM post_delta d LEFT JOIN LATERAL (SELECT r.comments FROM report_post_comment r WHERE r.post_id = d.post_id OFFSET 0) r ON true
 *   ), post_emptied AS (
 *     DELETE FROM report_post_comment r USING post_merged m WHERE m.comments = 0 AND r.post_id = m.post_id
 *   )
 *   INSERT INTO report_post_comment (post_id, workspace_id, comments)
 *   SELECT post_id, workspace_id, comments FROM post_merged WHERE comments <> 0
 *   ON CONFLICT (post_id) DO UPDATE SET comments = excluded.comments                                                                                                                                                                             
 * ```
 */
export const applyCommentDaily = new PreparedQuery<IApplyCommentDailyParams,IApplyCommentDailyResult>(applyCommentDailyIR);


/** 'CreateCommenterChange' parameters type */
export type ICreateCommenterChangeParams = void;

/** 'CreateCommenterChange' return type */
export type ICreateCommenterChangeResult = void;

/** 'CreateCommenterChange' query type */
export interface ICreateCommenterChangeQuery {
  params: ICreateCommenterChangeParams;
  result: ICreateCommenterChangeResult;
}

const createCommenterChangeIR: any = {"usedParamSet":{},"params":[],"statement":"CREATE TEMPORARY TABLE commenter_change ON COMMIT DROP AS\n  SELECT workspace_id, day, channel_account_id, network, contact_id, true AS appeared FROM report_commenter_daily LIMIT 0                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * CREATE TEMPORARY TABLE commenter_change ON COMMIT DROP AS
 *   SELECT workspace_id, day, channel_account_id, network, contact_id, true AS appeared FROM report_commenter_daily LIMIT 0                                                                                                     
 * ```
 */
export const createCommenterChange = new PreparedQuery<ICreateCommenterChangeParams,ICreateCommenterChangeResult>(createCommenterChangeIR);


/** 'ApplyCommenterDaily' parameters type */
export type IApplyCommenterDailyParams = void;

/** 'ApplyCommenterDaily' return type */
export type IApplyCommenterDailyResult = void;

/** 'ApplyCommenterDaily' query type */
export interface IApplyCommenterDailyQuery {
  params: IApplyCommenterDailyParams;
  result: IApplyCommenterDailyResult;
}

const applyCommenterDailyIR: any = {"usedParamSet":{},"params":[],"statement":"WITH delta AS (\n    SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments) AS comments FROM comment_change\n     WHERE channel = 'comment' AND contact_id IS NOT NULL\n     GROUP BY workspace_id, day, channel_account_id, network, contact_id HAVING sum(comments) <> 0\n  ), merged AS (\n    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id, r.contact_id IS NULL AS appeared, COALESCE(r.comments, 0) + d.comments AS comments\n      FROM delta d LEFT JOIN report_commenter_daily r USING (workspace_id, day, channel_account_id, network, contact_id)\n  ), emptied AS (\n    DELETE FROM report_commenter_daily r USING merged m\n     WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.contact_id) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.contact_id)\n  ), upserted AS (\n    INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)\n    SELECT workspace_id, day, channel_account_id, network, contact_id, comments FROM merged WHERE comments <> 0\n    ON CONFLICT (workspace_id, day, channel_account_id, network, contact_id) DO UPDATE SET comments = excluded.comments\n  )\n  INSERT INTO commenter_change (workspace_id, day, channel_account_id, network, contact_id, appeared)\n  SELECT workspace_id, day, channel_account_id, network, contact_id, appeared FROM merged WHERE appeared OR comments = 0                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * WITH delta AS (
 *     SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments) AS comments FROM comment_change
 *      WHERE channel = 'comment' AND contact_id IS NOT NULL
 *      GROUP BY workspace_id, day, channel_account_id, network, contact_id HAVING sum(comments) <> 0
 *   ), merged AS (
 *     SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id, r.contact_id IS NULL AS appeared, COALESCE(r.comments, 0) + d.comments AS comments
 *       FROM delta d LEFT JOIN report_commenter_daily r USING (workspace_id, day, channel_account_id, network, contact_id)
 *   ), emptied AS (
 *     DELETE FROM report_commenter_daily r USING merged m
 *      WHERE m.comments = 0 AND (r.workspace_id, r.day, r.channel_account_id, r.network, r.contact_id) = (m.workspace_id, m.day, m.channel_account_id, m.network, m.contact_id)
 *   ), upserted AS (
 *     INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
 *     SELECT workspace_id, day, channel_account_id, network, contact_id, comments FROM merged WHERE comments <> 0
 *     ON CONFLICT (workspace_id, day, channel_account_id, network, contact_id) DO UPDATE SET comments = excluded.comments
 *   )
 *   INSERT INTO commenter_change (workspace_id, day, channel_account_id, network, contact_id, appeared)
 *   SELECT workspace_id, day, channel_account_id, network, contact_id, appeared FROM merged WHERE appeared OR comments = 0                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            
 * ```
 */
export const applyCommenterDaily = new PreparedQuery<IApplyCommenterDailyParams,IApplyCommenterDailyResult>(applyCommenterDailyIR);


/** 'UpdateCommenterSpans' parameters type */
export type IUpdateCommenterSpansParams = void;

/** 'UpdateCommenterSpans' return type */
export type IUpdateCommenterSpansResult = void;

/** 'UpdateCommenterSpans' query type */
export interface IUpdateCommenterSpansQuery {
  params: IUpdateCommenterSpansParams;
  result: IUpdateCommenterSpansResult;
}

const updateCommenterSpansIR: any = {"usedParamSet":{},"params":[],"statement":"WITH touched AS (\n    SELECT DISTINCT contact_id FROM commenter_change\n  ), days_now AS (\n    SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id\n  ), days_before AS (\n    SELECT * FROM days_now n\n     WHERE NOT EXISTS (SELECT 1 FROM commenter_change c\n                        WHERE c.appeared AND (c.workspace_id, c.day, c.channel_account_id, c.network, c.contact_id) = (n.workspace_id, n.day, n.channel_account_id, n.network, n.contact_id))\n    UNION ALL\n    SELECT workspace_id, day, channel_account_id, network, contact_id FROM commenter_change WHERE NOT appeared\n  ), delta AS (\n    SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, sum(n)::int AS n\n      FROM (SELECT *, 1 AS n FROM (\n  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,\n         lag(day) OVER w IS NOT NULL AS has_prev\n    FROM days_now WINDOW w AS (PARTITION BY contact_id ORDER BY day)) spans_now\n            UNION ALL\n            SELECT *, -1 FROM (\n  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,\n         lag(day) OVER w IS NOT NULL AS has_prev\n    FROM days_before WINDOW w AS (PARTITION BY contact_id ORDER BY day)) spans_before) c\n     GROUP BY workspace_id, day, next_day, channel_account_id, network, has_prev HAVING sum(n) <> 0\n  ), merged AS (\n    SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, COALESCE(s.commenters, 0) + d.n AS commenters\n      FROM delta d LEFT JOIN report_commenter_span s USING (workspace_id, day, next_day, channel_account_id, network, has_prev)\n  ), emptied AS (\n    DELETE FROM report_commenter_span s USING merged m\n     WHERE m.commenters = 0 AND (s.workspace_id, s.day, s.next_day, s.channel_account_id, s.network, s.has_prev)\n                              = (m.workspace_id, m.day, m.next_day, m.channel_account_id, m.network, m.has_prev)\n  )\n  INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)\n  SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, commenters FROM merged WHERE commenters <> 0\n  ON CONFLICT (workspace_id, day, next_day, channel_account_id, network, has_prev) DO UPDATE SET commenters = excluded.commenters                                                                                                                                                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * WITH touched AS (
 *     SELECT DISTINCT contact_id FROM commenter_change
 *   ), days_now AS (
 *     SELECT d.workspace_id, d.day, d.channel_account_id, d.network, d.contact_id FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
 *   ), days_before AS (
 *     SELECT * FROM days_now n
 *      WHERE NOT EXISTS (SELECT 1 FROM commenter_change c
 *                         WHERE c.appeared AND (c.workspace_id, c.day, c.channel_account_id, c.network, c.contact_id) = (n.workspace_id, n.day, n.channel_account_id, n.network, n.contact_id))
 *     UNION ALL
 *     SELECT workspace_id, day, channel_account_id, network, contact_id FROM commenter_change WHERE NOT appeared
 *   ), delta AS (
 *     SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, sum(n)::int AS n
 *       FROM (SELECT *, 1 AS n FROM (
 *   SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
 *          lag(day) OVER w IS NOT NULL AS has_prev
 *     FROM days_now WINDOW w AS (PARTITION BY contact_id ORDER BY day)) spans_now
 *             UNION ALL
 *             SELECT *, -1 FROM (
 *   SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
 *          lag(day) OVER w IS NOT NULL AS has_prev
 *     FROM days_before WINDOW w AS (PARTITION BY contact_id ORDER BY day)) spans_before) c
 *      GROUP BY workspace_id, day, next_day, channel_account_id, network, has_prev HAVING sum(n) <> 0
 *   ), merged AS (
 *     SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, COALESCE(s.commenters, 0) + d.n AS commenters
 *       FROM delta d LEFT JOIN report_commenter_span s USING (workspace_id, day, next_day, channel_account_id, network, has_prev)
 *   ), emptied AS (
 *     DELETE FROM report_commenter_span s USING merged m
 *      WHERE m.commenters = 0 AND (s.workspace_id, s.day, s.next_day, s.channel_account_id, s.network, s.has_prev)
 *                               = (m.workspace_id, m.day, m.next_day, m.channel_account_id, m.network, m.has_prev)
 *   )
 *   INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
 *   SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, commenters FROM merged WHERE commenters <> 0
 *   ON CONFLICT (workspace_id, day, next_day, channel_account_id, network, has_prev) DO UPDATE SET commenters = excluded.commenters                                                                                                                                                                                                 
 * ```
 */
export const updateCommenterSpans = new PreparedQuery<IUpdateCommenterSpansParams,IUpdateCommenterSpansResult>(updateCommenterSpansIR);


/** 'UpdateCommenterFirstDays' parameters type */
export type IUpdateCommenterFirstDaysParams = void;

/** 'UpdateCommenterFirstDays' return type */
export type IUpdateCommenterFirstDaysResult = void;

/** 'UpdateCommenterFirstDays' query type */
export interface IUpdateCommenterFirstDaysQuery {
  params: IUpdateCommenterFirstDaysParams;
  result: IUpdateCommenterFirstDaysResult;
}

const updateCommenterFirstDaysIR: any = {"usedParamSet":{},"params":[],"statement":"WITH touched AS (\n    SELECT DISTINCT contact_id FROM commenter_change\n  ), firsts AS (\n    SELECT d.contact_id, d.workspace_id, min(d.day) AS first_day\n      FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id\n     GROUP BY d.contact_id, d.workspace_id\n  ), gone AS (\n    DELETE FROM report_commenter c USING touched\n     WHERE c.contact_id = touched.contact_id AND NOT EXISTS (SELECT 1 FROM firsts f WHERE f.contact_id = c.contact_id)\n  )\n  INSERT INTO report_commenter (contact_id, workspace_id, first_day)\n  SELECT contact_id, workspace_id, first_day FROM firsts\n  ON CONFLICT (contact_id) DO UPDATE SET first_day = excluded.first_day\n   WHERE report_commenter.first_day <> excluded.first_day"};

/**
 * Query generated from SQL:
 * ```
 * WITH touched AS (
 *     SELECT DISTINCT contact_id FROM commenter_change
 *   ), firsts AS (
 *     SELECT d.contact_id, d.workspace_id, min(d.day) AS first_day
 *       FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
 *      GROUP BY d.contact_id, d.workspace_id
 *   ), gone AS (
 *     DELETE FROM report_commenter c USING touched
 *      WHERE c.contact_id = touched.contact_id AND NOT EXISTS (SELECT 1 FROM firsts f WHERE f.contact_id = c.contact_id)
 *   )
 *   INSERT INTO report_commenter (contact_id, workspace_id, first_day)
 *   SELECT contact_id, workspace_id, first_day FROM firsts
 *   ON CONFLICT (contact_id) DO UPDATE SET first_day = excluded.first_day
 *    WHERE report_commenter.first_day <> excluded.first_day
 * ```
 */
export const updateCommenterFirstDays = new PreparedQuery<IUpdateCommenterFirstDaysParams,IUpdateCommenterFirstDaysResult>(updateCommenterFirstDaysIR);


/** 'ChangedDays' parameters type */
export type IChangedDaysParams = void;

/** 'ChangedDays' return type */
export interface IChangedDaysResult {
  day: string;
  workspace_id: string;
}

/** 'ChangedDays' query type */
export interface IChangedDaysQuery {
  params: IChangedDaysParams;
  result: IChangedDaysResult;
}

const changedDaysIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT DISTINCT workspace_id AS \"workspace_id!\", to_char(day, 'YYYY-MM-DD') AS \"day!\" FROM comment_change                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT DISTINCT workspace_id AS "workspace_id!", to_char(day, 'YYYY-MM-DD') AS "day!" FROM comment_change                                                                                    
 * ```
 */
export const changedDays = new PreparedQuery<IChangedDaysParams,IChangedDaysResult>(changedDaysIR);


/** 'DropChangeTables' parameters type */
export type IDropChangeTablesParams = void;

/** 'DropChangeTables' return type */
export type IDropChangeTablesResult = void;

/** 'DropChangeTables' query type */
export interface IDropChangeTablesQuery {
  params: IDropChangeTablesParams;
  result: IDropChangeTablesResult;
}

const dropChangeTablesIR: any = {"usedParamSet":{},"params":[],"statement":"DROP TABLE comment_change, commenter_change"};

/**
 * Query generated from SQL:
 * ```
 * DROP TABLE comment_change, commenter_change
 * ```
 */
export const dropChangeTables = new PreparedQuery<IDropChangeTablesParams,IDropChangeTablesResult>(dropChangeTablesIR);


