/** Types generated for queries found in "apps/api/src/threads/threads.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

export type NumberOrStringArray = (NumberOrString)[];

export type stringArray = (string)[];

/** 'ThreadInWorkspace' parameters type */
export interface IThreadInWorkspaceParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'ThreadInWorkspace' return type */
export interface IThreadInWorkspaceResult {
  found: number;
}

/** 'ThreadInWorkspace' query type */
export interface IThreadInWorkspaceQuery {
  params: IThreadInWorkspaceParams;
  result: IThreadInWorkspaceResult;
}

const threadInWorkspaceIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":47}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":80}]}],"statement":"SELECT 1 AS \"found!\" FROM thread WHERE id = :id! AND workspace_id = :workspaceId!                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM thread WHERE id = :id! AND workspace_id = :workspaceId!                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                
 * ```
 */
export const threadInWorkspace = new PreparedQuery<IThreadInWorkspaceParams,IThreadInWorkspaceResult>(threadInWorkspaceIR);


/** 'ListThreads' parameters type */
export interface IListThreadsParams {
  assigneeId?: string | null | void;
  channelIds?: stringArray | null | void;
  cursorAt?: DateOrString | null | void;
  cursorId?: NumberOrString | null | void;
  heldForReview: boolean;
  hiddenByRules: boolean;
  intent?: string | null | void;
  limit: NumberOrString;
  needsReply: boolean;
  networks?: stringArray | null | void;
  q?: string | null | void;
  sentiment?: string | null | void;
  spam: boolean;
  status?: string | null | void;
  tag?: string | null | void;
  threadIds?: NumberOrStringArray | null | void;
  unassigned: boolean;
  waitingLongerThanMinutes?: number | null | void;
  workspaceId: string;
}

/** 'ListThreads' return type */
export interface IListThreadsResult {
  _cursorAt: string;
  assigneeId: string | null;
  assigneeName: string | null;
  channelDisplayName: string;
  channelHandle: string | null;
  channelId: string;
  contactAvatarUrl: string | null;
  contactHandle: string | null;
  contactId: string | null;
  contactName: string | null;
  createdAt: Date;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  id: string;
  kind: string;
  lastInboundAt: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  messageCount: number;
  network: string;
  postExternalId: string | null;
  priority: number;
  slaDueAt: Date | null;
  status: string;
  tags: stringArray;
  unreadCount: number;
  waitingSince: Date | null;
}

/** 'ListThreads' query type */
export interface IListThreadsQuery {
  params: IListThreadsParams;
  result: IListThreadsResult;
}

const listThreadsIR: any = {"usedParamSet":{"workspaceId":true,"status":true,"networks":true,"channelIds":true,"needsReply":true,"unassigned":true,"assigneeId":true,"tag":true,"waitingLongerThanMinutes":true,"intent":true,"sentiment":true,"spam":true,"heldForReview":true,"hiddenByRules":true,"q":true,"threadIds":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1042,"b":1054},{"a":3632,"b":3644}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":1072,"b":1078},{"a":1108,"b":1114}]},{"name":"networks","required":false,"transform":{"type":"scalar"},"locs":[{"a":1133,"b":1141},{"a":1178,"b":1186}]},{"name":"channelIds","required":false,"transform":{"type":"scalar"},"locs":[{"a":1206,"b":1216},{"a":1264,"b":1274}]},{"name":"needsReply","required":true,"transform":{"type":"scalar"},"locs":[{"a":1382,"b":1393}]},{"name":"unassigned","required":true,"transform":{"type":"scalar"},"locs":[{"a":1483,"b":1494}]},{"name":"assigneeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1547,"b":1557},{"a":1592,"b":1602}]},{"name":"tag","required":false,"transform":{"type":"scalar"},"locs":[{"a":1621,"b":1624},{"a":1659,"b":1662}]},{"name":"waitingLongerThanMinutes","required":false,"transform":{"type":"scalar"},"locs":[{"a":1690,"b":1714},{"a":1758,"b":1782}]},{"name":"intent","required":false,"transform":{"type":"scalar"},"locs":[{"a":2129,"b":2135},{"a":2264,"b":2270}]},{"name":"sentiment","required":false,"transform":{"type":"scalar"},"locs":[{"a":2298,"b":2307},{"a":2452,"b":2461}]},{"name":"spam","required":true,"transform":{"type":"scalar"},"locs":[{"a":2852,"b":2857}]},{"name":"heldForReview","required":true,"transform":{"type":"scalar"},"locs":[{"a":2981,"b":2995}]},{"name":"hiddenByRules","required":true,"transform":{"type":"scalar"},"locs":[{"a":3231,"b":3245}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":3501,"b":3502},{"a":3742,"b":3743},{"a":3780,"b":3781},{"a":3866,"b":3867}]},{"name":"threadIds","required":false,"transform":{"type":"scalar"},"locs":[{"a":4024,"b":4033},{"a":4067,"b":4076}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":4096,"b":4104},{"a":4159,"b":4167}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":4170,"b":4178}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":4248,"b":4254}]}],"statement":"SELECT t.id::text AS \"id!\", t.network AS \"network!\", t.channel AS \"kind!\",\n       ca.id AS \"channelId!\", ca.display_name AS \"channelDisplayName!\", ca.handle AS \"channelHandle\",\n       c.id::text AS \"contactId?\", c.name AS \"contactName?\", c.handle AS \"contactHandle?\", c.avatar_url AS \"contactAvatarUrl?\",\n       t.post_external_id AS \"postExternalId\", t.status AS \"status!\", t.priority AS \"priority!\", t.tags AS \"tags!\",\n       u.id AS \"assigneeId?\", u.name AS \"assigneeName?\",\n       t.last_message_preview AS \"lastMessagePreview!\", t.last_message_at AS \"lastMessageAt!\",\n       t.last_inbound_at AS \"lastInboundAt\", t.first_inbound_at AS \"firstInboundAt\",\n       t.first_response_at AS \"firstResponseAt\", t.waiting_since AS \"waitingSince\", t.sla_due_at AS \"slaDueAt\",\n       t.unread_count AS \"unreadCount!\", t.message_count AS \"messageCount!\", t.created_at AS \"createdAt!\",\n       to_char(t.last_message_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"_cursorAt!\"\n  FROM (SELECT * FROM thread t\n         WHERE t.workspace_id = :workspaceId!\n           AND (:status::text IS NULL OR t.status = :status)\n           AND (:networks::text[] IS NULL OR t.network = ANY(:networks))\n           AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))\n           -- needs reply: the customer waits on us (closed threads wait on nobody)\n           AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))\n           AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)\n           AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)\n           AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])\n           AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')\n           -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and\n           -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx\n           -- for the page's candidate threads, as the join did (NULL when none: the row is left out)\n           AND (:intent::text IS NULL\n                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))\n           AND (:sentiment::text IS NULL\n                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account\n                      AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25\n                                          WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25\n                                          WHEN 'positive' THEN m.sentiment > 0.25 END\n                    LIMIT 1))\n           -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000\n           AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))\n           AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))\n           -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them\n           AND (NOT :hiddenByRules!::boolean\n                OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))\n           -- the search_vector holds three configurations: the query is OR-ed over them\n           AND (:q::text IS NULL\n                OR (SELECT true FROM message m\n                     WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted\n                       AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)\n                                               || websearch_to_tsquery('english', :q))\n                     LIMIT 1))\n           -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)\n           AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))\n           AND (:cursorAt::timestamptz IS NULL OR (t.last_message_at, t.id) < (:cursorAt, :cursorId::bigint))\n         ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit!) t\n  JOIN channel_account ca ON ca.id = t.channel_account_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN users u ON u.id = t.assignee_id\n ORDER BY t.last_message_at DESC, t.id DESC                                                                                                                                                                                                                                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "id!", t.network AS "network!", t.channel AS "kind!",
 *        ca.id AS "channelId!", ca.display_name AS "channelDisplayName!", ca.handle AS "channelHandle",
 *        c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
 *        t.post_external_id AS "postExternalId", t.status AS "status!", t.priority AS "priority!", t.tags AS "tags!",
 *        u.id AS "assigneeId?", u.name AS "assigneeName?",
 *        t.last_message_preview AS "lastMessagePreview!", t.last_message_at AS "lastMessageAt!",
 *        t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
 *        t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
 *        t.unread_count AS "unreadCount!", t.message_count AS "messageCount!", t.created_at AS "createdAt!",
 *        to_char(t.last_message_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
 *   FROM (SELECT * FROM thread t
 *          WHERE t.workspace_id = :workspaceId!
 *            AND (:status::text IS NULL OR t.status = :status)
 *            AND (:networks::text[] IS NULL OR t.network = ANY(:networks))
 *            AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))
 *            -- needs reply: the customer waits on us (closed threads wait on nobody)
 *            AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))
 *            AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)
 *            AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
 *            AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])
 *            AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')
 *            -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and
 *            -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx
 *            -- for the page's candidate threads, as the join did (NULL when none: the row is left out)
 *            AND (:intent::text IS NULL
 *                 OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))
 *            AND (:sentiment::text IS NULL
 *                 OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
 *                       AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25
 *                                           WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25
 *                                           WHEN 'positive' THEN m.sentiment > 0.25 END
 *                     LIMIT 1))
 *            -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000
 *            AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))
 *            AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))
 *            -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them
 *            AND (NOT :hiddenByRules!::boolean
 *                 OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))
 *            -- the search_vector holds three configurations: the query is OR-ed over them
 *            AND (:q::text IS NULL
 *                 OR (SELECT true FROM message m
 *                      WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted
 *                        AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)
 *                                                || websearch_to_tsquery('english', :q))
 *                      LIMIT 1))
 *            -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)
 *            AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))
 *            AND (:cursorAt::timestamptz IS NULL OR (t.last_message_at, t.id) < (:cursorAt, :cursorId::bigint))
 *          ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit!) t
 *   JOIN channel_account ca ON ca.id = t.channel_account_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN users u ON u.id = t.assignee_id
 *  ORDER BY t.last_message_at DESC, t.id DESC                                                                                                                                                                                                                                                                                                                                                                                                                    
 * ```
 */
export const listThreads = new PreparedQuery<IListThreadsParams,IListThreadsResult>(listThreadsIR);


/** 'ListThreadsOldestWaiting' parameters type */
export interface IListThreadsOldestWaitingParams {
  assigneeId?: string | null | void;
  channelIds?: stringArray | null | void;
  cursorAt?: DateOrString | null | void;
  cursorId?: NumberOrString | null | void;
  heldForReview: boolean;
  hiddenByRules: boolean;
  intent?: string | null | void;
  limit: NumberOrString;
  needsReply: boolean;
  networks?: stringArray | null | void;
  q?: string | null | void;
  sentiment?: string | null | void;
  spam: boolean;
  status?: string | null | void;
  tag?: string | null | void;
  threadIds?: NumberOrStringArray | null | void;
  unassigned: boolean;
  waitingLongerThanMinutes?: number | null | void;
  workspaceId: string;
}

/** 'ListThreadsOldestWaiting' return type */
export interface IListThreadsOldestWaitingResult {
  _cursorAt: string;
  assigneeId: string | null;
  assigneeName: string | null;
  channelDisplayName: string;
  channelHandle: string | null;
  channelId: string;
  contactAvatarUrl: string | null;
  contactHandle: string | null;
  contactId: string | null;
  contactName: string | null;
  createdAt: Date;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  id: string;
  kind: string;
  lastInboundAt: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  messageCount: number;
  network: string;
  postExternalId: string | null;
  priority: number;
  slaDueAt: Date | null;
  status: string;
  tags: stringArray;
  unreadCount: number;
  waitingSince: Date | null;
}

/** 'ListThreadsOldestWaiting' query type */
export interface IListThreadsOldestWaitingQuery {
  params: IListThreadsOldestWaitingParams;
  result: IListThreadsOldestWaitingResult;
}

const listThreadsOldestWaitingIR: any = {"usedParamSet":{"workspaceId":true,"status":true,"networks":true,"channelIds":true,"needsReply":true,"unassigned":true,"assigneeId":true,"tag":true,"waitingLongerThanMinutes":true,"intent":true,"sentiment":true,"spam":true,"heldForReview":true,"hiddenByRules":true,"q":true,"threadIds":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1119,"b":1131},{"a":3709,"b":3721}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":1149,"b":1155},{"a":1185,"b":1191}]},{"name":"networks","required":false,"transform":{"type":"scalar"},"locs":[{"a":1210,"b":1218},{"a":1255,"b":1263}]},{"name":"channelIds","required":false,"transform":{"type":"scalar"},"locs":[{"a":1283,"b":1293},{"a":1341,"b":1351}]},{"name":"needsReply","required":true,"transform":{"type":"scalar"},"locs":[{"a":1459,"b":1470}]},{"name":"unassigned","required":true,"transform":{"type":"scalar"},"locs":[{"a":1560,"b":1571}]},{"name":"assigneeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1624,"b":1634},{"a":1669,"b":1679}]},{"name":"tag","required":false,"transform":{"type":"scalar"},"locs":[{"a":1698,"b":1701},{"a":1736,"b":1739}]},{"name":"waitingLongerThanMinutes","required":false,"transform":{"type":"scalar"},"locs":[{"a":1767,"b":1791},{"a":1835,"b":1859}]},{"name":"intent","required":false,"transform":{"type":"scalar"},"locs":[{"a":2206,"b":2212},{"a":2341,"b":2347}]},{"name":"sentiment","required":false,"transform":{"type":"scalar"},"locs":[{"a":2375,"b":2384},{"a":2529,"b":2538}]},{"name":"spam","required":true,"transform":{"type":"scalar"},"locs":[{"a":2929,"b":2934}]},{"name":"heldForReview","required":true,"transform":{"type":"scalar"},"locs":[{"a":3058,"b":3072}]},{"name":"hiddenByRules","required":true,"transform":{"type":"scalar"},"locs":[{"a":3308,"b":3322}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":3578,"b":3579},{"a":3819,"b":3820},{"a":3857,"b":3858},{"a":3943,"b":3944}]},{"name":"threadIds","required":false,"transform":{"type":"scalar"},"locs":[{"a":4101,"b":4110},{"a":4144,"b":4153}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":4173,"b":4181},{"a":4297,"b":4305}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":4308,"b":4316}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":4421,"b":4427}]}],"statement":"SELECT t.id::text AS \"id!\", t.network AS \"network!\", t.channel AS \"kind!\",\n       ca.id AS \"channelId!\", ca.display_name AS \"channelDisplayName!\", ca.handle AS \"channelHandle\",\n       c.id::text AS \"contactId?\", c.name AS \"contactName?\", c.handle AS \"contactHandle?\", c.avatar_url AS \"contactAvatarUrl?\",\n       t.post_external_id AS \"postExternalId\", t.status AS \"status!\", t.priority AS \"priority!\", t.tags AS \"tags!\",\n       u.id AS \"assigneeId?\", u.name AS \"assigneeName?\",\n       t.last_message_preview AS \"lastMessagePreview!\", t.last_message_at AS \"lastMessageAt!\",\n       t.last_inbound_at AS \"lastInboundAt\", t.first_inbound_at AS \"firstInboundAt\",\n       t.first_response_at AS \"firstResponseAt\", t.waiting_since AS \"waitingSince\", t.sla_due_at AS \"slaDueAt\",\n       t.unread_count AS \"unreadCount!\", t.message_count AS \"messageCount!\", t.created_at AS \"createdAt!\",\n       to_char(t.waiting_key AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"_cursorAt!\"\n  FROM (SELECT t.*, COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz) AS waiting_key FROM thread t\n         WHERE t.workspace_id = :workspaceId!\n           AND (:status::text IS NULL OR t.status = :status)\n           AND (:networks::text[] IS NULL OR t.network = ANY(:networks))\n           AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))\n           -- needs reply: the customer waits on us (closed threads wait on nobody)\n           AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))\n           AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)\n           AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)\n           AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])\n           AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')\n           -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and\n           -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx\n           -- for the page's candidate threads, as the join did (NULL when none: the row is left out)\n           AND (:intent::text IS NULL\n                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))\n           AND (:sentiment::text IS NULL\n                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account\n                      AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25\n                                          WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25\n                                          WHEN 'positive' THEN m.sentiment > 0.25 END\n                    LIMIT 1))\n           -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000\n           AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))\n           AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))\n           -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them\n           AND (NOT :hiddenByRules!::boolean\n                OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))\n           -- the search_vector holds three configurations: the query is OR-ed over them\n           AND (:q::text IS NULL\n                OR (SELECT true FROM message m\n                     WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted\n                       AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)\n                                               || websearch_to_tsquery('english', :q))\n                     LIMIT 1))\n           -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)\n           AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))\n           AND (:cursorAt::timestamptz IS NULL\n                OR (COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz), t.id) > (:cursorAt, :cursorId::bigint))\n         ORDER BY COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz), t.id LIMIT :limit!) t\n  JOIN channel_account ca ON ca.id = t.channel_account_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN users u ON u.id = t.assignee_id\n ORDER BY t.waiting_key, t.id                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "id!", t.network AS "network!", t.channel AS "kind!",
 *        ca.id AS "channelId!", ca.display_name AS "channelDisplayName!", ca.handle AS "channelHandle",
 *        c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
 *        t.post_external_id AS "postExternalId", t.status AS "status!", t.priority AS "priority!", t.tags AS "tags!",
 *        u.id AS "assigneeId?", u.name AS "assigneeName?",
 *        t.last_message_preview AS "lastMessagePreview!", t.last_message_at AS "lastMessageAt!",
 *        t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
 *        t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
 *        t.unread_count AS "unreadCount!", t.message_count AS "messageCount!", t.created_at AS "createdAt!",
 *        to_char(t.waiting_key AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
 *   FROM (SELECT t.*, COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz) AS waiting_key FROM thread t
 *          WHERE t.workspace_id = :workspaceId!
 *            AND (:status::text IS NULL OR t.status = :status)
 *            AND (:networks::text[] IS NULL OR t.network = ANY(:networks))
 *            AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))
 *            -- needs reply: the customer waits on us (closed threads wait on nobody)
 *            AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))
 *            AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)
 *            AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
 *            AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])
 *            AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')
 *            -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and
 *            -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx
 *            -- for the page's candidate threads, as the join did (NULL when none: the row is left out)
 *            AND (:intent::text IS NULL
 *                 OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))
 *            AND (:sentiment::text IS NULL
 *                 OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
 *                       AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25
 *                                           WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25
 *                                           WHEN 'positive' THEN m.sentiment > 0.25 END
 *                     LIMIT 1))
 *            -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000
 *            AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))
 *            AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))
 *            -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them
 *            AND (NOT :hiddenByRules!::boolean
 *                 OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))
 *            -- the search_vector holds three configurations: the query is OR-ed over them
 *            AND (:q::text IS NULL
 *                 OR (SELECT true FROM message m
 *                      WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted
 *                        AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)
 *                                                || websearch_to_tsquery('english', :q))
 *                      LIMIT 1))
 *            -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)
 *            AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))
 *            AND (:cursorAt::timestamptz IS NULL
 *                 OR (COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz), t.id) > (:cursorAt, :cursorId::bigint))
 *          ORDER BY COALESCE(t.waiting_since, '9999-12-31T00:00:00Z'::timestamptz), t.id LIMIT :limit!) t
 *   JOIN channel_account ca ON ca.id = t.channel_account_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN users u ON u.id = t.assignee_id
 *  ORDER BY t.waiting_key, t.id                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          
 * ```
 */
export const listThreadsOldestWaiting = new PreparedQuery<IListThreadsOldestWaitingParams,IListThreadsOldestWaitingResult>(listThreadsOldestWaitingIR);


/** 'SearchThreadIds' parameters type */
export interface ISearchThreadIdsParams {
  cap: NumberOrString;
  q: string;
  workspaceId: string;
}

/** 'SearchThreadIds' return type */
export interface ISearchThreadIdsResult {
  matches: number;
  threadIds: stringArray;
}

/** 'SearchThreadIds' query type */
export interface ISearchThreadIdsQuery {
  params: ISearchThreadIdsParams;
  result: ISearchThreadIdsResult;
}

const searchThreadIdsIR: any = {"usedParamSet":{"workspaceId":true,"q":true,"cap":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":192}]},{"name":"q","required":true,"transform":{"type":"scalar"},"locs":[{"a":278,"b":280},{"a":317,"b":319},{"a":392,"b":394}]},{"name":"cap","required":true,"transform":{"type":"scalar"},"locs":[{"a":413,"b":417}]}],"statement":"SELECT COALESCE(array_agg(DISTINCT s.thread_id::text), '{}') AS \"threadIds!\", count(*)::int AS \"matches!\"\n  FROM (SELECT m.thread_id FROM message m\n         WHERE m.workspace_id = :workspaceId! AND NOT m.deleted\n           AND m.search_vector @@ (websearch_to_tsquery('simple', :q!) || websearch_to_tsquery('german', :q!)\n                                   || websearch_to_tsquery('english', :q!))\n         LIMIT :cap!) s                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * SELECT COALESCE(array_agg(DISTINCT s.thread_id::text), '{}') AS "threadIds!", count(*)::int AS "matches!"
 *   FROM (SELECT m.thread_id FROM message m
 *          WHERE m.workspace_id = :workspaceId! AND NOT m.deleted
 *            AND m.search_vector @@ (websearch_to_tsquery('simple', :q!) || websearch_to_tsquery('german', :q!)
 *                                    || websearch_to_tsquery('english', :q!))
 *          LIMIT :cap!) s                                                                                      
 * ```
 */
export const searchThreadIds = new PreparedQuery<ISearchThreadIdsParams,ISearchThreadIdsResult>(searchThreadIdsIR);


/** 'ThreadItemsByIds' parameters type */
export interface IThreadItemsByIdsParams {
  ids: NumberOrStringArray;
  workspaceId: string;
}

/** 'ThreadItemsByIds' return type */
export interface IThreadItemsByIdsResult {
  assigneeId: string | null;
  assigneeName: string | null;
  channelDisplayName: string;
  channelHandle: string | null;
  channelId: string;
  contactAvatarUrl: string | null;
  contactHandle: string | null;
  contactId: string | null;
  contactName: string | null;
  createdAt: Date;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  id: string;
  kind: string;
  lastInboundAt: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  messageCount: number;
  network: string;
  postExternalId: string | null;
  priority: number;
  slaDueAt: Date | null;
  status: string;
  tags: stringArray;
  unreadCount: number;
  waitingSince: Date | null;
}

/** 'ThreadItemsByIds' query type */
export interface IThreadItemsByIdsQuery {
  params: IThreadItemsByIdsParams;
  result: IThreadItemsByIdsResult;
}

const threadItemsByIdsIR: any = {"usedParamSet":{"workspaceId":true,"ids":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1000,"b":1012}]},{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":1029,"b":1033}]}],"statement":"SELECT t.id::text AS \"id!\", t.network, t.channel AS kind,\n       ca.id AS \"channelId\", ca.display_name AS \"channelDisplayName\", ca.handle AS \"channelHandle\",\n       c.id::text AS \"contactId?\", c.name AS \"contactName?\", c.handle AS \"contactHandle?\", c.avatar_url AS \"contactAvatarUrl?\",\n       t.post_external_id AS \"postExternalId\", t.status, t.priority, t.tags,\n       u.id AS \"assigneeId?\", u.name AS \"assigneeName?\",\n       t.last_message_preview AS \"lastMessagePreview\", t.last_message_at AS \"lastMessageAt\",\n       t.last_inbound_at AS \"lastInboundAt\", t.first_inbound_at AS \"firstInboundAt\",\n       t.first_response_at AS \"firstResponseAt\", t.waiting_since AS \"waitingSince\", t.sla_due_at AS \"slaDueAt\",\n       t.unread_count AS \"unreadCount\", t.message_count AS \"messageCount\", t.created_at AS \"createdAt\"\n  FROM thread t\n  JOIN channel_account ca ON ca.id = t.channel_account_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN users u ON u.id = t.assignee_id\n WHERE t.workspace_id = :workspaceId! AND t.id = ANY(:ids!::bigint[])\n ORDER BY t.last_message_at DESC, t.id DESC                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "id!", t.network, t.channel AS kind,
 *        ca.id AS "channelId", ca.display_name AS "channelDisplayName", ca.handle AS "channelHandle",
 *        c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
 *        t.post_external_id AS "postExternalId", t.status, t.priority, t.tags,
 *        u.id AS "assigneeId?", u.name AS "assigneeName?",
 *        t.last_message_preview AS "lastMessagePreview", t.last_message_at AS "lastMessageAt",
 *        t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
 *        t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
 *        t.unread_count AS "unreadCount", t.message_count AS "messageCount", t.created_at AS "createdAt"
 *   FROM thread t
 *   JOIN channel_account ca ON ca.id = t.channel_account_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN users u ON u.id = t.assignee_id
 *  WHERE t.workspace_id = :workspaceId! AND t.id = ANY(:ids!::bigint[])
 *  ORDER BY t.last_message_at DESC, t.id DESC                                                                                                   
 * ```
 */
export const threadItemsByIds = new PreparedQuery<IThreadItemsByIdsParams,IThreadItemsByIdsResult>(threadItemsByIdsIR);


/** 'ThreadDetail' parameters type */
export interface IThreadDetailParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'ThreadDetail' return type */
export interface IThreadDetailResult {
  assigneeId: string | null;
  assigneeName: string | null;
  channelDisplayName: string;
  channelHandle: string | null;
  channelId: string;
  contactAvatarUrl: string | null;
  contactHandle: string | null;
  contactId: string | null;
  contactName: string | null;
  createdAt: Date;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  humanAgentApproved: boolean;
  id: string;
  kind: string;
  lastInboundAt: Date | null;
  lastInboundMessageId: string | null;
  lastMessageAt: Date;
  lastMessageId: string | null;
  lastMessagePreview: string;
  messageCount: number;
  network: string;
  postExternalId: string | null;
  postExternalIdOfPost: string | null;
  postId: string | null;
  postPublishedAt: Date | null;
  postText: string | null;
  postUrl: string | null;
  priority: number;
  slaDueAt: Date | null;
  status: string;
  tags: stringArray;
  unreadCount: number;
  waitingSince: Date | null;
}

/** 'ThreadDetail' query type */
export interface IThreadDetailQuery {
  params: IThreadDetailParams;
  result: IThreadDetailResult;
}

const threadDetailIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":1774,"b":1777}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1800,"b":1812}]}],"statement":"SELECT t.id::text AS \"id!\", t.network, t.channel AS kind,\n       ca.id AS \"channelId\", ca.display_name AS \"channelDisplayName\", ca.handle AS \"channelHandle\",\n       c.id::text AS \"contactId?\", c.name AS \"contactName?\", c.handle AS \"contactHandle?\", c.avatar_url AS \"contactAvatarUrl?\",\n       t.post_external_id AS \"postExternalId\", t.status, t.priority, t.tags,\n       u.id AS \"assigneeId?\", u.name AS \"assigneeName?\",\n       t.last_message_preview AS \"lastMessagePreview\", t.last_message_at AS \"lastMessageAt\",\n       t.last_inbound_at AS \"lastInboundAt\", t.first_inbound_at AS \"firstInboundAt\",\n       t.first_response_at AS \"firstResponseAt\", t.waiting_since AS \"waitingSince\", t.sla_due_at AS \"slaDueAt\",\n       t.unread_count AS \"unreadCount\", t.message_count AS \"messageCount\", t.created_at AS \"createdAt\",\n       p.id::text AS \"postId?\", p.external_id AS \"postExternalIdOfPost?\", p.text AS \"postText?\", p.url AS \"postUrl?\",\n       p.published_at AS \"postPublishedAt?\",\n       (SELECT m.id::text FROM message m WHERE m.thread_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS \"lastMessageId\",\n       (SELECT m.id::text FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account\n         ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS \"lastInboundMessageId\",\n       -- the workspace says it has Meta's HUMAN_AGENT approval (PUT /api/settings/human-agent-tag): the messaging window\n       (w.settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS \"humanAgentApproved!\"\n  FROM thread t\n  JOIN workspace w ON w.id = t.workspace_id\n  JOIN channel_account ca ON ca.id = t.channel_account_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN users u ON u.id = t.assignee_id\n  LEFT JOIN post p ON p.id = t.post_id\n WHERE t.id = :id! AND t.workspace_id = :workspaceId!                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "id!", t.network, t.channel AS kind,
 *        ca.id AS "channelId", ca.display_name AS "channelDisplayName", ca.handle AS "channelHandle",
 *        c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
 *        t.post_external_id AS "postExternalId", t.status, t.priority, t.tags,
 *        u.id AS "assigneeId?", u.name AS "assigneeName?",
 *        t.last_message_preview AS "lastMessagePreview", t.last_message_at AS "lastMessageAt",
 *        t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
 *        t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
 *        t.unread_count AS "unreadCount", t.message_count AS "messageCount", t.created_at AS "createdAt",
 *        p.id::text AS "postId?", p.external_id AS "postExternalIdOfPost?", p.text AS "postText?", p.url AS "postUrl?",
 *        p.published_at AS "postPublishedAt?",
 *        (SELECT m.id::text FROM message m WHERE m.thread_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastMessageId",
 *        (SELECT m.id::text FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
 *          ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastInboundMessageId",
 *        -- the workspace says it has Meta's HUMAN_AGENT approval (PUT /api/settings/human-agent-tag): the messaging window
 *        (w.settings -> 'humanAgentTagApproved') IS NOT DISTINCT FROM 'true'::jsonb AS "humanAgentApproved!"
 *   FROM thread t
 *   JOIN workspace w ON w.id = t.workspace_id
 *   JOIN channel_account ca ON ca.id = t.channel_account_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN users u ON u.id = t.assignee_id
 *   LEFT JOIN post p ON p.id = t.post_id
 *  WHERE t.id = :id! AND t.workspace_id = :workspaceId!                                                                
 * ```
 */
export const threadDetail = new PreparedQuery<IThreadDetailParams,IThreadDetailResult>(threadDetailIR);


/** 'LockThread' parameters type */
export interface ILockThreadParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'LockThread' return type */
export interface ILockThreadResult {
  assigneeId: string | null;
  id: string;
  priority: number;
  status: string;
  tags: stringArray;
}

/** 'LockThread' query type */
export interface ILockThreadQuery {
  params: ILockThreadParams;
  result: ILockThreadResult;
}

const lockThreadIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":103,"b":106}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":139}]}],"statement":"SELECT id::text AS \"id!\", status, assignee_id AS \"assigneeId\", priority, tags\n  FROM thread WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", status, assignee_id AS "assigneeId", priority, tags
 *   FROM thread WHERE id = :id! AND workspace_id = :workspaceId! FOR UPDATE                                                                                                                                                                                                    
 * ```
 */
export const lockThread = new PreparedQuery<ILockThreadParams,ILockThreadResult>(lockThreadIR);


/** 'UpdateThread' parameters type */
export interface IUpdateThreadParams {
  assigneeId?: string | null | void;
  id: NumberOrString;
  priority?: number | null | void;
  setAssignee: boolean;
  setPriority: boolean;
  setStatus: boolean;
  setTags: boolean;
  status?: string | null | void;
  tags?: stringArray | null | void;
}

/** 'UpdateThread' return type */
export type IUpdateThreadResult = void;

/** 'UpdateThread' query type */
export interface IUpdateThreadQuery {
  params: IUpdateThreadParams;
  result: IUpdateThreadResult;
}

const updateThreadIR: any = {"usedParamSet":{"setAssignee":true,"assigneeId":true,"setStatus":true,"status":true,"setPriority":true,"priority":true,"setTags":true,"tags":true,"id":true},"params":[{"name":"setAssignee","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":57}]},{"name":"assigneeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":73,"b":83}]},{"name":"setStatus","required":true,"transform":{"type":"scalar"},"locs":[{"a":139,"b":149}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":165,"b":171}]},{"name":"setPriority","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":236}]},{"name":"priority","required":false,"transform":{"type":"scalar"},"locs":[{"a":252,"b":260}]},{"name":"setTags","required":true,"transform":{"type":"scalar"},"locs":[{"a":315,"b":323}]},{"name":"tags","required":false,"transform":{"type":"scalar"},"locs":[{"a":339,"b":343}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":406,"b":409}]}],"statement":"UPDATE thread\n   SET assignee_id = CASE WHEN :setAssignee!::boolean THEN :assigneeId::uuid ELSE assignee_id END,\n       status = CASE WHEN :setStatus!::boolean THEN :status::text ELSE status END,\n       priority = CASE WHEN :setPriority!::boolean THEN :priority::smallint ELSE priority END,\n       tags = CASE WHEN :setTags!::boolean THEN :tags::text[] ELSE tags END,\n       updated_at = now()\n WHERE id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread
 *    SET assignee_id = CASE WHEN :setAssignee!::boolean THEN :assigneeId::uuid ELSE assignee_id END,
 *        status = CASE WHEN :setStatus!::boolean THEN :status::text ELSE status END,
 *        priority = CASE WHEN :setPriority!::boolean THEN :priority::smallint ELSE priority END,
 *        tags = CASE WHEN :setTags!::boolean THEN :tags::text[] ELSE tags END,
 *        updated_at = now()
 *  WHERE id = :id!
 * ```
 */
export const updateThread = new PreparedQuery<IUpdateThreadParams,IUpdateThreadResult>(updateThreadIR);


/** 'MarkThreadRead' parameters type */
export interface IMarkThreadReadParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'MarkThreadRead' return type */
export interface IMarkThreadReadResult {
  id: string;
}

/** 'MarkThreadRead' query type */
export interface IMarkThreadReadQuery {
  params: IMarkThreadReadParams;
  result: IMarkThreadReadResult;
}

const markThreadReadIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":49}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":70,"b":82}]}],"statement":"UPDATE thread SET unread_count = 0 WHERE id = :id! AND workspace_id = :workspaceId! RETURNING id::text AS \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE thread SET unread_count = 0 WHERE id = :id! AND workspace_id = :workspaceId! RETURNING id::text AS "id!"
 * ```
 */
export const markThreadRead = new PreparedQuery<IMarkThreadReadParams,IMarkThreadReadResult>(markThreadReadIR);


/** 'AssignableUser' parameters type */
export interface IAssignableUserParams {
  userId: string;
  workspaceId: string;
}

/** 'AssignableUser' return type */
export interface IAssignableUserResult {
  found: number;
}

/** 'AssignableUser' query type */
export interface IAssignableUserQuery {
  params: IAssignableUserParams;
  result: IAssignableUserResult;
}

const assignableUserIR: any = {"usedParamSet":{"userId":true,"workspaceId":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":50}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":71,"b":83}]}],"statement":"SELECT 1 AS \"found!\" FROM users WHERE id = :userId! AND workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent')                                                                                                                           "};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM users WHERE id = :userId! AND workspace_id = :workspaceId! AND active AND role IN ('admin', 'agent')                                                                                                                           
 * ```
 */
export const assignableUser = new PreparedQuery<IAssignableUserParams,IAssignableUserResult>(assignableUserIR);


/** 'LockThreads' parameters type */
export interface ILockThreadsParams {
  ids: NumberOrStringArray;
  workspaceId: string;
}

/** 'LockThreads' return type */
export interface ILockThreadsResult {
  assigneeId: string | null;
  id: string;
  priority: number;
  status: string;
  tags: stringArray;
}

/** 'LockThreads' query type */
export interface ILockThreadsQuery {
  params: ILockThreadsParams;
  result: ILockThreadsResult;
}

const lockThreadsIR: any = {"usedParamSet":{"ids":true,"workspaceId":true},"params":[{"name":"ids","required":true,"transform":{"type":"scalar"},"locs":[{"a":107,"b":111}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":143,"b":155}]}],"statement":"SELECT id::text AS \"id!\", status, assignee_id AS \"assigneeId\", priority, tags\n  FROM thread WHERE id = ANY(:ids!::bigint[]) AND workspace_id = :workspaceId! ORDER BY id FOR UPDATE                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", status, assignee_id AS "assigneeId", priority, tags
 *   FROM thread WHERE id = ANY(:ids!::bigint[]) AND workspace_id = :workspaceId! ORDER BY id FOR UPDATE                                                                                        
 * ```
 */
export const lockThreads = new PreparedQuery<ILockThreadsParams,ILockThreadsResult>(lockThreadsIR);


/** 'WorkspaceTags' parameters type */
export interface IWorkspaceTagsParams {
  limit: NumberOrString;
  workspaceId: string;
}

/** 'WorkspaceTags' return type */
export interface IWorkspaceTagsResult {
  tag: string;
  uses: number;
}

/** 'WorkspaceTags' query type */
export interface IWorkspaceTagsQuery {
  params: IWorkspaceTagsParams;
  result: IWorkspaceTagsResult;
}

const workspaceTagsIR: any = {"usedParamSet":{"workspaceId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":116}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":166,"b":172}]}],"statement":"SELECT tag AS \"tag!\", count(*)::int AS \"uses!\"\n  FROM thread, unnest(tags) AS tag\n WHERE workspace_id = :workspaceId!\n GROUP BY tag ORDER BY count(*) DESC, tag LIMIT :limit!                                                                                                                                                                                                                                                                                                                                                                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT tag AS "tag!", count(*)::int AS "uses!"
 *   FROM thread, unnest(tags) AS tag
 *  WHERE workspace_id = :workspaceId!
 *  GROUP BY tag ORDER BY count(*) DESC, tag LIMIT :limit!                                                                                                                                                                                                                                                                                                                                                                                                                                              
 * ```
 */
export const workspaceTags = new PreparedQuery<IWorkspaceTagsParams,IWorkspaceTagsResult>(workspaceTagsIR);


/** 'ListThreadsBySlaDue' parameters type */
export interface IListThreadsBySlaDueParams {
  assigneeId?: string | null | void;
  channelIds?: stringArray | null | void;
  cursorAt?: DateOrString | null | void;
  cursorId?: NumberOrString | null | void;
  heldForReview: boolean;
  hiddenByRules: boolean;
  intent?: string | null | void;
  limit: NumberOrString;
  needsReply: boolean;
  networks?: stringArray | null | void;
  q?: string | null | void;
  sentiment?: string | null | void;
  spam: boolean;
  status?: string | null | void;
  tag?: string | null | void;
  threadIds?: NumberOrStringArray | null | void;
  unassigned: boolean;
  waitingLongerThanMinutes?: number | null | void;
  workspaceId: string;
}

/** 'ListThreadsBySlaDue' return type */
export interface IListThreadsBySlaDueResult {
  _cursorAt: string;
  assigneeId: string | null;
  assigneeName: string | null;
  channelDisplayName: string;
  channelHandle: string | null;
  channelId: string;
  contactAvatarUrl: string | null;
  contactHandle: string | null;
  contactId: string | null;
  contactName: string | null;
  createdAt: Date;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  id: string;
  kind: string;
  lastInboundAt: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  messageCount: number;
  network: string;
  postExternalId: string | null;
  priority: number;
  slaDueAt: Date | null;
  status: string;
  tags: stringArray;
  unreadCount: number;
  waitingSince: Date | null;
}

/** 'ListThreadsBySlaDue' query type */
export interface IListThreadsBySlaDueQuery {
  params: IListThreadsBySlaDueParams;
  result: IListThreadsBySlaDueResult;
}

const listThreadsBySlaDueIR: any = {"usedParamSet":{"workspaceId":true,"status":true,"networks":true,"channelIds":true,"needsReply":true,"unassigned":true,"assigneeId":true,"tag":true,"waitingLongerThanMinutes":true,"intent":true,"sentiment":true,"spam":true,"heldForReview":true,"hiddenByRules":true,"q":true,"threadIds":true,"cursorAt":true,"cursorId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1037,"b":1049},{"a":3656,"b":3668}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":1096,"b":1102},{"a":1132,"b":1138}]},{"name":"networks","required":false,"transform":{"type":"scalar"},"locs":[{"a":1157,"b":1165},{"a":1202,"b":1210}]},{"name":"channelIds","required":false,"transform":{"type":"scalar"},"locs":[{"a":1230,"b":1240},{"a":1288,"b":1298}]},{"name":"needsReply","required":true,"transform":{"type":"scalar"},"locs":[{"a":1406,"b":1417}]},{"name":"unassigned","required":true,"transform":{"type":"scalar"},"locs":[{"a":1507,"b":1518}]},{"name":"assigneeId","required":false,"transform":{"type":"scalar"},"locs":[{"a":1571,"b":1581},{"a":1616,"b":1626}]},{"name":"tag","required":false,"transform":{"type":"scalar"},"locs":[{"a":1645,"b":1648},{"a":1683,"b":1686}]},{"name":"waitingLongerThanMinutes","required":false,"transform":{"type":"scalar"},"locs":[{"a":1714,"b":1738},{"a":1782,"b":1806}]},{"name":"intent","required":false,"transform":{"type":"scalar"},"locs":[{"a":2153,"b":2159},{"a":2288,"b":2294}]},{"name":"sentiment","required":false,"transform":{"type":"scalar"},"locs":[{"a":2322,"b":2331},{"a":2476,"b":2485}]},{"name":"spam","required":true,"transform":{"type":"scalar"},"locs":[{"a":2876,"b":2881}]},{"name":"heldForReview","required":true,"transform":{"type":"scalar"},"locs":[{"a":3005,"b":3019}]},{"name":"hiddenByRules","required":true,"transform":{"type":"scalar"},"locs":[{"a":3255,"b":3269}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":3525,"b":3526},{"a":3766,"b":3767},{"a":3804,"b":3805},{"a":3890,"b":3891}]},{"name":"threadIds","required":false,"transform":{"type":"scalar"},"locs":[{"a":4048,"b":4057},{"a":4091,"b":4100}]},{"name":"cursorAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":4120,"b":4128},{"a":4178,"b":4186}]},{"name":"cursorId","required":false,"transform":{"type":"scalar"},"locs":[{"a":4189,"b":4197}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":4252,"b":4258}]}],"statement":"SELECT t.id::text AS \"id!\", t.network AS \"network!\", t.channel AS \"kind!\",\n       ca.id AS \"channelId!\", ca.display_name AS \"channelDisplayName!\", ca.handle AS \"channelHandle\",\n       c.id::text AS \"contactId?\", c.name AS \"contactName?\", c.handle AS \"contactHandle?\", c.avatar_url AS \"contactAvatarUrl?\",\n       t.post_external_id AS \"postExternalId\", t.status AS \"status!\", t.priority AS \"priority!\", t.tags AS \"tags!\",\n       u.id AS \"assigneeId?\", u.name AS \"assigneeName?\",\n       t.last_message_preview AS \"lastMessagePreview!\", t.last_message_at AS \"lastMessageAt!\",\n       t.last_inbound_at AS \"lastInboundAt\", t.first_inbound_at AS \"firstInboundAt\",\n       t.first_response_at AS \"firstResponseAt\", t.waiting_since AS \"waitingSince\", t.sla_due_at AS \"slaDueAt\",\n       t.unread_count AS \"unreadCount!\", t.message_count AS \"messageCount!\", t.created_at AS \"createdAt!\",\n       to_char(t.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS \"_cursorAt!\"\n  FROM (SELECT * FROM thread t\n         WHERE t.workspace_id = :workspaceId! AND t.sla_due_at IS NOT NULL\n           AND (:status::text IS NULL OR t.status = :status)\n           AND (:networks::text[] IS NULL OR t.network = ANY(:networks))\n           AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))\n           -- needs reply: the customer waits on us (closed threads wait on nobody)\n           AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))\n           AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)\n           AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)\n           AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])\n           AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')\n           -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and\n           -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx\n           -- for the page's candidate threads, as the join did (NULL when none: the row is left out)\n           AND (:intent::text IS NULL\n                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))\n           AND (:sentiment::text IS NULL\n                OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account\n                      AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25\n                                          WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25\n                                          WHEN 'positive' THEN m.sentiment > 0.25 END\n                    LIMIT 1))\n           -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000\n           AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))\n           AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))\n           -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them\n           AND (NOT :hiddenByRules!::boolean\n                OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))\n           -- the search_vector holds three configurations: the query is OR-ed over them\n           AND (:q::text IS NULL\n                OR (SELECT true FROM message m\n                     WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted\n                       AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)\n                                               || websearch_to_tsquery('english', :q))\n                     LIMIT 1))\n           -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)\n           AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))\n           AND (:cursorAt::timestamptz IS NULL OR (t.sla_due_at, t.id) > (:cursorAt, :cursorId::bigint))\n         ORDER BY t.sla_due_at, t.id LIMIT :limit!) t\n  JOIN channel_account ca ON ca.id = t.channel_account_id\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN users u ON u.id = t.assignee_id\n ORDER BY t.sla_due_at, t.id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "id!", t.network AS "network!", t.channel AS "kind!",
 *        ca.id AS "channelId!", ca.display_name AS "channelDisplayName!", ca.handle AS "channelHandle",
 *        c.id::text AS "contactId?", c.name AS "contactName?", c.handle AS "contactHandle?", c.avatar_url AS "contactAvatarUrl?",
 *        t.post_external_id AS "postExternalId", t.status AS "status!", t.priority AS "priority!", t.tags AS "tags!",
 *        u.id AS "assigneeId?", u.name AS "assigneeName?",
 *        t.last_message_preview AS "lastMessagePreview!", t.last_message_at AS "lastMessageAt!",
 *        t.last_inbound_at AS "lastInboundAt", t.first_inbound_at AS "firstInboundAt",
 *        t.first_response_at AS "firstResponseAt", t.waiting_since AS "waitingSince", t.sla_due_at AS "slaDueAt",
 *        t.unread_count AS "unreadCount!", t.message_count AS "messageCount!", t.created_at AS "createdAt!",
 *        to_char(t.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "_cursorAt!"
 *   FROM (SELECT * FROM thread t
 *          WHERE t.workspace_id = :workspaceId! AND t.sla_due_at IS NOT NULL
 *            AND (:status::text IS NULL OR t.status = :status)
 *            AND (:networks::text[] IS NULL OR t.network = ANY(:networks))
 *            AND (:channelIds::uuid[] IS NULL OR t.channel_account_id = ANY(:channelIds))
 *            -- needs reply: the customer waits on us (closed threads wait on nobody)
 *            AND (NOT :needsReply!::boolean OR (t.waiting_since IS NOT NULL AND t.status <> 'closed'))
 *            AND (NOT :unassigned!::boolean OR t.assignee_id IS NULL)
 *            AND (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
 *            AND (:tag::text IS NULL OR t.tags @> ARRAY[:tag]::text[])
 *            AND (:waitingLongerThanMinutes::int IS NULL OR t.waiting_since < now() - :waitingLongerThanMinutes * interval '1 minute')
 *            -- (SELECT true … LIMIT 1), not EXISTS: inside an OR an EXISTS is not turned into a join, and
 *            -- PostgreSQL would hash the whole message table for it; this probes message_thread_idx
 *            -- for the page's candidate threads, as the join did (NULL when none: the row is left out)
 *            AND (:intent::text IS NULL
 *                 OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account AND m.intent = :intent LIMIT 1))
 *            AND (:sentiment::text IS NULL
 *                 OR (SELECT true FROM message m WHERE m.thread_id = t.id AND NOT m.is_from_account
 *                       AND CASE :sentiment WHEN 'negative' THEN m.sentiment < -0.25
 *                                           WHEN 'neutral' THEN m.sentiment BETWEEN -0.25 AND 0.25
 *                                           WHEN 'positive' THEN m.sentiment > 0.25 END
 *                     LIMIT 1))
 *            -- possible spam (the ingest's reasons) and held for review: partial indexes of migration 1733930000000
 *            AND (NOT :spam!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.spam_reasons <> '{}' LIMIT 1))
 *            AND (NOT :heldForReview!::boolean OR (SELECT true FROM message m WHERE m.thread_id = t.id AND m.held_for_review LIMIT 1))
 *            -- hidden by rules: a rule's hide nobody undid (rule_run_thread_idx), as GET /api/rules/hidden lists them
 *            AND (NOT :hiddenByRules!::boolean
 *                 OR (SELECT true FROM rule_run r WHERE r.thread_id = t.id AND r.action ->> 'type' = 'hide' AND r.undone_at IS NULL LIMIT 1))
 *            -- the search_vector holds three configurations: the query is OR-ed over them
 *            AND (:q::text IS NULL
 *                 OR (SELECT true FROM message m
 *                      WHERE m.thread_id = t.id AND m.workspace_id = :workspaceId! AND NOT m.deleted
 *                        AND m.search_vector @@ (websearch_to_tsquery('simple', :q) || websearch_to_tsquery('german', :q)
 *                                                || websearch_to_tsquery('english', :q))
 *                      LIMIT 1))
 *            -- a rare search term: the threads SearchThreadIds found (the repository passes these, not :q)
 *            AND (:threadIds::bigint[] IS NULL OR t.id = ANY(:threadIds))
 *            AND (:cursorAt::timestamptz IS NULL OR (t.sla_due_at, t.id) > (:cursorAt, :cursorId::bigint))
 *          ORDER BY t.sla_due_at, t.id LIMIT :limit!) t
 *   JOIN channel_account ca ON ca.id = t.channel_account_id
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN users u ON u.id = t.assignee_id
 *  ORDER BY t.sla_due_at, t.id
 * ```
 */
export const listThreadsBySlaDue = new PreparedQuery<IListThreadsBySlaDueParams,IListThreadsBySlaDueResult>(listThreadsBySlaDueIR);


