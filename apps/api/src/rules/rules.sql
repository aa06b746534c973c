/* The rules' SQL in the api (rules.repository.ts runs it; `npm run gen:sql` types it into rules.queries.ts). */

/* @name ListRules */
SELECT id::text AS "id!", position, name, enabled, mode, stop_after AS "stopAfter", conditions, actions,
       matched_count AS "matchedCount", suggested_count AS "suggestedCount", accepted_count AS "acceptedCount", updated_at AS "updatedAt"
  FROM rule WHERE workspace_id = :workspaceId! ORDER BY position, id;

/* @name RuleById */
SELECT id::text AS "id!", position, name, enabled, mode, stop_after AS "stopAfter", conditions, actions,
       matched_count AS "matchedCount", suggested_count AS "suggestedCount", accepted_count AS "acceptedCount", updated_at AS "updatedAt"
  FROM rule WHERE workspace_id = :workspaceId! AND id = :id!;

/* @name CountRules */
SELECT count(*)::int AS "count!" FROM rule WHERE workspace_id = :workspaceId!;

/* A new rule goes last. :conditions and :actions are JSON text. */
/* @name InsertRule */
INSERT INTO rule (workspace_id, position, name, enabled, mode, stop_after, conditions, actions)
VALUES (:workspaceId!, (SELECT COALESCE(max(position), 0) + 1 FROM rule WHERE workspace_id = :workspaceId!), :name!, :enabled!, :mode!, :stopAfter!,
        :conditions!::jsonb, :actions!::jsonb)
RETURNING id::text AS "id!";

/* @name UpdateRule */
UPDATE rule SET name = :name!, enabled = :enabled!, mode = :mode!, stop_after = :stopAfter!, conditions = :conditions!::jsonb,
                actions = :actions!::jsonb, updated_at = now()
 WHERE workspace_id = :workspaceId! AND id = :id!
RETURNING id::text AS "id!";

/* @name DeleteRule */
DELETE FROM rule WHERE workspace_id = :workspaceId! AND id = :id! RETURNING id::text AS "id!";

/* Positions 1…n in the order of :ids (every rule of the workspace, checked by the service). */
/* @name ReorderRules */
UPDATE rule SET position = o.position, updated_at = now()
  FROM unnest(:ids!::bigint[]) WITH ORDINALITY AS o(id, position)
 WHERE rule.id = o.id AND rule.workspace_id = :workspaceId! AND rule.position IS DISTINCT FROM o.position;

/* @name CannedResponseText */
SELECT text FROM canned_response WHERE workspace_id = :workspaceId! AND id = :id!;

/* @name AssignableAgent */
SELECT 1 AS "found!" FROM users WHERE id = :userId! AND workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent');

/* The next round-robin turn of a rule's assignment: its agent, the turn taken. */
/* @name TakeRoundRobinTurn */
WITH taken AS (UPDATE rule SET turn = turn + 1 WHERE id = :ruleId! AND workspace_id = :workspaceId! RETURNING turn - 1 AS turn),
     agents AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n
                  FROM users WHERE workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent'))
SELECT agents.id AS "id!" FROM agents, taken WHERE agents.i = taken.turn % agents.n;

/* The suggestions and runs of a thread's messages, oldest first. */
/* @name ThreadSuggestions */
SELECT id::text AS "id!", message_id::text AS "messageId!", rule_id::text AS "ruleId", rule_name AS "ruleName", action, state, created_at AS "createdAt"
  FROM rule_suggestion WHERE workspace_id = :workspaceId! AND thread_id = :threadId! ORDER BY id LIMIT 500;

/* @name ThreadRuns */
SELECT r.id::text AS "id!", r.message_id::text AS "messageId!", r.rule_id::text AS "ruleId", r.rule_name AS "ruleName", r.action,
       r.undone_at AS "undoneAt", u.id AS "undoneById?", u.name AS "undoneByName?", r.created_at AS "createdAt"
  FROM rule_run r LEFT JOIN users u ON u.id = r.undone_by
 WHERE r.workspace_id = :workspaceId! AND r.thread_id = :threadId! ORDER BY r.id LIMIT 500;

/* @name SuggestionById */
SELECT id::text AS "id!", message_id::text AS "messageId!", thread_id::text AS "threadId!", rule_id::text AS "ruleId", action, state
  FROM rule_suggestion WHERE workspace_id = :workspaceId! AND id = :id!;

/* Decides a pending suggestion; an accept counts for its rule. Nothing when it was decided already (a double click). */
/* @name DecideSuggestion */
WITH decided AS (
       UPDATE rule_suggestion SET state = :state!, decided_by = :userId!, decided_at = now()
        WHERE workspace_id = :workspaceId! AND id = :id! AND state = 'pending'
        RETURNING id, rule_id, state
     ), counted AS (
       UPDATE rule SET accepted_count = accepted_count + 1 FROM decided WHERE rule.id = decided.rule_id AND decided.state = 'accepted'
     )
SELECT id::text AS "id!" FROM decided;

/* @name RunById */
SELECT id::text AS "id!", message_id::text AS "messageId!", thread_id::text AS "threadId!", rule_id::text AS "ruleId", rule_name AS "ruleName",
       action, previous, undone_at AS "undoneAt"
  FROM rule_run WHERE workspace_id = :workspaceId! AND id = :id! FOR UPDATE;

/* @name MarkRunUndone */
UPDATE rule_run SET undone_at = now(), undone_by = :userId! WHERE workspace_id = :workspaceId! AND id = :id! AND undone_at IS NULL RETURNING id::text AS "id!";

/*
 * "Hidden by rules": messages a rule hid (or is hiding: its action still queued) and nobody undid,
 * newest first, after the cursor id.
 */
/* @name HiddenByRules */
SELECT r.id::text AS "runId!", r.message_id::text AS "messageId!", r.thread_id::text AS "threadId!", r.rule_id::text AS "ruleId",
       r.rule_name AS "ruleName", r.created_at AS "createdAt", m.text, m.hidden, t.network, c.name AS "authorName?", c.handle AS "authorHandle?"
  FROM rule_run r JOIN message m ON m.id = r.message_id JOIN thread t ON t.id = r.thread_id LEFT JOIN contact c ON c.id = m.author_contact_id
 WHERE r.workspace_id = :workspaceId! AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL
   AND (:beforeId::bigint IS NULL OR r.id < :beforeId)
 ORDER BY r.id DESC LIMIT :limit!::int;
