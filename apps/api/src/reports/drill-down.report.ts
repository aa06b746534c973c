import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DRILL_DOWN_KINDS, INTENTS, NETWORKS, type DrillDownKind, type DrillDownReport, type DrillDownRequest } from '@resonance/contracts';
import { oneOf } from '../common/narrow';
import { ReportQueryDto, type ReportParams } from './report-query';
import type { DrillDownDbRow, ReportsRepository } from './reports.repository';

/** The query of GET /api/reports/drill-down: the report's filters plus what the number counts. */
export class DrillDownQueryDto extends ReportQueryDto implements DrillDownRequest {
  @ApiPropertyOptional({ enum: DRILL_DOWN_KINDS, description: 'intent (intent mix), comments (resonance), post (one post), first-response' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  kind?: string;
  @ApiPropertyOptional({ description: 'kind=intent: an intent or "unclassified"' }) @IsOptional() @IsString() @MaxLength(64) intent?: string;
  @ApiPropertyOptional({ description: 'kind=post: the post id' }) @IsOptional() @IsString() @MaxLength(64) post?: string;
  @ApiPropertyOptional({ description: 'kind=first-response: an agent id or "native"' }) @IsOptional() @IsString() @MaxLength(64) agent?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Exactly the threads behind one number of a report, read from the rollup rows that number sums:
 * - intent: the intent mix's count of one intent (every channel) in the period;
 * - comments: the resonance report's comments in the period (optionally of one intent);
 * - post: the stored comments of one post (all time, as the top posts count them);
 * - first-response: the first responses dated in the period (optionally of one agent).
 * The threads' message counts add up to the number (total.messages); at most 500 threads are listed.
 */
export async function drillDownReport(reports: ReportsRepository, workspaceId: string, p: ReportParams, q: DrillDownQueryDto): Promise<DrillDownReport> {
  const kind: DrillDownKind | undefined = DRILL_DOWN_KINDS.find((k) => k === q.kind);
  if (!kind) throw new BadRequestException(`kind must be one of ${DRILL_DOWN_KINDS.join(', ')}`);
  const intent = q.intent ?? null;
  if (intent !== null && !([...INTENTS, 'unclassified'] as string[]).includes(intent)) throw new BadRequestException('unknown intent');
  let rows: DrillDownDbRow[];
  if (kind === 'post') {
    if (!q.post || !/^[1-9]\d{0,17}$/.test(q.post)) throw new NotFoundException('no such post');
    rows = await reports.threadsBehindPost(workspaceId, q.post);
  } else if (kind === 'first-response') {
    const agent = q.agent ?? null;
    if (agent !== null && agent !== 'native' && !UUID.test(agent)) throw new BadRequestException('agent must be a user id or native');
    rows = await reports.threadsBehindFirstResponses(workspaceId, p, agent);
  } else {
    if (kind === 'intent' && intent === null) throw new BadRequestException('kind=intent needs an intent');
    rows = await reports.threadsBehindComments(workspaceId, p, { intent, channelKind: kind === 'comments' ? 'comment' : null });
  }
  return {
    params: p,
    kind,
    total: { messages: rows[0]?.total_messages ?? 0, threads: rows[0]?.total_threads ?? 0 },
    threads: rows.map((r) => ({
      threadId: r.thread_id,
      network: oneOf(NETWORKS, r.network, 'thread.network'),
      channel: r.channel,
      contactName: r.contact_name,
      preview: r.preview,
      firstDay: r.first_day,
      messages: r.messages,
    })),
  };
}
