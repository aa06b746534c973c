/** Types generated for queries found in "apps/cli/src/bench/rules.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'InsertBenchRules' parameters type */
export interface IInsertBenchRulesParams {
  rules: Json;
  workspaceId: string;
}

/** 'InsertBenchRules' return type */
export interface IInsertBenchRulesResult {
  id: string;
}

/** 'InsertBenchRules' query type */
export interface IInsertBenchRulesQuery {
  params: IInsertBenchRulesParams;
  result: IInsertBenchRulesResult;
}

const insertBenchRulesIR: any = {"usedParamSet":{"workspaceId":true,"rules":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":103,"b":115}]},{"name":"rules","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":224}]}],"statement":"INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)\nSELECT :workspaceId!, r.\"position\", r.name, true, r.mode, r.\"stopAfter\", r.conditions, r.actions\n  FROM json_to_recordset(:rules!::json) AS r(\"position\" int, name text, mode text, \"stopAfter\" boolean, conditions jsonb, actions jsonb)\nRETURNING id                                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)
 * SELECT :workspaceId!, r."position", r.name, true, r.mode, r."stopAfter", r.conditions, r.actions
 *   FROM json_to_recordset(:rules!::json) AS r("position" int, name text, mode text, "stopAfter" boolean, conditions jsonb, actions jsonb)
 * RETURNING id                                                                                                                                      
 * ```
 */
export const insertBenchRules = new PreparedQuery<IInsertBenchRulesParams,IInsertBenchRulesResult>(insertBenchRulesIR);


/** 'BenchRuleOutcomes' parameters type */
export interface IBenchRuleOutcomesParams {
  channelId: string;
  workspaceId: string;
}

/** 'BenchRuleOutcomes' return type */
export interface IBenchRuleOutcomesResult {
  actions: Json;
  active: number;
  matched: number;
  moderationDone: number;
  suggested: number;
}

/** 'BenchRuleOutcomes' query type */
export interface IBenchRuleOutcomesQuery {
  params: IBenchRuleOutcomesParams;
  result: IBenchRuleOutcomesResult;
}

const benchRuleOutcomesIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":72},{"a":184,"b":196},{"a":336,"b":348},{"a":640,"b":652},{"a":844,"b":856}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":377,"b":387},{"a":681,"b":691},{"a":885,"b":895}]}],"statement":"SELECT (SELECT count(*)::int FROM rule WHERE workspace_id = :workspaceId! AND enabled) AS \"active!\",\n       (SELECT COALESCE(sum(matched_count), 0)::int FROM rule WHERE workspace_id = :workspaceId!) AS \"matched!\",\n       (SELECT count(*)::int FROM rule_suggestion s JOIN message m ON m.id = s.message_id\n         WHERE s.workspace_id = :workspaceId! AND m.channel_account_id = :channelId!) AS \"suggested!\",\n       (SELECT COALESCE(jsonb_object_agg(a.type, a.n), '{}'::jsonb)\n          FROM (SELECT r.action ->> 'type' AS type, count(*)::int AS n FROM rule_run r JOIN message m ON m.id = r.message_id\n                 WHERE r.workspace_id = :workspaceId! AND m.channel_account_id = :channelId! GROUP BY 1) a) AS \"actions!\",\n       (SELECT count(*)::int FROM message_action a JOIN message m ON m.id = a.message_id\n         WHERE a.workspace_id = :workspaceId! AND m.channel_account_id = :channelId! AND a.rule_run_id IS NOT NULL AND a.state = 'done') AS \"moderationDone!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT (SELECT count(*)::int FROM rule WHERE workspace_id = :workspaceId! AND enabled) AS "active!",
 *        (SELECT COALESCE(sum(matched_count), 0)::int FROM rule WHERE workspace_id = :workspaceId!) AS "matched!",
 *        (SELECT count(*)::int FROM rule_suggestion s JOIN message m ON m.id = s.message_id
 *          WHERE s.workspace_id = :workspaceId! AND m.channel_account_id = :channelId!) AS "suggested!",
 *        (SELECT COALESCE(jsonb_object_agg(a.type, a.n), '{}'::jsonb)
 *           FROM (SELECT r.action ->> 'type' AS type, count(*)::int AS n FROM rule_run r JOIN message m ON m.id = r.message_id
 *                  WHERE r.workspace_id = :workspaceId! AND m.channel_account_id = :channelId! GROUP BY 1) a) AS "actions!",
 *        (SELECT count(*)::int FROM message_action a JOIN message m ON m.id = a.message_id
 *          WHERE a.workspace_id = :workspaceId! AND m.channel_account_id = :channelId! AND a.rule_run_id IS NOT NULL AND a.state = 'done') AS "moderationDone!"
 * ```
 */
export const benchRuleOutcomes = new PreparedQuery<IBenchRuleOutcomesParams,IBenchRuleOutcomesResult>(benchRuleOutcomesIR);


