/* The external classifier's relabelling (relabel.ts runs it; `npm run gen:sql` types it into relabel.queries.ts). */

/* The cursor starts at the newest message when the external classifier is first turned on: history keeps its labels. */
/* @name StartCursor */
INSERT INTO external_classifier_cursor (last_message_id)
SELECT COALESCE(max(id), 0) FROM message
ON CONFLICT (id) DO NOTHING;

/* Held until the run's transaction ends; a second worker's run finds it locked and leaves the batch to this one. */
/* @name LockCursor */
SELECT last_message_id::text AS "lastMessageId!" FROM external_classifier_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED;

/*
 * The next messages after the cursor by primary key, only those stored at least :settleMs ago: an
 * ingest transaction still open could commit lower ids later, and the cursor must not pass them.
 */
/* @name MessagesAfter */
SELECT m.id::text AS "id!", m.text, (m.direction = 'inbound' AND NOT m.is_from_account AND NOT m.deleted) AS "inbound!",
       (m.ingested_at < now() - make_interval(secs => :maxLagMs!::float8 / 1000)) AS "late!"
  FROM message m
 WHERE m.id > :afterId!::bigint AND m.ingested_at < now() - make_interval(secs => :settleMs!::float8 / 1000)
 ORDER BY m.id
 LIMIT :limit!;

/* The endpoint's labels, except on messages an agent already reviewed: a person's word stands. */
/* @name ApplyExternalLabels */
UPDATE message m SET intent = l.intent, sentiment = COALESCE(l.sentiment, m.sentiment), label_source = 'external'
  FROM json_to_recordset(:labels!::json) AS l(id bigint, intent text, sentiment real)
 WHERE m.id = l.id
   AND NOT EXISTS (SELECT 1 FROM intent_correction c WHERE c.message_id = m.id)
   AND NOT EXISTS (SELECT 1 FROM sentiment_correction c WHERE c.message_id = m.id)
RETURNING m.id::text AS "id!";

/* @name AdvanceCursor */
UPDATE external_classifier_cursor
   SET last_message_id = :lastMessageId!::bigint, relabelled = relabelled + :relabelled!, kept_builtin = kept_builtin + :keptBuiltin!,
       failed_batches = failed_batches + :failedBatches!, updated_at = now()
 WHERE id = 1;

/* What the relabelling did so far (tests, the operator's SQL). */
/* @name CursorState */
SELECT last_message_id::text AS "lastMessageId!", relabelled::int AS "relabelled!", kept_builtin::int AS "keptBuiltin!",
       failed_batches::int AS "failedBatches!"
  FROM external_classifier_cursor WHERE id = 1;
