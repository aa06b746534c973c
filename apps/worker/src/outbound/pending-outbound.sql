/* Outbound work the recovery sweep re-queues (pending-outbound.ts; typed into pending-outbound.queries.ts). */

/* ORDER BY the table's column: a bare `id` would name the text output column and sort as text. */
/* @name StalePendingReplies */
SELECT id::text AS "id!" FROM message
      WHERE delivery IN ('queued', 'sending') AND id > :afterId!::bigint AND created_at < now() - :olderThanMs! * interval '1 millisecond'
      ORDER BY message.id LIMIT :limit!;

/* @name StalePendingActions */
SELECT id::text AS "id!" FROM message_action
      WHERE state = 'queued' AND id > :afterId!::bigint AND created_at < now() - :olderThanMs! * interval '1 millisecond'
      ORDER BY message_action.id LIMIT :limit!;
