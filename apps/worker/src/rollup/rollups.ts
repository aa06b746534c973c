import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { sqlClient } from '@resonance/db';
import * as drainSql from './drain.queries';
import { classifyPendingPostTopics } from './post-topics';
import * as rebuildSql from './rebuild.queries';
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
 * messages. Their SQL is in drain.sql and rebuild.sql (typed by pgTyped into *.queries.ts); each
 * rebuild statement computes what its drain counterpart computes, so the two change together.
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
    return this.forgettingZonesOnZoneError(() =>
      this.dataSource.transaction(async (tx) => {
        const db = sqlClient(tx);
        const [{ locked }] = await drainSql.tryDrainLock.run({ lock: DRAIN_LOCK }, db);
        if (!locked) return { threads: 0, days: 0 };
        // The drain's statements are thousands of small index scans that the planner costs high
        // enough to JIT-compile: at 25,000 threads compiling took longer (~1 s) than running them.
        await drainSql.jitOff.run(undefined, db);
        const marks = await drainSql.dirtyThreads.run({ batch }, db);
        if (!marks.length) return { threads: 0, days: 0 };
        const threadIds = marks.map((m) => m.thread_id);
        const unknownZones = await this.zones.unknown(tx);
        const responseDays = await replaceResponseEvents(tx, threadIds, unknownZones);
        await recomputeResponseDays(tx, responseDays);
        const commentDays = await applyThreadComments(tx, threadIds, unknownZones);
        const days = uniqueDays([...responseDays, ...commentDays]);
        // Only marks nobody renewed meanwhile (a renewed mark has a higher version and stays).
        await drainSql.deleteDrainedMarks.run({ threadIds: marks.map((m) => m.thread_id), versions: marks.map((m) => m.version) }, db);
        return { threads: marks.length, days: days.length };
      }),
    );
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
    // Every post without a topic gets one first (posts stored before migration 1733800000000).
    while (await classifyPendingPostTopics(this.dataSource));
    const workspaces = await rebuildSql.rebuildWorkspaces.run({ workspaceId: workspaceId ?? null }, sqlClient(this.dataSource));
    const total = { threads: 0, days: 0 };
    for (const { id } of workspaces) {
      await this.forgettingZonesOnZoneError(() =>
        this.dataSource.transaction(async (tx) => {
          const db = sqlClient(tx);
          const workspace = { workspaceId: id };
          await rebuildSql.drainLock.run({ lock: DRAIN_LOCK }, db);
          const unknownZones = await this.zones.unknown(tx);
          for (const clear of [
            rebuildSql.clearReportResponseEvent,
            rebuildSql.clearReportResponseDaily,
            rebuildSql.clearReportResponseHist,
            rebuildSql.clearReportResponseHistWeek,
            rebuildSql.clearReportResponseIntentDaily,
            rebuildSql.clearReportThreadComment,
            rebuildSql.clearReportCommentDaily,
            rebuildSql.clearReportCommentChannelDaily,
            rebuildSql.clearReportPostComment,
            rebuildSql.clearReportCommenterDaily,
            rebuildSql.clearReportCommenter,
            rebuildSql.clearReportCommenterSpan,
            rebuildSql.clearRollupDirtyThread,
          ]) {
            await clear.run(workspace, db);
          }
          const threads = await rebuildSql.workspaceThreads.run(workspace, db);
          for (let i = 0; i < threads.length; i += 5_000) {
            const threadIds = threads.slice(i, i + 5_000).map((t) => t.id);
            // The drain's statement: its RETURNING (the days it touched) is not needed here and is dropped.
            await drainSql.insertResponseEventsOfThreads.run({ threadIds, unknownZones }, db);
          }
          // Whole-workspace statements, not day batches: one scan of the messages per table.
          await rebuildSql.rebuildResponseDaily.run(workspace, db);
          await rebuildSql.rebuildResponseHist.run(workspace, db);
          await rebuildSql.rebuildResponseHistWeek.run(workspace, db);
          await rebuildSql.rebuildResponseIntentDaily.run(workspace, db);
          await rebuildSql.rebuildThreadComments.run({ workspaceId: id, unknownZones }, db);
          for (const rebuild of [
            rebuildSql.rebuildCommentDaily,
            rebuildSql.rebuildCommentChannelDaily,
            rebuildSql.rebuildPostComments,
            rebuildSql.rebuildCommenterDaily,
            rebuildSql.rebuildCommenterFirstDay,
            rebuildSql.rebuildCommenterSpan,
          ]) {
            await rebuild.run(workspace, db);
          }
          const [{ days }] = await rebuildSql.rebuiltDays.run(workspace, db);
          total.threads += threads.length;
          total.days += days;
          log(`workspace ${id}: ${threads.length} threads, ${days} days`);
        }),
      );
    }
    return total;
  }
}

/** Response events of the threads, and the days whose response rollups that changes. */
async function replaceResponseEvents(tx: EntityManager, threadIds: string[], unknownZones: string[]): Promise<Day[]> {
  const db = sqlClient(tx);
  const old = await drainSql.deleteResponseEventsOfThreads.run({ threadIds }, db);
  const fresh = await drainSql.insertResponseEventsOfThreads.run({ threadIds, unknownZones }, db);
  return uniqueDays([...old, ...fresh]);
}

async function recomputeResponseDays(tx: EntityManager, days: Day[]): Promise<void> {
  if (!days.length) return;
  const db = sqlClient(tx);
  const pairs = { workspaceIds: days.map((d) => d.workspace_id), days: days.map((d) => d.day) };
  await drainSql.deleteResponseDaily.run(pairs, db);
  await drainSql.insertResponseDaily.run(pairs, db);
  await drainSql.replaceResponseHist.run(pairs, db);
  await drainSql.deleteResponseIntentDaily.run(pairs, db);
  await drainSql.insertResponseIntentDaily.run(pairs, db);
}

/**
 * Replaces the comment rows of the threads and adds what changed to the comment and commenter
 * rollups; the commenter spans and first days follow the (contact, day) rows that appeared or
 * went. Returns the days whose comment rollups changed.
 */
async function applyThreadComments(tx: EntityManager, threadIds: string[], unknownZones: string[]): Promise<Day[]> {
  const db = sqlClient(tx);
  await drainSql.createCommentChange.run(undefined, db);
  await drainSql.replaceThreadComments.run({ threadIds, unknownZones }, db);
  await drainSql.applyCommentDaily.run(undefined, db);
  await drainSql.createCommenterChange.run(undefined, db);
  await drainSql.applyCommenterDaily.run(undefined, db);
  await drainSql.updateCommenterSpans.run(undefined, db);
  await drainSql.updateCommenterFirstDays.run(undefined, db);
  const days = await drainSql.changedDays.run(undefined, db);
  // Dropped here, not only at commit: a caller may drain twice in one transaction.
  await drainSql.dropChangeTables.run(undefined, db);
  return days;
}

function uniqueDays(days: Day[]): Day[] {
  const seen = new Map<string, Day>();
  for (const d of days) seen.set(`${d.workspace_id}/${d.day}`, d);
  return [...seen.values()].sort((a, b) => (a.workspace_id + a.day < b.workspace_id + b.day ? -1 : 1));
}
