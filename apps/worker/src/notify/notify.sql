/* The SQL of the worker's notifications (notify-store.ts runs it; `npm run gen:sql` types it into notify.queries.ts). */

/* SLA warnings: every thread whose SLA falls due within the next :warningMinutes (not yet overdue:
   a thread found overdue was past warning already), once per thread and waiting period (the dedupe
   key holds waiting_since). To its assignee; an unassigned thread's to the workspace's active admins.
   The due time is thread.sla_due_at, which the SLA rules keep (migration 1733860000000, docs/sla.md:
   targets per network and priority, business hours, holidays; NULL when nobody waits on us), read
   through thread_sla_due_idx. */
/* @name NotifySlaWarnings */
SELECT n.id::text AS "id!"
  FROM thread t
  CROSS JOIN LATERAL resonance_notify(
         t.workspace_id,
         CASE WHEN t.assignee_id IS NOT NULL THEN ARRAY[t.assignee_id]
              ELSE ARRAY(SELECT u.id FROM users u WHERE u.workspace_id = t.workspace_id AND u.role = 'admin' AND u.active) END,
         'sla_warning',
         'sla_warning:' || t.id::text || ':' || floor(extract(epoch FROM t.waiting_since) * 1000)::bigint::text,
         t.id, NULL, NULL, t.sla_due_at) AS n(id)
 WHERE t.sla_due_at > now() AND t.sla_due_at <= now() + make_interval(mins => :warningMinutes!::int)
   AND t.waiting_since IS NOT NULL;

/* Notifications whose e-mail is still to send, oldest first. Older than a day: not sent any more
   (a server that had no SMTP then, or a long outage, should not mail stale news). */
/* @name PendingEmails */
SELECT id::text AS "id!" FROM notification
 WHERE email_state = 'pending' AND created_at > now() - interval '1 day'
 ORDER BY created_at LIMIT :limit!;

/* One notification and what its e-mail says, the row locked until the sending transaction ends
   (a second job for the same notification waits, then finds it sent). */
/* @name LockEmail */
SELECT n.id::text AS "id!", n.kind, n.email_state AS "emailState", n.due_at AS "dueAt",
       r.email AS "recipientEmail", r.name AS "recipientName", r.active AS "recipientActive",
       COALESCE(s.language, 'en') AS "language!",
       a.name AS "actorName?",
       t.id::text AS "threadId?", t.last_message_preview AS "threadPreview?", c.name AS "contactName?",
       ca.display_name AS "channelName?", ca.network AS "channelNetwork?"
  FROM notification n
  JOIN users r ON r.id = n.user_id
  LEFT JOIN notification_setting s ON s.user_id = n.user_id
  LEFT JOIN users a ON a.id = n.actor_user_id
  LEFT JOIN thread t ON t.id = n.thread_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN channel_account ca ON ca.id = n.channel_account_id
 WHERE n.id = :id!
   FOR UPDATE OF n;

/* @name MarkEmail */
UPDATE notification SET email_state = :state!, email_sent_at = CASE WHEN :state! = 'sent' THEN now() ELSE email_sent_at END
 WHERE id = :id!;
