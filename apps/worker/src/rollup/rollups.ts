import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DELETE_RESPONSE_DAILY_SQL, INSERT_RESPONSE_DAILY_SQL, REPLACE_RESPONSE_HIST_SQL } from './day-rollups.sql';
import {
  REBUILD_COMMENT_CHANNEL_DAILY_SQL,
  REBUILD_COMMENT_DAILY_SQL,
  REBUILD_COMMENTER_DAILY_SQL,
  REBUILD_COMMENTER_FIRST_DAY_SQL,
  REBUILD_COMMENTER_SPAN_SQL,
  REBUILD_RESPONSE_DAILY_SQL,
  REBUILD_POST_COMMENTS_SQL,
  REBUILD_RESPONSE_HIST_SQL,
  REBUILD_RESPONSE_HIST_WEEK_SQL,
  REBUILD_THREAD_COMMENTS_SQL,
} from './rebuild.sql';
import { EVENT_COLUMNS, RESPONSE_EVENTS_SQL } from './response-events.sql';
import {
  APPLY_COMMENT_DAILY_SQL,
  APPLY_COMMENTER_DAILY_SQL,
  CHANGED_DAYS_SQL,
  CREATE_COMMENT_CHANGE_SQL,
  CREATE_COMMENTER_CHANGE_SQL,
  REPLACE_THREAD_COMMENTS_SQL,
  UPDATE_COMMENTER_FIRST_DAYS_SQL,
  UPDATE_COMMENTER_SPANS_SQL,
} from './thread-comments.sql';
import { WorkspaceZones } from './workspace-zones';

export interface DrainResult {
  threads: number;
  days: number;
}

interface Day {
  workspace_id: string;
  day: string;
}

// One drainer at a time across every worker copy: two would recompute the same threads and days.
const DRAIN_LOCK = 0x7265_736f; // "reso"

/**
 * Keeps the report rollups current (DESIGN.md §5, §6). Triggers mark threads whose messages
 * changed; drain() recomputes the response events and the comment rows of those threads, the
 * response rollups of the days their events are on, and adds the change of the comment rows to the
 * comment and commenter rollups — in one transaction. rebuild() recomputes everything from the raw
 * messages.
 */
export class Rollups {
  private readonly zones: WorkspaceZones;

  constructor(
    private readonly dataSource: DataSource,
    /** Where a workspace whose time zone PostgreSQL does not know is reported (once per workspace). */
    warn: (message: string) => void = (message) => new Logger(Rollups.name).warn(message),
  ) {
    this.zones = new WorkspaceZones(warn);
  }

  /**
   * Processes up to `batch` marked threads; returns what it did (0 threads: nothing was due). The
   * cost follows the threads (their messages, events and changed rollup rows), except for the
   * response rollups of the days their events are on, which are recomputed from those days' events.
   * A workspace whose stored time zone PostgreSQL does not know counts its days in UTC
   * (workspace-zones.ts) rather than failing every drain.
   */
  async drain({ batch = 25_000 }: { batch?: number } = {}): Promise<DrainResult> {
    return this.forgettingZonesOnZoneError(() => this.dataSource.transaction(async (tx) => {
      const [{ locked }] = (await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [DRAIN_LOCK])) as Array<{ locked: boolean }>;
      if (!locked) return { threads: 0, days: 0 };
      // The drain's statements are thousands of small index scans that the planner costs high
      // enough to JIT-compile: at 25,000 threads compiling took longer (~1 s) than running them.
      await tx.query(`SET LOCAL jit = off`);
      const marks = (await tx.query(
        `SELECT thread_id, version FROM rollup_dirty_thread ORDER BY thread_id LIMIT $1`,
        [batch],
      )) as Array<{ thread_id: string; version: string }>;
      if (!marks.length) return { threads: 0, days: 0 };
      const threadIds = marks.map((m) => m.thread_id);
      const unknownZones = await this.zones.unknown(tx);
      const responseDays = await replaceResponseEvents(tx, threadIds, unknownZones);
      await recomputeResponseDays(tx, responseDays);
      const commentDays = await applyThreadComments(tx, threadIds, unknownZones);
      const days = uniqueDays([...responseDays, ...commentDays]);
      // Only marks nobody renewed meanwhile (a renewed mark has a higher version and stays).
      await tx.query(
        `DELETE FROM rollup_dirty_thread d USING unnest($1::bigint[], $2::bigint[]) AS b(thread_id, version)
          WHERE d.thread_id = b.thread_id AND d.version = b.version`,
        [marks.map((m) => m.thread_id), marks.map((m) => m.version)],
      );
      return { threads: marks.length, days: days.length };
    }));
  }

  /**
   * A statement that still fails on a time zone (one dropped from PostgreSQL's tzdata since its
   * names were read) fails this run; the next reads the names again and counts that zone in UTC.
   */
  private async forgettingZonesOnZoneError<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Error && /time zone .* not recognized/.test(error.message)) this.zones.forgetKnownZones();
      throw error;
    }
  }

  /** Drains until nothing is marked. */
  async drainAll(): Promise<DrainResult> {
    const total = { threads: 0, days: 0 };
    for (;;) {
      const r = await this.drain();
      if (!r.threads) return total;
      total.threads += r.threads;
      total.days += r.days;
    }
  }

  /**
   * Recomputes every rollup of one workspace (or all) from the raw messages: the command
   * `resonance rollup`, and what to run after time zone, business hours or SLA targets change.
   */
  async rebuild({ workspaceId, log = () => undefined }: { workspaceId?: string; log?: (line: string) => void } = {}): Promise<DrainResult> {
    const workspaces = (await this.dataSource.query(
      `SELECT id FROM workspace WHERE $1::uuid IS NULL OR id = $1 ORDER BY id`,
      [workspaceId ?? null],
    )) as Array<{ id: string }>;
    const total = { threads: 0, days: 0 };
    for (const { id } of workspaces) {
      await this.forgettingZonesOnZoneError(() => this.dataSource.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock($1)`, [DRAIN_LOCK]);
        const unknownZones = await this.zones.unknown(tx);
        for (const table of ['report_response_event', 'report_response_daily', 'report_response_hist', 'report_response_hist_week',
          'report_thread_comment', 'report_comment_daily', 'report_comment_channel_daily', 'report_post_comment',
          'report_commenter_daily', 'report_commenter', 'report_commenter_span', 'rollup_dirty_thread']) {
          await tx.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [id]);
        }
        const threads = (await tx.query(`SELECT id FROM thread WHERE workspace_id = $1 ORDER BY id`, [id])) as Array<{ id: string }>;
        for (let i = 0; i < threads.length; i += 5_000) {
          const ids = threads.slice(i, i + 5_000).map((t) => t.id);
          await tx.query(`INSERT INTO report_response_event (${EVENT_COLUMNS}) ${RESPONSE_EVENTS_SQL}`, [ids, unknownZones]);
        }
        // Whole-workspace statements, not day batches: one scan of the messages per table.
        for (const sql of [REBUILD_RESPONSE_DAILY_SQL, REBUILD_RESPONSE_HIST_SQL, REBUILD_RESPONSE_HIST_WEEK_SQL, REBUILD_THREAD_COMMENTS_SQL,
          REBUILD_COMMENT_DAILY_SQL, REBUILD_COMMENT_CHANNEL_DAILY_SQL, REBUILD_POST_COMMENTS_SQL, REBUILD_COMMENTER_DAILY_SQL,
          REBUILD_COMMENTER_FIRST_DAY_SQL, REBUILD_COMMENTER_SPAN_SQL]) {
          await tx.query(sql, sql === REBUILD_THREAD_COMMENTS_SQL ? [id, unknownZones] : [id]);
        }
        const [{ days }] = (await tx.query(
          `SELECT count(*)::int AS days FROM (SELECT day FROM report_comment_daily WHERE workspace_id = $1
                                                UNION SELECT day FROM report_response_daily WHERE workspace_id = $1) d`,
          [id],
        )) as Array<{ days: number }>;
        total.threads += threads.length;
        total.days += days;
        log(`workspace ${id}: ${threads.length} threads, ${days} days`);
      }));
    }
    return total;
  }
}

/** Response events of the threads, and the days whose response rollups that changes. */
async function replaceResponseEvents(tx: EntityManager, threadIds: string[], unknownZones: string[]): Promise<Day[]> {
  // TypeORM answers a DELETE … RETURNING with [rows, affected count], not with the rows.
  const [old] = (await tx.query(
    `DELETE FROM report_response_event WHERE thread_id = ANY($1::bigint[])
     RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS day`,
    [threadIds],
  )) as [Day[], number];
  const fresh = (await tx.query(
    `INSERT INTO report_response_event (${EVENT_COLUMNS}) ${RESPONSE_EVENTS_SQL}
     RETURNING workspace_id, to_char(day, 'YYYY-MM-DD') AS day`,
    [threadIds, unknownZones],
  )) as Day[];
  return uniqueDays([...old, ...fresh]);
}

async function recomputeResponseDays(tx: EntityManager, days: Day[]): Promise<void> {
  if (!days.length) return;
  const params = [days.map((d) => d.workspace_id), days.map((d) => d.day)];
  for (const sql of [DELETE_RESPONSE_DAILY_SQL, INSERT_RESPONSE_DAILY_SQL, REPLACE_RESPONSE_HIST_SQL]) await tx.query(sql, params);
}

/**
 * Replaces the comment rows of the threads and adds what changed to the comment and commenter
 * rollups; the commenter spans and first days follow the (contact, day) rows that appeared or
 * went. Returns the days whose comment rollups changed.
 */
async function applyThreadComments(tx: EntityManager, threadIds: string[], unknownZones: string[]): Promise<Day[]> {
  await tx.query(CREATE_COMMENT_CHANGE_SQL);
  await tx.query(REPLACE_THREAD_COMMENTS_SQL, [threadIds, unknownZones]);
  await tx.query(APPLY_COMMENT_DAILY_SQL);
  await tx.query(CREATE_COMMENTER_CHANGE_SQL);
  await tx.query(APPLY_COMMENTER_DAILY_SQL);
  await tx.query(UPDATE_COMMENTER_SPANS_SQL);
  await tx.query(UPDATE_COMMENTER_FIRST_DAYS_SQL);
  const days = (await tx.query(CHANGED_DAYS_SQL)) as Day[];
  // Dropped here, not only at commit: a caller may drain twice in one transaction.
  await tx.query(`DROP TABLE comment_change, commenter_change`);
  return days;
}

function uniqueDays(days: Day[]): Day[] {
  const seen = new Map<string, Day>();
  for (const d of days) seen.set(`${d.workspace_id}/${d.day}`, d);
  return [...seen.values()].sort((a, b) => (a.workspace_id + a.day < b.workspace_id + b.day ? -1 : 1));
}
