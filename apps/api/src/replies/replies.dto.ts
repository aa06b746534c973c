import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { NewerMessagesConflict, ReplyAccepted, ReplyRequest } from '@resonance/contracts';
import { MessageItemView } from '../messages/messages.dto';

/** The longest reply any network takes; per-network limits (X: 280) are checked by the service. */
export const MAX_REPLY_LENGTH = 8_000;

export class ReplyBody implements ReplyRequest {
  @ApiProperty({ maxLength: MAX_REPLY_LENGTH, description: 'stored and sent exactly as given' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REPLY_LENGTH)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({ description: 'external id of the message answered; default: the newest inbound message' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  parentExternalId?: string;

  @ApiPropertyOptional({
    description: 'id of the newest message the agent saw (lastMessageId of GET /api/threads/:id); with it, a newer inbound message answers 409',
  })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'lastSeenMessageId must be a message id' })
  lastSeenMessageId?: string;

  @ApiPropertyOptional({ description: 'send even though newer inbound messages arrived (after a 409)' })
  @IsOptional()
  @IsBoolean()
  confirmNewer?: boolean;
}

export class ReplyAcceptedView implements ReplyAccepted {
  @ApiProperty({ type: MessageItemView, description: 'the outbound message, delivery "queued"' }) message!: MessageItemView;
}

export class NewerMessagesConflictView implements NewerMessagesConflict {
  @ApiProperty({ example: 409 }) statusCode!: 409;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [MessageItemView] }) newerMessages!: MessageItemView[];
}
