import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { INTENTS, SENTIMENT_BANDS, type Intent, type IntentCorrectionRequest, type SentimentBand, type SentimentCorrectionRequest } from '@resonance/contracts';
import { Authenticated, CurrentUser } from '../auth/decorators';
import type { AuthUser } from '../auth/auth.types';
import type { HttpResponse } from '../common/http';
import { drillDownReport, DrillDownQueryDto } from './drill-down.report';
import { ExportsService } from './exports.service';
import { LabelCorrectionsService } from './label-corrections.service';
import { channelsHealthReport, intentsReport, postReport } from './intents.report';
import { parseReportQuery, ReportQueryDto, type Grouping, type ReportParams } from './report-query';
import { ReportsRepository } from './reports.repository';
import { rankedPosts, resonanceReport } from './resonance.report';
import { channelsHealthCsv, intentsCsv, postsCsv, resonanceCsv, responseTimesCsv } from './csv-rows';
import { responseTimesReport } from './response-times.report';
import { workspaceToday } from './workspace-today';

export class IntentCorrectionBody implements IntentCorrectionRequest {
  // A bigint's digits only: "1.5" or 20 digits passed IsNumberString and failed PostgreSQL's cast as a 500.
  @ApiProperty({ example: '42' }) @Matches(/^[1-9][0-9]{0,17}$/, { message: 'messageId must be a message id' }) messageId!: string;
  @ApiProperty({ enum: INTENTS }) @IsIn(INTENTS) intent!: Intent;
}

export class SentimentCorrectionBody implements SentimentCorrectionRequest {
  @ApiProperty({ example: '42' }) @Matches(/^[1-9][0-9]{0,17}$/, { message: 'messageId must be a message id' }) messageId!: string;
  @ApiProperty({ enum: SENTIMENT_BANDS }) @IsIn(SENTIMENT_BANDS) sentiment!: SentimentBand;
}

/**
 * Reports (issue 10), always scoped to the signed-in user's workspace. Every report answers JSON
 * with its definitions, or CSV with ?format=csv. Analysts and admins read all reports; agents read
 * response times (their own service level) and may correct intent and sentiment labels. Every CSV and the
 * thread export are data exports: bounded per workspace and process (429 beyond, ExportSlots).
 */
@ApiTags('reports')
@Controller('reports')
@Authenticated('admin', 'analyst')
export class ReportsController {
  constructor(
    @Inject(ReportsRepository) private readonly reports: ReportsRepository,
    @Inject(ExportsService) private readonly exports: ExportsService,
    @Inject(LabelCorrectionsService) private readonly corrections: LabelCorrectionsService,
  ) {}

  @Get('response-times')
  @Authenticated('admin', 'analyst', 'agent')
  @ApiOperation({ summary: 'First response and reply times (median, p90, mean, count; calendar and business hours), SLA, handled without reply' })
  async responseTimes(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none', 'network', 'channel', 'agent']);
    return this.answer(user, p, res, 'response-times', () => responseTimesReport(this.reports, user.workspaceId, p), responseTimesCsv);
  }

  @Get('resonance')
  @ApiOperation({
    summary: 'Comment resonance: comments, unique/returning commenters, per 1,000 followers/views, share answered, intent mix, sentiment; top posts',
  })
  async resonance(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none', 'network', 'channel', 'post']);
    // The CSV per post: every post of the period, ranked by the stated measure, with its counts.
    if (p.csv && p.groupBy === 'post')
      return this.exports.reportCsv(user.workspaceId, res, 'posts', async () => postsCsv(await rankedPosts(this.reports, user.workspaceId, p)));
    return this.answer(user, p, res, 'resonance', () => resonanceReport(this.reports, user.workspaceId, p), resonanceCsv);
  }

  @Get('posts/:id')
  @ApiOperation({ summary: 'One post: counts, weighted engagement and the resonance of its comments' })
  async post(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none']);
    return this.answer(
      user,
      p,
      res,
      `post-${id}`,
      () => postReport(this.reports, user.workspaceId, id, p),
      (report) => report.rows.map((r) => ({ postId: report.post.id, ...r })),
    );
  }

  @Get('intents')
  @ApiOperation({ summary: 'Intent mix and sentiment per intent, label corrections, perception gap' })
  async intents(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none', 'network', 'channel', 'post']);
    return this.answer(user, p, res, 'intents', () => intentsReport(this.reports, user.workspaceId, p), intentsCsv);
  }

  @Get('channels-health')
  @ApiOperation({ summary: 'Ingestion health per channel: last sync, lag, errors, budget, gaps reconciled, volume and delay' })
  async channelsHealth(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none']);
    return this.answer(user, p, res, 'channels-health', () => channelsHealthReport(this.reports, user.workspaceId, p), channelsHealthCsv);
  }

  @Get('drill-down')
  @ApiOperation({
    summary: 'Exactly the threads behind one number of a report (intent count, comments, a post’s comments, first responses), for the same period and filters',
  })
  async drillDown(@CurrentUser() user: AuthUser, @Query() q: DrillDownQueryDto) {
    const { kind: _kind, intent: _intent, post: _post, agent: _agent, ...filters } = q;
    const p = await this.params(user, filters, ['none']);
    return drillDownReport(this.reports, user.workspaceId, p, q);
  }

  @Get('threads')
  @ApiOperation({
    summary: 'One row per thread started in the period (CSV by default; ?format=json for JSON), streamed; 429 when the workspace already runs its exports',
  })
  async threads(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res() res: HttpResponse): Promise<void> {
    const p = await this.params(
      user,
      { period: q.period, interval: q.interval, network: q.network, channel: q.channel, groupBy: q.groupBy, format: q.format ?? 'csv' },
      ['none'],
    );
    await this.exports.streamThreads(user.workspaceId, p, res);
  }

  @Post('intents/corrections')
  @HttpCode(201)
  @Authenticated('admin', 'analyst', 'agent')
  @ApiOperation({
    summary:
      "Correct a message's intent label (its current label again: confirm it); audited, counted in the intents report, learnt by the workspace's classifier",
  })
  async correct(@CurrentUser() user: AuthUser, @Body() body: IntentCorrectionBody) {
    if (!INTENTS.includes(body.intent)) throw new BadRequestException('unknown intent');
    return this.corrections.correctIntent(user.workspaceId, user.id, body.messageId, body.intent);
  }

  @Post('sentiment/corrections')
  @HttpCode(201)
  @Authenticated('admin', 'analyst', 'agent')
  @ApiOperation({
    summary: "Set a message's sentiment band (its current band again: confirm it); the score becomes -1, 0 or 1; audited, counted in the reports",
  })
  async correctSentiment(@CurrentUser() user: AuthUser, @Body() body: SentimentCorrectionBody) {
    if (!SENTIMENT_BANDS.includes(body.sentiment)) throw new BadRequestException('unknown sentiment');
    return this.corrections.correctSentiment(user.workspaceId, user.id, body.messageId, body.sentiment);
  }

  private async params(user: AuthUser, q: ReportQueryDto, groupings: readonly Grouping[]): Promise<ReportParams> {
    return parseReportQuery(q, await workspaceToday(this.reports, user.workspaceId), groupings);
  }

  /** The report as JSON, or its rows as a CSV export (?format=csv). */
  private answer<R extends { rows: unknown[] }>(
    user: AuthUser,
    p: ReportParams,
    res: HttpResponse,
    name: string,
    build: () => Promise<R>,
    csvRows: (report: R) => unknown[] = (report) => report.rows,
  ): Promise<R | string> {
    return p.csv ? this.exports.reportCsv(user.workspaceId, res, name, async () => csvRows(await build())) : build();
  }
}
