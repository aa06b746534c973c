/* The bench's ingest measurement (ingest.ts runs it; `npm run gen:sql` types it into ingest.queries.ts). */

/* The channel's row by primary key: read every 20 ms while the clock runs. */
/* @name ChannelSyncState */
SELECT sync_state ? 'lease' AS "busy!", last_synced_at IS NOT NULL AS "synced!" FROM channel_account WHERE id = :channelId!;

/* A scan of the channel's messages: only after a sync run released its lease, outside the clock. */
/* @name CountChannelMessages */
SELECT count(*)::int AS "n!" FROM message WHERE channel_account_id = :channelId!;

/*
 * The pipeline's stored comments, read back for the raw upsert (short keys: they travel as JSON).
 * Their attachments too: the pipeline writes them (about one comment in six carries a photo since
 * the sim's media), so the raw upsert writes the same payload.
 */
/* @name ReadBackMessages */
SELECT m.external_id AS e, t.thread_key AS k, t.channel AS ch, m.parent_external_id AS p, m.is_from_account AS o,
       m.text AS x, m.attachments AS a, m.created_at AS at, m.intent AS i, m.sentiment AS s
  FROM message m JOIN thread t ON t.id = m.thread_id
 WHERE m.channel_account_id = :channelId! ORDER BY m.id;

/* The raw bulk upsert, threads: :rows is the JSON of ReadBackMessages rows. */
/* @name RawUpsertThreads */
INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, last_message_at)
SELECT :workspaceId!, :channelId!, 'facebook', r.k, min(r.ch), max(r.at)
  FROM json_to_recordset(:rows!::json) AS r(k text, ch text, at timestamptz) GROUP BY r.k ORDER BY r.k
ON CONFLICT (channel_account_id, thread_key) DO NOTHING;

/* The raw bulk upsert, messages. */
/* @name RawUpsertMessages */
INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                     parent_external_id, text, attachments, created_at, delivery, intent, sentiment)
SELECT :workspaceId!, :channelId!, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.x, r.a, r.at,
       CASE WHEN r.o THEN 'sent' END, r.i, r.s
  FROM json_to_recordset(:rows!::json) AS r(e text, k text, p text, o boolean, x text, a jsonb, at timestamptz, i text, s real)
  JOIN thread t ON t.channel_account_id = :channelId! AND t.thread_key = r.k
ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO NOTHING;
