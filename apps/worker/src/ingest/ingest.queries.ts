/** Types generated for queries found in "apps/worker/src/ingest/ingest.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'UpsertPosts' parameters type */
export interface IUpsertPostsParams {
  channelId: string;
  posts: Json;
  workspaceId: string;
}

/** 'UpsertPosts' return type */
export type IUpsertPostsResult = void;

/** 'UpsertPosts' query type */
export interface IUpsertPostsQuery {
  params: IUpsertPostsParams;
  result: IUpsertPostsResult;
}

const upsertPostsIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"posts":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":208,"b":220}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":223,"b":233}]},{"name":"posts","required":true,"transform":{"type":"scalar"},"locs":[{"a":415,"b":421}]}],"statement":"INSERT INTO post (workspace_id, channel_account_id, external_id, text, url, published_at,\n                       reactions_count, comments_count, shares_count, views_count, counts_read_at, topic)\n     SELECT :workspaceId!, :channelId!, r.external_id, r.text, r.url, r.published_at, r.reactions, r.comments, r.shares, r.views,\n            CASE WHEN r.has_counts THEN now() END, r.topic\n       FROM json_to_recordset(:posts!::json) AS r(external_id text, text text, url text, published_at timestamptz,\n            reactions int, comments int, shares int, views bigint, has_counts boolean, topic text)\n     ON CONFLICT (channel_account_id, external_id) DO UPDATE SET\n       text = excluded.text,\n       topic = excluded.topic,\n       url = COALESCE(excluded.url, post.url),\n       reactions_count = COALESCE(excluded.reactions_count, post.reactions_count),\n       comments_count = COALESCE(excluded.comments_count, post.comments_count),\n       shares_count = COALESCE(excluded.shares_count, post.shares_count),\n       views_count = COALESCE(excluded.views_count, post.views_count),\n       counts_read_at = COALESCE(excluded.counts_read_at, post.counts_read_at),\n       updated_at = now()                                                                                                             "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO post (workspace_id, channel_account_id, external_id, text, url, published_at,
 *                        reactions_count, comments_count, shares_count, views_count, counts_read_at, topic)
 *      SELECT :workspaceId!, :channelId!, r.external_id, r.text, r.url, r.published_at, r.reactions, r.comments, r.shares, r.views,
 *             CASE WHEN r.has_counts THEN now() END, r.topic
 *        FROM json_to_recordset(:posts!::json) AS r(external_id text, text text, url text, published_at timestamptz,
 *             reactions int, comments int, shares int, views bigint, has_counts boolean, topic text)
 *      ON CONFLICT (channel_account_id, external_id) DO UPDATE SET
 *        text = excluded.text,
 *        topic = excluded.topic,
 *        url = COALESCE(excluded.url, post.url),
 *        reactions_count = COALESCE(excluded.reactions_count, post.reactions_count),
 *        comments_count = COALESCE(excluded.comments_count, post.comments_count),
 *        shares_count = COALESCE(excluded.shares_count, post.shares_count),
 *        views_count = COALESCE(excluded.views_count, post.views_count),
 *        counts_read_at = COALESCE(excluded.counts_read_at, post.counts_read_at),
 *        updated_at = now()                                                                                                             
 * ```
 */
export const upsertPosts = new PreparedQuery<IUpsertPostsParams,IUpsertPostsResult>(upsertPostsIR);


/** 'UpsertContacts' parameters type */
export interface IUpsertContactsParams {
  channelId: string;
  contacts: Json;
  workspaceId: string;
}

/** 'UpsertContacts' return type */
export interface IUpsertContactsResult {
  externalId: string;
  inserted: boolean;
}

/** 'UpsertContacts' query type */
export interface IUpsertContactsQuery {
  params: IUpsertContactsParams;
  result: IUpsertContactsResult;
}

const upsertContactsIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"contacts":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":106,"b":118}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":121,"b":131}]},{"name":"contacts","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":192}]}],"statement":"INSERT INTO contact (workspace_id, channel_account_id, external_id, name, handle, avatar_url)\n     SELECT :workspaceId!, :channelId!, r.e, r.n, r.h, r.a\n       FROM json_to_recordset(:contacts!::json) AS r(e text, n text, h text, a text)\n     ON CONFLICT (channel_account_id, external_id) DO UPDATE SET\n       name = COALESCE(excluded.name, contact.name),\n       handle = COALESCE(excluded.handle, contact.handle),\n       avatar_url = COALESCE(excluded.avatar_url, contact.avatar_url),\n       updated_at = now()\n     WHERE (contact.name, contact.handle, contact.avatar_url) IS DISTINCT FROM\n           (COALESCE(excluded.name, contact.name), COALESCE(excluded.handle, contact.handle),\n            COALESCE(excluded.avatar_url, contact.avatar_url))\n     RETURNING external_id AS \"externalId!\", (xmax = 0) AS \"inserted!\"                                                                                                                                                                                                                                                                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO contact (workspace_id, channel_account_id, external_id, name, handle, avatar_url)
 *      SELECT :workspaceId!, :channelId!, r.e, r.n, r.h, r.a
 *        FROM json_to_recordset(:contacts!::json) AS r(e text, n text, h text, a text)
 *      ON CONFLICT (channel_account_id, external_id) DO UPDATE SET
 *        name = COALESCE(excluded.name, contact.name),
 *        handle = COALESCE(excluded.handle, contact.handle),
 *        avatar_url = COALESCE(excluded.avatar_url, contact.avatar_url),
 *        updated_at = now()
 *      WHERE (contact.name, contact.handle, contact.avatar_url) IS DISTINCT FROM
 *            (COALESCE(excluded.name, contact.name), COALESCE(excluded.handle, contact.handle),
 *             COALESCE(excluded.avatar_url, contact.avatar_url))
 *      RETURNING external_id AS "externalId!", (xmax = 0) AS "inserted!"                                                                                                                                                                                                                                                                                                                    
 * ```
 */
export const upsertContacts = new PreparedQuery<IUpsertContactsParams,IUpsertContactsResult>(upsertContactsIR);


/** 'InsertAndLockThreads' parameters type */
export interface IInsertAndLockThreadsParams {
  channelId: string;
  network: string;
  threads: Json;
  workspaceId: string;
}

/** 'InsertAndLockThreads' return type */
export interface IInsertAndLockThreadsResult {
  id: string;
  thread_key: string;
}

/** 'InsertAndLockThreads' query type */
export interface IInsertAndLockThreadsQuery {
  params: IInsertAndLockThreadsParams;
  result: IInsertAndLockThreadsResult;
}

const insertAndLockThreadsIR: any = {"usedParamSet":{"network":true,"workspaceId":true,"channelId":true,"threads":true},"params":[{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":65,"b":73},{"a":772,"b":780}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":389,"b":401},{"a":744,"b":756}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":759,"b":769},{"a":863,"b":873},{"a":967,"b":977}]},{"name":"threads","required":true,"transform":{"type":"scalar"},"locs":[{"a":1222,"b":1230}]}],"statement":"WITH clock AS (\n       SELECT resonance_sla_target_minutes(w.id, :network!, 0::smallint) AS minutes, COALESCE(p.business_hours_only, false) AS business_only,\n              w.business_hours AS hours, w.timezone AS tz, ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id) AS holidays\n         FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id WHERE w.id = :workspaceId!\n     )\nINSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id,\n                         post_external_id, first_inbound_at, last_inbound_at, first_response_at, waiting_since,\n                         last_message_at, message_count, last_message_preview, unread_count, sla_due_at)\n     SELECT :workspaceId!, :channelId!, :network!, r.k, r.ch,\n            (SELECT c.id FROM contact c WHERE c.channel_account_id = :channelId! AND c.external_id = r.c),\n            (SELECT p.id FROM post p WHERE p.channel_account_id = :channelId! AND p.external_id = r.p),\n            r.p, r.fi, r.li, r.fr, r.w, r.lm, r.n, left(r.v, 280), r.i,\n            resonance_sla_due_from(r.w, clock.minutes, clock.business_only, clock.hours, clock.tz, clock.holidays)\n       FROM json_to_recordset(:threads!::json) AS r(k text, ch text, p text, c text, fi timestamptz, li timestamptz,\n            fr timestamptz, w timestamptz, lm timestamptz, n int, v text, i int)\n       LEFT JOIN clock ON true\n      ORDER BY r.k\n     ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET thread_key = excluded.thread_key WHERE false\n     RETURNING id, thread_key                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * WITH clock AS (
 *        SELECT resonance_sla_target_minutes(w.id, :network!, 0::smallint) AS minutes, COALESCE(p.business_hours_only, false) AS business_only,
 *               w.business_hours AS hours, w.timezone AS tz, ARRAY(SELECT h.day FROM workspace_holiday h WHERE h.workspace_id = w.id) AS holidays
 *          FROM workspace w LEFT JOIN sla_policy p ON p.workspace_id = w.id WHERE w.id = :workspaceId!
 *      )
 * INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, post_id,
 *                          post_external_id, first_inbound_at, last_inbound_at, first_response_at, waiting_since,
 *                          last_message_at, message_count, last_message_preview, unread_count, sla_due_at)
 *      SELECT :workspaceId!, :channelId!, :network!, r.k, r.ch,
 *             (SELECT c.id FROM contact c WHERE c.channel_account_id = :channelId! AND c.external_id = r.c),
 *             (SELECT p.id FROM post p WHERE p.channel_account_id = :channelId! AND p.external_id = r.p),
 *             r.p, r.fi, r.li, r.fr, r.w, r.lm, r.n, left(r.v, 280), r.i,
 *             resonance_sla_due_from(r.w, clock.minutes, clock.business_only, clock.hours, clock.tz, clock.holidays)
 *        FROM json_to_recordset(:threads!::json) AS r(k text, ch text, p text, c text, fi timestamptz, li timestamptz,
 *             fr timestamptz, w timestamptz, lm timestamptz, n int, v text, i int)
 *        LEFT JOIN clock ON true
 *       ORDER BY r.k
 *      ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET thread_key = excluded.thread_key WHERE false
 *      RETURNING id, thread_key                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                        
 * ```
 */
export const insertAndLockThreads = new PreparedQuery<IInsertAndLockThreadsParams,IInsertAndLockThreadsResult>(insertAndLockThreadsIR);


/** 'UpsertMessages' parameters type */
export interface IUpsertMessagesParams {
  channelId: string;
  messages: Json;
  workspaceId: string;
}

/** 'UpsertMessages' return type */
export interface IUpsertMessagesResult {
  external_id: string;
  from_account: boolean;
  inserted: boolean;
  spam_reasons: stringArray;
  thread_id: string;
}

/** 'UpsertMessages' query type */
export interface IUpsertMessagesQuery {
  params: IUpsertMessagesParams;
  result: IUpsertMessagesResult;
}

const upsertMessagesIR: any = {"usedParamSet":{"workspaceId":true,"channelId":true,"messages":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":332,"b":344},{"a":867,"b":879}]},{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":347,"b":357},{"a":523,"b":533},{"a":1390,"b":1400}]},{"name":"messages","required":true,"transform":{"type":"scalar"},"locs":[{"a":1176,"b":1185}]}],"statement":"INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,\n                          parent_external_id, author_contact_id, text, attachments, url, created_at, delivery,\n                          intent, sentiment, held_for_review, hidden, text_fingerprint, spam_reasons)\n     SELECT :workspaceId!, :channelId!, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p,\n            CASE WHEN NOT r.o THEN (SELECT c.id FROM contact c WHERE c.channel_account_id = :channelId! AND c.external_id = r.a) END,\n            r.x, r.at, r.u, r.t, CASE WHEN r.o THEN 'sent' END, r.i, r.s, COALESCE(r.h, false), COALESCE(r.h, false), r.f,\n            CASE WHEN r.f IS NOT NULL AND NOT 'repeated_text' = ANY(r.sr)\n                      AND (SELECT true FROM message d\n                            WHERE d.workspace_id = :workspaceId! AND d.text_fingerprint = r.f\n                              AND d.created_at BETWEEN r.t - interval '7 days' AND r.t + interval '7 days'\n                              AND d.thread_id <> t.id LIMIT 1)\n                 THEN r.sr || 'repeated_text'::text ELSE r.sr END\n       FROM json_to_recordset(:messages!::json) AS r(e text, k text, p text, a text, o boolean, x text, at jsonb, u text,\n            t timestamptz, i text, s real, h boolean, f bigint, sr text[])\n       JOIN thread t ON t.channel_account_id = :channelId! AND t.thread_key = r.k\n     ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET\n       text = excluded.text,\n       attachments = excluded.attachments,\n       text_fingerprint = excluded.text_fingerprint,\n       spam_reasons = excluded.spam_reasons,\n       held_for_review = message.held_for_review AND excluded.held_for_review,\n       hidden = CASE WHEN message.held_for_review AND NOT excluded.held_for_review THEN false ELSE message.hidden END\n     WHERE message.text IS DISTINCT FROM excluded.text\n        OR message.attachments IS DISTINCT FROM excluded.attachments\n        OR (message.held_for_review AND NOT excluded.held_for_review)\n     RETURNING thread_id, external_id AS \"external_id!\", is_from_account AS from_account, (xmax = 0) AS \"inserted!\",\n               spam_reasons AS \"spam_reasons!\""};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account,
 *                           parent_external_id, author_contact_id, text, attachments, url, created_at, delivery,
 *                           intent, sentiment, held_for_review, hidden, text_fingerprint, spam_reasons)
 *      SELECT :workspaceId!, :channelId!, t.id, r.e, CASE WHEN r.o THEN 'outbound' ELSE 'inbound' END, r.o, r.p,
 *             CASE WHEN NOT r.o THEN (SELECT c.id FROM contact c WHERE c.channel_account_id = :channelId! AND c.external_id = r.a) END,
 *             r.x, r.at, r.u, r.t, CASE WHEN r.o THEN 'sent' END, r.i, r.s, COALESCE(r.h, false), COALESCE(r.h, false), r.f,
 *             CASE WHEN r.f IS NOT NULL AND NOT 'repeated_text' = ANY(r.sr)
 *                       AND (SELECT true FROM message d
 *                             WHERE d.workspace_id = :workspaceId! AND d.text_fingerprint = r.f
 *                               AND d.created_at BETWEEN r.t - interval '7 days' AND r.t + interval '7 days'
 *                               AND d.thread_id <> t.id LIMIT 1)
 *                  THEN r.sr || 'repeated_text'::text ELSE r.sr END
 *        FROM json_to_recordset(:messages!::json) AS r(e text, k text, p text, a text, o boolean, x text, at jsonb, u text,
 *             t timestamptz, i text, s real, h boolean, f bigint, sr text[])
 *        JOIN thread t ON t.channel_account_id = :channelId! AND t.thread_key = r.k
 *      ON CONFLICT (channel_account_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
 *        text = excluded.text,
 *        attachments = excluded.attachments,
 *        text_fingerprint = excluded.text_fingerprint,
 *        spam_reasons = excluded.spam_reasons,
 *        held_for_review = message.held_for_review AND excluded.held_for_review,
 *        hidden = CASE WHEN message.held_for_review AND NOT excluded.held_for_review THEN false ELSE message.hidden END
 *      WHERE message.text IS DISTINCT FROM excluded.text
 *         OR message.attachments IS DISTINCT FROM excluded.attachments
 *         OR (message.held_for_review AND NOT excluded.held_for_review)
 *      RETURNING thread_id, external_id AS "external_id!", is_from_account AS from_account, (xmax = 0) AS "inserted!",
 *                spam_reasons AS "spam_reasons!"
 * ```
 */
export const upsertMessages = new PreparedQuery<IUpsertMessagesParams,IUpsertMessagesResult>(upsertMessagesIR);


