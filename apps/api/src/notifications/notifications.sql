/* The SQL of notifications (notifications.repository.ts runs it; `npm run gen:sql` types it into notifications.queries.ts). */

/* One notification per recipient and event through resonance_notify() (migration 1733850000000), which
   applies each recipient's settings and adds nothing for an event already notified (dedupeKey). */
/* @name NotifyUsers */
SELECT n.id::text AS "id!"
  FROM resonance_notify(:workspaceId!::uuid, :userIds!::uuid[], :kind!::text, :dedupeKey!::text, :threadId::bigint, :channelAccountId::uuid,
                        :actorUserId::uuid, :dueAt::timestamptz) AS n(id);

/* The bell's rows: the thread, channel and actor flat (LEFT JOINs, "?"), newest first. With ids: those
   notifications of the workspace (the live event), whoever they are for. */
/* @name ListNotifications */
SELECT n.id::text AS "id!", n.user_id AS "userId!", n.kind AS "kind!", n.due_at AS "dueAt", n.read_at AS "readAt", n.created_at AS "createdAt!",
       a.id AS "actorId?", a.name AS "actorName?",
       t.id::text AS "threadId?", t.network AS "threadNetwork?", t.last_message_preview AS "threadPreview?", c.name AS "contactName?",
       ca.id AS "channelId?", ca.display_name AS "channelName?", ca.network AS "channelNetwork?"
  FROM notification n
  LEFT JOIN users a ON a.id = n.actor_user_id
  LEFT JOIN thread t ON t.id = n.thread_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN channel_account ca ON ca.id = n.channel_account_id
 WHERE n.workspace_id = :workspaceId! AND n.in_app
   AND (:userId::uuid IS NULL OR n.user_id = :userId)
   AND (:ids::bigint[] IS NULL OR n.id = ANY(:ids))
 ORDER BY n.created_at DESC, n.id DESC
 LIMIT :limit!;

/* @name CountUnread */
SELECT count(*)::int AS "unread!" FROM notification WHERE user_id = :userId! AND in_app AND read_at IS NULL;

/* @name MarkRead */
UPDATE notification SET read_at = now() WHERE id = :id! AND user_id = :userId! AND read_at IS NULL;

/* @name MarkAllRead */
UPDATE notification SET read_at = now() WHERE user_id = :userId! AND in_app AND read_at IS NULL;

/* @name GetSettings */
SELECT language, in_app_off AS "inAppOff", email_off AS "emailOff" FROM notification_setting WHERE user_id = :userId!;

/* Any part of the settings; a part that is NULL stays as it was. */
/* @name UpsertSettings */
INSERT INTO notification_setting AS s (user_id, language, in_app_off, email_off)
VALUES (:userId!, COALESCE(:language::text, 'en'), COALESCE(:inAppOff::text[], '{}'), COALESCE(:emailOff::text[], '{}'))
ON CONFLICT (user_id) DO UPDATE
   SET language = COALESCE(:language::text, s.language),
       in_app_off = COALESCE(:inAppOff::text[], s.in_app_off),
       email_off = COALESCE(:emailOff::text[], s.email_off),
       updated_at = now()
RETURNING language, in_app_off AS "inAppOff", email_off AS "emailOff";

/* The active admins of a workspace (who hear about unassigned threads' SLA and channels). */
/* @name ActiveAdmins */
SELECT id FROM users WHERE workspace_id = :workspaceId! AND role = 'admin' AND active;
