/* The ingest statements (ingest-statements.ts runs them inside the caller's transaction; `npm run gen:sql`
   types them into ingest.queries.ts). The text is the hand-tuned SQL of DESIGN.md §4: keep its plans. */

/* @name UpsertPosts */
INSERT INTO post (workspace_id, channel_account_id, external_id, text, url, published_at,
                       reactions_count, comments_count, shares_count, views_count, counts_read_at, topic)
     SELECT :workspaceId!, :channelId!, r.external_id, r.text, r.url, r.published_at, r.reactions, r.comments, r.shares, r.views,
            CASE WHEN r.has_counts THEN now() END, r.topic
       FROM json_to_recordset(:posts!::json) AS r(external_id text, text text, url text, published_at timestamptz,
            reactions int, comments int, shares int, views bigint, has_counts boolean, topic text)
     ON CONFLICT (channel_account_id, external_id) DO UPDATE SET
       text = excluded.text,
       topic = excluded.topic,
       url = COALESCE(excluded.url, post.url),
       reactions_count = COALESCE(excluded.reactions_count, post.reactions_count),
       comments_count = COALESCE(excluded.comments_count, post.comments_count),
       shares_count = COALESCE(excluded.shares_count, post.shares_count),
       views_count = COALESCE(excluded.views_count, post.views_count),
       counts_read_at = COALESCE(excluded.counts_read_at, post.counts_read_at),
       updated_at = now();

/* Returns the contacts it created or changed; a created one (xmax = 0) is a first-time commenter (rules). */
/* @name UpsertContacts */
INSERT INTO contact (workspace_id, channel_account_id, external_id, name, handle, avatar_url)
     SELECT :workspaceId!, :channelId!, r.e, r.n, r.h, r.a
       FROM json_to_recordset(:contacts!::json) AS r(e text, n text, h text, a text)
     ON CONFLICT (channel_account_id, external_id) DO UPDATE SET
       name = COALESCE(excluded.name, contact.name),
       handle = COALESCE(excluded.handle, contact.handle),
       avatar_url = COALESCE(excluded.avatar_url, contact.avatar_url),
       updated_at = now()
     WHERE (contact.name, contact.handle, contact.avatar_url) IS DISTINCT FROM
           (COALESCE(excluded.name, contact.name), COALESCE(excluded.handle, contact.handle),
            COALESCE(excluded.avatar_url, contact.avatar_url))
     RETURNING external_id AS "externalId!", (xmax = 0) AS "inserted!";

/* Creates the page's new threads and locks those that existed (see insertAndLockThreads). */

/* A new thread is open with priority 0: its SLA due time comes from the workspace's clock, read once per page
   (resonance_sla_due_from, docs/sla.md), so the thread trigger does not read it again for every row. */
/* @name InsertAndLockThreads */
WITH clock AS (
       SELECT resonance_sla_target_minutes(w.id, :network!, 0::smallint) AS minutes, COALESCE(p.business_hours_only, false) AS business_only,
              w.business_hours AS hours, w.timezone AS tz, ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id) AS holidays
         FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id WHERE w.id = :workspaceId!
     )
INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id,
                         post_external_id, first_inbound_at, last_inbound_at, first_response_at, waiting_since,
                         last_message_at, message_count, last_message_preview, unread_count, sla_due_at)
     SELECT :workspaceId!, :channelId!, :network!, r.k, r.ch,
            (SELECT c.id FROM contact c WHERE c.channel_account_id = :channelId! AND c.external_id = r.c),
            (SELECT p.id FROM post p WHERE p.channel_account_id = :channelId! AND p.external_id = r.p),
            r.p, r.fi, r.li, r.fr, r.w, r.lm, r.n, left(r.v, 280), r.i,
            resonance_sla_due_from(r.w, clock.minutes, clock.business_only, clock.hours, clock.tz, clock.holidays)
       FROM json_to_recordset(:threads!::json) AS r(k text, ch text, p text, c text, fi timestamptz, li timestamptz,
            fr timestamptz, w timestamptz, lm timestamptz, n int, v text, i int)
       LEFT JOIN clock ON true
      ORDER BY r.k
     ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET thread_key = excluded.thread_key WHERE false
     RETURNING id, thread_key;

/* The upserted messages: each row has an external id (the conflict target), and xmax = 0 is never NULL.
   An inbound text with a fingerprint (spam-signal.ts) that another thread of the workspace got within
   7 days of it is repeated_text: one probe of message_text_fingerprint_idx per such row, in this
   statement (no round trip of its own). A held comment (YouTube heldForReview) is stored hidden; seen
   again published (it was approved on the network), it is neither any more. */
/* @name UpsertMessages */
INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
                          parent_external_id, author_contact_id, text, attachments, url, created_at, delivery,
                          intent, sentiment, held_for_review, hidden, text_fingerprint, spam_reasons)
     SELECT :workspaceId!, :channelId!, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p,
            CASE WHEN NOT r.o THEN (SELECT c.id FROM contact c WHERE c.channel_account_id = :channelId! AND c.external_id = r.a) END,
            r.x, r.at, r.u, r.t, CASE WHEN r.o THEN 'sent' END, r.i, r.s, COALESCE(r.h, false), COALESCE(r.h, false), r.f,
            CASE WHEN r.f IS NOT NULL AND NOT 'repeated_text' = ANY(r.sr)
                      AND (SELECT true FROM message d
                            WHERE d.workspace_id = :workspaceId! AND d.text_fingerprint = r.f
                              AND d.created_at BETWEEN r.t - interval '7 days' AND r.t + interval '7 days'
                              AND d.thread_id <> t.id LIMIT 1)
                 THEN r.sr || 'repeated_text'::text ELSE r.sr END
       FROM json_to_recordset(:messages!::json) AS r(e text, k text, p text, a text, o boolean, x text, at jsonb, u text,
            t timestamptz, i text, s real, h boolean, f bigint, sr text[])
       JOIN thread t ON t.channel_account_id = :channelId! AND t.thread_key = r.k
     ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
       text = excluded.text,
       attachments = excluded.attachments,
       text_fingerprint = excluded.text_fingerprint,
       spam_reasons = excluded.spam_reasons,
       held_for_review = message.held_for_review AND excluded.held_for_review,
       hidden = CASE WHEN message.held_for_review AND NOT excluded.held_for_review THEN false ELSE message.hidden END
     WHERE message.text IS DISTINCT FROM excluded.text
        OR message.attachments IS DISTINCT FROM excluded.attachments
        OR (message.held_for_review AND NOT excluded.held_for_review)
     RETURNING thread_id, external_id AS "external_id!", is_from_account AS from_account, (xmax = 0) AS "inserted!",
               spam_reasons AS "spam_reasons!";
