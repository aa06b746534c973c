import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadRouter, sqlClient, type Queryable, type Reader } from '@resonance/db';
import type { ReportParams } from './report-query';
import * as q from './reports.queries';

/** The rollup scope and days of a report as the statements of reports.sql take them. */
const scope = (workspaceId: string, p: ReportParams) => ({ workspaceId, from: p.from, to: p.to, network: p.network, channel: p.channel });
/** … with the period label and the grouping, folded by the planner (reports.sql). */
const grouped = (workspaceId: string, p: ReportParams) => ({ ...scope(workspaceId, p), interval: p.interval, groupBy: p.groupBy });

export type PostRow = q.IPostsInPeriodResult;
export type ThreadExportDbRow = q.IThreadExportResult;
export type ChannelsHealthRow = q.IChannelsHealthResult;
export type DrillDownDbRow = q.IThreadsBehindCommentsResult;

/**
 * All SQL of the reports and their label corrections (reports.sql, typed by pgTyped in
 * reports.queries.ts). The report functions (*.report.ts) shape the rows into reports.
 */
@Injectable()
export class ReportsRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    // Reads go through the read router: the replica when it is fresh enough for the request (DATABASE_READ_URL).
    @Inject(ReadRouter) private readonly reads: ReadRouter,
  ) {}

  /** The workspace's local date; rejects with PostgreSQL's 22023 when its time zone is unknown. */
  async workspaceToday(workspaceId: string, db: Reader = this.reads): Promise<string | undefined> {
    const [row] = await q.workspaceToday.run({ workspaceId }, sqlClient(db));
    return row?.today;
  }

  async workspaceTimezone(workspaceId: string, db: Reader = this.reads): Promise<string | undefined> {
    const [row] = await q.workspaceTimezone.run({ workspaceId }, sqlClient(db));
    return row?.timezone;
  }

  responseTotals(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IResponseTotalsResult[]> {
    return q.responseTotals.run(grouped(workspaceId, p), sqlClient(db));
  }

  /** Histogram rows of the whole weeks `weeks` (Mondays) and the single days `days` (weeksAndDays()). */
  responseHistograms(workspaceId: string, p: ReportParams, weeks: string[], days: string[], db: Reader = this.reads): Promise<q.IResponseHistogramsResult[]> {
    const { from: _from, to: _to, ...rest } = grouped(workspaceId, p);
    return q.responseHistograms.run({ ...rest, weeks, days }, sqlClient(db));
  }

  /** The SLA targets in minutes: "default" and one key per override ("<network>", "p<priority>", "<network>.p<priority>"). */
  async slaTargets(workspaceId: string, db: Reader = this.reads): Promise<Record<string, number>> {
    const rows = await q.slaTargets.run({ workspaceId }, sqlClient(db));
    return Object.fromEntries(rows.map((r) => [r.key, r.minutes]));
  }

  /** Comment rows per period, group and intent; per post when the report groups by post. */
  resonanceComments(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IResonanceCommentsResult[]> {
    return p.groupBy === 'post'
      ? q.resonanceCommentsByPost.run(grouped(workspaceId, p), sqlClient(db))
      : q.resonanceComments.run(grouped(workspaceId, p), sqlClient(db));
  }

  /** Inbound messages per period, group and intent (every channel); per post when the report groups by post. */
  intentMix(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IIntentMixResult[]> {
    return p.groupBy === 'post' ? q.intentMixByPost.run(grouped(workspaceId, p), sqlClient(db)) : q.intentMix.run(grouped(workspaceId, p), sqlClient(db));
  }

  commentersByPeriod(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.ICommentersByPeriodResult[]> {
    return q.commentersByPeriod.run(grouped(workspaceId, p), sqlClient(db));
  }

  channelFollowers(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IChannelFollowersResult[]> {
    return q.channelFollowers.run({ workspaceId, network: p.network, channel: p.channel }, sqlClient(db));
  }

  async followersOfChannel(channelAccountId: string, db: Reader = this.reads): Promise<number | undefined> {
    const [row] = await q.followersOfChannel.run({ channelAccountId }, sqlClient(db));
    return row?.followers;
  }

  /** Posts published in the period, newest first (at most 1,000); or the one post `postId`, whatever its date. */
  postsInPeriod(workspaceId: string, p: ReportParams, postId?: string, db: Reader = this.reads): Promise<PostRow[]> {
    return q.postsInPeriod.run({ ...scope(workspaceId, p), postId: postId ?? null }, sqlClient(db));
  }

  intentCorrections(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IIntentCorrectionsInPeriodResult[]> {
    return q.intentCorrectionsInPeriod.run({ workspaceId, from: p.from, to: p.to }, sqlClient(db));
  }

  /** Reviewed messages per predicted intent (their label before the first review) and how many kept it. */
  intentPrecision(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IIntentPrecisionResult[]> {
    return q.intentPrecision.run(scope(workspaceId, p), sqlClient(db));
  }

  postComments(workspaceId: string, postId: string, db: Reader = this.reads): Promise<q.IPostCommentsResult[]> {
    return q.postComments.run({ workspaceId, postId }, sqlClient(db));
  }

  async postCommenters(workspaceId: string, postId: string, db: Reader = this.reads): Promise<number> {
    const [row] = await q.postCommenters.run({ workspaceId, postId }, sqlClient(db));
    return row?.unique_commenters ?? 0;
  }

  channelsHealth(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IChannelsHealthResult[]> {
    return q.channelsHealth.run(scope(workspaceId, p), sqlClient(db));
  }

  agentNames(workspaceId: string, db: Reader = this.reads): Promise<q.IAgentNamesResult[]> {
    return q.agentNames.run({ workspaceId }, sqlClient(db));
  }

  /** The threads behind an intent-mix (channelKind null) or comment count (channelKind 'comment'); intent null = every intent. */
  threadsBehindComments(
    workspaceId: string,
    p: ReportParams,
    filter: { intent: string | null; channelKind: 'comment' | null },
    db: Reader = this.reads,
  ): Promise<DrillDownDbRow[]> {
    return q.threadsBehindComments.run({ ...scope(workspaceId, p), ...filter }, sqlClient(db));
  }

  threadsBehindPost(workspaceId: string, postId: string, db: Reader = this.reads): Promise<DrillDownDbRow[]> {
    return q.threadsBehindPost.run({ workspaceId, postId }, sqlClient(db));
  }

  threadsBehindFirstResponses(workspaceId: string, p: ReportParams, agent: string | null, db: Reader = this.reads): Promise<DrillDownDbRow[]> {
    return q.threadsBehindFirstResponses.run({ ...scope(workspaceId, p), agent }, sqlClient(db));
  }

  /** An inbound message of the workspace, locked until the transaction `tx` ends; undefined when there is none. */
  async lockInboundMessage(workspaceId: string, messageId: string, tx: Queryable): Promise<q.ILockInboundMessageResult | undefined> {
    const [row] = await q.lockInboundMessage.run({ workspaceId, messageId }, sqlClient(tx));
    return row;
  }

  async insertIntentCorrection(
    correction: { workspaceId: string; messageId: string; userId: string; previousIntent: string | null; intent: string },
    db: Queryable = this.dataSource,
  ): Promise<q.IInsertIntentCorrectionResult> {
    const [row] = await q.insertIntentCorrection.run(correction, sqlClient(db));
    return row;
  }

  async insertSentimentCorrection(
    correction: { workspaceId: string; messageId: string; userId: string; previousSentiment: number | null; sentiment: string },
    db: Queryable = this.dataSource,
  ): Promise<q.IInsertSentimentCorrectionResult> {
    const [row] = await q.insertSentimentCorrection.run(correction, sqlClient(db));
    return row;
  }

  async setMessageSentiment(messageId: string, sentiment: number, db: Queryable = this.dataSource): Promise<void> {
    await q.setMessageSentiment.run({ messageId, sentiment }, sqlClient(db));
  }

  async setMessageIntent(messageId: string, intent: string, db: Queryable = this.dataSource): Promise<void> {
    await q.setMessageIntent.run({ messageId, intent }, sqlClient(db));
  }

  /**
   * The thread export's rows, read through a server-side cursor `batch` rows at a time (see
   * thread-export.query.ts): the cursor lives in a read-only transaction on a connection of its own.
   */
  async *threadExportBatches(workspaceId: string, p: ReportParams, batch: number): AsyncGenerator<ThreadExportDbRow[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN READ ONLY');
      const cursor = q.threadExport.stream(scope(workspaceId, p), {
        query: () => Promise.reject(new Error('the thread export reads through its cursor only')),
        stream: (sql, bindings) => {
          const declared = runner.query(`DECLARE thread_export NO SCROLL CURSOR FOR ${sql}`, bindings);
          return {
            read: async (rowCount: number) => {
              await declared;
              const result = await runner.query(`FETCH ${rowCount} FROM thread_export`, [], true);
              // Untyped here; PreparedQuery.stream() hands them on as ThreadExport's generated rows.
              const rows: unknown[] = result.records ?? [];
              return rows;
            },
            close: async () => {
              await declared.catch(() => undefined);
              await runner.query('CLOSE thread_export');
            },
          };
        },
      });
      for (;;) {
        const rows = await cursor.read(batch);
        if (rows.length > 0) yield rows;
        if (rows.length < batch) return;
      }
    } finally {
      // Ends the transaction and the cursor with it; a broken connection has nothing left to end.
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}
