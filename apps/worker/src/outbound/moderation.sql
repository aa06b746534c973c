/* Moderation actions (moderation-runner.ts; typed into moderation.queries.ts). */

/* @name ModerationActionRow */
SELECT a.id::text AS "id!", a.action, a.state, a.requested_by, a.attempted_at, m.id::text AS "message_id!", m.external_id, m.channel_account_id,
              m.liked, m.hidden, m.held_for_review, m.deleted, c.external_id AS "author_external_id?"
         FROM message_action a JOIN message m ON m.id = a.message_id LEFT JOIN contact c ON c.id = m.author_contact_id
        WHERE a.id = :id!;

/* @name RecordActionError */
UPDATE message_action SET error = :error! WHERE id = :id! AND state = 'queued';

/* Committed before the network is called: a later run knows the call may have happened (moderation-runner.ts). */
/* @name MarkActionAttempted */
UPDATE message_action SET attempted_at = now() WHERE id = :id! AND state = 'queued';

/* @name FailAction */
UPDATE message_action SET state = 'failed', error = :error!, finished_at = now() WHERE id = :id! AND state = 'queued';

/* The message row first, as the api's request() locks it (FOR UPDATE OF m) before the action's row. */
/* @name LockActionMessage */
SELECT 1 AS "locked!" FROM message WHERE id = :id! FOR UPDATE;

/* @name ClaimAction */
UPDATE message_action SET state = 'done', error = NULL, finished_at = now() WHERE id = :id! AND state = 'queued' RETURNING id;

/* The effect of each action on its message. like/hide/delete of an inbound comment stamp it handled
   (the first one wins; the reports migration's trigger leaves handled_* set as they are); unlike and
   unhide take back the stamp their counterpart set. One statement per action: the SET list differs. */

/* @name ApplyLike */
UPDATE message SET liked = true , handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,
             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!;

/* @name ApplyUnlike */
UPDATE message SET liked = false , handled_at = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_at END,
             handled_by = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_by END,
             handled_action = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_action END WHERE id = :messageId!;

/* hide and unhide (and ban) decide a comment held for review (rejected, published): it is held no more. */
/* @name ApplyHide */
UPDATE message SET hidden = true , held_for_review = false, handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,
             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!;

/* @name ApplyUnhide */
UPDATE message SET hidden = false , held_for_review = false, handled_at = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_at END,
             handled_by = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_by END,
             handled_action = CASE WHEN handled_action = :undone! THEN NULL ELSE handled_action END WHERE id = :messageId!;

/* @name ApplyDelete */
UPDATE message SET deleted = true , handled_at = CASE WHEN NOT is_from_account THEN COALESCE(handled_at, now()) END,
             handled_by = CASE WHEN NOT is_from_account THEN COALESCE(handled_by, :requestedBy::uuid) END,
             handled_action = CASE WHEN NOT is_from_account THEN COALESCE(handled_action, :action!) END WHERE id = :messageId!;

/* The thread's wait after a like/hide/delete (or its undoing), by the reports' rule: an inbound message handled without
   reply ends the wait as a response does (resonance_thread_waiting_since, libs/db/src/schema/functions.ts). The SLA due
   time follows by the thread's trigger. */
/* @name RecomputeWaitingOfMessageThread */
UPDATE thread t SET waiting_since = resonance_thread_waiting_since(t.id), updated_at = now()
  FROM message m
 WHERE m.id = :messageId! AND t.id = m.thread_id AND t.waiting_since IS DISTINCT FROM resonance_thread_waiting_since(t.id)
RETURNING t.id::text AS "threadId!", t.workspace_id AS "workspaceId!";
