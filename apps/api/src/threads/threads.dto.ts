import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  INTENTS,
  NETWORKS,
  SENTIMENT_BANDS,
  THREAD_SORTS,
  THREAD_STATUSES,
  type AddTagRequest,
  type AssignThreadRequest,
  type Intent,
  type MessageChannel,
  type Network,
  type Page,
  type SentimentBand,
  type ReplyWindow,
  type ThreadDetail,
  type ThreadItem,
  type ThreadListRequest,
  type ThreadPost,
  type ThreadSort,
  type ThreadStatus,
  type UpdateThreadRequest,
} from '@resonance/contracts';
import { AbsentOrValid } from '../common/absent-or-valid';
import { PageQuery } from '../common/page-query';

const SENTIMENTS = SENTIMENT_BANDS;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A query parameter given once arrives as a string, given several times as a list: always a list. */
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value);
/** `true`/`false` in a query string (anything else stays as it is and fails IsBoolean). */
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
export const MAX_FILTER_VALUES = 50;

export class ThreadsQuery extends PageQuery implements ThreadListRequest {
  @ApiPropertyOptional({ enum: THREAD_STATUSES }) @IsOptional() @IsIn(THREAD_STATUSES) status?: ThreadStatus;
  @ApiPropertyOptional({ enum: NETWORKS }) @IsOptional() @IsIn(NETWORKS) network?: Network;
  @ApiPropertyOptional({ enum: NETWORKS, isArray: true, description: 'any of these networks (repeat the parameter)' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(NETWORKS, { each: true })
  networks?: Network[];
  @ApiPropertyOptional({ format: 'uuid', description: 'channel account id' }) @IsOptional() @IsUUID() channel?: string;
  @ApiPropertyOptional({ type: [String], description: 'any of these channel account ids (repeat the parameter)' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID(undefined, { each: true })
  channels?: string[];
  @ApiPropertyOptional({ description: 'only threads whose customer waits on us (waitingSince set, not closed)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  needsReply?: boolean;
  @ApiPropertyOptional({ description: 'only threads with an inbound message the ingest marked as possible spam or abuse (MessageItem.spamReasons)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  spam?: boolean;
  @ApiPropertyOptional({ description: "only threads with a comment the network holds for the account's review (YouTube heldForReview)" })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  heldForReview?: boolean;
  @ApiPropertyOptional({ description: 'only threads with a message a rule hid and nobody undid (GET /api/rules/hidden)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  hiddenByRules?: boolean;
  @ApiPropertyOptional({
    enum: THREAD_SORTS,
    default: 'newest',
    description: 'newest activity first, oldest waiting first, or SLA due first (only threads that have a due time)',
  })
  @IsOptional()
  @IsIn(THREAD_SORTS)
  sort?: ThreadSort;
  @ApiPropertyOptional({ description: '`me`, `unassigned` or a user id' })
  @IsOptional()
  @Matches(/^(me|unassigned|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'assignee must be me, unassigned or a user id',
  })
  assignee?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_TAG_LENGTH) tag?: string;
  @ApiPropertyOptional({ enum: INTENTS, description: 'threads with an inbound message of this intent' }) @IsOptional() @IsIn(INTENTS) intent?: Intent;
  @ApiPropertyOptional({ enum: SENTIMENTS, description: 'threads with an inbound message in this band: negative < -0.25 ≤ neutral ≤ 0.25 < positive' })
  @IsOptional()
  @IsIn(SENTIMENTS)
  sentiment?: SentimentBand;
  @ApiPropertyOptional({ description: 'only threads whose customer has waited longer than this many minutes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(525_600)
  waitingLongerThanMinutes?: number;
  @ApiPropertyOptional({ description: 'full-text search of the messages (German, English and exact words)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class UpdateThreadBody implements UpdateThreadRequest {
  @ApiPropertyOptional({ enum: THREAD_STATUSES }) @AbsentOrValid() @IsIn(THREAD_STATUSES) status?: ThreadStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null unassigns' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  assigneeId?: string | null;
  @ApiPropertyOptional({ minimum: 0, maximum: 3 }) @AbsentOrValid() @IsInt() @Min(0) @Max(3) priority?: number;
  @ApiPropertyOptional({ type: [String], description: `replaces the tags (at most ${MAX_TAGS}, each 1–${MAX_TAG_LENGTH} characters)` })
  @AbsentOrValid()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  tags?: string[];
}

export class AssignBody implements AssignThreadRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'defaults to the signed-in user' }) @IsOptional() @IsUUID() userId?: string;
}

export class TagBody implements AddTagRequest {
  @ApiProperty({ maxLength: MAX_TAG_LENGTH }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(MAX_TAG_LENGTH) tag!: string;
}

class Ref {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ThreadItemView implements ThreadItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NETWORKS }) network!: Network;
  @ApiProperty({ enum: ['comment', 'direct', 'mention'] }) kind!: MessageChannel;
  @ApiProperty({ type: Object, description: '{id, displayName, handle} of the channel account' }) channel!: ThreadItem['channel'];
  @ApiProperty({ type: Object, nullable: true, description: '{id, name, handle, avatarUrl}' }) contact!: ThreadItem['contact'];
  @ApiProperty({ nullable: true, type: String }) postExternalId!: string | null;
  @ApiProperty({ enum: THREAD_STATUSES }) status!: ThreadStatus;
  @ApiProperty() priority!: number;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: Ref, nullable: true }) assignee!: Ref | null;
  @ApiProperty() lastMessagePreview!: string;
  @ApiProperty() lastMessageAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastInboundAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) firstInboundAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) firstResponseAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'oldest unanswered inbound message; null when the company spoke last' }) waitingSince!:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'when the first-response target runs out (docs/sla.md); null when nobody waits or the thread is closed',
  })
  slaDueAt!: string | null;
  @ApiProperty() unreadCount!: number;
  @ApiProperty() messageCount!: number;
  @ApiProperty() createdAt!: string;
}

export class ThreadPage implements Page<ThreadItem> {
  @ApiProperty({ type: [ThreadItemView] }) items!: ThreadItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ThreadDetailView extends ThreadItemView implements ThreadDetail {
  @ApiProperty({ type: Object, nullable: true, description: '{id, externalId, text, url, publishedAt} of the commented post' }) post!: ThreadPost | null;
  @ApiProperty({ nullable: true, type: String, description: 'newest message id: send as lastSeenMessageId with a reply' }) lastMessageId!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastInboundMessageId!: string | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      "the network's messaging window (Instagram and Messenger direct messages): {hours: 24 or 168 with HUMAN_AGENT approval, humanAgent, closesAt, closed}; null where none applies",
  })
  replyWindow!: ReplyWindow | null;
}
