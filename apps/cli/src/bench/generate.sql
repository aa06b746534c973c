/*
 * The bench's bulk data set (generate.ts, generate-threads.ts run it; `npm run gen:sql` types it
 * into generate.queries.ts). Written set-based like pg_restore: multi-row INSERT … SELECT FROM
 * json_to_recordset of up to 10,000 rows per statement, ids assigned up front (OVERRIDING SYSTEM
 * VALUE), on connections with triggers off (session_replication_role = replica).
 */

/* @name InsertBulkPosts */
INSERT INTO post (id, workspace_id, channel_account_id, external_id, text, published_at, reactions_count, comments_count, shares_count, counts_read_at)
OVERRIDING SYSTEM VALUE
SELECT r.id, :workspaceId!, :channelId!, r.external_id, r.text, r.published_at, 40 + r.id % 300, 10 + r.id % 90, r.id % 25, now()
  FROM json_to_recordset(:posts!::json) AS r(id bigint, external_id text, text text, published_at timestamptz);

/* @name InsertBulkContacts */
INSERT INTO contact (id, workspace_id, channel_account_id, external_id, name, handle)
OVERRIDING SYSTEM VALUE
SELECT r.id, :workspaceId!, :channelId!, r.external_id, r.name, lower(replace(r.name, ' ', '_'))
  FROM json_to_recordset(:contacts!::json) AS r(id bigint, external_id text, name text);

/* @name InsertBulkThreads */
INSERT INTO thread (id, workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id, post_external_id,
                    status, assignee_id, tags, first_inbound_at, first_response_at, last_inbound_at, last_message_at,
                    waiting_since, unread_count, message_count, last_message_preview)
OVERRIDING SYSTEM VALUE
SELECT r.id, :workspaceId!, r.channel_account_id, r.network, r.thread_key, r.channel, r.contact_id, r.post_id, r.post_external_id,
       r.status, r.assignee_id, ARRAY(SELECT json_array_elements_text(r.tags)), r.first_inbound_at, r.first_response_at,
       r.last_inbound_at, r.last_message_at, r.waiting_since, r.unread_count, r.message_count, r.last_message_preview
  FROM json_to_recordset(:threads!::json) AS r(id bigint, channel_account_id uuid, network text, thread_key text, channel text,
       contact_id bigint, post_id bigint, post_external_id text, status text, assignee_id uuid, tags json,
       first_inbound_at timestamptz, first_response_at timestamptz, last_inbound_at timestamptz, last_message_at timestamptz,
       waiting_since timestamptz, unread_count int, message_count int, last_message_preview text);

/* @name InsertBulkMessages */
INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, parent_external_id,
                     author_contact_id, text, created_at, delivery, intent, sentiment)
SELECT :workspaceId!, r.c, r.t, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p, r.a, r.x, r.at,
       CASE WHEN r.o THEN 'sent' END, r.i, r.s
  FROM json_to_recordset(:messages!::json) AS r(c uuid, t bigint, e text, o boolean, p text, a bigint, x text, at timestamptz, i text, s real);

/* The identity sequences after ids were assigned up front: one statement per table. */

/* @name ResetPostIds */
SELECT setval(pg_get_serial_sequence('post', 'id'), (SELECT max(id) FROM post));

/* @name ResetContactIds */
SELECT setval(pg_get_serial_sequence('contact', 'id'), (SELECT max(id) FROM contact));

/* @name ResetThreadIds */
SELECT setval(pg_get_serial_sequence('thread', 'id'), (SELECT max(id) FROM thread));
