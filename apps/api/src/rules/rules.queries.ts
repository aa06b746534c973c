/** Types generated for queries found in "apps/api/src/rules/rules.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

/** 'ListRules' parameters type */
export interface IListRulesParams {
  workspaceId: string;
}

/** 'ListRules' return type */
export interface IListRulesResult {
  acceptedCount: string;
  actions: Json;
  conditions: Json;
  enabled: boolean;
  id: string;
  matchedCount: string;
  mode: string;
  name: string;
  position: number;
  stopAfter: boolean;
  suggestedCount: string;
  updatedAt: Date;
}

/** 'ListRules' query type */
export interface IListRulesQuery {
  params: IListRulesParams;
  result: IListRulesResult;
}

const listRulesIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":288}]}],"statement":"SELECT id::text AS \"id!\", position, name, enabled, mode, stop_after AS \"stopAfter\", conditions, actions,\n       matched_count AS \"matchedCount\", suggested_count AS \"suggestedCount\", accepted_count AS \"acceptedCount\", updated_at AS \"updatedAt\"\n  FROM rule WHERE workspace_id = :workspaceId! ORDER BY position, id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", position, name, enabled, mode, stop_after AS "stopAfter", conditions, actions,
 *        matched_count AS "matchedCount", suggested_count AS "suggestedCount", accepted_count AS "acceptedCount", updated_at AS "updatedAt"
 *   FROM rule WHERE workspace_id = :workspaceId! ORDER BY position, id
 * ```
 */
export const listRules = new PreparedQuery<IListRulesParams,IListRulesResult>(listRulesIR);


/** 'RuleById' parameters type */
export interface IRuleByIdParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'RuleById' return type */
export interface IRuleByIdResult {
  acceptedCount: string;
  actions: Json;
  conditions: Json;
  enabled: boolean;
  id: string;
  matchedCount: string;
  mode: string;
  name: string;
  position: number;
  stopAfter: boolean;
  suggestedCount: string;
  updatedAt: Date;
}

/** 'RuleById' query type */
export interface IRuleByIdQuery {
  params: IRuleByIdParams;
  result: IRuleByIdResult;
}

const ruleByIdIR: any = {"usedParamSet":{"workspaceId":true,"id":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":288}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":299,"b":302}]}],"statement":"SELECT id::text AS \"id!\", position, name, enabled, mode, stop_after AS \"stopAfter\", conditions, actions,\n       matched_count AS \"matchedCount\", suggested_count AS \"suggestedCount\", accepted_count AS \"acceptedCount\", updated_at AS \"updatedAt\"\n  FROM rule WHERE workspace_id = :workspaceId! AND id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", position, name, enabled, mode, stop_after AS "stopAfter", conditions, actions,
 *        matched_count AS "matchedCount", suggested_count AS "suggestedCount", accepted_count AS "acceptedCount", updated_at AS "updatedAt"
 *   FROM rule WHERE workspace_id = :workspaceId! AND id = :id!
 * ```
 */
export const ruleById = new PreparedQuery<IRuleByIdParams,IRuleByIdResult>(ruleByIdIR);


/** 'CountRules' parameters type */
export interface ICountRulesParams {
  workspaceId: string;
}

/** 'CountRules' return type */
export interface ICountRulesResult {
  count: number;
}

/** 'CountRules' query type */
export interface ICountRulesQuery {
  params: ICountRulesParams;
  result: ICountRulesResult;
}

const countRulesIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":64,"b":76}]}],"statement":"SELECT count(*)::int AS \"count!\" FROM rule WHERE workspace_id = :workspaceId!                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "count!" FROM rule WHERE workspace_id = :workspaceId!                                                                   
 * ```
 */
export const countRules = new PreparedQuery<ICountRulesParams,ICountRulesResult>(countRulesIR);


/** 'InsertRule' parameters type */
export interface IInsertRuleParams {
  actions: Json;
  conditions: Json;
  enabled: boolean;
  mode: string;
  name: string;
  stopAfter: boolean;
  workspaceId: string;
}

/** 'InsertRule' return type */
export interface IInsertRuleResult {
  id: string;
}

/** 'InsertRule' query type */
export interface IInsertRuleQuery {
  params: IInsertRuleParams;
  result: IInsertRuleResult;
}

const insertRuleIR: any = {"usedParamSet":{"workspaceId":true,"name":true,"enabled":true,"mode":true,"stopAfter":true,"conditions":true,"actions":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":116},{"a":189,"b":201}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":210}]},{"name":"enabled","required":true,"transform":{"type":"scalar"},"locs":[{"a":213,"b":221}]},{"name":"mode","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":229}]},{"name":"stopAfter","required":true,"transform":{"type":"scalar"},"locs":[{"a":232,"b":242}]},{"name":"conditions","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":264}]},{"name":"actions","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":282}]}],"statement":"INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)\nVALUES (:workspaceId!, (SELECT COALESCE(max(position), 0) + 1 FROM rule WHERE workspace_id = :workspaceId!), :name!, :enabled!, :mode!, :stopAfter!,\n        :conditions!::jsonb, :actions!::jsonb)\nRETURNING id::text AS \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)
 * VALUES (:workspaceId!, (SELECT COALESCE(max(position), 0) + 1 FROM rule WHERE workspace_id = :workspaceId!), :name!, :enabled!, :mode!, :stopAfter!,
 *         :conditions!::jsonb, :actions!::jsonb)
 * RETURNING id::text AS "id!"
 * ```
 */
export const insertRule = new PreparedQuery<IInsertRuleParams,IInsertRuleResult>(insertRuleIR);


/** 'UpdateRule' parameters type */
export interface IUpdateRuleParams {
  actions: Json;
  conditions: Json;
  enabled: boolean;
  id: NumberOrString;
  mode: string;
  name: string;
  stopAfter: boolean;
  workspaceId: string;
}

/** 'UpdateRule' return type */
export interface IUpdateRuleResult {
  id: string;
}

/** 'UpdateRule' query type */
export interface IUpdateRuleQuery {
  params: IUpdateRuleParams;
  result: IUpdateRuleResult;
}

const updateRuleIR: any = {"usedParamSet":{"name":true,"enabled":true,"mode":true,"stopAfter":true,"conditions":true,"actions":true,"workspaceId":true,"id":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":23,"b":28}]},{"name":"enabled","required":true,"transform":{"type":"scalar"},"locs":[{"a":41,"b":49}]},{"name":"mode","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":64}]},{"name":"stopAfter","required":true,"transform":{"type":"scalar"},"locs":[{"a":80,"b":90}]},{"name":"conditions","required":true,"transform":{"type":"scalar"},"locs":[{"a":106,"b":117}]},{"name":"actions","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":161}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":212,"b":224}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":235,"b":238}]}],"statement":"UPDATE rule SET name = :name!, enabled = :enabled!, mode = :mode!, stop_after = :stopAfter!, conditions = :conditions!::jsonb,\n                actions = :actions!::jsonb, updated_at = now()\n WHERE workspace_id = :workspaceId! AND id = :id!\nRETURNING id::text AS \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE rule SET name = :name!, enabled = :enabled!, mode = :mode!, stop_after = :stopAfter!, conditions = :conditions!::jsonb,
 *                 actions = :actions!::jsonb, updated_at = now()
 *  WHERE workspace_id = :workspaceId! AND id = :id!
 * RETURNING id::text AS "id!"
 * ```
 */
export const updateRule = new PreparedQuery<IUpdateRuleParams,IUpdateRuleResult>(updateRuleIR);


/** 'DeleteRule' parameters type */
export interface IDeleteRuleParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'DeleteRule' return type */
export interface IDeleteRuleResult {
  id: string;
}

/** 'DeleteRule' query type */
export interface IDeleteRuleQuery {
  params: IDeleteRuleParams;
  result: IDeleteRuleResult;
}

const deleteRuleIR: any = {"usedParamSet":{"workspaceId":true,"id":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":38,"b":50}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":64}]}],"statement":"DELETE FROM rule WHERE workspace_id = :workspaceId! AND id = :id! RETURNING id::text AS \"id!\"                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM rule WHERE workspace_id = :workspaceId! AND id = :id! RETURNING id::text AS "id!"                                                                                               
 * ```
 */
export const deleteRule = new PreparedQuery<IDeleteRuleParams,IDeleteRuleResult>(deleteRuleIR);


/** 'ReorderRules' parameters type */
export interface IReorderRulesParams {
  ids: NumberOrStringArray;
  workspaceId: string;
}

/** 'ReorderRules' return type */
export type IReorderRulesResult = void;

/** 'ReorderRules' query type */
export interface IReorderRulesQuery {
  params: IReorderRulesParams;
  result: IReorderRulesResult;
}

const reorderRulesIR: any = {"usedParamSet":{"ids":true,"workspaceId":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":72,"b":76}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":170,"b":182}]}],"statement":"UPDATE rule SET position = o.position, updated_at = now()\n  FROM unnest(:ids!::bigint[]) WITH ORDINALITY AS o(id, position)\n WHERE rule.id = o.id AND rule.workspace_id = :workspaceId! AND rule.position IS DISTINCT FROM o.position"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE rule SET position = o.position, updated_at = now()
 *   FROM unnest(:ids!::bigint[]) WITH ORDINALITY AS o(id, position)
 *  WHERE rule.id = o.id AND rule.workspace_id = :workspaceId! AND rule.position IS DISTINCT FROM o.position
 * ```
 */
export const reorderRules = new PreparedQuery<IReorderRulesParams,IReorderRulesResult>(reorderRulesIR);


/** 'CannedResponseText' parameters type */
export interface ICannedResponseTextParams {
  id: string;
  workspaceId: string;
}

/** 'CannedResponseText' return type */
export interface ICannedResponseTextResult {
  text: string;
}

/** 'CannedResponseText' query type */
export interface ICannedResponseTextQuery {
  params: ICannedResponseTextParams;
  result: ICannedResponseTextResult;
}

const cannedResponseTextIR: any = {"usedParamSet":{"workspaceId":true,"id":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":66}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":80}]}],"statement":"SELECT text FROM canned_response WHERE workspace_id = :workspaceId! AND id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT text FROM canned_response WHERE workspace_id = :workspaceId! AND id = :id!
 * ```
 */
export const cannedResponseText = new PreparedQuery<ICannedResponseTextParams,ICannedResponseTextResult>(cannedResponseTextIR);


/** 'AssignableAgent' parameters type */
export interface IAssignableAgentParams {
  userId: string;
  workspaceId: string;
}

/** 'AssignableAgent' return type */
export interface IAssignableAgentResult {
  found: number;
}

/** 'AssignableAgent' query type */
export interface IAssignableAgentQuery {
  params: IAssignableAgentParams;
  result: IAssignableAgentResult;
}

const assignableAgentIR: any = {"usedParamSet":{"userId":true,"workspaceId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":50}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":71,"b":83}]}],"statement":"SELECT 1 AS \"found!\" FROM users WHERE id = :userId! AND workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent')                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM users WHERE id = :userId! AND workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent')                                                                                  
 * ```
 */
export const assignableAgent = new PreparedQuery<IAssignableAgentParams,IAssignableAgentResult>(assignableAgentIR);


/** 'TakeRoundRobinTurn' parameters type */
export interface ITakeRoundRobinTurnParams {
  ruleId: NumberOrString;
  workspaceId: string;
}

/** 'TakeRoundRobinTurn' return type */
export interface ITakeRoundRobinTurnResult {
  id: string;
}

/** 'TakeRoundRobinTurn' query type */
export interface ITakeRoundRobinTurnQuery {
  params: ITakeRoundRobinTurnParams;
  result: ITakeRoundRobinTurnResult;
}

const takeRoundRobinTurnIR: any = {"usedParamSet":{"ruleId":true,"workspaceId":true},"params":[{"name":"ruleId","required":true,"transform":{"type":"scalar"},"locs":[{"a":58,"b":65}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":86,"b":98},{"a":270,"b":282}]}],"statement":"WITH taken AS (UPDATE rule SET turn = turn + 1 WHERE id = :ruleId! AND workspace_id = :workspaceId! RETURNING turn - 1 AS turn),\n     agents AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n\n                  FROM users WHERE workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent'))\nSELECT agents.id AS \"id!\" FROM agents, taken WHERE agents.i = taken.turn % agents.n                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * WITH taken AS (UPDATE rule SET turn = turn + 1 WHERE id = :ruleId! AND workspace_id = :workspaceId! RETURNING turn - 1 AS turn),
 *      agents AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
 *                   FROM users WHERE workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent'))
 * SELECT agents.id AS "id!" FROM agents, taken WHERE agents.i = taken.turn % agents.n                                                                    
 * ```
 */
export const takeRoundRobinTurn = new PreparedQuery<ITakeRoundRobinTurnParams,ITakeRoundRobinTurnResult>(takeRoundRobinTurnIR);


/** 'ThreadSuggestions' parameters type */
export interface IThreadSuggestionsParams {
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'ThreadSuggestions' return type */
export interface IThreadSuggestionsResult {
  action: Json;
  createdAt: Date;
  id: string;
  messageId: string;
  ruleId: string | null;
  ruleName: string;
  state: string;
}

/** 'ThreadSuggestions' query type */
export interface IThreadSuggestionsQuery {
  params: IThreadSuggestionsParams;
  result: IThreadSuggestionsResult;
}

const threadSuggestionsIR: any = {"usedParamSet":{"workspaceId":true,"threadId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":197,"b":209}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":227,"b":236}]}],"statement":"SELECT id::text AS \"id!\", message_id::text AS \"messageId!\", rule_id::text AS \"ruleId\", rule_name AS \"ruleName\", action, state, created_at AS \"createdAt\"\n  FROM rule_suggestion WHERE workspace_id = :workspaceId! AND thread_id = :threadId! ORDER BY id LIMIT 500"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", message_id::text AS "messageId!", rule_id::text AS "ruleId", rule_name AS "ruleName", action, state, created_at AS "createdAt"
 *   FROM rule_suggestion WHERE workspace_id = :workspaceId! AND thread_id = :threadId! ORDER BY id LIMIT 500
 * ```
 */
export const threadSuggestions = new PreparedQuery<IThreadSuggestionsParams,IThreadSuggestionsResult>(threadSuggestionsIR);


/** 'ThreadRuns' parameters type */
export interface IThreadRunsParams {
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'ThreadRuns' return type */
export interface IThreadRunsResult {
  action: Json;
  createdAt: Date;
  id: string;
  messageId: string;
  ruleId: string | null;
  ruleName: string;
  undoneAt: Date | null;
  undoneById: string | null;
  undoneByName: string | null;
}

/** 'ThreadRuns' query type */
export interface IThreadRunsQuery {
  params: IThreadRunsParams;
  result: IThreadRunsResult;
}

const threadRunsIR: any = {"usedParamSet":{"workspaceId":true,"threadId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":336}]},{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":356,"b":365}]}],"statement":"SELECT r.id::text AS \"id!\", r.message_id::text AS \"messageId!\", r.rule_id::text AS \"ruleId\", r.rule_name AS \"ruleName\", r.action,\n       r.undone_at AS \"undoneAt\", u.id AS \"undoneById?\", u.name AS \"undoneByName?\", r.created_at AS \"createdAt\"\n  FROM rule_run r LEFT JOIN users u ON u.id = r.undone_by\n WHERE r.workspace_id = :workspaceId! AND r.thread_id = :threadId! ORDER BY r.id LIMIT 500"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.id::text AS "id!", r.message_id::text AS "messageId!", r.rule_id::text AS "ruleId", r.rule_name AS "ruleName", r.action,
 *        r.undone_at AS "undoneAt", u.id AS "undoneById?", u.name AS "undoneByName?", r.created_at AS "createdAt"
 *   FROM rule_run r LEFT JOIN users u ON u.id = r.undone_by
 *  WHERE r.workspace_id = :workspaceId! AND r.thread_id = :threadId! ORDER BY r.id LIMIT 500
 * ```
 */
export const threadRuns = new PreparedQuery<IThreadRunsParams,IThreadRunsResult>(threadRunsIR);


/** 'SuggestionById' parameters type */
export interface ISuggestionByIdParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'SuggestionById' return type */
export interface ISuggestionByIdResult {
  action: Json;
  id: string;
  messageId: string;
  ruleId: string | null;
  state: string;
  threadId: string;
}

/** 'SuggestionById' query type */
export interface ISuggestionByIdQuery {
  params: ISuggestionByIdParams;
  result: ISuggestionByIdResult;
}

const suggestionByIdIR: any = {"usedParamSet":{"workspaceId":true,"id":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":189}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":203}]}],"statement":"SELECT id::text AS \"id!\", message_id::text AS \"messageId!\", thread_id::text AS \"threadId!\", rule_id::text AS \"ruleId\", action, state\n  FROM rule_suggestion WHERE workspace_id = :workspaceId! AND id = :id!                                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", message_id::text AS "messageId!", thread_id::text AS "threadId!", rule_id::text AS "ruleId", action, state
 *   FROM rule_suggestion WHERE workspace_id = :workspaceId! AND id = :id!                                                                                                                        
 * ```
 */
export const suggestionById = new PreparedQuery<ISuggestionByIdParams,ISuggestionByIdResult>(suggestionByIdIR);


/** 'DecideSuggestion' parameters type */
export interface IDecideSuggestionParams {
  id: NumberOrString;
  state: string;
  userId: string;
  workspaceId: string;
}

/** 'DecideSuggestion' return type */
export interface IDecideSuggestionResult {
  id: string;
}

/** 'DecideSuggestion' query type */
export interface IDecideSuggestionQuery {
  params: IDecideSuggestionParams;
  result: IDecideSuggestionResult;
}

const decideSuggestionIR: any = {"usedParamSet":{"state":true,"userId":true,"workspaceId":true,"id":true},"params":[{"name":"state","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":66}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":89}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":140,"b":152}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":163,"b":166}]}],"statement":"WITH decided AS (\n       UPDATE rule_suggestion SET state = :state!, decided_by = :userId!, decided_at = now()\n        WHERE workspace_id = :workspaceId! AND id = :id! AND state = 'pending'\n        RETURNING id, rule_id, state\n     ), counted AS (\n       UPDATE rule SET accepted_count = accepted_count + 1 FROM decided WHERE rule.id = decided.rule_id AND decided.state = 'accepted'\n     )\nSELECT id::text AS \"id!\" FROM decided"};

/**
 * Query generated from SQL:
 * ```
 * WITH decided AS (
 *        UPDATE rule_suggestion SET state = :state!, decided_by = :userId!, decided_at = now()
 *         WHERE workspace_id = :workspaceId! AND id = :id! AND state = 'pending'
 *         RETURNING id, rule_id, state
 *      ), counted AS (
 *        UPDATE rule SET accepted_count = accepted_count + 1 FROM decided WHERE rule.id = decided.rule_id AND decided.state = 'accepted'
 *      )
 * SELECT id::text AS "id!" FROM decided
 * ```
 */
export const decideSuggestion = new PreparedQuery<IDecideSuggestionParams,IDecideSuggestionResult>(decideSuggestionIR);


/** 'RunById' parameters type */
export interface IRunByIdParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'RunById' return type */
export interface IRunByIdResult {
  action: Json;
  id: string;
  messageId: string;
  previous: Json;
  ruleId: string | null;
  ruleName: string;
  threadId: string;
  undoneAt: Date | null;
}

/** 'RunById' query type */
export interface IRunByIdQuery {
  params: IRunByIdParams;
  result: IRunByIdResult;
}

const runByIdIR: any = {"usedParamSet":{"workspaceId":true,"id":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":242}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":256}]}],"statement":"SELECT id::text AS \"id!\", message_id::text AS \"messageId!\", thread_id::text AS \"threadId!\", rule_id::text AS \"ruleId\", rule_name AS \"ruleName\",\n       action, previous, undone_at AS \"undoneAt\"\n  FROM rule_run WHERE workspace_id = :workspaceId! AND id = :id! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", message_id::text AS "messageId!", thread_id::text AS "threadId!", rule_id::text AS "ruleId", rule_name AS "ruleName",
 *        action, previous, undone_at AS "undoneAt"
 *   FROM rule_run WHERE workspace_id = :workspaceId! AND id = :id! FOR UPDATE
 * ```
 */
export const runById = new PreparedQuery<IRunByIdParams,IRunByIdResult>(runByIdIR);


/** 'MarkRunUndone' parameters type */
export interface IMarkRunUndoneParams {
  id: NumberOrString;
  userId: string;
  workspaceId: string;
}

/** 'MarkRunUndone' return type */
export interface IMarkRunUndoneResult {
  id: string;
}

/** 'MarkRunUndone' query type */
export interface IMarkRunUndoneQuery {
  params: IMarkRunUndoneParams;
  result: IMarkRunUndoneResult;
}

const markRunUndoneIR: any = {"usedParamSet":{"userId":true,"workspaceId":true,"id":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":58}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":93}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":107}]}],"statement":"UPDATE rule_run SET undone_at = now(), undone_by = :userId! WHERE workspace_id = :workspaceId! AND id = :id! AND undone_at IS NULL RETURNING id::text AS \"id!\"                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE rule_run SET undone_at = now(), undone_by = :userId! WHERE workspace_id = :workspaceId! AND id = :id! AND undone_at IS NULL RETURNING id::text AS "id!"                                                                                                                                                
 * ```
 */
export const markRunUndone = new PreparedQuery<IMarkRunUndoneParams,IMarkRunUndoneResult>(markRunUndoneIR);


/** 'HiddenByRules' parameters type */
export interface IHiddenByRulesParams {
  beforeId?: NumberOrString | null | void;
  limit: number;
  workspaceId: string;
}

/** 'HiddenByRules' return type */
export interface IHiddenByRulesResult {
  authorHandle: string | null;
  authorName: string | null;
  createdAt: Date;
  hidden: boolean;
  messageId: string;
  network: string;
  ruleId: string | null;
  ruleName: string;
  runId: string;
  text: string;
  threadId: string;
}

/** 'HiddenByRules' query type */
export interface IHiddenByRulesQuery {
  params: IHiddenByRulesParams;
  result: IHiddenByRulesResult;
}

const hiddenByRulesIR: any = {"usedParamSet":{"workspaceId":true,"beforeId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":441,"b":453}]},{"name":"beforeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":520,"b":528},{"a":556,"b":564}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":593,"b":599}]}],"statement":"SELECT r.id::text AS \"runId!\", r.message_id::text AS \"messageId!\", r.thread_id::text AS \"threadId!\", r.rule_id::text AS \"ruleId\",\n       r.rule_name AS \"ruleName\", r.created_at AS \"createdAt\", m.text, m.hidden, t.network, c.name AS \"authorName?\", c.handle AS \"authorHandle?\"\n  FROM rule_run r JOIN message m ON m.id = r.message_id JOIN thread t ON t.id = r.thread_id LEFT JOIN contact c ON c.id = m.author_contact_id\n WHERE r.workspace_id = :workspaceId! AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL\n   AND (:beforeId::bigint IS NULL OR r.id < :beforeId)\n ORDER BY r.id DESC LIMIT :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.id::text AS "runId!", r.message_id::text AS "messageId!", r.thread_id::text AS "threadId!", r.rule_id::text AS "ruleId",
 *        r.rule_name AS "ruleName", r.created_at AS "createdAt", m.text, m.hidden, t.network, c.name AS "authorName?", c.handle AS "authorHandle?"
 *   FROM rule_run r JOIN message m ON m.id = r.message_id JOIN thread t ON t.id = r.thread_id LEFT JOIN contact c ON c.id = m.author_contact_id
 *  WHERE r.workspace_id = :workspaceId! AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL
 *    AND (:beforeId::bigint IS NULL OR r.id < :beforeId)
 *  ORDER BY r.id DESC LIMIT :limit!::int
 * ```
 */
export const hiddenByRules = new PreparedQuery<IHiddenByRulesParams,IHiddenByRulesResult>(hiddenByRulesIR);


