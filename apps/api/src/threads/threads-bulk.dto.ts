import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MAX_BULK_THREADS, THREAD_STATUSES, type BulkUpdateThreadsRequest, type BulkUpdateThreadsResponse, type ThreadStatus } from '@resonance/contracts';
import { AbsentOrValid } from '../common/absent-or-valid';
import { MAX_TAG_LENGTH, MAX_TAGS, ThreadItemView } from './threads.dto';

export class BulkUpdateThreadsBody implements BulkUpdateThreadsRequest {
  @ApiProperty({ type: [String], description: `thread ids (1–${MAX_BULK_THREADS})` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_THREADS)
  @IsString({ each: true })
  @Matches(/^[1-9][0-9]{0,17}$/, { each: true, message: 'each thread id must be a positive integer' })
  threadIds!: string[];
  @ApiPropertyOptional({ enum: THREAD_STATUSES }) @AbsentOrValid() @IsIn(THREAD_STATUSES) status?: ThreadStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null unassigns' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  assigneeId?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 3 }) @AbsentOrValid() @IsInt() @Min(0) @Max(3) priority?: number;
  @ApiPropertyOptional({ type: [String], description: 'tags added to each thread' })
  @AbsentOrValid()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  addTags?: string[];
  @ApiPropertyOptional({ type: [String], description: 'tags removed from each thread' })
  @AbsentOrValid()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  removeTags?: string[];
}

export class BulkUpdateThreadsView implements BulkUpdateThreadsResponse {
  @ApiProperty({ type: [ThreadItemView] }) threads!: ThreadItemView[];
}

export class WorkspaceTagView {
  @ApiProperty() tag!: string;
  @ApiProperty() uses!: number;
}
