/** Types generated for queries found in "apps/worker/src/rollup/rebuild.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

export type stringArray = (string)[];

/** 'RebuildWorkspaces' parameters type */
export interface IRebuildWorkspacesParams {
  workspaceId?: string | null | void;
}

/** 'RebuildWorkspaces' return type */
export interface IRebuildWorkspacesResult {
  id: string;
}

/** 'RebuildWorkspaces' query type */
export interface IRebuildWorkspacesQuery {
  params: IRebuildWorkspacesParams;
  result: IRebuildWorkspacesResult;
}

const rebuildWorkspacesIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":false,"transform":{"type":"scalar"},"locs":[{"a":31,"b":42},{"a":66,"b":77}]}],"statement":"SELECT id FROM workspace WHERE :workspaceId::uuid IS NULL OR id = :workspaceId ORDER BY id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id FROM workspace WHERE :workspaceId::uuid IS NULL OR id = :workspaceId ORDER BY id
 * ```
 */
export const rebuildWorkspaces = new PreparedQuery<IRebuildWorkspacesParams,IRebuildWorkspacesResult>(rebuildWorkspacesIR);


/** 'DrainLock' parameters type */
export interface IDrainLockParams {
  lock: NumberOrString;
}

/** 'DrainLock' return type */
export interface IDrainLockResult {
  locked: undefined | null;
}

/** 'DrainLock' query type */
export interface IDrainLockQuery {
  params: IDrainLockParams;
  result: IDrainLockResult;
}

const drainLockIR: any = {"usedParamSet":{"lock":true},"params":[{"name":"lock","required":true,"transform":{"type":"scalar"},"locs":[{"a":29,"b":34}]}],"statement":"SELECT pg_advisory_xact_lock(:lock!) AS locked"};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_advisory_xact_lock(:lock!) AS locked
 * ```
 */
export const drainLock = new PreparedQuery<IDrainLockParams,IDrainLockResult>(drainLockIR);


/** 'ClearReportResponseEvent' parameters type */
export interface IClearReportResponseEventParams {
  workspaceId: string;
}

/** 'ClearReportResponseEvent' return type */
export type IClearReportResponseEventResult = void;

/** 'ClearReportResponseEvent' query type */
export interface IClearReportResponseEventQuery {
  params: IClearReportResponseEventParams;
  result: IClearReportResponseEventResult;
}

const clearReportResponseEventIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":67}]}],"statement":"DELETE FROM report_response_event WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_event WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportResponseEvent = new PreparedQuery<IClearReportResponseEventParams,IClearReportResponseEventResult>(clearReportResponseEventIR);


/** 'ClearReportResponseDaily' parameters type */
export interface IClearReportResponseDailyParams {
  workspaceId: string;
}

/** 'ClearReportResponseDaily' return type */
export type IClearReportResponseDailyResult = void;

/** 'ClearReportResponseDaily' query type */
export interface IClearReportResponseDailyQuery {
  params: IClearReportResponseDailyParams;
  result: IClearReportResponseDailyResult;
}

const clearReportResponseDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":67}]}],"statement":"DELETE FROM report_response_daily WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_daily WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportResponseDaily = new PreparedQuery<IClearReportResponseDailyParams,IClearReportResponseDailyResult>(clearReportResponseDailyIR);


/** 'ClearReportResponseHist' parameters type */
export interface IClearReportResponseHistParams {
  workspaceId: string;
}

/** 'ClearReportResponseHist' return type */
export type IClearReportResponseHistResult = void;

/** 'ClearReportResponseHist' query type */
export interface IClearReportResponseHistQuery {
  params: IClearReportResponseHistParams;
  result: IClearReportResponseHistResult;
}

const clearReportResponseHistIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":66}]}],"statement":"DELETE FROM report_response_hist WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_hist WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportResponseHist = new PreparedQuery<IClearReportResponseHistParams,IClearReportResponseHistResult>(clearReportResponseHistIR);


/** 'ClearReportResponseHistWeek' parameters type */
export interface IClearReportResponseHistWeekParams {
  workspaceId: string;
}

/** 'ClearReportResponseHistWeek' return type */
export type IClearReportResponseHistWeekResult = void;

/** 'ClearReportResponseHistWeek' query type */
export interface IClearReportResponseHistWeekQuery {
  params: IClearReportResponseHistWeekParams;
  result: IClearReportResponseHistWeekResult;
}

const clearReportResponseHistWeekIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":71}]}],"statement":"DELETE FROM report_response_hist_week WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_hist_week WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportResponseHistWeek = new PreparedQuery<IClearReportResponseHistWeekParams,IClearReportResponseHistWeekResult>(clearReportResponseHistWeekIR);


/** 'ClearReportResponseIntentDaily' parameters type */
export interface IClearReportResponseIntentDailyParams {
  workspaceId: string;
}

/** 'ClearReportResponseIntentDaily' return type */
export type IClearReportResponseIntentDailyResult = void;

/** 'ClearReportResponseIntentDaily' query type */
export interface IClearReportResponseIntentDailyQuery {
  params: IClearReportResponseIntentDailyParams;
  result: IClearReportResponseIntentDailyResult;
}

const clearReportResponseIntentDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":62,"b":74}]}],"statement":"DELETE FROM report_response_intent_daily WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_response_intent_daily WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportResponseIntentDaily = new PreparedQuery<IClearReportResponseIntentDailyParams,IClearReportResponseIntentDailyResult>(clearReportResponseIntentDailyIR);


/** 'ClearReportThreadComment' parameters type */
export interface IClearReportThreadCommentParams {
  workspaceId: string;
}

/** 'ClearReportThreadComment' return type */
export type IClearReportThreadCommentResult = void;

/** 'ClearReportThreadComment' query type */
export interface IClearReportThreadCommentQuery {
  params: IClearReportThreadCommentParams;
  result: IClearReportThreadCommentResult;
}

const clearReportThreadCommentIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":67}]}],"statement":"DELETE FROM report_thread_comment WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_thread_comment WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportThreadComment = new PreparedQuery<IClearReportThreadCommentParams,IClearReportThreadCommentResult>(clearReportThreadCommentIR);


/** 'ClearReportCommentDaily' parameters type */
export interface IClearReportCommentDailyParams {
  workspaceId: string;
}

/** 'ClearReportCommentDaily' return type */
export type IClearReportCommentDailyResult = void;

/** 'ClearReportCommentDaily' query type */
export interface IClearReportCommentDailyQuery {
  params: IClearReportCommentDailyParams;
  result: IClearReportCommentDailyResult;
}

const clearReportCommentDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":66}]}],"statement":"DELETE FROM report_comment_daily WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_comment_daily WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportCommentDaily = new PreparedQuery<IClearReportCommentDailyParams,IClearReportCommentDailyResult>(clearReportCommentDailyIR);


/** 'ClearReportCommentChannelDaily' parameters type */
export interface IClearReportCommentChannelDailyParams {
  workspaceId: string;
}

/** 'ClearReportCommentChannelDaily' return type */
export type IClearReportCommentChannelDailyResult = void;

/** 'ClearReportCommentChannelDaily' query type */
export interface IClearReportCommentChannelDailyQuery {
  params: IClearReportCommentChannelDailyParams;
  result: IClearReportCommentChannelDailyResult;
}

const clearReportCommentChannelDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":62,"b":74}]}],"statement":"DELETE FROM report_comment_channel_daily WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_comment_channel_daily WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportCommentChannelDaily = new PreparedQuery<IClearReportCommentChannelDailyParams,IClearReportCommentChannelDailyResult>(clearReportCommentChannelDailyIR);


/** 'ClearReportPostComment' parameters type */
export interface IClearReportPostCommentParams {
  workspaceId: string;
}

/** 'ClearReportPostComment' return type */
export type IClearReportPostCommentResult = void;

/** 'ClearReportPostComment' query type */
export interface IClearReportPostCommentQuery {
  params: IClearReportPostCommentParams;
  result: IClearReportPostCommentResult;
}

const clearReportPostCommentIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":65}]}],"statement":"DELETE FROM report_post_comment WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_post_comment WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportPostComment = new PreparedQuery<IClearReportPostCommentParams,IClearReportPostCommentResult>(clearReportPostCommentIR);


/** 'ClearReportCommenterDaily' parameters type */
export interface IClearReportCommenterDailyParams {
  workspaceId: string;
}

/** 'ClearReportCommenterDaily' return type */
export type IClearReportCommenterDailyResult = void;

/** 'ClearReportCommenterDaily' query type */
export interface IClearReportCommenterDailyQuery {
  params: IClearReportCommenterDailyParams;
  result: IClearReportCommenterDailyResult;
}

const clearReportCommenterDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":56,"b":68}]}],"statement":"DELETE FROM report_commenter_daily WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_commenter_daily WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportCommenterDaily = new PreparedQuery<IClearReportCommenterDailyParams,IClearReportCommenterDailyResult>(clearReportCommenterDailyIR);


/** 'ClearReportCommenter' parameters type */
export interface IClearReportCommenterParams {
  workspaceId: string;
}

/** 'ClearReportCommenter' return type */
export type IClearReportCommenterResult = void;

/** 'ClearReportCommenter' query type */
export interface IClearReportCommenterQuery {
  params: IClearReportCommenterParams;
  result: IClearReportCommenterResult;
}

const clearReportCommenterIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":62}]}],"statement":"DELETE FROM report_commenter WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_commenter WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportCommenter = new PreparedQuery<IClearReportCommenterParams,IClearReportCommenterResult>(clearReportCommenterIR);


/** 'ClearReportCommenterSpan' parameters type */
export interface IClearReportCommenterSpanParams {
  workspaceId: string;
}

/** 'ClearReportCommenterSpan' return type */
export type IClearReportCommenterSpanResult = void;

/** 'ClearReportCommenterSpan' query type */
export interface IClearReportCommenterSpanQuery {
  params: IClearReportCommenterSpanParams;
  result: IClearReportCommenterSpanResult;
}

const clearReportCommenterSpanIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":67}]}],"statement":"DELETE FROM report_commenter_span WHERE workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM report_commenter_span WHERE workspace_id = :workspaceId!
 * ```
 */
export const clearReportCommenterSpan = new PreparedQuery<IClearReportCommenterSpanParams,IClearReportCommenterSpanResult>(clearReportCommenterSpanIR);


/** 'ClearRollupDirtyThread' parameters type */
export interface IClearRollupDirtyThreadParams {
  workspaceId: string;
}

/** 'ClearRollupDirtyThread' return type */
export type IClearRollupDirtyThreadResult = void;

/** 'ClearRollupDirtyThread' query type */
export interface IClearRollupDirtyThreadQuery {
  params: IClearRollupDirtyThreadParams;
  result: IClearRollupDirtyThreadResult;
}

const clearRollupDirtyThreadIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":65}]}],"statement":"DELETE FROM rollup_dirty_thread WHERE workspace_id = :workspaceId!                                                                                                                                                                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM rollup_dirty_thread WHERE workspace_id = :workspaceId!                                                                                                                                                                                                                                      
 * ```
 */
export const clearRollupDirtyThread = new PreparedQuery<IClearRollupDirtyThreadParams,IClearRollupDirtyThreadResult>(clearRollupDirtyThreadIR);


/** 'WorkspaceThreads' parameters type */
export interface IWorkspaceThreadsParams {
  workspaceId: string;
}

/** 'WorkspaceThreads' return type */
export interface IWorkspaceThreadsResult {
  id: string;
}

/** 'WorkspaceThreads' query type */
export interface IWorkspaceThreadsQuery {
  params: IWorkspaceThreadsParams;
  result: IWorkspaceThreadsResult;
}

const workspaceThreadsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":55}]}],"statement":"SELECT id FROM thread WHERE workspace_id = :workspaceId! ORDER BY id"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id FROM thread WHERE workspace_id = :workspaceId! ORDER BY id
 * ```
 */
export const workspaceThreads = new PreparedQuery<IWorkspaceThreadsParams,IWorkspaceThreadsResult>(workspaceThreadsIR);


/** 'RebuildResponseDaily' parameters type */
export interface IRebuildResponseDailyParams {
  workspaceId: string;
}

/** 'RebuildResponseDaily' return type */
export type IRebuildResponseDailyResult = void;

/** 'RebuildResponseDaily' query type */
export interface IRebuildResponseDailyQuery {
  params: IRebuildResponseDailyParams;
  result: IRebuildResponseDailyResult;
}

const rebuildResponseDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":548,"b":560}]}],"statement":"INSERT INTO report_response_daily (workspace_id, day, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum,\n                                     within_target, within_target_business)\n  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),\n         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)\n    FROM report_response_event WHERE workspace_id = :workspaceId!\n   GROUP BY workspace_id, day, channel_account_id, network, channel, agent_id, kind"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_daily (workspace_id, day, channel_account_id, network, channel, agent_id, kind, n, seconds_sum, business_n, business_seconds_sum,
 *                                      within_target, within_target_business)
 *   SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
 *          count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
 *     FROM report_response_event WHERE workspace_id = :workspaceId!
 *    GROUP BY workspace_id, day, channel_account_id, network, channel, agent_id, kind
 * ```
 */
export const rebuildResponseDaily = new PreparedQuery<IRebuildResponseDailyParams,IRebuildResponseDailyResult>(rebuildResponseDailyIR);


/** 'RebuildResponseIntentDaily' parameters type */
export interface IRebuildResponseIntentDailyParams {
  workspaceId: string;
}

/** 'RebuildResponseIntentDaily' return type */
export type IRebuildResponseIntentDailyResult = void;

/** 'RebuildResponseIntentDaily' query type */
export interface IRebuildResponseIntentDailyQuery {
  params: IRebuildResponseIntentDailyParams;
  result: IRebuildResponseIntentDailyResult;
}

const rebuildResponseIntentDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":324,"b":336}]}],"statement":"INSERT INTO report_response_intent_daily (workspace_id, day, channel_account_id, network, intent, bucket, n, seconds_sum)\n  SELECT workspace_id, day, channel_account_id, network, COALESCE(intent, 'unclassified'), resonance_duration_bucket(seconds), count(*), sum(seconds)\n    FROM report_response_event WHERE workspace_id = :workspaceId! AND kind = 'reply'\n   GROUP BY 1, 2, 3, 4, 5, 6"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_intent_daily (workspace_id, day, channel_account_id, network, intent, bucket, n, seconds_sum)
 *   SELECT workspace_id, day, channel_account_id, network, COALESCE(intent, 'unclassified'), resonance_duration_bucket(seconds), count(*), sum(seconds)
 *     FROM report_response_event WHERE workspace_id = :workspaceId! AND kind = 'reply'
 *    GROUP BY 1, 2, 3, 4, 5, 6
 * ```
 */
export const rebuildResponseIntentDaily = new PreparedQuery<IRebuildResponseIntentDailyParams,IRebuildResponseIntentDailyResult>(rebuildResponseIntentDailyIR);


/** 'RebuildResponseHist' parameters type */
export interface IRebuildResponseHistParams {
  workspaceId: string;
}

/** 'RebuildResponseHist' return type */
export type IRebuildResponseHistResult = void;

/** 'RebuildResponseHist' query type */
export interface IRebuildResponseHistQuery {
  params: IRebuildResponseHistParams;
  result: IRebuildResponseHistResult;
}

const rebuildResponseHistIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":343,"b":355},{"a":627,"b":639}]}],"statement":"INSERT INTO report_response_hist (workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum)\n  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'calendar', resonance_duration_bucket(seconds), count(*), sum(seconds)\n    FROM report_response_event WHERE workspace_id = :workspaceId!\n   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9\n  UNION ALL\n  SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)\n    FROM report_response_event WHERE workspace_id = :workspaceId! AND business_seconds IS NOT NULL\n   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_hist (workspace_id, day, channel_account_id, network, channel, agent_id, kind, clock, bucket, n, seconds_sum)
 *   SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'calendar', resonance_duration_bucket(seconds), count(*), sum(seconds)
 *     FROM report_response_event WHERE workspace_id = :workspaceId!
 *    GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
 *   UNION ALL
 *   SELECT workspace_id, day, channel_account_id, network, channel, agent_id, kind, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
 *     FROM report_response_event WHERE workspace_id = :workspaceId! AND business_seconds IS NOT NULL
 *    GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
 * ```
 */
export const rebuildResponseHist = new PreparedQuery<IRebuildResponseHistParams,IRebuildResponseHistResult>(rebuildResponseHistIR);


/** 'RebuildResponseHistWeek' parameters type */
export interface IRebuildResponseHistWeekParams {
  workspaceId: string;
}

/** 'RebuildResponseHistWeek' return type */
export type IRebuildResponseHistWeekResult = void;

/** 'RebuildResponseHistWeek' query type */
export interface IRebuildResponseHistWeekQuery {
  params: IRebuildResponseHistWeekParams;
  result: IRebuildResponseHistWeekResult;
}

const rebuildResponseHistWeekIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":385,"b":397}]}],"statement":"INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)\n  \n  SELECT h.workspace_id, date_trunc('week', h.day)::date AS week, h.channel_account_id, h.network, h.agent_id, h.kind, h.clock,\n         h.bucket, sum(h.n) AS n, sum(h.seconds_sum) AS seconds_sum FROM report_response_hist h WHERE h.workspace_id = :workspaceId!\n  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_response_hist_week (workspace_id, week, channel_account_id, network, agent_id, kind, clock, bucket, n, seconds_sum)
 *   
 *   SELECT h.workspace_id, date_trunc('week', h.day)::date AS week, h.channel_account_id, h.network, h.agent_id, h.kind, h.clock,
 *          h.bucket, sum(h.n) AS n, sum(h.seconds_sum) AS seconds_sum FROM report_response_hist h WHERE h.workspace_id = :workspaceId!
 *   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 * ```
 */
export const rebuildResponseHistWeek = new PreparedQuery<IRebuildResponseHistWeekParams,IRebuildResponseHistWeekResult>(rebuildResponseHistWeekIR);


/** 'RebuildThreadComments' parameters type */
export interface IRebuildThreadCommentsParams {
  unknownZones: stringArray;
  workspaceId: string;
}

/** 'RebuildThreadComments' return type */
export type IRebuildThreadCommentsResult = void;

/** 'RebuildThreadComments' query type */
export interface IRebuildThreadCommentsQuery {
  params: IRebuildThreadCommentsParams;
  result: IRebuildThreadCommentsResult;
}

const rebuildThreadCommentsIR: any = {"usedParamSet":{"workspaceId":true,"unknownZones":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":326,"b":338},{"a":1331,"b":1343}]},{"name":"unknownZones","required":true,"transform":{"type":"scalar"},"locs":[{"a":540,"b":553}]}],"statement":"INSERT INTO report_thread_comment (thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum) \n  WITH last_response AS (\n    SELECT r.thread_id, max(r.created_at) AS at FROM message r WHERE r.workspace_id = :workspaceId! AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)\n     GROUP BY r.thread_id\n  )\n  SELECT m.thread_id, m.workspace_id, (m.created_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day, m.channel_account_id, t.network, t.channel,\n         COALESCE(t.post_id, 0) AS post_id, COALESCE(m.intent, 'unclassified') AS intent, m.author_contact_id AS contact_id, \n  count(*) AS comments,\n  count(*) FILTER (WHERE lr.at > m.created_at) AS answered,\n  COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,\n  count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,\n  COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum\n    FROM message m\n    JOIN workspace w ON w.id = m.workspace_id\n    JOIN thread t ON t.id = m.thread_id\n    LEFT JOIN last_response lr ON lr.thread_id = m.thread_id\n   WHERE m.workspace_id = :workspaceId! AND NOT m.is_from_account\n   GROUP BY m.thread_id, m.workspace_id, 3, m.channel_account_id, t.network, t.channel, 7, 8, m.author_contact_id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_thread_comment (thread_id, workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id, comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum) 
 *   WITH last_response AS (
 *     SELECT r.thread_id, max(r.created_at) AS at FROM message r WHERE r.workspace_id = :workspaceId! AND r.is_from_account AND (r.delivery = 'sent' OR r.external_id IS NOT NULL)
 *      GROUP BY r.thread_id
 *   )
 *   SELECT m.thread_id, m.workspace_id, (m.created_at AT TIME ZONE (CASE WHEN w.timezone = ANY(:unknownZones!::text[]) THEN 'UTC' ELSE w.timezone END))::date AS day, m.channel_account_id, t.network, t.channel,
 *          COALESCE(t.post_id, 0) AS post_id, COALESCE(m.intent, 'unclassified') AS intent, m.author_contact_id AS contact_id, 
 *   count(*) AS comments,
 *   count(*) FILTER (WHERE lr.at > m.created_at) AS answered,
 *   COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,
 *   count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,
 *   COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum
 *     FROM message m
 *     JOIN workspace w ON w.id = m.workspace_id
 *     JOIN thread t ON t.id = m.thread_id
 *     LEFT JOIN last_response lr ON lr.thread_id = m.thread_id
 *    WHERE m.workspace_id = :workspaceId! AND NOT m.is_from_account
 *    GROUP BY m.thread_id, m.workspace_id, 3, m.channel_account_id, t.network, t.channel, 7, 8, m.author_contact_id
 * ```
 */
export const rebuildThreadComments = new PreparedQuery<IRebuildThreadCommentsParams,IRebuildThreadCommentsResult>(rebuildThreadCommentsIR);


/** 'RebuildCommentDaily' parameters type */
export interface IRebuildCommentDailyParams {
  workspaceId: string;
}

/** 'RebuildCommentDaily' return type */
export type IRebuildCommentDailyResult = void;

/** 'RebuildCommentDaily' query type */
export interface IRebuildCommentDailyQuery {
  params: IRebuildCommentDailyParams;
  result: IRebuildCommentDailyResult;
}

const rebuildCommentDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":479,"b":491}]}],"statement":"INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent,\n                                    comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)\n  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent,\n         sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled), sum(ingest_lag_seconds_sum)\n    FROM report_thread_comment WHERE workspace_id = :workspaceId!\n   GROUP BY 1, 2, 3, 4, 5, 6, 7"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent,
 *                                     comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
 *   SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent,
 *          sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled), sum(ingest_lag_seconds_sum)
 *     FROM report_thread_comment WHERE workspace_id = :workspaceId!
 *    GROUP BY 1, 2, 3, 4, 5, 6, 7
 * ```
 */
export const rebuildCommentDaily = new PreparedQuery<IRebuildCommentDailyParams,IRebuildCommentDailyResult>(rebuildCommentDailyIR);


/** 'RebuildCommentChannelDaily' parameters type */
export interface IRebuildCommentChannelDailyParams {
  workspaceId: string;
}

/** 'RebuildCommentChannelDaily' return type */
export type IRebuildCommentChannelDailyResult = void;

/** 'RebuildCommentChannelDaily' query type */
export interface IRebuildCommentChannelDailyQuery {
  params: IRebuildCommentChannelDailyParams;
  result: IRebuildCommentChannelDailyResult;
}

const rebuildCommentChannelDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":476,"b":488}]}],"statement":"INSERT INTO report_comment_channel_daily (workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled,\n                                            ingest_lag_seconds_sum)\n  SELECT workspace_id, day, channel_account_id, network, channel, intent, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),\n         sum(ingest_lag_seconds_sum)\n    FROM report_comment_daily WHERE workspace_id = :workspaceId!\n   GROUP BY workspace_id, day, channel_account_id, network, channel, intent"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_comment_channel_daily (workspace_id, day, channel_account_id, network, channel, intent, comments, answered, sentiment_sum, sentiment_n, handled,
 *                                             ingest_lag_seconds_sum)
 *   SELECT workspace_id, day, channel_account_id, network, channel, intent, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),
 *          sum(ingest_lag_seconds_sum)
 *     FROM report_comment_daily WHERE workspace_id = :workspaceId!
 *    GROUP BY workspace_id, day, channel_account_id, network, channel, intent
 * ```
 */
export const rebuildCommentChannelDaily = new PreparedQuery<IRebuildCommentChannelDailyParams,IRebuildCommentChannelDailyResult>(rebuildCommentChannelDailyIR);


/** 'RebuildPostComments' parameters type */
export interface IRebuildPostCommentsParams {
  workspaceId: string;
}

/** 'RebuildPostComments' return type */
export type IRebuildPostCommentsResult = void;

/** 'RebuildPostComments' query type */
export interface IRebuildPostCommentsQuery {
  params: IRebuildPostCommentsParams;
  result: IRebuildPostCommentsResult;
}

const rebuildPostCommentsIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":171}]}],"statement":"INSERT INTO report_post_comment (post_id, workspace_id, comments)\n  SELECT post_id, workspace_id, sum(comments) FROM report_comment_daily WHERE workspace_id = :workspaceId! AND post_id <> 0\n   GROUP BY 1, 2"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_post_comment (post_id, workspace_id, comments)
 *   SELECT post_id, workspace_id, sum(comments) FROM report_comment_daily WHERE workspace_id = :workspaceId! AND post_id <> 0
 *    GROUP BY 1, 2
 * ```
 */
export const rebuildPostComments = new PreparedQuery<IRebuildPostCommentsParams,IRebuildPostCommentsResult>(rebuildPostCommentsIR);


/** 'RebuildCommenterDaily' parameters type */
export interface IRebuildCommenterDailyParams {
  workspaceId: string;
}

/** 'RebuildCommenterDaily' return type */
export type IRebuildCommenterDailyResult = void;

/** 'RebuildCommenterDaily' query type */
export interface IRebuildCommenterDailyQuery {
  params: IRebuildCommenterDailyParams;
  result: IRebuildCommenterDailyResult;
}

const rebuildCommenterDailyIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":241,"b":253}]}],"statement":"INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)\n  SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments)\n    FROM report_thread_comment WHERE workspace_id = :workspaceId! AND channel = 'comment' AND contact_id IS NOT NULL\n   GROUP BY 1, 2, 3, 4, 5"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
 *   SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments)
 *     FROM report_thread_comment WHERE workspace_id = :workspaceId! AND channel = 'comment' AND contact_id IS NOT NULL
 *    GROUP BY 1, 2, 3, 4, 5
 * ```
 */
export const rebuildCommenterDaily = new PreparedQuery<IRebuildCommenterDailyParams,IRebuildCommenterDailyResult>(rebuildCommenterDailyIR);


/** 'RebuildCommenterFirstDay' parameters type */
export interface IRebuildCommenterFirstDayParams {
  workspaceId: string;
}

/** 'RebuildCommenterFirstDay' return type */
export type IRebuildCommenterFirstDayResult = void;

/** 'RebuildCommenterFirstDay' query type */
export interface IRebuildCommenterFirstDayQuery {
  params: IRebuildCommenterFirstDayParams;
  result: IRebuildCommenterFirstDayResult;
}

const rebuildCommenterFirstDayIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":172}]}],"statement":"INSERT INTO report_commenter (contact_id, workspace_id, first_day)\n  SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE workspace_id = :workspaceId!\n   GROUP BY contact_id, workspace_id"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_commenter (contact_id, workspace_id, first_day)
 *   SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE workspace_id = :workspaceId!
 *    GROUP BY contact_id, workspace_id
 * ```
 */
export const rebuildCommenterFirstDay = new PreparedQuery<IRebuildCommenterFirstDayParams,IRebuildCommenterFirstDayResult>(rebuildCommenterFirstDayIR);


/** 'RebuildCommenterSpan' parameters type */
export interface IRebuildCommenterSpanParams {
  workspaceId: string;
}

/** 'RebuildCommenterSpan' return type */
export type IRebuildCommenterSpanResult = void;

/** 'RebuildCommenterSpan' query type */
export interface IRebuildCommenterSpanQuery {
  params: IRebuildCommenterSpanParams;
  result: IRebuildCommenterSpanResult;
}

const rebuildCommenterSpanIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":438,"b":450}]}],"statement":"INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)\n  SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)\n    FROM (\n  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,\n         lag(day) OVER w IS NOT NULL AS has_prev\n    FROM (SELECT * FROM report_commenter_daily WHERE workspace_id = :workspaceId!) d WINDOW w AS (PARTITION BY contact_id ORDER BY day)) s\n   GROUP BY 1, 2, 3, 4, 5, 6"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
 *   SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)
 *     FROM (
 *   SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
 *          lag(day) OVER w IS NOT NULL AS has_prev
 *     FROM (SELECT * FROM report_commenter_daily WHERE workspace_id = :workspaceId!) d WINDOW w AS (PARTITION BY contact_id ORDER BY day)) s
 *    GROUP BY 1, 2, 3, 4, 5, 6
 * ```
 */
export const rebuildCommenterSpan = new PreparedQuery<IRebuildCommenterSpanParams,IRebuildCommenterSpanResult>(rebuildCommenterSpanIR);


/** 'RebuiltDays' parameters type */
export interface IRebuiltDaysParams {
  workspaceId: string;
}

/** 'RebuiltDays' return type */
export interface IRebuiltDaysResult {
  days: number;
}

/** 'RebuiltDays' query type */
export interface IRebuiltDaysQuery {
  params: IRebuiltDaysParams;
  result: IRebuiltDaysResult;
}

const rebuiltDaysIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":108},{"a":223,"b":235}]}],"statement":"SELECT count(*)::int AS \"days!\" FROM (SELECT day FROM report_comment_daily WHERE workspace_id = :workspaceId!\n                                                UNION SELECT day FROM report_response_daily WHERE workspace_id = :workspaceId!) d"};

/**
 * Query generated from SQL:
 * ```
 * SELECT count(*)::int AS "days!" FROM (SELECT day FROM report_comment_daily WHERE workspace_id = :workspaceId!
 *                                                 UNION SELECT day FROM report_response_daily WHERE workspace_id = :workspaceId!) d
 * ```
 */
export const rebuiltDays = new PreparedQuery<IRebuiltDaysParams,IRebuiltDaysResult>(rebuiltDaysIR);


