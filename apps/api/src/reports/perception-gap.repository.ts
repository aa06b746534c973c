import { Inject, Injectable } from '@nestjs/common';
import { ReadRouter, sqlClient, type Reader } from '@resonance/db';
import type { ReportParams } from './report-query';
import * as q from './perception-gap.queries';

const scope = (workspaceId: string, p: Pick<ReportParams, 'from' | 'to' | 'network' | 'channel'>) => ({
  workspaceId,
  from: p.from,
  to: p.to,
  network: p.network,
  channel: p.channel,
});
const grouped = (workspaceId: string, p: ReportParams) => ({ ...scope(workspaceId, p), interval: p.interval, groupBy: p.groupBy });

export type TopicPostRow = q.ITopicPostsResult;
export type IntentMessageRow = q.IIntentMessagesResult;
export type RegularRow = q.IRegularsResult;

/**
 * The SQL of the perception gap, response time by intent and the regulars (perception-gap.sql):
 * rollups, posts and, for the bounded drill-down lists only, messages.
 */
@Injectable()
export class PerceptionGapRepository {
  constructor(
    // Reads go through the read router: the replica when it is fresh enough for the request (DATABASE_READ_URL).
    @Inject(ReadRouter) private readonly reads: ReadRouter,
  ) {}

  postTopics(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IPostTopicsResult[]> {
    return q.postTopics.run(grouped(workspaceId, p), sqlClient(db));
  }

  inboundByIntent(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IInboundByIntentResult[]> {
    return q.inboundByIntent.run(grouped(workspaceId, p), sqlClient(db));
  }

  replyHistogramsByIntent(workspaceId: string, p: ReportParams, db: Reader = this.reads): Promise<q.IReplyHistogramsByIntentResult[]> {
    return q.replyHistogramsByIntent.run(grouped(workspaceId, p), sqlClient(db));
  }

  topicPosts(workspaceId: string, p: ReportParams, topic: string, limit: number, db: Reader = this.reads): Promise<TopicPostRow[]> {
    return q.topicPosts.run({ ...scope(workspaceId, p), topic, limit }, sqlClient(db));
  }

  intentMessages(workspaceId: string, p: ReportParams, intents: string[], limit: number, db: Reader = this.reads): Promise<IntentMessageRow[]> {
    return q.intentMessages.run({ ...scope(workspaceId, p), intents, limit }, sqlClient(db));
  }

  /** The regulars of [from, to] and last period's who went silent, each list cut at `limit` (null: all), with both counts. */
  regulars(
    workspaceId: string,
    p: Pick<ReportParams, 'from' | 'to' | 'network' | 'channel'>,
    previousFrom: string,
    minDays: number,
    limit: number | null,
    db: Reader = this.reads,
  ): Promise<RegularRow[]> {
    return q.regulars.run({ ...scope(workspaceId, p), previousFrom, minDays, limit }, sqlClient(db));
  }
}
