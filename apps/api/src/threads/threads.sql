/* The SQL of threads (threads.repository.ts runs it; `npm run gen:sql` types it into threads.queries.ts). */

/*
 * Every statement that answers ThreadItems selects the same flat columns (threads.mapper.ts shapes
 * channel, contact and assignee from them): channel from a JOIN, contact and assignee from LEFT
 * JOINs ("?": NULL when the thread has none). "_cursorAt" is the keyset key as text with
 * microseconds (common/cursor.ts).
 */

/* @name ThreadInWorkspace */
SELECT 1 AS "found!" FROM thread WHERE id = :id! AND workspace_id = :workspaceId!;

/*
 * The inbox: one keyset page of threads, newest activity first. The page of thread rows is chosen
 * first, over the (workspace, [status|assignee|network|channel], last_message_at desc, id desc)
 * indexes, and only its rows are joined to channel, contact and assignee. Every filter is optional:
 * a NULL parameter folds its predicate away when PostgreSQL plans the statement with the values
 * (pg sends it unnamed, so each call gets a custom plan) — docs/data-layer.md has the plans.
 * unassigned = true asks for threads without an assignee; sentiment is a band (negative < -0.25
 * ≤ neutral ≤ 0.25 < positive).
 */
/* @name ListThreads */
SELECT t.id::text AS "id!", t.network AS "network!", t.channel AS "kind!",
       ca.id AS "channelId!", ca.display_name AS "channelDisplayName!", ca.handle AS "channelHandle",
       c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
       t.post_external_id AS "postExternalId", t.status AS "status!", t.priority AS "priority!", t.tags AS "tags!",
       u.id AS "assigneeId?", u.name AS "assigneeName?",
       t.last_message_preview AS "lastMessagePreview!", t.last_message_at AS "lastMessageAt!",
       t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
       t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
       t.unread_count AS "unreadCount!", t.message_count AS "messageCount!", t.created_at AS "createdAt!",
       to_char(t.last_message_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
  FROM (SELECT * FROM thread t
         WHERE t.workspace_id = :workspaceId!
           AND (:status::text IS NULL OR t.status = :status)
           AND (:networks::text[] IS NULL OR t.network = ANY(:networks))
           AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))
           -- needs reply: the customer waits on us (closed threads wait on nobody)
           AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))
           AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)
           AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
           AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])
           AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')
           -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and
           -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx
           -- for the page's candidate threads, as the join did (NULL when none: the row is left out)
           AND (:intent::text IS NULL
                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))
           AND (:sentiment::text IS NULL
                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
                      AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25
                                          WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25
                                          WHEN 'positive' THEN m.sentiment > 0.25 END
                    LIMIT 1))
           -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000
           AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))
           AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))
           -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them
           AND (NOT :hiddenByRules!::boolean
                OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))
           -- the search_vector holds three configurations: the query is OR-ed over them
           AND (:q::text IS NULL
                OR (SELECT true FROM message m
                     WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted
                       AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)
                                               || websearch_to_tsquery('english', :q))
                     LIMIT 1))
           -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)
           AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))
           AND (:cursorAt::timestamptz IS NULL OR (t.last_message_at, t.id) < (:cursorAt, :cursorId::bigint))
         ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit!) t
  JOIN channel_account ca ON ca.id = t.channel_account_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
 ORDER BY t.last_message_at DESC, t.id DESC;

/*
 * The inbox oldest waiting first: the customer who has waited longest on top (waiting_since
 * ascending, ties by id), threads nobody waits on after them (their key is 9999-12-31, written
 * exactly as the thread_inbox_waiting indexes of migration 1733830000000 have it, so the page is
 * read in order from one of them). Same filters and columns as ListThreads; the cursor is the
 * waiting key.
 */
/* @name ListThreadsOldestWaiting */
SELECT t.id::text AS "id!", t.network AS "network!", t.channel AS "kind!",
       ca.id AS "channelId!", ca.display_name AS "channelDisplayName!", ca.handle AS "channelHandle",
       c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
       t.post_external_id AS "postExternalId", t.status AS "status!", t.priority AS "priority!", t.tags AS "tags!",
       u.id AS "assigneeId?", u.name AS "assigneeName?",
       t.last_message_preview AS "lastMessagePreview!", t.last_message_at AS "lastMessageAt!",
       t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
       t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
       t.unread_count AS "unreadCount!", t.message_count AS "messageCount!", t.created_at AS "createdAt!",
       to_char(t.waiting_key AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
  FROM (SELECT t.*, COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz) AS waiting_key FROM thread t
         WHERE t.workspace_id = :workspaceId!
           AND (:status::text IS NULL OR t.status = :status)
           AND (:networks::text[] IS NULL OR t.network = ANY(:networks))
           AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))
           -- needs reply: the customer waits on us (closed threads wait on nobody)
           AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))
           AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)
           AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
           AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])
           AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')
           -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and
           -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx
           -- for the page's candidate threads, as the join did (NULL when none: the row is left out)
           AND (:intent::text IS NULL
                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))
           AND (:sentiment::text IS NULL
                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
                      AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25
                                          WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25
                                          WHEN 'positive' THEN m.sentiment > 0.25 END
                    LIMIT 1))
           -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000
           AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))
           AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))
           -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them
           AND (NOT :hiddenByRules!::boolean
                OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))
           -- the search_vector holds three configurations: the query is OR-ed over them
           AND (:q::text IS NULL
                OR (SELECT true FROM message m
                     WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted
                       AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)
                                               || websearch_to_tsquery('english', :q))
                     LIMIT 1))
           -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)
           AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))
           AND (:cursorAt::timestamptz IS NULL
                OR (COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz), t.id) > (:cursorAt, :cursorId::bigint))
         ORDER BY COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz), t.id LIMIT :limit!) t
  JOIN channel_account ca ON ca.id = t.channel_account_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
 ORDER BY t.waiting_key, t.id;

/*
 * Inbox search, step one: the threads of (at most :cap!) messages matching :q, read from the GIN
 * index message_search_idx. Fewer than :cap matches (a rare term, or none): the list then looks
 * only at these threads (:threadIds). :cap or more (a common term): the repository passes :q
 * instead, whose per-thread probe finds a page among the newest threads at once — but had to probe
 * every thread of the workspace for a term with no match (49 ms → 5.6 s, docs/benchmarks.md).
 */
/* @name SearchThreadIds */
SELECT COALESCE(array_agg(DISTINCT s.thread_id::text), '{}') AS "threadIds!", count(*)::int AS "matches!"
  FROM (SELECT m.thread_id FROM message m
         WHERE m.workspace_id = :workspaceId! AND NOT m.deleted
           AND m.search_vector @@ (websearch_to_tsquery('simple', :q!) || websearch_to_tsquery('german', :q!)
                                   || websearch_to_tsquery('english', :q!))
         LIMIT :cap!) s;

/* ThreadItems by id, within one workspace (ids of other workspaces yield nothing). */
/* @name ThreadItemsByIds */
SELECT t.id::text AS "id!", t.network, t.channel AS kind,
       ca.id AS "channelId", ca.display_name AS "channelDisplayName", ca.handle AS "channelHandle",
       c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
       t.post_external_id AS "postExternalId", t.status, t.priority, t.tags,
       u.id AS "assigneeId?", u.name AS "assigneeName?",
       t.last_message_preview AS "lastMessagePreview", t.last_message_at AS "lastMessageAt",
       t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
       t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
       t.unread_count AS "unreadCount", t.message_count AS "messageCount", t.created_at AS "createdAt"
  FROM thread t
  JOIN channel_account ca ON ca.id = t.channel_account_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
 WHERE t.workspace_id = :workspaceId! AND t.id = ANY(:ids!::bigint[])
 ORDER BY t.last_message_at DESC, t.id DESC;

/* The thread view: the list item, its post ("?": LEFT JOIN) and the ids of its newest messages. */
/* @name ThreadDetail */
SELECT t.id::text AS "id!", t.network, t.channel AS kind,
       ca.id AS "channelId", ca.display_name AS "channelDisplayName", ca.handle AS "channelHandle",
       c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
       t.post_external_id AS "postExternalId", t.status, t.priority, t.tags,
       u.id AS "assigneeId?", u.name AS "assigneeName?",
       t.last_message_preview AS "lastMessagePreview", t.last_message_at AS "lastMessageAt",
       t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
       t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
       t.unread_count AS "unreadCount", t.message_count AS "messageCount", t.created_at AS "createdAt",
       p.id::text AS "postId?", p.external_id AS "postExternalIdOfPost?", p.text AS "postText?", p.url AS "postUrl?",
       p.published_at AS "postPublishedAt?",
       (SELECT m.id::text FROM message m WHERE m.thread_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastMessageId",
       (SELECT m.id::text FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
         ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastInboundMessageId",
       -- the workspace says it has Meta's HUMAN_AGENT approval (PUT /api/settings/human-agent-tag): the messaging window
       (w.settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "humanAgentApproved!"
  FROM thread t
  JOIN workspace w ON w.id = t.workspace_id
  JOIN channel_account ca ON ca.id = t.channel_account_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
  LEFT JOIN post p ON p.id = t.post_id
 WHERE t.id = :id! AND t.workspace_id = :workspaceId!;

/* The workspace's thread, locked until the transaction ends. */
/* @name LockThread */
SELECT id::text AS "id!", status, assignee_id AS "assigneeId", priority, tags
  FROM thread WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE;

/*
 * One UPDATE for every change of a PATCH: a column changes only when its set… flag is true (the
 * assignee and the tags can be set to NULL/empty, so a NULL value cannot mean "unchanged").
 */
/* @name UpdateThread */
UPDATE thread
   SET assignee_id = CASE WHEN :setAssignee!::boolean THEN :assigneeId::uuid ELSE assignee_id END,
       status = CASE WHEN :setStatus!::boolean THEN :status::text ELSE status END,
       priority = CASE WHEN :setPriority!::boolean THEN :priority::smallint ELSE priority END,
       tags = CASE WHEN :setTags!::boolean THEN :tags::text[] ELSE tags END,
       updated_at = now()
 WHERE id = :id!;

/* @name MarkThreadRead */
UPDATE thread SET unread_count = 0 WHERE id = :id! AND workspace_id = :workspaceId! RETURNING id::text AS "id!";

/* @name AssignableUser */
SELECT 1 AS "found!" FROM users WHERE id = :userId! AND workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent');

/* Several of the workspace's threads, locked until the transaction ends (in id order: two bulk changes never deadlock). */
/* @name LockThreads */
SELECT id::text AS "id!", status, assignee_id AS "assigneeId", priority, tags
  FROM thread WHERE id = ANY(:ids!::bigint[]) AND workspace_id = :workspaceId! ORDER BY id FOR UPDATE;

/* The tags in use in the workspace, most used first (suggestions for the tag input). */
/* @name WorkspaceTags */
SELECT tag AS "tag!", count(*)::int AS "uses!"
  FROM thread, unnest(tags) AS tag
 WHERE workspace_id = :workspaceId!
 GROUP BY tag ORDER BY count(*) DESC, tag LIMIT :limit!;

/*
 * The inbox sorted "SLA due first": the threads that have a due time (a customer waits, thread not
 * closed: thread.sla_due_at, docs/sla.md), earliest due first, as a keyset page over
 * (sla_due_at, id) on thread_sla_due_idx. The filters are ListThreads' own (needs reply changes
 * nothing here, a due time already means a customer waits on an open thread; it is kept so every
 * list statement takes the same filters).
 */
/* @name ListThreadsBySlaDue */
SELECT t.id::text AS "id!", t.network AS "network!", t.channel AS "kind!",
       ca.id AS "channelId!", ca.display_name AS "channelDisplayName!", ca.handle AS "channelHandle",
       c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
       t.post_external_id AS "postExternalId", t.status AS "status!", t.priority AS "priority!", t.tags AS "tags!",
       u.id AS "assigneeId?", u.name AS "assigneeName?",
       t.last_message_preview AS "lastMessagePreview!", t.last_message_at AS "lastMessageAt!",
       t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
       t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
       t.unread_count AS "unreadCount!", t.message_count AS "messageCount!", t.created_at AS "createdAt!",
       to_char(t.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
  FROM (SELECT * FROM thread t
         WHERE t.workspace_id = :workspaceId! AND t.sla_due_at IS NOT NULL
           AND (:status::text IS NULL OR t.status = :status)
           AND (:networks::text[] IS NULL OR t.network = ANY(:networks))
           AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))
           -- needs reply: the customer waits on us (closed threads wait on nobody)
           AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))
           AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)
           AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
           AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])
           AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')
           -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and
           -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx
           -- for the page's candidate threads, as the join did (NULL when none: the row is left out)
           AND (:intent::text IS NULL
                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))
           AND (:sentiment::text IS NULL
                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
                      AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25
                                          WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25
                                          WHEN 'positive' THEN m.sentiment > 0.25 END
                    LIMIT 1))
           -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000
           AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))
           AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))
           -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them
           AND (NOT :hiddenByRules!::boolean
                OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))
           -- the search_vector holds three configurations: the query is OR-ed over them
           AND (:q::text IS NULL
                OR (SELECT true FROM message m
                     WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted
                       AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)
                                               || websearch_to_tsquery('english', :q))
                     LIMIT 1))
           -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)
           AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))
           AND (:cursorAt::timestamptz IS NULL OR (t.sla_due_at, t.id) > (:cursorAt, :cursorId::bigint))
         ORDER BY t.sla_due_at, t.id LIMIT :limit!) t
  JOIN channel_account ca ON ca.id = t.channel_account_id
  LEFT JOIN contact c ON c.id = t.contact_id
  LEFT JOIN users u ON u.id = t.assignee_id
 ORDER BY t.sla_due_at, t.id;
