import { Body, Controller, Delete, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import type { ErasureResult, RetentionSettings, UpdateRetentionRequest } from '@resonance/contracts';
import { ADMINS, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { BigintIdPipe } from '../common/ids';
import { DataCareService } from './data-care.service';

export class RetentionBody implements UpdateRetentionRequest {
  @ApiPropertyOptional({ nullable: true, description: 'Days messages are kept; null keeps them for ever', example: 365 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(36_500)
  retentionDays!: number | null;
}

export class RetentionView implements RetentionSettings {
  @ApiProperty({ nullable: true, type: Number }) retentionDays!: number | null;
}

export class ErasureView implements ErasureResult {
  @ApiProperty({ description: 'Conversations with the contact, deleted with their messages and notes' }) threads!: number;
  @ApiProperty({ description: "The contact's messages in other people's threads, deleted" }) messages!: number;
}

/**
 * Data care (GDPR): how long the workspace keeps messages (the worker's retention job deletes
 * older ones) and erasure of one contact's data on request. Admins only; both are audited, the
 * audit entry holds counts, never the erased content.
 */
@ApiTags('data care')
@Controller()
@Authenticated(...ADMINS)
export class DataCareController {
  constructor(@Inject(DataCareService) private readonly dataCare: DataCareService) {}

  @Get('data-care/retention')
  @ApiOperation({ summary: 'How many days messages are kept (null: for ever)' })
  @ApiOkResponse({ type: RetentionView })
  retention(@CurrentUser() user: AuthUser): Promise<RetentionView> {
    return this.dataCare.retention(user);
  }

  @Put('data-care/retention')
  @ApiOperation({ summary: 'Set how many days messages are kept; older ones are deleted by the retention job within the hour' })
  @ApiOkResponse({ type: RetentionView })
  setRetention(@CurrentUser() user: AuthUser, @Body() body: RetentionBody): Promise<RetentionView> {
    return this.dataCare.setRetention(user, body.retentionDays ?? null);
  }

  @Delete('contacts/:id')
  @ApiOperation({ summary: "Erase a contact's data (GDPR request): their conversations, their messages elsewhere and the contact itself" })
  @ApiOkResponse({ type: ErasureView })
  erase(@CurrentUser() user: AuthUser, @Param('id', BigintIdPipe) id: string): Promise<ErasureView> {
    return this.dataCare.erase(user, id);
  }
}
