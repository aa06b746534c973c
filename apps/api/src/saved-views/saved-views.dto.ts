import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  INTENTS,
  NETWORKS,
  SENTIMENT_BANDS,
  THREAD_SORTS,
  THREAD_STATUSES,
  type CreateSavedViewRequest,
  type Intent,
  type Network,
  type SavedView,
  type SavedViewFilters,
  type SentimentBand,
  type ThreadSort,
  type ThreadStatus,
  type UpdateSavedViewRequest,
  type UserRef,
} from '@resonance/contracts';
import { AbsentOrValid } from '../common/absent-or-valid';
import { MAX_FILTER_VALUES, MAX_TAG_LENGTH } from '../threads/threads.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const MAX_VIEW_NAME = 80;

/** The filters of GET /api/threads a view keeps, validated as the query is. */
export class SavedViewFiltersBody implements SavedViewFilters {
  @ApiPropertyOptional({ enum: THREAD_STATUSES }) @AbsentOrValid() @IsIn(THREAD_STATUSES) status?: ThreadStatus;
  @ApiPropertyOptional({ enum: NETWORKS, isArray: true })
  @AbsentOrValid()
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(NETWORKS, { each: true })
  networks?: Network[];
  @ApiPropertyOptional({ type: [String] })
  @AbsentOrValid()
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID(undefined, { each: true })
  channels?: string[];
  @ApiPropertyOptional({ description: '`me`, `unassigned` or a user id' })
  @AbsentOrValid()
  @IsString()
  @Matches(/^(me|unassigned|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'assignee must be me, unassigned or a user id',
  })
  assignee?: string;
  @ApiPropertyOptional() @AbsentOrValid() @IsString() @MinLength(1) @MaxLength(MAX_TAG_LENGTH) tag?: string;
  @ApiPropertyOptional({ enum: INTENTS }) @AbsentOrValid() @IsIn(INTENTS) intent?: Intent;
  @ApiPropertyOptional({ enum: SENTIMENT_BANDS }) @AbsentOrValid() @IsIn(SENTIMENT_BANDS) sentiment?: SentimentBand;
  @ApiPropertyOptional() @AbsentOrValid() @IsInt() @Min(0) @Max(525_600) waitingLongerThanMinutes?: number;
  @ApiPropertyOptional() @AbsentOrValid() @IsBoolean() needsReply?: boolean;
  @ApiPropertyOptional({ description: 'only threads with a message marked as possible spam' }) @AbsentOrValid() @IsBoolean() spam?: boolean;
  @ApiPropertyOptional({ description: 'only threads with a comment held for review (YouTube)' }) @AbsentOrValid() @IsBoolean() heldForReview?: boolean;
  @ApiPropertyOptional({ description: 'only threads with a message a rule hid and nobody undid' }) @AbsentOrValid() @IsBoolean() hiddenByRules?: boolean;
  @ApiPropertyOptional() @AbsentOrValid() @IsString() @MinLength(1) @MaxLength(200) q?: string;
}

export class CreateSavedViewBody implements CreateSavedViewRequest {
  @ApiProperty({ maxLength: MAX_VIEW_NAME }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(MAX_VIEW_NAME) name!: string;
  @ApiProperty({ type: SavedViewFiltersBody }) @IsObject() @ValidateNested() @Type(() => SavedViewFiltersBody) filters!: SavedViewFiltersBody;
  @ApiProperty({ enum: THREAD_SORTS }) @IsIn(THREAD_SORTS) sort!: ThreadSort;
  @ApiPropertyOptional({ default: false, description: 'visible to everyone in the workspace' }) @IsOptional() @IsBoolean() shared?: boolean;
}

export class UpdateSavedViewBody implements UpdateSavedViewRequest {
  @ApiPropertyOptional({ maxLength: MAX_VIEW_NAME }) @AbsentOrValid() @Transform(trim) @IsString() @MinLength(1) @MaxLength(MAX_VIEW_NAME) name?: string;
  @ApiPropertyOptional({ type: SavedViewFiltersBody })
  @AbsentOrValid()
  @IsObject()
  @ValidateNested()
  @Type(() => SavedViewFiltersBody)
  filters?: SavedViewFiltersBody;
  @ApiPropertyOptional({ enum: THREAD_SORTS }) @AbsentOrValid() @IsIn(THREAD_SORTS) sort?: ThreadSort;
  @ApiPropertyOptional() @AbsentOrValid() @IsBoolean() shared?: boolean;
}

class OwnerRef implements UserRef {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class SavedViewView implements SavedView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: SavedViewFiltersBody }) filters!: SavedViewFilters;
  @ApiProperty({ enum: THREAD_SORTS }) sort!: ThreadSort;
  @ApiProperty() shared!: boolean;
  @ApiProperty({ type: OwnerRef }) owner!: UserRef;
  @ApiProperty() mine!: boolean;
  @ApiProperty() updatedAt!: string;
}
