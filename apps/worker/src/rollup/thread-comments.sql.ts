import { workspaceZoneSql } from './workspace-zones';

/**
 * The comment rollups, kept per thread (DESIGN.md §5): report_thread_comment holds each thread's
 * inbound messages counted per day (workspace time zone), channel account, post, intent and author,
 * with every key column of report_comment_daily and report_commenter_daily. Those two tables are
 * the sums of these rows, so a drain replaces the rows of its threads and adds the difference —
 * its cost follows the threads it drains, not the volume of the days they touch.
 *
 * "Answered" = some response of the account in the same thread (sent from Resonance or written
 * natively, and on the network) is later than the message, i.e. the message is older than the
 * thread's last response. Sentiment is summed in double precision.
 */

export const THREAD_COMMENT_KEY = 'workspace_id, day, channel_account_id, network, channel, post_id, intent, contact_id';
const COUNTS = 'comments, answered, sentiment_sum, sentiment_n, handled, ingest_lag_seconds_sum';
export const THREAD_COMMENT_COLUMNS = `thread_id, ${THREAD_COMMENT_KEY}, ${COUNTS}`;

// The columns of a thread's rows; `m` is the message, `w` its workspace, `lr.at` the thread's last response.
const RESPONDED = (r: string) => `${r}.is_from_account AND (${r}.delivery = 'sent' OR ${r}.external_id IS NOT NULL)`;
// $2 in every statement that uses it: the stored zones PostgreSQL does not know (workspace-zones.ts).
const DAY = `(m.created_at AT TIME ZONE ${workspaceZoneSql('$2')})::date`;
const INTENT = `COALESCE(m.intent, 'unclassified')`;
const COUNTS_OF_MESSAGES = `
  count(*) AS comments,
  count(*) FILTER (WHERE lr.at > m.created_at) AS answered,
  COALESCE(sum(m.sentiment::double precision), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_n,
  count(*) FILTER (WHERE m.handled_at IS NOT NULL) AS handled,
  COALESCE(sum(GREATEST(0, extract(epoch FROM m.ingested_at - m.created_at))), 0) AS ingest_lag_seconds_sum`;

/**
 * The rows of report_thread_comment of the threads $1 ($2: the unknown zones). Thread by thread
 * (the laterals are index scans of message_thread_idx), so that the cost follows the threads'
 * messages: as a join, the planner estimated a batch's threads at a sixth of the table and read all of it.
 */
export const THREAD_COMMENTS_SQL = `
  SELECT t.id AS thread_id, c.workspace_id, c.day, c.channel_account_id, t.network, t.channel,
         COALESCE(t.post_id, 0) AS post_id, c.intent, c.contact_id, ${COUNTS}
    FROM thread t
    CROSS JOIN LATERAL (SELECT max(r.created_at) AS at FROM message r WHERE r.thread_id = t.id AND ${RESPONDED('r')}) lr
    CROSS JOIN LATERAL (
      SELECT m.workspace_id, ${DAY} AS day, m.channel_account_id, ${INTENT} AS intent, m.author_contact_id AS contact_id,
             ${COUNTS_OF_MESSAGES}
        FROM message m JOIN workspace w ON w.id = m.workspace_id
       WHERE m.thread_id = t.id AND NOT m.is_from_account
       GROUP BY 1, 2, 3, 4, 5) c
   WHERE t.id = ANY($1::bigint[])`;

/** The same rows for every thread of the workspace $1 ($2: the unknown zones), in one scan of its messages (rebuild). */
export const WORKSPACE_THREAD_COMMENTS_SQL = `
  WITH last_response AS (
    SELECT r.thread_id, max(r.created_at) AS at FROM message r WHERE r.workspace_id = $1 AND ${RESPONDED('r')}
     GROUP BY r.thread_id
  )
  SELECT m.thread_id, m.workspace_id, ${DAY} AS day, m.channel_account_id, t.network, t.channel,
         COALESCE(t.post_id, 0) AS post_id, ${INTENT} AS intent, m.author_contact_id AS contact_id, ${COUNTS_OF_MESSAGES}
    FROM message m
    JOIN workspace w ON w.id = m.workspace_id
    JOIN thread t ON t.id = m.thread_id
    LEFT JOIN last_response lr ON lr.thread_id = m.thread_id
   WHERE m.workspace_id = $1 AND NOT m.is_from_account
   GROUP BY m.thread_id, m.workspace_id, 3, m.channel_account_id, t.network, t.channel, 7, 8, m.author_contact_id`;

/**
 * What the drain's threads change, summed per key of report_thread_comment (for the statements
 * below): a temporary table of the drain's transaction.
 */
export const CREATE_COMMENT_CHANGE_SQL = `
  CREATE TEMPORARY TABLE comment_change ON COMMIT DROP AS
  SELECT ${THREAD_COMMENT_KEY}, ${COUNTS} FROM report_thread_comment LIMIT 0`;

/**
 * Replaces the rows of the threads $1 ($2: the unknown zones) and records new − old in
 * comment_change. A thread's old and new row of one key cancel exactly (x − x = 0, also in
 * floating point) and are left out, so an unchanged day of a thread costs nothing further on.
 */
export const REPLACE_THREAD_COMMENTS_SQL = `
  WITH old AS (
    DELETE FROM report_thread_comment WHERE thread_id = ANY($1::bigint[]) RETURNING ${THREAD_COMMENT_COLUMNS}
  ), fresh AS (
    INSERT INTO report_thread_comment (${THREAD_COMMENT_COLUMNS}) ${THREAD_COMMENTS_SQL}
    RETURNING ${THREAD_COMMENT_COLUMNS}
  ), per_thread AS (
    SELECT thread_id, ${THREAD_COMMENT_KEY}, sum(comments) AS comments, sum(answered) AS answered,
           sum(sentiment_sum) AS sentiment_sum, sum(sentiment_n) AS sentiment_n, sum(handled) AS handled,
           sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
      FROM (SELECT * FROM fresh
            UNION ALL
            SELECT thread_id, ${THREAD_COMMENT_KEY}, -comments, -answered, -sentiment_sum, -sentiment_n, -handled,
                   -ingest_lag_seconds_sum FROM old) c
     GROUP BY thread_id, ${THREAD_COMMENT_KEY}
    HAVING sum(comments) <> 0 OR sum(answered) <> 0 OR sum(sentiment_sum) <> 0 OR sum(sentiment_n) <> 0
        OR sum(handled) <> 0 OR sum(ingest_lag_seconds_sum) <> 0
  )
  INSERT INTO comment_change (${THREAD_COMMENT_KEY}, ${COUNTS})
  SELECT ${THREAD_COMMENT_KEY}, sum(comments), sum(answered), sum(sentiment_sum), sum(sentiment_n), sum(handled),
         sum(ingest_lag_seconds_sum)
    FROM per_thread GROUP BY ${THREAD_COMMENT_KEY}`;

/** The (workspace, day) pairs the change touches, for the drain's result. */
export const CHANGED_DAYS_SQL = `SELECT DISTINCT workspace_id, to_char(day, 'YYYY-MM-DD') AS day FROM comment_change`;

const COMMENT_KEY = 'workspace_id, day, channel_account_id, network, channel, post_id, intent';
const keyOf = (key: string, alias: string) => key.split(', ').map((c) => `${alias}.${c}`).join(', ');

/**
 * The CTEs `<name>_delta`, `_merged`, `_emptied`, `_upserted` that add `source`, summed per `key`,
 * to `table` (which holds the key columns and COUNTS): rows that reach 0 comments are deleted, new
 * keys inserted (CHECK comments > 0: a row that would go negative means the table had drifted from
 * report_thread_comment — run `resonance rollup`).
 */
const addCounts = (name: string, table: string, key: string, source: string) => `
  ${name}_delta AS (
    SELECT ${key}, sum(comments) AS comments, sum(answered) AS answered, sum(sentiment_sum) AS sentiment_sum,
           sum(sentiment_n) AS sentiment_n, sum(handled) AS handled, sum(ingest_lag_seconds_sum) AS ingest_lag_seconds_sum
      FROM ${source} GROUP BY ${key}
  ), ${name}_merged AS (
    SELECT ${keyOf(key, 'd')},
           COALESCE(r.comments, 0) + d.comments AS comments, COALESCE(r.answered, 0) + d.answered AS answered,
           COALESCE(r.sentiment_sum, 0) + d.sentiment_sum AS sentiment_sum, COALESCE(r.sentiment_n, 0) + d.sentiment_n AS sentiment_n,
           COALESCE(r.handled, 0) + d.handled AS handled,
           COALESCE(r.ingest_lag_seconds_sum, 0) + d.ingest_lag_seconds_sum AS ingest_lag_seconds_sum
      -- A key lookup per changed row (OFFSET 0 keeps it one): hash-joined, the planner read all of
      -- report_comment_daily for a drain's few hundred keys (~10 ms).
      FROM ${name}_delta d
      LEFT JOIN LATERAL (SELECT * FROM ${table} r WHERE (${keyOf(key, 'r')}) = (${keyOf(key, 'd')}) OFFSET 0) r ON true
  ), ${name}_emptied AS (
    DELETE FROM ${table} r USING ${name}_merged m
     WHERE m.comments = 0 AND (${keyOf(key, 'r')}) = (${keyOf(key, 'm')})
  ), ${name}_upserted AS (
    INSERT INTO ${table} (${key}, ${COUNTS})
    SELECT ${key}, ${COUNTS} FROM ${name}_merged WHERE comments <> 0
    ON CONFLICT (${key}) DO UPDATE SET
      comments = excluded.comments, answered = excluded.answered, sentiment_sum = excluded.sentiment_sum,
      sentiment_n = excluded.sentiment_n, handled = excluded.handled, ingest_lag_seconds_sum = excluded.ingest_lag_seconds_sum
  )`;

/** report_comment_daily summed over posts (report_comment_channel_daily, migration 1733500000000). */
export const COMMENT_CHANNEL_KEY = 'workspace_id, day, channel_account_id, network, channel, intent';

/**
 * Adds comment_change to report_comment_daily, and the same change to its sums over posts
 * (report_comment_channel_daily) and over days (report_post_comment), in one statement: the two
 * sums take report_comment_daily's delta, a few hundred rows, instead of reading comment_change
 * again. Post rows reaching 0 comments are deleted like the others.
 */
export const APPLY_COMMENT_DAILY_SQL = `
  WITH ${addCounts('daily', 'report_comment_daily', COMMENT_KEY, 'comment_change')},
  ${addCounts('channel', 'report_comment_channel_daily', COMMENT_CHANNEL_KEY, 'daily_delta')},
  post_delta AS (
    SELECT post_id, workspace_id, sum(comments) AS comments FROM daily_delta
     WHERE post_id <> 0 GROUP BY post_id, workspace_id HAVING sum(comments) <> 0
  ), post_merged AS (
    SELECT d.post_id, d.workspace_id, COALESCE(r.comments, 0) + d.comments AS comments
      FROM post_delta d LEFT JOIN LATERAL (SELECT r.comments FROM report_post_comment r WHERE r.post_id = d.post_id OFFSET 0) r ON true
  ), post_emptied AS (
    DELETE FROM report_post_comment r USING post_merged m WHERE m.comments = 0 AND r.post_id = m.post_id
  )
  INSERT INTO report_post_comment (post_id, workspace_id, comments)
  SELECT post_id, workspace_id, comments FROM post_merged WHERE comments <> 0
  ON CONFLICT (post_id) DO UPDATE SET comments = excluded.comments`;

const COMMENTER_KEY = 'workspace_id, day, channel_account_id, network, contact_id';
const COMMENTER_KEY_OF = (alias: string) => keyOf(COMMENTER_KEY, alias);

/**
 * The (contact, day) rows of report_commenter_daily that APPLY_COMMENTER_DAILY_SQL added
 * (appeared) or removed: all that the commenter spans and first days depend on.
 */
export const CREATE_COMMENTER_CHANGE_SQL = `
  CREATE TEMPORARY TABLE commenter_change ON COMMIT DROP AS
  SELECT ${COMMENTER_KEY}, true AS appeared FROM report_commenter_daily LIMIT 0`;

/** Adds comment_change (comment threads, known authors) to report_commenter_daily, like the above. */
export const APPLY_COMMENTER_DAILY_SQL = `
  WITH delta AS (
    SELECT ${COMMENTER_KEY}, sum(comments) AS comments FROM comment_change
     WHERE channel = 'comment' AND contact_id IS NOT NULL
     GROUP BY ${COMMENTER_KEY} HAVING sum(comments) <> 0
  ), merged AS (
    SELECT ${COMMENTER_KEY_OF('d')}, r.contact_id IS NULL AS appeared, COALESCE(r.comments, 0) + d.comments AS comments
      FROM delta d LEFT JOIN report_commenter_daily r USING (${COMMENTER_KEY})
  ), emptied AS (
    DELETE FROM report_commenter_daily r USING merged m
     WHERE m.comments = 0 AND (${COMMENTER_KEY_OF('r')}) = (${COMMENTER_KEY_OF('m')})
  ), upserted AS (
    INSERT INTO report_commenter_daily (${COMMENTER_KEY}, comments)
    SELECT ${COMMENTER_KEY}, comments FROM merged WHERE comments <> 0
    ON CONFLICT (${COMMENTER_KEY}) DO UPDATE SET comments = excluded.comments
  )
  INSERT INTO commenter_change (${COMMENTER_KEY}, appeared)
  SELECT ${COMMENTER_KEY}, appeared FROM merged WHERE appeared OR comments = 0`;

/**
 * A span row per (contact, day): the day, the contact's next comment day ('infinity' if none) and
 * whether it commented before — what report_commenter_span counts. `rows` has the columns of
 * report_commenter_daily; every day of a contact must be in it.
 */
export const commenterSpans = (rows: string) => `
  SELECT workspace_id, day, COALESCE(lead(day) OVER w, 'infinity') AS next_day, channel_account_id, network,
         lag(day) OVER w IS NOT NULL AS has_prev
    FROM ${rows} WINDOW w AS (PARTITION BY contact_id ORDER BY day)`;

const SPAN_KEY = 'workspace_id, day, next_day, channel_account_id, network, has_prev';

/**
 * After APPLY_COMMENTER_DAILY_SQL: replaces the span counts of the contacts in commenter_change —
 * their spans before (their days now, without the appeared rows, with the removed ones) are
 * subtracted, their spans now added — in one statement; counts that reach 0 are deleted. Touches
 * only those contacts' rows (report_commenter_daily_contact_idx), never all commenters. A count
 * that would go negative fails the drain (CHECK), i.e. the table had drifted: run `resonance rollup`.
 */
export const UPDATE_COMMENTER_SPANS_SQL = `
  WITH touched AS (
    SELECT DISTINCT contact_id FROM commenter_change
  ), days_now AS (
    SELECT ${COMMENTER_KEY_OF('d')} FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
  ), days_before AS (
    SELECT * FROM days_now n
     WHERE NOT EXISTS (SELECT 1 FROM commenter_change c
                        WHERE c.appeared AND (${COMMENTER_KEY_OF('c')}) = (${COMMENTER_KEY_OF('n')}))
    UNION ALL
    SELECT ${COMMENTER_KEY} FROM commenter_change WHERE NOT appeared
  ), delta AS (
    SELECT ${SPAN_KEY}, sum(n)::int AS n
      FROM (SELECT *, 1 AS n FROM (${commenterSpans('days_now')}) spans_now
            UNION ALL
            SELECT *, -1 FROM (${commenterSpans('days_before')}) spans_before) c
     GROUP BY ${SPAN_KEY} HAVING sum(n) <> 0
  ), merged AS (
    SELECT ${SPAN_KEY}, COALESCE(s.commenters, 0) + d.n AS commenters
      FROM delta d LEFT JOIN report_commenter_span s USING (${SPAN_KEY})
  ), emptied AS (
    DELETE FROM report_commenter_span s USING merged m
     WHERE m.commenters = 0 AND (s.workspace_id, s.day, s.next_day, s.channel_account_id, s.network, s.has_prev)
                              = (m.workspace_id, m.day, m.next_day, m.channel_account_id, m.network, m.has_prev)
  )
  INSERT INTO report_commenter_span (${SPAN_KEY}, commenters)
  SELECT ${SPAN_KEY}, commenters FROM merged WHERE commenters <> 0
  ON CONFLICT (${SPAN_KEY}) DO UPDATE SET commenters = excluded.commenters`;

/**
 * After APPLY_COMMENTER_DAILY_SQL: the first comment day of the contacts in commenter_change, from
 * their days now (as the rebuild computes it); a contact left without days loses its row.
 */
export const UPDATE_COMMENTER_FIRST_DAYS_SQL = `
  WITH touched AS (
    SELECT DISTINCT contact_id FROM commenter_change
  ), firsts AS (
    SELECT d.contact_id, d.workspace_id, min(d.day) AS first_day
      FROM touched JOIN report_commenter_daily d ON d.contact_id = touched.contact_id
     GROUP BY d.contact_id, d.workspace_id
  ), gone AS (
    DELETE FROM report_commenter c USING touched
     WHERE c.contact_id = touched.contact_id AND NOT EXISTS (SELECT 1 FROM firsts f WHERE f.contact_id = c.contact_id)
  )
  INSERT INTO report_commenter (contact_id, workspace_id, first_day)
  SELECT contact_id, workspace_id, first_day FROM firsts
  ON CONFLICT (contact_id) DO UPDATE SET first_day = excluded.first_day
   WHERE report_commenter.first_day <> excluded.first_day`;
