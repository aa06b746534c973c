/* The rules' statements in the ingest path (rule-outcomes.ts, rules-cache.ts; `npm run gen:sql` types them into rules.queries.ts). */

/* No row: the workspace never had a rule. */
/* @name RuleSetVersion */
SELECT version FROM rule_set WHERE workspace_id = :workspaceId!;

/* @name EnabledRules */
SELECT id::text AS "id!", name, mode, stop_after AS "stopAfter", enabled, conditions, actions
  FROM rule WHERE workspace_id = :workspaceId! AND enabled ORDER BY position, id;

/*
 * What a rule needs beyond the message for the messages that may match: their ids, their thread's
 * triage state (what an automatic action replaces, for undo), and whether the message was written
 * outside the workspace's business hours (resonance_business_add of 0 seconds is the message's own
 * time inside open hours, a later opening outside them; without a schedule nothing is outside).
 */
/* @name RuleFacts */
SELECT m.id::text AS "id!", m.external_id AS "externalId!", m.thread_id::text AS "threadId!",
       t.priority, t.tags, t.assignee_id AS "assigneeId", t.status,
       (jsonb_path_exists(w.business_hours, '$.*[*]')
        AND resonance_business_add(m.created_at, 0, w.timezone, w.business_hours,
              ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id)) IS DISTINCT FROM m.created_at) AS "outsideHours!"
  FROM message m JOIN thread t ON t.id = m.thread_id JOIN workspace w ON w.id = m.workspace_id
 WHERE m.channel_account_id = :channelId! AND m.external_id = ANY(:externalIds!::text[]);

/* The active admins and agents, the turns of round-robin assignment. */
/* @name RoundRobinAgents */
SELECT id AS "id!" FROM users WHERE workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent') ORDER BY id;

/*
 * Takes round-robin turns of the rules that assign in turn, in an autocommit statement of its own
 * (rule-turns.ts): not in the ingest's transaction, which would hold the rows' locks until its
 * commit. The rows are locked in id order, so two writers taking turns of the same rules never
 * deadlock, and FOR NO KEY UPDATE as the UPDATE itself would: the rule_run rows an ingest inserts
 * hold a key-share lock on their rule until it commits, which FOR UPDATE would wait for.
 * Each row's first turn is returned.
 */
/* @name TakeRuleTurns */
WITH wanted AS (
       SELECT r.id, r.t FROM json_to_recordset(:turns!::json) AS r(id bigint, t int) WHERE r.t > 0
     ), locked AS (
       SELECT rule.id FROM rule JOIN wanted ON wanted.id = rule.id WHERE rule.workspace_id = :workspaceId! ORDER BY rule.id FOR NO KEY UPDATE OF rule
     )
UPDATE rule SET turn = turn + wanted.t
  FROM wanted JOIN locked ON locked.id = wanted.id
 WHERE rule.id = wanted.id
RETURNING rule.id::text AS "id!", (rule.turn - wanted.t)::text AS "firstTurn!";

/*
 * Counts matches and suggestions once the ingest committed (countRuleMatches in rule-outcomes.ts),
 * in an autocommit statement: in the transaction, every writer of the workspace waited for the
 * rows' locks until the one before it had committed. Locked in id order, as the turns.
 */
/* @name CountRuleMatches */
WITH counted AS (
       SELECT r.id, r.m, r.s FROM json_to_recordset(:counts!::json) AS r(id bigint, m int, s int)
     ), locked AS (
       SELECT rule.id FROM rule JOIN counted ON counted.id = rule.id WHERE rule.workspace_id = :workspaceId! ORDER BY rule.id FOR NO KEY UPDATE OF rule
     )
UPDATE rule SET matched_count = matched_count + counted.m, suggested_count = suggested_count + counted.s
  FROM counted JOIN locked ON locked.id = counted.id
 WHERE rule.id = counted.id;

/* @name InsertRuleSuggestions */
INSERT INTO rule_suggestion (workspace_id, message_id, thread_id, rule_id, rule_name, action_index, action)
     SELECT :workspaceId!, r.m, r.t, r.r, r.n, r.i, r.a
       FROM json_to_recordset(:suggestions!::json) AS r(m bigint, t bigint, r bigint, n text, i smallint, a jsonb)
     ON CONFLICT (message_id, rule_id, action_index) DO NOTHING;

/*
 * The actions rules took on their own: a rule_run each (the link to the rule, with what it replaced;
 * also the audit record: the audit log reads rule runs as rule.<action> events, apps/api/src/audit/audit.sql),
 * and a queued message_action for a hide, delete or like (performed by the outbound worker exactly
 * once, as an agent's). A message stored twice is evaluated once: the run's unique key skips the second.
 */
/* @name InsertRuleRuns */
WITH runs AS (
       INSERT INTO rule_run (workspace_id, message_id, thread_id, rule_id, rule_name, action_index, action, previous)
            SELECT :workspaceId!, r.m, r.t, r.r, r.n, r.i, r.a, r.p
              FROM json_to_recordset(:runs!::json) AS r(m bigint, t bigint, r bigint, n text, i smallint, a jsonb, p jsonb)
            ON CONFLICT (message_id, rule_id, action_index) DO NOTHING
            RETURNING id, message_id, action
     ), moderation AS (
       INSERT INTO message_action (workspace_id, message_id, action, requested_by, rule_run_id)
            SELECT :workspaceId!, message_id, action ->> 'type', NULL, id FROM runs WHERE action ->> 'type' IN ('hide', 'delete', 'like')
            ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING
            RETURNING id, rule_run_id
     )
SELECT runs.id::text AS "runId!", runs.message_id::text AS "messageId!", runs.action ->> 'type' AS "type!", moderation.id::text AS "actionId?"
  FROM runs LEFT JOIN moderation ON moderation.rule_run_id = runs.id;

/* A rule's triage of threads: each column changes only where its set… flag is true. */
/* @name UpdateRuleThreads */
UPDATE thread
   SET priority = CASE WHEN r.sp THEN r.p ELSE thread.priority END,
       tags = CASE WHEN r.st THEN r.tg ELSE thread.tags END,
       assignee_id = CASE WHEN r.sa THEN r.a ELSE thread.assignee_id END,
       status = CASE WHEN r.ss THEN r.s ELSE thread.status END,
       updated_at = now()
  FROM json_to_recordset(:threads!::json) AS r(id bigint, sp boolean, p smallint, st boolean, tg text[], sa boolean, a uuid, ss boolean, s text)
 WHERE thread.id = r.id AND thread.workspace_id = :workspaceId!;

/*
 * A rule's reply: a canned response queued as the account's reply to the message (the outbound
 * worker sends it as it sends an agent's; author_user_id NULL: no person wrote it).
 */
/* @name InsertRuleReplies */
WITH replies AS (
       INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                            parent_external_id, author_user_id, text, created_at, delivery)
            SELECT :workspaceId!, m.channel_account_id, m.thread_id, NULL, 'outbound', true, m.external_id, NULL, c.text,
                   date_trunc('milliseconds', now()), 'queued'
              FROM json_to_recordset(:replies!::json) AS r(m bigint, c uuid)
              JOIN message m ON m.id = r.m
              JOIN canned_response c ON c.id = r.c AND c.workspace_id = :workspaceId!
            RETURNING id, thread_id, text
     ), touched AS (
       UPDATE thread SET last_message_at = greatest(last_message_at, date_trunc('milliseconds', now())),
                         last_message_preview = left(replies.text, 280), message_count = message_count + 1, updated_at = now()
         FROM replies WHERE thread.id = replies.thread_id
     )
SELECT id::text AS "id!" FROM replies;
