import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Authenticated, CurrentUser } from '../auth/decorators';
import type { AuthUser } from '../auth/auth.types';
import type { HttpResponse } from '../common/http';
import { ExportsService } from './exports.service';
import {
  perceptionGapCsv,
  perceptionGapItems,
  perceptionGapReport,
  regularsCsv,
  regularsReport,
  responseByIntentCsv,
  responseByIntentReport,
} from './perception-gap.report';
import { PerceptionGapRepository } from './perception-gap.repository';
import { parseReportQuery, ReportQueryDto, type Grouping, type ReportParams } from './report-query';
import { ReportsRepository } from './reports.repository';
import { workspaceToday } from './workspace-today';

export class GapItemsQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: ['deals', 'product', 'service', 'brand'] }) @IsOptional() @IsString() @MaxLength(16) topic?: string;
  @ApiPropertyOptional({ enum: ['posts', 'messages'] }) @IsOptional() @IsString() @MaxLength(16) side?: string;
}

/**
 * The perception gap (issue 23, part 2): what the company posts about against what its audience
 * asks for, reply time by intent, and the regulars. Same parameters, roles and CSV exports as the
 * other reports (ReportsController); reads rollups and posts, messages only for drill-down lists.
 */
@ApiTags('reports')
@Controller('reports')
@Authenticated('admin', 'analyst')
export class PerceptionGapController {
  constructor(
    @Inject(PerceptionGapRepository) private readonly gap: PerceptionGapRepository,
    @Inject(ReportsRepository) private readonly reports: ReportsRepository,
    @Inject(ExportsService) private readonly exports: ExportsService,
  ) {}

  @Get('perception-gap')
  @ApiOperation({ summary: 'Share of posts per topic against share of inbound messages asking for it, and the gap in percentage points' })
  async perceptionGap(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none', 'network']);
    const build = () => perceptionGapReport(this.gap, user.workspaceId, p);
    return p.csv ? this.exports.reportCsv(user.workspaceId, res, 'perception-gap', async () => perceptionGapCsv(await build())) : build();
  }

  @Get('perception-gap/items')
  @ApiOperation({ summary: 'The newest 50 posts (side=posts) or inbound messages (side=messages) behind one topic of the gap' })
  async perceptionGapItems(@CurrentUser() user: AuthUser, @Query() q: GapItemsQueryDto) {
    const { topic, side, ...rest } = q;
    const p = await this.params(user, { ...rest, format: undefined }, ['none']);
    return perceptionGapItems(this.gap, user.workspaceId, p, topic, side);
  }

  @Get('response-by-intent')
  @ApiOperation({ summary: 'Reply time (median, p90, mean) and share answered per intent' })
  async responseByIntent(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none', 'network']);
    const build = () => responseByIntentReport(this.gap, user.workspaceId, p);
    return p.csv ? this.exports.reportCsv(user.workspaceId, res, 'response-by-intent', async () => responseByIntentCsv(await build())) : build();
  }

  @Get('regulars')
  @ApiOperation({ summary: 'Regular commenters (comments on 3+ days of the period) and last period’s regulars who went silent' })
  async regulars(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: HttpResponse) {
    const p = await this.params(user, q, ['none']);
    return p.csv
      ? this.exports.reportCsv(user.workspaceId, res, 'regulars', () => regularsCsv(this.gap, user.workspaceId, p))
      : regularsReport(this.gap, user.workspaceId, p);
  }

  private async params(user: AuthUser, q: ReportQueryDto, groupings: readonly Grouping[]): Promise<ReportParams> {
    return parseReportQuery(q, await workspaceToday(this.reports, user.workspaceId), groupings);
  }
}
