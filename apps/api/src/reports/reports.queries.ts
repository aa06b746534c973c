/** Types generated for queries found in "apps/api/src/reports/reports.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type DateOrStringArray = (DateOrString)[];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'WorkspaceToday' parameters type */
export interface IWorkspaceTodayParams {
  workspaceId: string;
}

/** 'WorkspaceToday' return type */
export interface IWorkspaceTodayResult {
  today: string;
}

/** 'WorkspaceToday' query type */
export interface IWorkspaceTodayQuery {
  params: IWorkspaceTodayParams;
  result: IWorkspaceTodayResult;
}

const workspaceTodayIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":116}]}],"statement":"SELECT to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS \"today!\" FROM workspace WHERE id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS "today!" FROM workspace WHERE id = :workspaceId!
 * ```
 */
export const workspaceToday = new PreparedQuery<IWorkspaceTodayParams,IWorkspaceTodayResult>(workspaceTodayIR);


/** 'WorkspaceTimezone' parameters type */
export interface IWorkspaceTimezoneParams {
  workspaceId: string;
}

/** 'WorkspaceTimezone' return type */
export interface IWorkspaceTimezoneResult {
  timezone: string;
}

/** 'WorkspaceTimezone' query type */
export interface IWorkspaceTimezoneQuery {
  params: IWorkspaceTimezoneParams;
  result: IWorkspaceTimezoneResult;
}

const workspaceTimezoneIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":54}]}],"statement":"SELECT timezone FROM workspace WHERE id = :workspaceId!                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT timezone FROM workspace WHERE id = :workspaceId!                                                                              
 * ```
 */
export const workspaceTimezone = new PreparedQuery<IWorkspaceTimezoneParams,IWorkspaceTimezoneResult>(workspaceTimezoneIR);


/** 'ResponseTotals' parameters type */
export interface IResponseTotalsParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ResponseTotals' return type */
export interface IResponseTotalsResult {
  bn: number;
  bsum: number;
  grp: string | null;
  kind: string;
  n: number;
  period: string;
  sum: number;
  wt: number;
  wtb: number;
}

/** 'ResponseTotals' query type */
export interface IResponseTotalsQuery {
  params: IResponseTotalsParams;
  result: IResponseTotalsResult;
}

const responseTotalsIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":258}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":714,"b":726}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":733,"b":740},{"a":769,"b":776}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":784,"b":791},{"a":831,"b":838}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":860,"b":865}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":877,"b":880}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text\n                            WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END AS grp,\n       kind, sum(n)::int AS \"n!\", sum(seconds_sum)::float8 AS \"sum!\", sum(business_n)::int AS \"bn!\",\n       sum(business_seconds_sum)::float8 AS \"bsum!\", sum(within_target)::int AS \"wt!\", sum(within_target_business)::int AS \"wtb!\"\n  FROM report_response_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date\n GROUP BY 1, 2, 3                                                                                                                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text
 *                             WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END AS grp,
 *        kind, sum(n)::int AS "n!", sum(seconds_sum)::float8 AS "sum!", sum(business_n)::int AS "bn!",
 *        sum(business_seconds_sum)::float8 AS "bsum!", sum(within_target)::int AS "wt!", sum(within_target_business)::int AS "wtb!"
 *   FROM report_response_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date
 *  GROUP BY 1, 2, 3                                                                                                                                                                                  
 * ```
 */
export const responseTotals = new PreparedQuery<IResponseTotalsParams,IResponseTotalsResult>(responseTotalsIR);


/** 'ResponseHistograms' parameters type */
export interface IResponseHistogramsParams {
  channel?: string | null | void;
  days: DateOrStringArray;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  weeks: DateOrStringArray;
  workspaceId: string;
}

/** 'ResponseHistograms' return type */
export interface IResponseHistogramsResult {
  bucket: number;
  clock: string;
  grp: string | null;
  kind: string;
  n: number;
  period: string;
  sum: number;
}

/** 'ResponseHistograms' query type */
export interface IResponseHistogramsQuery {
  params: IResponseHistogramsParams;
  result: IResponseHistogramsResult;
}

const responseHistogramsIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true,"weeks":true,"days":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":166,"b":175},{"a":940,"b":949}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":420,"b":428},{"a":1181,"b":1189}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":732,"b":744},{"a":1481,"b":1493}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":751,"b":758},{"a":787,"b":794},{"a":1500,"b":1507},{"a":1536,"b":1543}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":802,"b":809},{"a":849,"b":856},{"a":1551,"b":1558},{"a":1598,"b":1605}]},{"name":"weeks","required":true,"transform":{"type":"scalar"},"locs":[{"a":885,"b":891}]},{"name":"days","required":true,"transform":{"type":"scalar"},"locs":[{"a":1633,"b":1638}]}],"statement":"SELECT period AS \"period!\", grp, kind AS \"kind!\", clock AS \"clock!\", bucket AS \"bucket!\", sum(n)::int AS \"n!\", sum(seconds_sum)::float8 AS \"sum!\"\n  FROM (SELECT CASE :interval!::text WHEN 'day' THEN to_char(week, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', week), 'YYYY-MM-DD')\n                                     WHEN 'month' THEN to_char(week, 'YYYY-MM') ELSE 'total' END AS period,\n               CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text\n                                    WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END AS grp,\n               kind, clock, bucket, n, seconds_sum\n          FROM report_response_hist_week\n         WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n           AND week = ANY(:weeks!::date[])\n        UNION ALL\n        SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                                     WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END,\n               CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text\n                                    WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END,\n               kind, clock, bucket, n, seconds_sum\n          FROM report_response_hist\n         WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n           AND day = ANY(:days!::date[])) h\n GROUP BY 1, 2, 3, 4, 5                                                                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * SELECT period AS "period!", grp, kind AS "kind!", clock AS "clock!", bucket AS "bucket!", sum(n)::int AS "n!", sum(seconds_sum)::float8 AS "sum!"
 *   FROM (SELECT CASE :interval!::text WHEN 'day' THEN to_char(week, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', week), 'YYYY-MM-DD')
 *                                      WHEN 'month' THEN to_char(week, 'YYYY-MM') ELSE 'total' END AS period,
 *                CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text
 *                                     WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END AS grp,
 *                kind, clock, bucket, n, seconds_sum
 *           FROM report_response_hist_week
 *          WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *            AND week = ANY(:weeks!::date[])
 *         UNION ALL
 *         SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                                      WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END,
 *                CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text
 *                                     WHEN 'agent' THEN COALESCE(agent_id::text, 'native') END,
 *                kind, clock, bucket, n, seconds_sum
 *           FROM report_response_hist
 *          WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *            AND day = ANY(:days!::date[])) h
 *  GROUP BY 1, 2, 3, 4, 5                                                                                                                                                                      
 * ```
 */
export const responseHistograms = new PreparedQuery<IResponseHistogramsParams,IResponseHistogramsResult>(responseHistogramsIR);


/** 'SlaTargets' parameters type */
export interface ISlaTargetsParams {
  workspaceId: string;
}

/** 'SlaTargets' return type */
export interface ISlaTargetsResult {
  key: string;
  minutes: number;
}

/** 'SlaTargets' query type */
export interface ISlaTargetsQuery {
  params: ISlaTargetsParams;
  result: ISlaTargetsResult;
}

const slaTargetsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":116},{"a":252,"b":264}]}],"statement":"SELECT 'default' AS \"key!\", COALESCE((SELECT p.default_minutes FROM sla_policy p WHERE p.workspace_id = :workspaceId!), 60) AS \"minutes!\"\nUNION ALL\nSELECT concat_ws('.', t.network, 'p' || t.priority), t.minutes FROM sla_target t WHERE t.workspace_id = :workspaceId!                                                                                                       "};

/**
 * Query generated from SQL:
 * ```
 * SELECT 'default' AS "key!", COALESCE((SELECT p.default_minutes FROM sla_policy p WHERE p.workspace_id = :workspaceId!), 60) AS "minutes!"
 * UNION ALL
 * SELECT concat_ws('.', t.network, 'p' || t.priority), t.minutes FROM sla_target t WHERE t.workspace_id = :workspaceId!                                                                                                       
 * ```
 */
export const slaTargets = new PreparedQuery<ISlaTargetsParams,ISlaTargetsResult>(slaTargetsIR);


/** 'ResonanceComments' parameters type */
export interface IResonanceCommentsParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ResonanceComments' return type */
export interface IResonanceCommentsResult {
  answered: number;
  comments: number;
  grp: string | null;
  intent: string;
  period: string;
  sn: number;
  ssum: number;
}

/** 'ResonanceComments' query type */
export interface IResonanceCommentsQuery {
  params: IResonanceCommentsParams;
  result: IResonanceCommentsResult;
}

const resonanceCommentsIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":258}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":571,"b":583}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":590,"b":597},{"a":626,"b":633}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":641,"b":648},{"a":688,"b":695}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":717,"b":722}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":734,"b":737}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,\n       intent, sum(comments)::int AS \"comments!\", sum(answered)::int AS \"answered!\",\n       sum(sentiment_sum)::float8 AS \"ssum!\", sum(sentiment_n)::int AS \"sn!\"\n  FROM report_comment_channel_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date AND channel = 'comment'\n GROUP BY 1, 2, 3                                                                    "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,
 *        intent, sum(comments)::int AS "comments!", sum(answered)::int AS "answered!",
 *        sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
 *   FROM report_comment_channel_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date AND channel = 'comment'
 *  GROUP BY 1, 2, 3                                                                    
 * ```
 */
export const resonanceComments = new PreparedQuery<IResonanceCommentsParams,IResonanceCommentsResult>(resonanceCommentsIR);


/** 'ResonanceCommentsByPost' parameters type */
export interface IResonanceCommentsByPostParams {
  channel?: string | null | void;
  from: DateOrString;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ResonanceCommentsByPost' return type */
export interface IResonanceCommentsByPostResult {
  answered: number;
  comments: number;
  grp: string | null;
  intent: string;
  period: string;
  sn: number;
  ssum: number;
}

/** 'ResonanceCommentsByPost' query type */
export interface IResonanceCommentsByPostQuery {
  params: IResonanceCommentsByPostParams;
  result: IResonanceCommentsByPostResult;
}

const resonanceCommentsByPostIR: any = {"usedParamSet":{"interval":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":490,"b":502}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":509,"b":516},{"a":545,"b":552}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":560,"b":567},{"a":607,"b":614}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":636,"b":641}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":653,"b":656}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       NULLIF(post_id, 0)::text AS grp,\n       intent, sum(comments)::int AS \"comments!\", sum(answered)::int AS \"answered!\",\n       sum(sentiment_sum)::float8 AS \"ssum!\", sum(sentiment_n)::int AS \"sn!\"\n  FROM report_comment_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date AND channel = 'comment'\n GROUP BY 1, 2, 3                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        NULLIF(post_id, 0)::text AS grp,
 *        intent, sum(comments)::int AS "comments!", sum(answered)::int AS "answered!",
 *        sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
 *   FROM report_comment_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date AND channel = 'comment'
 *  GROUP BY 1, 2, 3                                                                            
 * ```
 */
export const resonanceCommentsByPost = new PreparedQuery<IResonanceCommentsByPostParams,IResonanceCommentsByPostResult>(resonanceCommentsByPostIR);


/** 'IntentMix' parameters type */
export interface IIntentMixParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'IntentMix' return type */
export interface IIntentMixResult {
  grp: string | null;
  intent: string;
  n: number;
  period: string;
  sn: number;
  ssum: number;
}

/** 'IntentMix' query type */
export interface IIntentMixQuery {
  params: IIntentMixParams;
  result: IIntentMixResult;
}

const intentMixIR: any = {"usedParamSet":{"interval":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":258}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":522,"b":534}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":541,"b":548},{"a":577,"b":584}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":592,"b":599},{"a":639,"b":646}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":668,"b":673}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":685,"b":688}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,\n       intent, sum(comments)::int AS \"n!\", sum(sentiment_sum)::float8 AS \"ssum!\", sum(sentiment_n)::int AS \"sn!\"\n  FROM report_comment_channel_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date\n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,
 *        intent, sum(comments)::int AS "n!", sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
 *   FROM report_comment_channel_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date
 *  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
 * ```
 */
export const intentMix = new PreparedQuery<IIntentMixParams,IIntentMixResult>(intentMixIR);


/** 'IntentMixByPost' parameters type */
export interface IIntentMixByPostParams {
  channel?: string | null | void;
  from: DateOrString;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'IntentMixByPost' return type */
export interface IIntentMixByPostResult {
  grp: string | null;
  intent: string;
  n: number;
  period: string;
  sn: number;
  ssum: number;
}

/** 'IntentMixByPost' query type */
export interface IIntentMixByPostQuery {
  params: IIntentMixByPostParams;
  result: IIntentMixByPostResult;
}

const intentMixByPostIR: any = {"usedParamSet":{"interval":true,"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":12,"b":21}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":441,"b":453}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":460,"b":467},{"a":496,"b":503}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":511,"b":518},{"a":558,"b":565}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":587,"b":592}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":604,"b":607}]}],"statement":"SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')\n                             WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS \"period!\",\n       NULLIF(post_id, 0)::text AS grp,\n       intent, sum(comments)::int AS \"n!\", sum(sentiment_sum)::float8 AS \"ssum!\", sum(sentiment_n)::int AS \"sn!\"\n  FROM report_comment_daily\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n   AND day BETWEEN :from!::date AND :to!::date\n GROUP BY 1, 2, 3 ORDER BY 1, 2, 3                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * SELECT CASE :interval!::text WHEN 'day' THEN to_char(day, 'YYYY-MM-DD') WHEN 'week' THEN to_char(date_trunc('week', day), 'YYYY-MM-DD')
 *                              WHEN 'month' THEN to_char(day, 'YYYY-MM') ELSE 'total' END AS "period!",
 *        NULLIF(post_id, 0)::text AS grp,
 *        intent, sum(comments)::int AS "n!", sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
 *   FROM report_comment_daily
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *    AND day BETWEEN :from!::date AND :to!::date
 *  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                      
 * ```
 */
export const intentMixByPost = new PreparedQuery<IIntentMixByPostParams,IIntentMixByPostResult>(intentMixByPostIR);


/** 'CommentersByPeriod' parameters type */
export interface ICommentersByPeriodParams {
  channel?: string | null | void;
  from: DateOrString;
  groupBy: string;
  interval: string;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'CommentersByPeriod' return type */
export interface ICommentersByPeriodResult {
  grp: string | null;
  period: string;
  returning_commenters: number;
  unique_commenters: number;
}

/** 'CommentersByPeriod' query type */
export interface ICommentersByPeriodQuery {
  params: ICommentersByPeriodParams;
  result: ICommentersByPeriodResult;
}

const commentersByPeriodIR: any = {"usedParamSet":{"from":true,"interval":true,"to":true,"groupBy":true,"workspaceId":true,"network":true,"channel":true},"params":[{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":102,"b":107},{"a":191,"b":196},{"a":308,"b":313},{"a":408,"b":413},{"a":514,"b":519}]},{"name":"interval","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":158}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":501,"b":504}]},{"name":"groupBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":580,"b":588}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1146,"b":1158}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":1236,"b":1243},{"a":1274,"b":1281}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":1289,"b":1296},{"a":1338,"b":1345}]}],"statement":"WITH days AS (\n  SELECT day, period, max(day) OVER (PARTITION BY period) AS last_day\n    FROM (SELECT :from!::date + i AS day,\n                 CASE :interval!::text WHEN 'day' THEN to_char((:from!::date + i), 'YYYY-MM-DD')\n                                       WHEN 'week' THEN to_char(date_trunc('week', (:from!::date + i)), 'YYYY-MM-DD')\n                                       WHEN 'month' THEN to_char((:from!::date + i), 'YYYY-MM') ELSE 'total' END AS period\n            FROM generate_series(0, :to!::date - :from!::date) AS i) d\n)\nSELECT d.period AS \"period!\",\n       CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,\n       sum(s.commenters)::int AS \"unique_commenters!\",\n       COALESCE(sum(s.commenters) FILTER (WHERE s.has_prev), 0)::int AS \"returning_commenters!\"\n  FROM days d\n  -- One primary-key range per day (OFFSET 0 keeps it so): joined by hash, the planner read every\n  -- span row of the workspace (17,000 at 500k messages, 3 times slower) to keep a few hundred.\n  CROSS JOIN LATERAL (SELECT * FROM report_commenter_span s\n                       WHERE s.workspace_id = :workspaceId! AND s.day = d.day AND s.next_day > d.last_day\n                         AND (:network::text IS NULL OR s.network = :network) AND (:channel::uuid IS NULL OR s.channel_account_id = :channel)\n                      OFFSET 0) s\n GROUP BY 1, 2                                                     "};

/**
 * Query generated from SQL:
 * ```
 * WITH days AS (
 *   SELECT day, period, max(day) OVER (PARTITION BY period) AS last_day
 *     FROM (SELECT :from!::date + i AS day,
 *                  CASE :interval!::text WHEN 'day' THEN to_char((:from!::date + i), 'YYYY-MM-DD')
 *                                        WHEN 'week' THEN to_char(date_trunc('week', (:from!::date + i)), 'YYYY-MM-DD')
 *                                        WHEN 'month' THEN to_char((:from!::date + i), 'YYYY-MM') ELSE 'total' END AS period
 *             FROM generate_series(0, :to!::date - :from!::date) AS i) d
 * )
 * SELECT d.period AS "period!",
 *        CASE :groupBy!::text WHEN 'network' THEN network WHEN 'channel' THEN channel_account_id::text END AS grp,
 *        sum(s.commenters)::int AS "unique_commenters!",
 *        COALESCE(sum(s.commenters) FILTER (WHERE s.has_prev), 0)::int AS "returning_commenters!"
 *   FROM days d
 *   -- One primary-key range per day (OFFSET 0 keeps it so): joined by hash, the planner read every
 *   -- span row of the workspace (17,000 at 500k messages, 3 times slower) to keep a few hundred.
 *   CROSS JOIN LATERAL (SELECT * FROM report_commenter_span s
 *                        WHERE s.workspace_id = :workspaceId! AND s.day = d.day AND s.next_day > d.last_day
 *                          AND (:network::text IS NULL OR s.network = :network) AND (:channel::uuid IS NULL OR s.channel_account_id = :channel)
 *                       OFFSET 0) s
 *  GROUP BY 1, 2                                                     
 * ```
 */
export const commentersByPeriod = new PreparedQuery<ICommentersByPeriodParams,ICommentersByPeriodResult>(commentersByPeriodIR);


/** 'ChannelFollowers' parameters type */
export interface IChannelFollowersParams {
  channel?: string | null | void;
  network?: string | null | void;
  workspaceId: string;
}

/** 'ChannelFollowers' return type */
export interface IChannelFollowersResult {
  channel: string;
  followers: number;
  network: string;
}

/** 'ChannelFollowers' query type */
export interface IChannelFollowersQuery {
  params: IChannelFollowersParams;
  result: IChannelFollowersResult;
}

const channelFollowersIR: any = {"usedParamSet":{"workspaceId":true,"network":true,"channel":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":139}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":146,"b":153},{"a":182,"b":189}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":197,"b":204},{"a":228,"b":235}]}],"statement":"SELECT id::text AS \"channel!\", network, COALESCE(followers, 0)::int AS \"followers!\" FROM channel_account\n WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR id = :channel)                                           "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "channel!", network, COALESCE(followers, 0)::int AS "followers!" FROM channel_account
 *  WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR id = :channel)                                           
 * ```
 */
export const channelFollowers = new PreparedQuery<IChannelFollowersParams,IChannelFollowersResult>(channelFollowersIR);


/** 'FollowersOfChannel' parameters type */
export interface IFollowersOfChannelParams {
  channelAccountId: string;
}

/** 'FollowersOfChannel' return type */
export interface IFollowersOfChannelResult {
  followers: number;
}

/** 'FollowersOfChannel' query type */
export interface IFollowersOfChannelQuery {
  params: IFollowersOfChannelParams;
  result: IFollowersOfChannelResult;
}

const followersOfChannelIR: any = {"usedParamSet":{"channelAccountId":true},"params":[{"name":"channelAccountId","required":true,"transform":{"type":"scalar"},"locs":[{"a":83,"b":100}]}],"statement":"SELECT COALESCE(followers, 0)::int AS \"followers!\" FROM channel_account WHERE id = :channelAccountId!                                                                                                                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT COALESCE(followers, 0)::int AS "followers!" FROM channel_account WHERE id = :channelAccountId!                                                                                                                                                                                                   
 * ```
 */
export const followersOfChannel = new PreparedQuery<IFollowersOfChannelParams,IFollowersOfChannelResult>(followersOfChannelIR);


/** 'PostsInPeriod' parameters type */
export interface IPostsInPeriodParams {
  channel?: string | null | void;
  from: DateOrString;
  network?: string | null | void;
  postId?: NumberOrString | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'PostsInPeriod' return type */
export interface IPostsInPeriodResult {
  channel_account_id: string;
  comments: number | null;
  external_id: string;
  id: string;
  network: string;
  our_comments: number;
  published_at: Date;
  reactions: number | null;
  shares: number | null;
  text: string;
  url: string | null;
  views: number | null;
}

/** 'PostsInPeriod' query type */
export interface IPostsInPeriodQuery {
  params: IPostsInPeriodParams;
  result: IPostsInPeriodResult;
}

const postsInPeriodIR: any = {"usedParamSet":{"workspaceId":true,"postId":true,"from":true,"to":true,"network":true,"channel":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":625,"b":637}]},{"name":"postId","required":false,"transform":{"type":"scalar"},"locs":[{"a":647,"b":653},{"a":687,"b":693},{"a":698,"b":704}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":754,"b":759}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":835,"b":838}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":896,"b":903},{"a":935,"b":942}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":950,"b":957},{"a":1000,"b":1007}]}],"statement":"SELECT po.id::text AS \"id!\", po.channel_account_id::text AS \"channel_account_id!\", ca.network, po.external_id, po.text, po.url, po.published_at,\n       po.reactions_count AS reactions, po.comments_count AS comments, po.shares_count AS shares,\n       po.views_count::float8 AS views, COALESCE(pc.comments, 0) AS \"our_comments!\"\n  FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id\n  JOIN workspace w ON w.id = po.workspace_id\n  -- One key lookup per post: summing report_comment_daily per post was 14 of the report's ~17 ms.\n  LEFT JOIN report_post_comment pc ON pc.post_id = po.id\n WHERE po.workspace_id = :workspaceId!\n   AND (:postId::bigint IS NOT NULL AND po.id = :postId OR :postId::bigint IS NULL\n        AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)\n        AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone))\n   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)\n -- Several channels publish at the same moment: ties by id, so that the 1,000 posts do not depend on the plan.\n ORDER BY po.published_at DESC, po.id LIMIT 1000                                                                                                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * SELECT po.id::text AS "id!", po.channel_account_id::text AS "channel_account_id!", ca.network, po.external_id, po.text, po.url, po.published_at,
 *        po.reactions_count AS reactions, po.comments_count AS comments, po.shares_count AS shares,
 *        po.views_count::float8 AS views, COALESCE(pc.comments, 0) AS "our_comments!"
 *   FROM post po JOIN channel_account ca ON ca.id = po.channel_account_id
 *   JOIN workspace w ON w.id = po.workspace_id
 *   -- One key lookup per post: summing report_comment_daily per post was 14 of the report's ~17 ms.
 *   LEFT JOIN report_post_comment pc ON pc.post_id = po.id
 *  WHERE po.workspace_id = :workspaceId!
 *    AND (:postId::bigint IS NOT NULL AND po.id = :postId OR :postId::bigint IS NULL
 *         AND po.published_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
 *         AND po.published_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone))
 *    AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR po.channel_account_id = :channel)
 *  -- Several channels publish at the same moment: ties by id, so that the 1,000 posts do not depend on the plan.
 *  ORDER BY po.published_at DESC, po.id LIMIT 1000                                                                                                                                                                              
 * ```
 */
export const postsInPeriod = new PreparedQuery<IPostsInPeriodParams,IPostsInPeriodResult>(postsInPeriodIR);


/** 'IntentCorrectionsInPeriod' parameters type */
export interface IIntentCorrectionsInPeriodParams {
  from: DateOrString;
  to: DateOrString;
  workspaceId: string;
}

/** 'IntentCorrectionsInPeriod' return type */
export interface IIntentCorrectionsInPeriodResult {
  from: string;
  n: number;
  to: string;
}

/** 'IntentCorrectionsInPeriod' query type */
export interface IIntentCorrectionsInPeriodQuery {
  params: IIntentCorrectionsInPeriodParams;
  result: IIntentCorrectionsInPeriodResult;
}

const intentCorrectionsInPeriodIR: any = {"usedParamSet":{"workspaceId":true,"from":true,"to":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":234,"b":246}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":274}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":342,"b":345}]}],"statement":"SELECT COALESCE(c.previous_intent, 'unclassified') AS \"from!\", c.intent AS \"to\", count(*)::int AS \"n!\"\n  FROM intent_correction c JOIN workspace w ON w.id = c.workspace_id JOIN message m ON m.id = c.message_id\n WHERE c.workspace_id = :workspaceId! AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)\n   AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)\n GROUP BY 1, 2 ORDER BY 3 DESC                                                                                                                                                                                                                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * SELECT COALESCE(c.previous_intent, 'unclassified') AS "from!", c.intent AS "to", count(*)::int AS "n!"
 *   FROM intent_correction c JOIN workspace w ON w.id = c.workspace_id JOIN message m ON m.id = c.message_id
 *  WHERE c.workspace_id = :workspaceId! AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
 *    AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 *  GROUP BY 1, 2 ORDER BY 3 DESC                                                                                                                                                                                                                                                                                            
 * ```
 */
export const intentCorrectionsInPeriod = new PreparedQuery<IIntentCorrectionsInPeriodParams,IIntentCorrectionsInPeriodResult>(intentCorrectionsInPeriodIR);


/** 'IntentPrecision' parameters type */
export interface IIntentPrecisionParams {
  channel?: string | null | void;
  from: DateOrString;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'IntentPrecision' return type */
export interface IIntentPrecisionResult {
  intent: string;
  reviewed: number;
  unchanged: number;
}

/** 'IntentPrecision' query type */
export interface IIntentPrecisionQuery {
  params: IIntentPrecisionParams;
  result: IIntentPrecisionResult;
}

const intentPrecisionIR: any = {"usedParamSet":{"workspaceId":true,"from":true,"to":true,"network":true,"channel":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":288}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":527,"b":532}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":597,"b":600}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":657,"b":664},{"a":696,"b":703}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":711,"b":718},{"a":760,"b":767}]}],"statement":"SELECT r.predicted AS \"intent!\", count(*)::int AS \"reviewed!\", count(*) FILTER (WHERE m.intent = r.predicted)::int AS \"unchanged!\"\n  FROM (SELECT DISTINCT ON (c.message_id) c.message_id, c.previous_intent AS predicted\n          FROM intent_correction c WHERE c.workspace_id = :workspaceId!\n         ORDER BY c.message_id, c.id) r\n  JOIN message m ON m.id = r.message_id\n  JOIN workspace w ON w.id = m.workspace_id\n  JOIN channel_account ca ON ca.id = m.channel_account_id\n WHERE r.predicted IS NOT NULL\n   AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone) AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)\n   AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR m.channel_account_id = :channel)\n GROUP BY 1                                                  "};

/**
 * Query generated from SQL:
 * ```
 * SELECT r.predicted AS "intent!", count(*)::int AS "reviewed!", count(*) FILTER (WHERE m.intent = r.predicted)::int AS "unchanged!"
 *   FROM (SELECT DISTINCT ON (c.message_id) c.message_id, c.previous_intent AS predicted
 *           FROM intent_correction c WHERE c.workspace_id = :workspaceId!
 *          ORDER BY c.message_id, c.id) r
 *   JOIN message m ON m.id = r.message_id
 *   JOIN workspace w ON w.id = m.workspace_id
 *   JOIN channel_account ca ON ca.id = m.channel_account_id
 *  WHERE r.predicted IS NOT NULL
 *    AND m.created_at >= (:from!::date::timestamp AT TIME ZONE w.timezone) AND m.created_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 *    AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR m.channel_account_id = :channel)
 *  GROUP BY 1                                                  
 * ```
 */
export const intentPrecision = new PreparedQuery<IIntentPrecisionParams,IIntentPrecisionResult>(intentPrecisionIR);


/** 'PostComments' parameters type */
export interface IPostCommentsParams {
  postId: NumberOrString;
  workspaceId: string;
}

/** 'PostComments' return type */
export interface IPostCommentsResult {
  answered: number;
  intent: string;
  n: number;
  sn: number;
  ssum: number;
}

/** 'PostComments' query type */
export interface IPostCommentsQuery {
  params: IPostCommentsParams;
  result: IPostCommentsResult;
}

const postCommentsIR: any = {"usedParamSet":{"workspaceId":true,"postId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":197,"b":209}]},{"name":"postId","required":true,"transform":{"type":"scalar"},"locs":[{"a":225,"b":232}]}],"statement":"SELECT intent, sum(comments)::int AS \"n!\", sum(answered)::int AS \"answered!\", sum(sentiment_sum)::float8 AS \"ssum!\", sum(sentiment_n)::int AS \"sn!\"\n  FROM report_comment_daily WHERE workspace_id = :workspaceId! AND post_id = :postId! GROUP BY 1                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT intent, sum(comments)::int AS "n!", sum(answered)::int AS "answered!", sum(sentiment_sum)::float8 AS "ssum!", sum(sentiment_n)::int AS "sn!"
 *   FROM report_comment_daily WHERE workspace_id = :workspaceId! AND post_id = :postId! GROUP BY 1                                                                                                
 * ```
 */
export const postComments = new PreparedQuery<IPostCommentsParams,IPostCommentsResult>(postCommentsIR);


/** 'PostCommenters' parameters type */
export interface IPostCommentersParams {
  postId: NumberOrString;
  workspaceId: string;
}

/** 'PostCommenters' return type */
export interface IPostCommentersResult {
  unique_commenters: number;
}

/** 'PostCommenters' query type */
export interface IPostCommentersQuery {
  params: IPostCommentersParams;
  result: IPostCommentersResult;
}

const postCommentersIR: any = {"usedParamSet":{"workspaceId":true,"postId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":102,"b":114}]},{"name":"postId","required":true,"transform":{"type":"scalar"},"locs":[{"a":132,"b":139}]}],"statement":"SELECT count(DISTINCT t.contact_id)::int AS \"unique_commenters!\" FROM thread t WHERE t.workspace_id = :workspaceId! AND t.post_id = :postId!                                                                                                     "};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(DISTINCT t.contact_id)::int AS "unique_commenters!" FROM thread t WHERE t.workspace_id = :workspaceId! AND t.post_id = :postId!                                                                                                     
 * ```
 */
export const postCommenters = new PreparedQuery<IPostCommentersParams,IPostCommentersResult>(postCommentersIR);


/** 'ChannelsHealth' parameters type */
export interface IChannelsHealthParams {
  channel?: string | null | void;
  from: DateOrString;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ChannelsHealth' return type */
export interface IChannelsHealthResult {
  budget: Json;
  budget_used_percent: number | null;
  channel: string;
  consecutive_auth_failures: number;
  display_name: string;
  gaps_reconciled: number | null;
  lag_seconds: number | null;
  last_error: string | null;
  last_error_at: Date | null;
  last_synced_at: Date | null;
  mean_ingest_delay_seconds: number | null;
  messages_ingested: number;
  network: string;
  next_sync_at: Date | null;
  status: string;
}

/** 'ChannelsHealth' query type */
export interface IChannelsHealthQuery {
  params: IChannelsHealthParams;
  result: IChannelsHealthResult;
}

const channelsHealthIR: any = {"usedParamSet":{"workspaceId":true,"network":true,"channel":true,"from":true,"to":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1579,"b":1591},{"a":1851,"b":1863}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":1598,"b":1605},{"a":1634,"b":1641},{"a":1870,"b":1877},{"a":1909,"b":1916}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":1649,"b":1656},{"a":1696,"b":1703},{"a":1924,"b":1931},{"a":1958,"b":1965}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":1738,"b":1743}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":1755,"b":1758}]}],"statement":"SELECT ca.id AS channel, ca.network, ca.display_name, ca.status, ca.last_synced_at,\n       round(extract(epoch FROM now() - ca.last_synced_at)::numeric, 0)::float8 AS lag_seconds,\n       ca.last_error, ca.last_error_at, ca.consecutive_auth_failures, ca.rate_budget AS budget,\n       CASE WHEN ca.sync_state ->> 'gapsReconciled' ~ '^\\d+$' THEN (ca.sync_state ->> 'gapsReconciled')::int END AS gaps_reconciled,\n       COALESCE(v.messages, 0)::int AS \"messages_ingested!\",\n       -- The sync scheduler's next run: the last successful sync plus its current interval, or the\n       -- end of a rate-limit pause when that is later (apps/worker/src/sync/sync-runner.ts).\n       CASE WHEN ca.status = 'connected' THEN GREATEST(\n         ca.last_synced_at + make_interval(secs => CASE WHEN ca.sync_state ->> 'intervalMs' ~ '^\\d+(\\.\\d+)?$' THEN (ca.sync_state ->> 'intervalMs')::float8 / 1000 ELSE 60 END),\n         CASE WHEN ca.rate_budget #>> '{state,pausedUntil}' ~ '^\\d+$' THEN to_timestamp((ca.rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END) END AS next_sync_at,\n       CASE WHEN ca.rate_budget #>> '{state,usedPercent}' ~ '^\\d+(\\.\\d+)?$' THEN round((ca.rate_budget #>> '{state,usedPercent}')::numeric, 0)::float8 END AS budget_used_percent,\n       CASE WHEN v.messages > 0 THEN round((v.lag / v.messages)::numeric, 3)::float8 END AS mean_ingest_delay_seconds\n  FROM channel_account ca\n  LEFT JOIN (SELECT channel_account_id, sum(comments) AS messages, sum(ingest_lag_seconds_sum) AS lag\n               FROM report_comment_channel_daily\n              WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)\n                AND day BETWEEN :from!::date AND :to!::date\n              GROUP BY 1) v ON v.channel_account_id = ca.id\n WHERE ca.workspace_id = :workspaceId! AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR ca.id = :channel)\n ORDER BY ca.network, ca.display_name                                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT ca.id AS channel, ca.network, ca.display_name, ca.status, ca.last_synced_at,
 *        round(extract(epoch FROM now() - ca.last_synced_at)::numeric, 0)::float8 AS lag_seconds,
 *        ca.last_error, ca.last_error_at, ca.consecutive_auth_failures, ca.rate_budget AS budget,
 *        CASE WHEN ca.sync_state ->> 'gapsReconciled' ~ '^\d+$' THEN (ca.sync_state ->> 'gapsReconciled')::int END AS gaps_reconciled,
 *        COALESCE(v.messages, 0)::int AS "messages_ingested!",
 *        -- The sync scheduler's next run: the last successful sync plus its current interval, or the
 *        -- end of a rate-limit pause when that is later (apps/worker/src/sync/sync-runner.ts).
 *        CASE WHEN ca.status = 'connected' THEN GREATEST(
 *          ca.last_synced_at + make_interval(secs => CASE WHEN ca.sync_state ->> 'intervalMs' ~ '^\d+(\.\d+)?$' THEN (ca.sync_state ->> 'intervalMs')::float8 / 1000 ELSE 60 END),
 *          CASE WHEN ca.rate_budget #>> '{state,pausedUntil}' ~ '^\d+$' THEN to_timestamp((ca.rate_budget #>> '{state,pausedUntil}')::float8 / 1000) END) END AS next_sync_at,
 *        CASE WHEN ca.rate_budget #>> '{state,usedPercent}' ~ '^\d+(\.\d+)?$' THEN round((ca.rate_budget #>> '{state,usedPercent}')::numeric, 0)::float8 END AS budget_used_percent,
 *        CASE WHEN v.messages > 0 THEN round((v.lag / v.messages)::numeric, 3)::float8 END AS mean_ingest_delay_seconds
 *   FROM channel_account ca
 *   LEFT JOIN (SELECT channel_account_id, sum(comments) AS messages, sum(ingest_lag_seconds_sum) AS lag
 *                FROM report_comment_channel_daily
 *               WHERE workspace_id = :workspaceId! AND (:network::text IS NULL OR network = :network) AND (:channel::uuid IS NULL OR channel_account_id = :channel)
 *                 AND day BETWEEN :from!::date AND :to!::date
 *               GROUP BY 1) v ON v.channel_account_id = ca.id
 *  WHERE ca.workspace_id = :workspaceId! AND (:network::text IS NULL OR ca.network = :network) AND (:channel::uuid IS NULL OR ca.id = :channel)
 *  ORDER BY ca.network, ca.display_name                                                                                                                                
 * ```
 */
export const channelsHealth = new PreparedQuery<IChannelsHealthParams,IChannelsHealthResult>(channelsHealthIR);


/** 'ThreadExport' parameters type */
export interface IThreadExportParams {
  channel?: string | null | void;
  from: DateOrString;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ThreadExport' return type */
export interface IThreadExportResult {
  assignee_id: string | null;
  channel: string;
  channel_account_id: string;
  first_inbound_at: Date | null;
  first_response_at: Date | null;
  first_response_business_seconds: number | null;
  first_response_seconds: number | null;
  handled: number;
  handled_action: string | null;
  message_count: number;
  network: string;
  post_id: string | null;
  replies: number;
  reply_max_seconds: number | null;
  reply_mean_seconds: number | null;
  status: string;
  tags: stringArray;
  thread_id: string;
}

/** 'ThreadExport' query type */
export interface IThreadExportQuery {
  params: IThreadExportParams;
  result: IThreadExportResult;
}

const threadExportIR: any = {"usedParamSet":{"workspaceId":true,"from":true,"to":true,"network":true,"channel":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1242,"b":1254}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":1286,"b":1291}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":1365,"b":1368}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":1425,"b":1432},{"a":1463,"b":1470}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":1478,"b":1485},{"a":1527,"b":1534}]}],"statement":"SELECT t.id::text AS \"thread_id!\", t.network, t.channel_account_id, t.channel, t.post_id::text AS post_id, t.status, t.assignee_id,\n       t.first_inbound_at, t.first_response_at, f.seconds AS \"first_response_seconds?\",\n       f.business_seconds AS \"first_response_business_seconds?\",\n       COALESCE(r.replies, 0) AS \"replies!\", r.reply_mean_seconds, r.reply_max_seconds AS \"reply_max_seconds?\",\n       COALESCE(h.handled, 0) AS \"handled!\", h.handled_action AS \"handled_action?\", t.message_count, t.tags\n  FROM thread t\n  JOIN workspace w ON w.id = t.workspace_id\n  LEFT JOIN LATERAL (SELECT seconds, business_seconds FROM report_response_event e\n                      WHERE e.thread_id = t.id AND e.kind = 'first' LIMIT 1) f ON true\n  LEFT JOIN LATERAL (SELECT count(*)::int AS replies, round(avg(seconds)::numeric, 3)::float8 AS reply_mean_seconds,\n                            max(seconds) AS reply_max_seconds\n                       FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'reply') r ON true\n  LEFT JOIN LATERAL (SELECT count(*)::int AS handled, min(action) AS handled_action\n                       FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'handled') h ON true\n WHERE t.workspace_id = :workspaceId!\n   AND t.first_inbound_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)\n   AND t.first_inbound_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)\n   AND (:network::text IS NULL OR t.network = :network) AND (:channel::uuid IS NULL OR t.channel_account_id = :channel)\n ORDER BY t.first_inbound_at, t.id\n LIMIT 100000                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "thread_id!", t.network, t.channel_account_id, t.channel, t.post_id::text AS post_id, t.status, t.assignee_id,
 *        t.first_inbound_at, t.first_response_at, f.seconds AS "first_response_seconds?",
 *        f.business_seconds AS "first_response_business_seconds?",
 *        COALESCE(r.replies, 0) AS "replies!", r.reply_mean_seconds, r.reply_max_seconds AS "reply_max_seconds?",
 *        COALESCE(h.handled, 0) AS "handled!", h.handled_action AS "handled_action?", t.message_count, t.tags
 *   FROM thread t
 *   JOIN workspace w ON w.id = t.workspace_id
 *   LEFT JOIN LATERAL (SELECT seconds, business_seconds FROM report_response_event e
 *                       WHERE e.thread_id = t.id AND e.kind = 'first' LIMIT 1) f ON true
 *   LEFT JOIN LATERAL (SELECT count(*)::int AS replies, round(avg(seconds)::numeric, 3)::float8 AS reply_mean_seconds,
 *                             max(seconds) AS reply_max_seconds
 *                        FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'reply') r ON true
 *   LEFT JOIN LATERAL (SELECT count(*)::int AS handled, min(action) AS handled_action
 *                        FROM report_response_event e WHERE e.thread_id = t.id AND e.kind = 'handled') h ON true
 *  WHERE t.workspace_id = :workspaceId!
 *    AND t.first_inbound_at >= (:from!::date::timestamp AT TIME ZONE w.timezone)
 *    AND t.first_inbound_at < ((:to!::date + 1)::timestamp AT TIME ZONE w.timezone)
 *    AND (:network::text IS NULL OR t.network = :network) AND (:channel::uuid IS NULL OR t.channel_account_id = :channel)
 *  ORDER BY t.first_inbound_at, t.id
 *  LIMIT 100000                                                                                          
 * ```
 */
export const threadExport = new PreparedQuery<IThreadExportParams,IThreadExportResult>(threadExportIR);


/** 'LockInboundMessage' parameters type */
export interface ILockInboundMessageParams {
  messageId: NumberOrString;
  workspaceId: string;
}

/** 'LockInboundMessage' return type */
export interface ILockInboundMessageResult {
  id: string;
  intent: string | null;
  sentiment: number | null;
}

/** 'LockInboundMessage' query type */
export interface ILockInboundMessageQuery {
  params: ILockInboundMessageParams;
  result: ILockInboundMessageResult;
}

const lockInboundMessageIR: any = {"usedParamSet":{"messageId":true,"workspaceId":true},"params":[{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":78}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":111}]}],"statement":"SELECT id::text AS \"id!\", intent, sentiment FROM message WHERE id = :messageId! AND workspace_id = :workspaceId! AND NOT is_from_account FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", intent, sentiment FROM message WHERE id = :messageId! AND workspace_id = :workspaceId! AND NOT is_from_account FOR UPDATE
 * ```
 */
export const lockInboundMessage = new PreparedQuery<ILockInboundMessageParams,ILockInboundMessageResult>(lockInboundMessageIR);


/** 'InsertIntentCorrection' parameters type */
export interface IInsertIntentCorrectionParams {
  intent: string;
  messageId: NumberOrString;
  previousIntent?: string | null | void;
  userId: string;
  workspaceId: string;
}

/** 'InsertIntentCorrection' return type */
export interface IInsertIntentCorrectionResult {
  createdAt: Date;
  id: string;
  intent: string;
  messageId: string;
  previousIntent: string | null;
}

/** 'InsertIntentCorrection' query type */
export interface IInsertIntentCorrectionQuery {
  params: IInsertIntentCorrectionParams;
  result: IInsertIntentCorrectionResult;
}

const insertIntentCorrectionIR: any = {"usedParamSet":{"workspaceId":true,"messageId":true,"userId":true,"previousIntent":true,"intent":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":111}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":114,"b":124}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":134}]},{"name":"previousIntent","required":false,"transform":{"type":"scalar"},"locs":[{"a":137,"b":151}]},{"name":"intent","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":161}]}],"statement":"INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent)\nVALUES (:workspaceId!, :messageId!, :userId!, :previousIntent, :intent!)\nRETURNING id::text AS \"id!\", message_id::text AS \"messageId!\", previous_intent AS \"previousIntent\", intent, created_at AS \"createdAt\"                                                                                          "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent)
 * VALUES (:workspaceId!, :messageId!, :userId!, :previousIntent, :intent!)
 * RETURNING id::text AS "id!", message_id::text AS "messageId!", previous_intent AS "previousIntent", intent, created_at AS "createdAt"                                                                                          
 * ```
 */
export const insertIntentCorrection = new PreparedQuery<IInsertIntentCorrectionParams,IInsertIntentCorrectionResult>(insertIntentCorrectionIR);


/** 'SetMessageIntent' parameters type */
export interface ISetMessageIntentParams {
  intent: string;
  messageId: NumberOrString;
}

/** 'SetMessageIntent' return type */
export type ISetMessageIntentResult = void;

/** 'SetMessageIntent' query type */
export interface ISetMessageIntentQuery {
  params: ISetMessageIntentParams;
  result: ISetMessageIntentResult;
}

const setMessageIntentIR: any = {"usedParamSet":{"intent":true,"messageId":true},"params":[{"name":"intent","required":true,"transform":{"type":"scalar"},"locs":[{"a":28,"b":35}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":58}]}],"statement":"UPDATE message SET intent = :intent! WHERE id = :messageId!                                                                                            "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET intent = :intent! WHERE id = :messageId!                                                                                            
 * ```
 */
export const setMessageIntent = new PreparedQuery<ISetMessageIntentParams,ISetMessageIntentResult>(setMessageIntentIR);


/** 'AgentNames' parameters type */
export interface IAgentNamesParams {
  workspaceId: string;
}

/** 'AgentNames' return type */
export interface IAgentNamesResult {
  id: string;
  name: string;
}

/** 'AgentNames' query type */
export interface IAgentNamesQuery {
  params: IAgentNamesParams;
  result: IAgentNamesResult;
}

const agentNamesIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":86}]}],"statement":"SELECT id::text AS \"id!\", name AS \"name!\" FROM users WHERE workspace_id = :workspaceId!                                                                                                                                                                                                                                                                                                                                                                                                        "};

/**
 * Query generated from SQL:
 * ```
 * SELECT id::text AS "id!", name AS "name!" FROM users WHERE workspace_id = :workspaceId!                                                                                                                                                                                                                                                                                                                                                                                                        
 * ```
 */
export const agentNames = new PreparedQuery<IAgentNamesParams,IAgentNamesResult>(agentNamesIR);


/** 'ThreadsBehindComments' parameters type */
export interface IThreadsBehindCommentsParams {
  channel?: string | null | void;
  channelKind?: string | null | void;
  from: DateOrString;
  intent?: string | null | void;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ThreadsBehindComments' return type */
export interface IThreadsBehindCommentsResult {
  channel: string;
  contact_name: string | null;
  first_day: string;
  messages: number;
  network: string;
  preview: string;
  thread_id: string;
  total_messages: number;
  total_threads: number;
}

/** 'ThreadsBehindComments' query type */
export interface IThreadsBehindCommentsQuery {
  params: IThreadsBehindCommentsParams;
  result: IThreadsBehindCommentsResult;
}

const threadsBehindCommentsIR: any = {"usedParamSet":{"workspaceId":true,"from":true,"to":true,"network":true,"channel":true,"intent":true,"channelKind":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":448,"b":460}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":480,"b":485}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":497,"b":500}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":516,"b":523},{"a":554,"b":561}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":569,"b":576},{"a":618,"b":625}]},{"name":"intent","required":false,"transform":{"type":"scalar"},"locs":[{"a":636,"b":642},{"a":672,"b":678}]},{"name":"channelKind","required":false,"transform":{"type":"scalar"},"locs":[{"a":686,"b":697},{"a":728,"b":739}]}],"statement":"SELECT c.thread_id::text AS \"thread_id!\", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS \"preview!\",\n       min(c.day)::text AS \"first_day!\", sum(c.comments)::int AS \"messages!\",\n       count(*) OVER ()::int AS \"total_threads!\", (sum(sum(c.comments)) OVER ())::int AS \"total_messages!\"\n  FROM report_thread_comment c JOIN thread t ON t.id = c.thread_id LEFT JOIN contact co ON co.id = t.contact_id\n WHERE c.workspace_id = :workspaceId! AND c.day BETWEEN :from!::date AND :to!::date\n   AND (:network::text IS NULL OR c.network = :network) AND (:channel::uuid IS NULL OR c.channel_account_id = :channel)\n   AND (:intent::text IS NULL OR c.intent = :intent) AND (:channelKind::text IS NULL OR c.channel = :channelKind)\n GROUP BY 1, 2, 3, 4, 5\n ORDER BY 7 DESC, 1\n LIMIT 500                                                                                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT c.thread_id::text AS "thread_id!", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS "preview!",
 *        min(c.day)::text AS "first_day!", sum(c.comments)::int AS "messages!",
 *        count(*) OVER ()::int AS "total_threads!", (sum(sum(c.comments)) OVER ())::int AS "total_messages!"
 *   FROM report_thread_comment c JOIN thread t ON t.id = c.thread_id LEFT JOIN contact co ON co.id = t.contact_id
 *  WHERE c.workspace_id = :workspaceId! AND c.day BETWEEN :from!::date AND :to!::date
 *    AND (:network::text IS NULL OR c.network = :network) AND (:channel::uuid IS NULL OR c.channel_account_id = :channel)
 *    AND (:intent::text IS NULL OR c.intent = :intent) AND (:channelKind::text IS NULL OR c.channel = :channelKind)
 *  GROUP BY 1, 2, 3, 4, 5
 *  ORDER BY 7 DESC, 1
 *  LIMIT 500                                                                                                                
 * ```
 */
export const threadsBehindComments = new PreparedQuery<IThreadsBehindCommentsParams,IThreadsBehindCommentsResult>(threadsBehindCommentsIR);


/** 'ThreadsBehindPost' parameters type */
export interface IThreadsBehindPostParams {
  postId: NumberOrString;
  workspaceId: string;
}

/** 'ThreadsBehindPost' return type */
export interface IThreadsBehindPostResult {
  channel: string;
  contact_name: string | null;
  first_day: string;
  messages: number;
  network: string;
  preview: string;
  thread_id: string;
  total_messages: number;
  total_threads: number;
}

/** 'ThreadsBehindPost' query type */
export interface IThreadsBehindPostQuery {
  params: IThreadsBehindPostParams;
  result: IThreadsBehindPostResult;
}

const threadsBehindPostIR: any = {"usedParamSet":{"workspaceId":true,"postId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":448,"b":460}]},{"name":"postId","required":true,"transform":{"type":"scalar"},"locs":[{"a":478,"b":485}]}],"statement":"SELECT c.thread_id::text AS \"thread_id!\", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS \"preview!\",\n       min(c.day)::text AS \"first_day!\", sum(c.comments)::int AS \"messages!\",\n       count(*) OVER ()::int AS \"total_threads!\", (sum(sum(c.comments)) OVER ())::int AS \"total_messages!\"\n  FROM thread t JOIN report_thread_comment c ON c.thread_id = t.id LEFT JOIN contact co ON co.id = t.contact_id\n WHERE t.workspace_id = :workspaceId! AND t.post_id = :postId!\n GROUP BY 1, 2, 3, 4, 5\n ORDER BY 7 DESC, 1\n LIMIT 500                                                                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * SELECT c.thread_id::text AS "thread_id!", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS "preview!",
 *        min(c.day)::text AS "first_day!", sum(c.comments)::int AS "messages!",
 *        count(*) OVER ()::int AS "total_threads!", (sum(sum(c.comments)) OVER ())::int AS "total_messages!"
 *   FROM thread t JOIN report_thread_comment c ON c.thread_id = t.id LEFT JOIN contact co ON co.id = t.contact_id
 *  WHERE t.workspace_id = :workspaceId! AND t.post_id = :postId!
 *  GROUP BY 1, 2, 3, 4, 5
 *  ORDER BY 7 DESC, 1
 *  LIMIT 500                                                                                                                 
 * ```
 */
export const threadsBehindPost = new PreparedQuery<IThreadsBehindPostParams,IThreadsBehindPostResult>(threadsBehindPostIR);


/** 'ThreadsBehindFirstResponses' parameters type */
export interface IThreadsBehindFirstResponsesParams {
  agent?: string | null | void;
  channel?: string | null | void;
  from: DateOrString;
  network?: string | null | void;
  to: DateOrString;
  workspaceId: string;
}

/** 'ThreadsBehindFirstResponses' return type */
export interface IThreadsBehindFirstResponsesResult {
  channel: string;
  contact_name: string | null;
  first_day: string;
  messages: number;
  network: string;
  preview: string;
  thread_id: string;
  total_messages: number;
  total_threads: number;
}

/** 'ThreadsBehindFirstResponses' query type */
export interface IThreadsBehindFirstResponsesQuery {
  params: IThreadsBehindFirstResponsesParams;
  result: IThreadsBehindFirstResponsesResult;
}

const threadsBehindFirstResponsesIR: any = {"usedParamSet":{"workspaceId":true,"from":true,"to":true,"network":true,"channel":true,"agent":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":410,"b":422}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":442,"b":447}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":459,"b":462}]},{"name":"network","required":false,"transform":{"type":"scalar"},"locs":[{"a":499,"b":506},{"a":537,"b":544}]},{"name":"channel","required":false,"transform":{"type":"scalar"},"locs":[{"a":552,"b":559},{"a":601,"b":608}]},{"name":"agent","required":false,"transform":{"type":"scalar"},"locs":[{"a":619,"b":624},{"a":682,"b":687}]}],"statement":"SELECT e.thread_id::text AS \"thread_id!\", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS \"preview!\",\n       e.day::text AS \"first_day!\", 1 AS \"messages!\",\n       count(*) OVER ()::int AS \"total_threads!\", count(*) OVER ()::int AS \"total_messages!\"\n  FROM report_response_event e JOIN thread t ON t.id = e.thread_id LEFT JOIN contact co ON co.id = t.contact_id\n WHERE e.workspace_id = :workspaceId! AND e.day BETWEEN :from!::date AND :to!::date AND e.kind = 'first'\n   AND (:network::text IS NULL OR e.network = :network) AND (:channel::uuid IS NULL OR e.channel_account_id = :channel)\n   AND (:agent::text IS NULL OR COALESCE(e.agent_id::text, 'native') = :agent)\n ORDER BY e.day, e.thread_id\n LIMIT 500"};

/**
 * Query generated from SQL:
 * ```
 * SELECT e.thread_id::text AS "thread_id!", t.network, t.channel, co.name AS contact_name, t.last_message_preview AS "preview!",
 *        e.day::text AS "first_day!", 1 AS "messages!",
 *        count(*) OVER ()::int AS "total_threads!", count(*) OVER ()::int AS "total_messages!"
 *   FROM report_response_event e JOIN thread t ON t.id = e.thread_id LEFT JOIN contact co ON co.id = t.contact_id
 *  WHERE e.workspace_id = :workspaceId! AND e.day BETWEEN :from!::date AND :to!::date AND e.kind = 'first'
 *    AND (:network::text IS NULL OR e.network = :network) AND (:channel::uuid IS NULL OR e.channel_account_id = :channel)
 *    AND (:agent::text IS NULL OR COALESCE(e.agent_id::text, 'native') = :agent)
 *  ORDER BY e.day, e.thread_id
 *  LIMIT 500
 * ```
 */
export const threadsBehindFirstResponses = new PreparedQuery<IThreadsBehindFirstResponsesParams,IThreadsBehindFirstResponsesResult>(threadsBehindFirstResponsesIR);


/** 'InsertSentimentCorrection' parameters type */
export interface IInsertSentimentCorrectionParams {
  messageId: NumberOrString;
  previousSentiment?: number | null | void;
  sentiment: string;
  userId: string;
  workspaceId: string;
}

/** 'InsertSentimentCorrection' return type */
export interface IInsertSentimentCorrectionResult {
  createdAt: Date;
  id: string;
  messageId: string;
  previousSentiment: number | null;
  sentiment: string;
}

/** 'InsertSentimentCorrection' query type */
export interface IInsertSentimentCorrectionQuery {
  params: IInsertSentimentCorrectionParams;
  result: IInsertSentimentCorrectionResult;
}

const insertSentimentCorrectionIR: any = {"usedParamSet":{"workspaceId":true,"messageId":true,"userId":true,"previousSentiment":true,"sentiment":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":108,"b":120}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":123,"b":133}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":143}]},{"name":"previousSentiment","required":false,"transform":{"type":"scalar"},"locs":[{"a":146,"b":163}]},{"name":"sentiment","required":true,"transform":{"type":"scalar"},"locs":[{"a":166,"b":176}]}],"statement":"INSERT INTO sentiment_correction (workspace_id, message_id, user_id, previous_sentiment, sentiment)\nVALUES (:workspaceId!, :messageId!, :userId!, :previousSentiment, :sentiment!)\nRETURNING id::text AS \"id!\", message_id::text AS \"messageId!\", previous_sentiment AS \"previousSentiment\", sentiment, created_at AS \"createdAt\"                                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO sentiment_correction (workspace_id, message_id, user_id, previous_sentiment, sentiment)
 * VALUES (:workspaceId!, :messageId!, :userId!, :previousSentiment, :sentiment!)
 * RETURNING id::text AS "id!", message_id::text AS "messageId!", previous_sentiment AS "previousSentiment", sentiment, created_at AS "createdAt"                                                                                                              
 * ```
 */
export const insertSentimentCorrection = new PreparedQuery<IInsertSentimentCorrectionParams,IInsertSentimentCorrectionResult>(insertSentimentCorrectionIR);


/** 'SetMessageSentiment' parameters type */
export interface ISetMessageSentimentParams {
  messageId: NumberOrString;
  sentiment: number;
}

/** 'SetMessageSentiment' return type */
export type ISetMessageSentimentResult = void;

/** 'SetMessageSentiment' query type */
export interface ISetMessageSentimentQuery {
  params: ISetMessageSentimentParams;
  result: ISetMessageSentimentResult;
}

const setMessageSentimentIR: any = {"usedParamSet":{"sentiment":true,"messageId":true},"params":[{"name":"sentiment","required":true,"transform":{"type":"scalar"},"locs":[{"a":31,"b":41}]},{"name":"messageId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":64}]}],"statement":"UPDATE message SET sentiment = :sentiment! WHERE id = :messageId!"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE message SET sentiment = :sentiment! WHERE id = :messageId!
 * ```
 */
export const setMessageSentiment = new PreparedQuery<ISetMessageSentimentParams,ISetMessageSentimentResult>(setMessageSentimentIR);


