/**
 * The full rebuild of one workspace's daily rollups ($1 = workspace id), set-based: one statement
 * per table over the whole workspace instead of day-batched statements. Each statement computes
 * exactly what its incremental counterpart in day-rollups.sql.ts / thread-comments.sql.ts computes
 * (the rollups test checks rebuild = incremental), so the two must change together.
 */

import { HIST_WEEK_COLUMNS, HIST_WEEK_GROUP_BY, HIST_WEEK_SELECT } from './day-rollups.sql';
import { COMMENT_CHANNEL_KEY, commenterSpans, THREAD_COMMENT_COLUMNS, WORKSPACE_THREAD_COMMENTS_SQL } from './thread-comments.sql';

const RESPONSE_KEY = 'workspace_id, day, channel_account_id, network, channel, agent_id, kind';

export const REBUILD_RESPONSE_DAILY_SQL = `
  INSERT INTO report_response_daily (${RESPONSE_KEY}, n, seconds_sum, business_n, business_seconds_sum,
                                     within_target, within_target_business)
  SELECT ${RESPONSE_KEY}, count(*), sum(seconds), count(business_seconds), COALESCE(sum(business_seconds), 0),
         count(*) FILTER (WHERE within_target), count(*) FILTER (WHERE within_target_business)
    FROM report_response_event WHERE workspace_id = $1
   GROUP BY ${RESPONSE_KEY}`;

export const REBUILD_RESPONSE_HIST_SQL = `
  INSERT INTO report_response_hist (${RESPONSE_KEY}, clock, bucket, n, seconds_sum)
  SELECT ${RESPONSE_KEY}, 'calendar', resonance_duration_bucket(seconds), count(*), sum(seconds)
    FROM report_response_event WHERE workspace_id = $1
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
  UNION ALL
  SELECT ${RESPONSE_KEY}, 'business', resonance_duration_bucket(business_seconds), count(*), sum(business_seconds)
    FROM report_response_event WHERE workspace_id = $1 AND business_seconds IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 9`;

/** After REBUILD_RESPONSE_HIST_SQL: every week of the workspace from its day rows. */
export const REBUILD_RESPONSE_HIST_WEEK_SQL = `
  INSERT INTO report_response_hist_week (${HIST_WEEK_COLUMNS})
  ${HIST_WEEK_SELECT} FROM report_response_hist h WHERE h.workspace_id = $1
  ${HIST_WEEK_GROUP_BY}`;

/** Every thread's comment rows at once: one scan of the workspace's messages. */
export const REBUILD_THREAD_COMMENTS_SQL = `
  INSERT INTO report_thread_comment (${THREAD_COMMENT_COLUMNS}) ${WORKSPACE_THREAD_COMMENTS_SQL}`;

/** After REBUILD_THREAD_COMMENTS_SQL: the sums of the threads' rows, as the drain adds them up. */
export const REBUILD_COMMENT_DAILY_SQL = `
  INSERT INTO report_comment_daily (workspace_id, day, channel_account_id, network, channel, post_id, intent,
                                    comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum)
  SELECT workspace_id, day, channel_account_id, network, channel, post_id, intent,
         sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled), sum(ingest_lag_seconds_sum)
    FROM report_thread_comment WHERE workspace_id = $1
   GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** After REBUILD_COMMENT_DAILY_SQL: its rows summed over posts, and per post over days. */
export const REBUILD_COMMENT_CHANNEL_DAILY_SQL = `
  INSERT INTO report_comment_channel_daily (${COMMENT_CHANNEL_KEY}, comments, answered, sentiment_sum, sentiment_n, handled,
                                            ingest_lag_seconds_sum)
  SELECT ${COMMENT_CHANNEL_KEY}, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),
         sum(ingest_lag_seconds_sum)
    FROM report_comment_daily WHERE workspace_id = $1
   GROUP BY ${COMMENT_CHANNEL_KEY}`;

export const REBUILD_POST_COMMENTS_SQL = `
  INSERT INTO report_post_comment (post_id, workspace_id, comments)
  SELECT post_id, workspace_id, sum(comments) FROM report_comment_daily WHERE workspace_id = $1 AND post_id <> 0
   GROUP BY 1, 2`;

export const REBUILD_COMMENTER_DAILY_SQL = `
  INSERT INTO report_commenter_daily (workspace_id, day, channel_account_id, network, contact_id, comments)
  SELECT workspace_id, day, channel_account_id, network, contact_id, sum(comments)
    FROM report_thread_comment WHERE workspace_id = $1 AND channel = 'comment' AND contact_id IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5`;

export const REBUILD_COMMENTER_FIRST_DAY_SQL = `
  INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, min(day) FROM report_commenter_daily WHERE workspace_id = $1
   GROUP BY contact_id, workspace_id`;

/** After REBUILD_COMMENTER_DAILY_SQL: the span counts from the workspace's commenter days. */
export const REBUILD_COMMENTER_SPAN_SQL = `
  INSERT INTO report_commenter_span (workspace_id, day, next_day, channel_account_id, network, has_prev, commenters)
  SELECT workspace_id, day, next_day, channel_account_id, network, has_prev, count(*)
    FROM (${commenterSpans('(SELECT * FROM report_commenter_daily WHERE workspace_id = $1) d')}) s
   GROUP BY 1, 2, 3, 4, 5, 6`;
