/* The bench's rules (rules.ts runs it; `npm run gen:sql` types it into rules.queries.ts). */

/* :rules is a JSON array of {position, name, mode, stopAfter, conditions, actions}, checked by validateRule before. */
/* @name InsertBenchRules */
INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)
SELECT :workspaceId!, r."position", r.name, true, r.mode, r."stopAfter", r.conditions, r.actions
  FROM json_to_recordset(:rules!::json) AS r("position" int, name text, mode text, "stopAfter" boolean, conditions jsonb, actions jsonb)
RETURNING id;

/* What the rules did to the measured channel's messages: matches and suggestions (the rules' counters), automatic actions by type. */
/* @name BenchRuleOutcomes */
SELECT (SELECT count(*)::int FROM rule WHERE workspace_id = :workspaceId! AND enabled) AS "active!",
       (SELECT COALESCE(sum(matched_count), 0)::int FROM rule WHERE workspace_id = :workspaceId!) AS "matched!",
       (SELECT count(*)::int FROM rule_suggestion s JOIN message m ON m.id = s.message_id
         WHERE s.workspace_id = :workspaceId! AND m.channel_account_id = :channelId!) AS "suggested!",
       (SELECT COALESCE(jsonb_object_agg(a.type, a.n), '{}'::jsonb)
          FROM (SELECT r.action ->> 'type' AS type, count(*)::int AS n FROM rule_run r JOIN message m ON m.id = r.message_id
                 WHERE r.workspace_id = :workspaceId! AND m.channel_account_id = :channelId! GROUP BY 1) a) AS "actions!",
       (SELECT count(*)::int FROM message_action a JOIN message m ON m.id = a.message_id
         WHERE a.workspace_id = :workspaceId! AND m.channel_account_id = :channelId! AND a.rule_run_id IS NOT NULL AND a.state = 'done') AS "moderationDone!";
