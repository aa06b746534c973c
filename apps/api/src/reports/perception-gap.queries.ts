/** Types generated for queries found in "apps/api/src/reports/perception-gap.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'PostTopics' parameters type */
export interface IPostTopicsParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'PostTopics' return type */
export interface IPostTopicsResult {
  grp: string | null;
  n: number;
  period: string;
  topic: string;
}

/** 'PostTopics' query type */
export interface IPostTopicsQuery {
  params: IPostTopicsParams;
  result: IPostTopicsResult;
}

const postTopicsIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"from":true,"to":true,"network":true,"channel":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":411,"b":419}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":663,"b":675}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":729,"b":734}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":805,"b":808}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":865,"b":872},{"a":904,"b":911}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":919,"b":926},{"a":969,"b":976}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char((po.published_at AT TIME ZONE w.timezone)::date, 'YYYY-MM-DD')\n                             WHEN 'week' THEN to_char(date_trunc('week', (po.published_at AT TIME ZONE w.timezone)::date), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char((po.published_at AT TIME ZONE w.timezone)::date, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN ca.network END AS grp,\n       po.topic AS \"topic!\", count(*)::int AS \"n!\"\n  FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id\n  JOIN workspace w ON w.id = po.workspace_id\n WHERE po.workspace_id = :workspaceId! AND po.topic IS NOT NULL\n   AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)\n   AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)\n   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)\n GROUP BY 1, 2, 3                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char((po.published_at AT TIME ZONE w.timezone)::date, 'YYYY-MM-DD')
 *                              WHEN 'week' THEN to_char(date_trunc('week', (po.published_at AT TIME ZONE w.timezone)::date), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char((po.published_at AT TIME ZONE w.timezone)::date, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN ca.network END AS grp,
 *        po.topic AS "topic!", count(*)::int AS "n!"
 *   FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
 *   JOIN workspace w ON w.id = po.workspace_id
 *  WHERE po.workspace_id = :workspaceId! AND po.topic IS NOT NULL
 *    AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
 *    AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 *    AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)
 *  GROUP BY 1, 2, 3                                                                                                                         
 * ```
 */
export const postTopics = new PreparedQuery<IPostTopicsParams,IPostTopicsResult>(postTopicsIR);


/** 'InboundByIntent' parameters type */
export interface IInboundByIntentParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'InboundByIntent' return type */
export interface IInboundByIntentResult {
  answered: number;
  grp: string | null;
  intent: string;
  n: number;
  period: string;
}

/** 'InboundByIntent' query type */
export interface IInboundByIntentQuery {
  params: IInboundByIntentParams;
  result: IInboundByIntentResult;
}

const inboundByIntentIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":258}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":441,"b":453}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":460,"b":467},{"a":496,"b":503}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":511,"b":518},{"a":558,"b":565}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":587,"b":592}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":604,"b":607}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN network END AS grp,\n       intent, sum(comments)::int AS \"n!\", sum(answered)::int AS \"answered!\"\n  FROM report_comment_channel_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date\n GROUP BY 1, 2, 3                                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN network END AS grp,
 *        intent, sum(comments)::int AS "n!", sum(answered)::int AS "answered!"
 *   FROM report_comment_channel_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date
 *  GROUP BY 1, 2, 3                                                                                                                   
 * ```
 */
export const inboundByIntent = new PreparedQuery<IInboundByIntentParams,IInboundByIntentResult>(inboundByIntentIR);


/** 'ReplyHistogramsByIntent' parameters type */
export interface IReplyHistogramsByIntentParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ReplyHistogramsByIntent' return type */
export interface IReplyHistogramsByIntentResult {
  bucket: number;
  grp: string | null;
  intent: string;
  n: number;
  period: string;
  sum: number;
}

/** 'ReplyHistogramsByIntent' query type */
export interface IReplyHistogramsByIntentQuery {
  params: IReplyHistogramsByIntentParams;
  result: IReplyHistogramsByIntentResult;
}

const replyHistogramsByIntentIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":258}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":469,"b":481}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":488,"b":495},{"a":524,"b":531}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":539,"b":546},{"a":586,"b":593}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":615,"b":620}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":632,"b":635}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN network END AS grp,\n       intent AS \"intent!\", bucket AS \"bucket!\", sum(n)::int AS \"n!\", sum(seconds_sum)::float8 AS \"sum!\"\n  FROM report_response_intent_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date\n GROUP BY 1, 2, 3, 4                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN network END AS grp,
 *        intent AS "intent!", bucket AS "bucket!", sum(n)::int AS "n!", sum(seconds_sum)::float8 AS "sum!"
 *   FROM report_response_intent_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date
 *  GROUP BY 1, 2, 3, 4                                                                                                                         
 * ```
 */
export const replyHistogramsByIntent = new PreparedQuery<IReplyHistogramsByIntentParams,IReplyHistogramsByIntentResult>(replyHistogramsByIntentIR);


/** 'TopicPosts' parameters type */
export interface ITopicPostsParams {
  channel?: string | null | void;
  from: DateOrString;
  limit: NumberOrString;
  network?: string | null | void;
  to: DateOrString;
  topic: string;
  workspaceId: string;
}

/** 'TopicPosts' return type */
export interface ITopicPostsResult {
  id: string;
  network: string;
  published_at: Date;
  text: string;
  url: string | null;
}

/** 'TopicPosts' query type */
export interface ITopicPostsQuery {
  params: ITopicPostsParams;
  result: ITopicPostsResult;
}

const topicPostsIR: any = {"usedParamSet":{"workspaceId":true,"topic":true,"from":true,"to":true,"network":true,"channel":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":272}]},{"name":"topic","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":295}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":329}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":400,"b":403}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":460,"b":467},{"a":499,"b":506}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":514,"b":521},{"a":564,"b":571}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":623,"b":629}]}],"statement":"SELECT po.id::text AS \"id!\", ca.network AS \"network!\", po.text AS \"text!\", po.url, po.published_at AS \"published_at!\"\n  FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id\n  JOIN workspace w ON w.id = po.workspace_id\n WHERE po.workspace_id = :workspaceId! AND po.topic = :topic!\n   AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)\n   AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)\n   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)\n ORDER BY po.published_at DESC, po.id DESC LIMIT :limit!                                                                                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT po.id::text AS "id!", ca.network AS "network!", po.text AS "text!", po.url, po.published_at AS "published_at!"
 *   FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
 *   JOIN workspace w ON w.id = po.workspace_id
 *  WHERE po.workspace_id = :workspaceId! AND po.topic = :topic!
 *    AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
 *    AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 *    AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)
 *  ORDER BY po.published_at DESC, po.id DESC LIMIT :limit!                                                                                                                                                                                                                
 * ```
 */
export const topicPosts = new PreparedQuery<ITopicPostsParams,ITopicPostsResult>(topicPostsIR);


/** 'IntentMessages' parameters type */
export interface IIntentMessagesParams {
  channel?: string | null | void;
  from: DateOrString;
  intents: stringArray;
  limit: NumberOrString;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'IntentMessages' return type */
export interface IIntentMessagesResult {
  contact_name: string | null;
  created_at: Date;
  id: string;
  intent: string;
  network: string;
  text: string;
  thread_id: string;
}

/** 'IntentMessages' query type */
export interface IIntentMessagesQuery {
  params: IIntentMessagesParams;
  result: IIntentMessagesResult;
}

const intentMessagesIR: any = {"usedParamSet":{"workspaceId":true,"intents":true,"from":true,"to":true,"network":true,"channel":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":396,"b":408}]},{"name":"intents","required":true,"transform":{"type":"scalar"},"locs":[{"a":455,"b":463}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":498,"b":503}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":571,"b":574}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":631,"b":638},{"a":670,"b":677}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":685,"b":692},{"a":734,"b":741}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":789,"b":795}]}],"statement":"SELECT m.id::text AS \"id!\", m.thread_id::text AS \"thread_id!\", ca.network AS \"network!\", m.intent AS \"intent!\",\n       left(m.text, 280) AS \"text!\", m.created_at AS \"created_at!\", c.name AS contact_name\n  FROM message m JOIN channel_account ca ON ca.id = m.channel_account_id\n  JOIN workspace w ON w.id = m.workspace_id\n  LEFT JOIN contact c ON c.id = m.author_contact_id\n WHERE m.workspace_id = :workspaceId! AND NOT m.is_from_account AND m.intent = ANY(:intents!::text[])\n   AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)\n   AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)\n   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR m.channel_account_id = :channel)\n ORDER BY m.created_at DESC, m.id DESC LIMIT :limit!                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT m.id::text AS "id!", m.thread_id::text AS "thread_id!", ca.network AS "network!", m.intent AS "intent!",
 *        left(m.text, 280) AS "text!", m.created_at AS "created_at!", c.name AS contact_name
 *   FROM message m JOIN channel_account ca ON ca.id = m.channel_account_id
 *   JOIN workspace w ON w.id = m.workspace_id
 *   LEFT JOIN contact c ON c.id = m.author_contact_id
 *  WHERE m.workspace_id = :workspaceId! AND NOT m.is_from_account AND m.intent = ANY(:intents!::text[])
 *    AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
 *    AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 *    AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR m.channel_account_id = :channel)
 *  ORDER BY m.created_at DESC, m.id DESC LIMIT :limit!                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                
 * ```
 */
export const intentMessages = new PreparedQuery<IIntentMessagesParams,IIntentMessagesResult>(intentMessagesIR);


/** 'Regulars' parameters type */
export interface IRegularsParams {
  channel?: string | null | void;
  from: DateOrString;
  limit?: number | null | void;
  minDays: NumberOrString;
  network?: string | null | void;
  previousFrom: DateOrString;
  to: DateOrString;
  workspaceId: string;
}

/** 'Regulars' return type */
export interface IRegularsResult {
  contact_id: string;
  days: number;
  handle: string | null;
  name: string | null;
  network: string;
  previous_days: number;
  regulars: number;
  silent: number;
  status: string;
}

/** 'Regulars' query type */
export interface IRegularsQuery {
  params: IRegularsParams;
  result: IRegularsResult;
}

const regularsIR: any = {"usedParamSet":{"from":true,"workspaceId":true,"previousFrom":true,"to":true,"network":true,"channel":true,"minDays":true,"limit":true},"params":[{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":125},{"a":186,"b":191}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":278,"b":290}]},{"name":"previousFrom","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":321}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":333,"b":336}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":354,"b":361},{"a":390,"b":397}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":405,"b":412},{"a":452,"b":459}]},{"name":"minDays","required":true,"transform":{"type":"scalar"},"locs":[{"a":504,"b":512},{"a":783,"b":791},{"a":838,"b":846},{"a":1332,"b":1340},{"a":1418,"b":1426},{"a":1706,"b":1714},{"a":1797,"b":1805}]},{"name":"limit","required":false,"transform":{"type":"scalar"},"locs":[{"a":852,"b":857},{"a":946,"b":951},{"a":1024,"b":1029},{"a":1498,"b":1503},{"a":1557,"b":1562},{"a":1644,"b":1649}]}],"statement":"WITH per_contact AS MATERIALIZED (\n  SELECT contact_id, min(network) AS network,\n         count(*) FILTER (WHERE day >= :from!::date)::int AS days,\n         count(*) FILTER (WHERE day < :from!::date)::int AS previous_days\n    FROM report_commenter_daily\n   WHERE workspace_id = :workspaceId! AND day BETWEEN :previousFrom!::date AND :to!::date\n     AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   GROUP BY contact_id HAVING count(*) >= :minDays!),\nregular AS (\n  SELECT p.*, c.name, c.handle, row_number() OVER (ORDER BY p.days DESC, c.name, p.contact_id) AS position\n    FROM per_contact p LEFT JOIN LATERAL (SELECT name, handle FROM contact WHERE id = p.contact_id OFFSET 0) c ON true\n   WHERE p.days >= GREATEST(:minDays!, (SELECT days FROM per_contact WHERE days >= :minDays! AND :limit::int IS NOT NULL\n                                            ORDER BY days DESC OFFSET :limit::int - 1 LIMIT 1))\n   ORDER BY p.days DESC, c.name, p.contact_id LIMIT :limit),\nsilent AS (\n  SELECT p.*, c.name, c.handle, row_number() OVER (ORDER BY p.previous_days DESC, c.name, p.contact_id) AS position\n    FROM per_contact p LEFT JOIN LATERAL (SELECT name, handle FROM contact WHERE id = p.contact_id OFFSET 0) c ON true\n   WHERE p.days = 0 AND p.previous_days >= GREATEST(:minDays!, (SELECT previous_days FROM per_contact WHERE days = 0 AND previous_days >= :minDays!\n                                                                  AND :limit::int IS NOT NULL ORDER BY previous_days DESC OFFSET :limit::int - 1 LIMIT 1))\n   ORDER BY p.previous_days DESC, c.name, p.contact_id LIMIT :limit),\ncounted AS (\n  SELECT count(*) FILTER (WHERE days >= :minDays!)::int AS regulars,\n         count(*) FILTER (WHERE days = 0 AND previous_days >= :minDays!)::int AS silent\n    FROM per_contact)\nSELECT l.status AS \"status!\", l.contact_id::text AS \"contact_id!\", l.network AS \"network!\", l.days AS \"days!\",\n       l.previous_days AS \"previous_days!\", l.name, l.handle, counted.regulars AS \"regulars!\", counted.silent AS \"silent!\"\n  FROM (SELECT 'regular' AS status, * FROM regular UNION ALL SELECT 'silent' AS status, * FROM silent) l, counted\n ORDER BY l.status, l.position"};

/**
 * Query generated from SQL:
 * ```
 * WITH per_contact AS MATERIALIZED (
 *   SELECT contact_id, min(network) AS network,
 *          count(*) FILTER (WHERE day >= :from!::date)::int AS days,
 *          count(*) FILTER (WHERE day < :from!::date)::int AS previous_days
 *     FROM report_commenter_daily
 *    WHERE workspace_id = :workspaceId! AND day BETWEEN :previousFrom!::date AND :to!::date
 *      AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    GROUP BY contact_id HAVING count(*) >= :minDays!),
 * regular AS (
 *   SELECT p.*, c.name, c.handle, row_number() OVER (ORDER BY p.days DESC, c.name, p.contact_id) AS position
 *     FROM per_contact p LEFT JOIN LATERAL (SELECT name, handle FROM contact WHERE id = p.contact_id OFFSET 0) c ON true
 *    WHERE p.days >= GREATEST(:minDays!, (SELECT days FROM per_contact WHERE days >= :minDays! AND :limit::int IS NOT NULL
 *                                             ORDER BY days DESC OFFSET :limit::int - 1 LIMIT 1))
 *    ORDER BY p.days DESC, c.name, p.contact_id LIMIT :limit),
 * silent AS (
 *   SELECT p.*, c.name, c.handle, row_number() OVER (ORDER BY p.previous_days DESC, c.name, p.contact_id) AS position
 *     FROM per_contact p LEFT JOIN LATERAL (SELECT name, handle FROM contact WHERE id = p.contact_id OFFSET 0) c ON true
 *    WHERE p.days = 0 AND p.previous_days >= GREATEST(:minDays!, (SELECT previous_days FROM per_contact WHERE days = 0 AND previous_days >= :minDays!
 *                                                                   AND :limit::int IS NOT NULL ORDER BY previous_days DESC OFFSET :limit::int - 1 LIMIT 1))
 *    ORDER BY p.previous_days DESC, c.name, p.contact_id LIMIT :limit),
 * counted AS (
 *   SELECT count(*) FILTER (WHERE days >= :minDays!)::int AS regulars,
 *          count(*) FILTER (WHERE days = 0 AND previous_days >= :minDays!)::int AS silent
 *     FROM per_contact)
 * SELECT l.status AS "status!", l.contact_id::text AS "contact_id!", l.network AS "network!", l.days AS "days!",
 *        l.previous_days AS "previous_days!", l.name, l.handle, counted.regulars AS "regulars!", counted.silent AS "silent!"
 *   FROM (SELECT 'regular' AS status, * FROM regular UNION ALL SELECT 'silent' AS status, * FROM silent) l, counted
 *  ORDER BY l.status, l.position
 * ```
 */
export const regulars = new PreparedQuery<IRegularsParams,IRegularsResult>(regularsIR);


