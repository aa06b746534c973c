/** Types generated for queries found in "apps/worker/src/rules/rules.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'RuleSetVersion' parameters type */
export interface IRuleSetVersionParams {
  workspaceId: string;
}

/** 'RuleSetVersion' return type */
export interface IRuleSetVersionResult {
  version: string;
}

/** 'RuleSetVersion' query type */
export interface IRuleSetVersionQuery {
  params: IRuleSetVersionParams;
  result: IRuleSetVersionResult;
}

const ruleSetVersionIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":62}]}],"statement":"SELECT version FROM rule_set WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT version FROM rule_set WHERE workspace_id = :workspaceId!
 * ```
 */
export const ruleSetVersion = new PreparedQuery<IRuleSetVersionParams,IRuleSetVersionResult>(ruleSetVersionIR);


/** 'EnabledRules' parameters type */
export interface IEnabledRulesParams {
  workspaceId: string;
}

/** 'EnabledRules' return type */
export interface IEnabledRulesResult {
  actions: Json;
  conditions: Json;
  enabled: boolean;
  id: string;
  mode: string;
  name: string;
  stopAfter: boolean;
}

/** 'EnabledRules' query type */
export interface IEnabledRulesQuery {
  params: IEnabledRulesParams;
  result: IEnabledRulesResult;
}

const enabledRulesIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":139}]}],"statement":"SELECT id::text AS \"id!\", name, mode, stop_after AS \"stopAfter\", enabled, conditions, actions\n  FROM rule WHERE workspace_id = :workspaceId! AND enabled ORDER BY position, id                                                                                                                                                                                                                                                                                                                                                                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", name, mode, stop_after AS "stopAfter", enabled, conditions, actions
 *   FROM rule WHERE workspace_id = :workspaceId! AND enabled ORDER BY position, id                                                                                                                                                                                                                                                                                                                                                                                                                 
 * ```
 */
export const enabledRules = new PreparedQuery<IEnabledRulesParams,IEnabledRulesResult>(enabledRulesIR);


/** 'RuleFacts' parameters type */
export interface IRuleFactsParams {
  channelId: string;
  externalIds: stringArray;
}

/** 'RuleFacts' return type */
export interface IRuleFactsResult {
  assigneeId: string | null;
  externalId: string;
  id: string;
  outsideHours: boolean;
  priority: number;
  status: string;
  tags: stringArray;
  threadId: string;
}

/** 'RuleFacts' query type */
export interface IRuleFactsQuery {
  params: IRuleFactsParams;
  result: IRuleFactsResult;
}

const ruleFactsIR: any = {"usedParamSet":{"channelId":true,"externalIds":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":561,"b":571}]},{"name":"externalIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":597,"b":609}]}],"statement":"SELECT m.id::text AS \"id!\", m.external_id AS \"externalId!\", m.thread_id::text AS \"threadId!\",\n       t.priority, t.tags, t.assignee_id AS \"assigneeId\", t.status,\n       (jsonb_path_exists(w.business_hours, '$.*[*]')\n        AND resonance_business_add(m.created_at, 0, w.timezone, w.business_hours,\n              ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id)) IS DISTINCT FROM m.created_at) AS \"outsideHours!\"\n  FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id\n WHERE m.channel_account_id = :channelId! AND m.external_id = ANY(:externalIds!::text[])                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.external_id AS "externalId!", m.thread_id::text AS "threadId!",
 *        t.priority, t.tags, t.assignee_id AS "assigneeId", t.status,
 *        (jsonb_path_exists(w.business_hours, '$.*[*]')
 *         AND resonance_business_add(m.created_at, 0, w.timezone, w.business_hours,
 *               ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id)) IS DISTINCT FROM m.created_at) AS "outsideHours!"
 *   FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id
 *  WHERE m.channel_account_id = :channelId! AND m.external_id = ANY(:externalIds!::text[])                                                                        
 * ```
 */
export const ruleFacts = new PreparedQuery<IRuleFactsParams,IRuleFactsResult>(ruleFactsIR);


/** 'RoundRobinAgents' parameters type */
export interface IRoundRobinAgentsParams {
  workspaceId: string;
}

/** 'RoundRobinAgents' return type */
export interface IRoundRobinAgentsResult {
  id: string;
}

/** 'RoundRobinAgents' query type */
export interface IRoundRobinAgentsQuery {
  params: IRoundRobinAgentsParams;
  result: IRoundRobinAgentsResult;
}

const roundRobinAgentsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":63}]}],"statement":"SELECT id AS \"id!\" FROM users WHERE workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent') ORDER BY id                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id AS "id!" FROM users WHERE workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent') ORDER BY id                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                            
 * ```
 */
export const roundRobinAgents = new PreparedQuery<IRoundRobinAgentsParams,IRoundRobinAgentsResult>(roundRobinAgentsIR);


/** 'TakeRuleTurns' parameters type */
export interface ITakeRuleTurnsParams {
  turns: Json;
  workspaceId: string;
}

/** 'TakeRuleTurns' return type */
export interface ITakeRuleTurnsResult {
  firstTurn: string;
  id: string;
}

/** 'TakeRuleTurns' query type */
export interface ITakeRuleTurnsQuery {
  params: ITakeRuleTurnsParams;
  result: ITakeRuleTurnsResult;
}

const takeRuleTurnsIR: any = {"usedParamSet":{"turns":true,"workspaceId":true},"params":[{"name":"turns","required":true,"transform":{"type":"scalar"},"locs":[{"a":64,"b":70}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":241}]}],"statement":"WITH wanted AS (\n       SELECT r.id, r.t FROM json_to_recordset(:turns!::json) AS r(id bigint, t int) WHERE r.t > 0\n     ), locked AS (\n       SELECT rule.id FROM rule JOIN wanted ON wanted.id = rule.id WHERE rule.workspace_id = :workspaceId! ORDER BY rule.id FOR NO KEY UPDATE OF rule\n     )\nUPDATE rule SET turn = turn + wanted.t\n  FROM wanted JOIN locked ON locked.id = wanted.id\n WHERE rule.id = wanted.id\nRETURNING rule.id::text AS \"id!\", (rule.turn - wanted.t)::text AS \"firstTurn!\"                                                                                                                                                                                                                                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * WITH wanted AS (
 *        SELECT r.id, r.t FROM json_to_recordset(:turns!::json) AS r(id bigint, t int) WHERE r.t > 0
 *      ), locked AS (
 *        SELECT rule.id FROM rule JOIN wanted ON wanted.id = rule.id WHERE rule.workspace_id = :workspaceId! ORDER BY rule.id FOR NO KEY UPDATE OF rule
 *      )
 * UPDATE rule SET turn = turn + wanted.t
 *   FROM wanted JOIN locked ON locked.id = wanted.id
 *  WHERE rule.id = wanted.id
 * RETURNING rule.id::text AS "id!", (rule.turn - wanted.t)::text AS "firstTurn!"                                                                                                                                                                                                                                                                                                  
 * ```
 */
export const takeRuleTurns = new PreparedQuery<ITakeRuleTurnsParams,ITakeRuleTurnsResult>(takeRuleTurnsIR);


/** 'CountRuleMatches' parameters type */
export interface ICountRuleMatchesParams {
  counts: Json;
  workspaceId: string;
}

/** 'CountRuleMatches' return type */
export type ICountRuleMatchesResult = void;

/** 'CountRuleMatches' query type */
export interface ICountRuleMatchesQuery {
  params: ICountRuleMatchesParams;
  result: ICountRuleMatchesResult;
}

const countRuleMatchesIR: any = {"usedParamSet":{"counts":true,"workspaceId":true},"params":[{"name":"counts","required":true,"transform":{"type":"scalar"},"locs":[{"a":70,"b":77}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":231,"b":243}]}],"statement":"WITH counted AS (\n       SELECT r.id, r.m, r.s FROM json_to_recordset(:counts!::json) AS r(id bigint, m int, s int)\n     ), locked AS (\n       SELECT rule.id FROM rule JOIN counted ON counted.id = rule.id WHERE rule.workspace_id = :workspaceId! ORDER BY rule.id FOR NO KEY UPDATE OF rule\n     )\nUPDATE rule SET matched_count = matched_count + counted.m, suggested_count = suggested_count + counted.s\n  FROM counted JOIN locked ON locked.id = counted.id\n WHERE rule.id = counted.id"};

/**
 * Query generated from SQL:
 * ```
 * WITH counted AS (
 *        SELECT r.id, r.m, r.s FROM json_to_recordset(:counts!::json) AS r(id bigint, m int, s int)
 *      ), locked AS (
 *        SELECT rule.id FROM rule JOIN counted ON counted.id = rule.id WHERE rule.workspace_id = :workspaceId! ORDER BY rule.id FOR NO KEY UPDATE OF rule
 *      )
 * UPDATE rule SET matched_count = matched_count + counted.m, suggested_count = suggested_count + counted.s
 *   FROM counted JOIN locked ON locked.id = counted.id
 *  WHERE rule.id = counted.id
 * ```
 */
export const countRuleMatches = new PreparedQuery<ICountRuleMatchesParams,ICountRuleMatchesResult>(countRuleMatchesIR);


/** 'InsertRuleSuggestions' parameters type */
export interface IInsertRuleSuggestionsParams {
  suggestions: Json;
  workspaceId: string;
}

/** 'InsertRuleSuggestions' return type */
export type IInsertRuleSuggestionsResult = void;

/** 'InsertRuleSuggestions' query type */
export interface IInsertRuleSuggestionsQuery {
  params: IInsertRuleSuggestionsParams;
  result: IInsertRuleSuggestionsResult;
}

const insertRuleSuggestionsIR: any = {"usedParamSet":{"workspaceId":true,"suggestions":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":132}]},{"name":"suggestions","required":true,"transform":{"type":"scalar"},"locs":[{"a":194,"b":206}]}],"statement":"INSERT INTO rule_suggestion (workspace_id, message_id, thread_id, rule_id, rule_name, action_index, action)\n     SELECT :workspaceId!, r.m, r.t, r.r, r.n, r.i, r.a\n       FROM json_to_recordset(:suggestions!::json) AS r(m bigint, t bigint, r bigint, n text, i smallint, a jsonb)\n     ON CONFLICT (message_id, rule_id, action_index) DO NOTHING                                                                                                                                                                                                                                                                                                                                                                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO rule_suggestion (workspace_id, message_id, thread_id, rule_id, rule_name, action_index, action)
 *      SELECT :workspaceId!, r.m, r.t, r.r, r.n, r.i, r.a
 *        FROM json_to_recordset(:suggestions!::json) AS r(m bigint, t bigint, r bigint, n text, i smallint, a jsonb)
 *      ON CONFLICT (message_id, rule_id, action_index) DO NOTHING                                                                                                                                                                                                                                                                                                                                                                                                                                          
 * ```
 */
export const insertRuleSuggestions = new PreparedQuery<IInsertRuleSuggestionsParams,IInsertRuleSuggestionsResult>(insertRuleSuggestionsIR);


/** 'InsertRuleRuns' parameters type */
export interface IInsertRuleRunsParams {
  runs: Json;
  workspaceId: string;
}

/** 'InsertRuleRuns' return type */
export interface IInsertRuleRunsResult {
  actionId: string | null;
  messageId: string;
  runId: string;
  type: string;
}

/** 'InsertRuleRuns' query type */
export interface IInsertRuleRunsQuery {
  params: IInsertRuleRunsParams;
  result: IInsertRuleRunsResult;
}

const insertRuleRunsIR: any = {"usedParamSet":{"workspaceId":true,"runs":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":164},{"a":580,"b":592}]},{"name":"runs","required":true,"transform":{"type":"scalar"},"locs":[{"a":238,"b":243}]}],"statement":"WITH runs AS (\n       INSERT INTO rule_run (workspace_id, message_id, thread_id, rule_id, rule_name, action_index, action, previous)\n            SELECT :workspaceId!, r.m, r.t, r.r, r.n, r.i, r.a, r.p\n              FROM json_to_recordset(:runs!::json) AS r(m bigint, t bigint, r bigint, n text, i smallint, a jsonb, p jsonb)\n            ON CONFLICT (message_id, rule_id, action_index) DO NOTHING\n            RETURNING id, message_id, action\n     ), moderation AS (\n       INSERT INTO message_action (workspace_id, message_id, action, requested_by, rule_run_id)\n            SELECT :workspaceId!, message_id, action ->> 'type', NULL, id FROM runs WHERE action ->> 'type' IN ('hide', 'delete', 'like')\n            ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING\n            RETURNING id, rule_run_id\n     )\nSELECT runs.id::text AS \"runId!\", runs.message_id::text AS \"messageId!\", runs.action ->> 'type' AS \"type!\", moderation.id::text AS \"actionId?\"\n  FROM runs LEFT JOIN moderation ON moderation.rule_run_id = runs.id                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * WITH runs AS (
 *        INSERT INTO rule_run (workspace_id, message_id, thread_id, rule_id, rule_name, action_index, action, previous)
 *             SELECT :workspaceId!, r.m, r.t, r.r, r.n, r.i, r.a, r.p
 *               FROM json_to_recordset(:runs!::json) AS r(m bigint, t bigint, r bigint, n text, i smallint, a jsonb, p jsonb)
 *             ON CONFLICT (message_id, rule_id, action_index) DO NOTHING
 *             RETURNING id, message_id, action
 *      ), moderation AS (
 *        INSERT INTO message_action (workspace_id, message_id, action, requested_by, rule_run_id)
 *             SELECT :workspaceId!, message_id, action ->> 'type', NULL, id FROM runs WHERE action ->> 'type' IN ('hide', 'delete', 'like')
 *             ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING
 *             RETURNING id, rule_run_id
 *      )
 * SELECT runs.id::text AS "runId!", runs.message_id::text AS "messageId!", runs.action ->> 'type' AS "type!", moderation.id::text AS "actionId?"
 *   FROM runs LEFT JOIN moderation ON moderation.rule_run_id = runs.id                                                                                       
 * ```
 */
export const insertRuleRuns = new PreparedQuery<IInsertRuleRunsParams,IInsertRuleRunsResult>(insertRuleRunsIR);


/** 'UpdateRuleThreads' parameters type */
export interface IUpdateRuleThreadsParams {
  threads: Json;
  workspaceId: string;
}

/** 'UpdateRuleThreads' return type */
export type IUpdateRuleThreadsResult = void;

/** 'UpdateRuleThreads' query type */
export interface IUpdateRuleThreadsQuery {
  params: IUpdateRuleThreadsParams;
  result: IUpdateRuleThreadsResult;
}

const updateRuleThreadsIR: any = {"usedParamSet":{"threads":true,"workspaceId":true},"params":[{"name":"threads","required":true,"transform":{"type":"scalar"},"locs":[{"a":332,"b":340}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":502,"b":514}]}],"statement":"UPDATE thread\n   SET priority = CASE WHEN r.sp THEN r.p ELSE thread.priority END,\n       tags = CASE WHEN r.st THEN r.tg ELSE thread.tags END,\n       assignee_id = CASE WHEN r.sa THEN r.a ELSE thread.assignee_id END,\n       status = CASE WHEN r.ss THEN r.s ELSE thread.status END,\n       updated_at = now()\n  FROM json_to_recordset(:threads!::json) AS r(id bigint, sp boolean, p smallint, st boolean, tg text[], sa boolean, a uuid, ss boolean, s text)\n WHERE thread.id = r.id AND thread.workspace_id = :workspaceId!                                                                                                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread
 *    SET priority = CASE WHEN r.sp THEN r.p ELSE thread.priority END,
 *        tags = CASE WHEN r.st THEN r.tg ELSE thread.tags END,
 *        assignee_id = CASE WHEN r.sa THEN r.a ELSE thread.assignee_id END,
 *        status = CASE WHEN r.ss THEN r.s ELSE thread.status END,
 *        updated_at = now()
 *   FROM json_to_recordset(:threads!::json) AS r(id bigint, sp boolean, p smallint, st boolean, tg text[], sa boolean, a uuid, ss boolean, s text)
 *  WHERE thread.id = r.id AND thread.workspace_id = :workspaceId!                                                                                                                                                                                           
 * ```
 */
export const updateRuleThreads = new PreparedQuery<IUpdateRuleThreadsParams,IUpdateRuleThreadsResult>(updateRuleThreadsIR);


/** 'InsertRuleReplies' parameters type */
export interface IInsertRuleRepliesParams {
  replies: Json;
  workspaceId: string;
}

/** 'InsertRuleReplies' return type */
export interface IInsertRuleRepliesResult {
  id: string;
}

/** 'InsertRuleReplies' query type */
export interface IInsertRuleRepliesQuery {
  params: IInsertRuleRepliesParams;
  result: IInsertRuleRepliesResult;
}

const insertRuleRepliesIR: any = {"usedParamSet":{"workspaceId":true,"replies":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":243,"b":255},{"a":601,"b":613}]},{"name":"replies","required":true,"transform":{"type":"scalar"},"locs":[{"a":446,"b":454}]}],"statement":"WITH replies AS (\n       INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,\n                            parent_external_id, author_user_id, text, created_at, delivery)\n            SELECT :workspaceId!, m.channel_account_id, m.thread_id, NULL, 'outbound', true, m.external_id, NULL, c.text,\n                   date_trunc('milliseconds', now()), 'queued'\n              FROM json_to_recordset(:replies!::json) AS r(m bigint, c uuid)\n              JOIN message m ON m.id = r.m\n              JOIN canned_response c ON c.id = r.c AND c.workspace_id = :workspaceId!\n            RETURNING id, thread_id, text\n     ), touched AS (\n       UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),\n                         last_message_preview = left(replies.text, 280), message_count = message_count + 1, updated_at = now()\n         FROM replies WHERE thread.id = replies.thread_id\n     )\nSELECT id::text AS \"id!\" FROM replies"};

/**
 * Query generated from SQL:
 * ```
 * WITH replies AS (
 *        INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
 *                             parent_external_id, author_user_id, text, created_at, delivery)
 *             SELECT :workspaceId!, m.channel_account_id, m.thread_id, NULL, 'outbound', true, m.external_id, NULL, c.text,
 *                    date_trunc('milliseconds', now()), 'queued'
 *               FROM json_to_recordset(:replies!::json) AS r(m bigint, c uuid)
 *               JOIN message m ON m.id = r.m
 *               JOIN canned_response c ON c.id = r.c AND c.workspace_id = :workspaceId!
 *             RETURNING id, thread_id, text
 *      ), touched AS (
 *        UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),
 *                          last_message_preview = left(replies.text, 280), message_count = message_count + 1, updated_at = now()
 *          FROM replies WHERE thread.id = replies.thread_id
 *      )
 * SELECT id::text AS "id!" FROM replies
 * ```
 */
export const insertRuleReplies = new PreparedQuery<IInsertRuleRepliesParams,IInsertRuleRepliesResult>(insertRuleRepliesIR);


