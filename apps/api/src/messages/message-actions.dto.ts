import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  DELIVERY_ERROR_CODES,
  MESSAGE_ACTION_STATES,
  MODERATION_ACTIONS,
  type DeliveryErrorCode,
  type MessageActionAccepted,
  type MessageActionItem,
  type MessageActionList,
  type MessageActionRequest,
  type MessageActionState,
  type PrivateReplyAccepted,
  type PrivateReplyRequest,
  type ModerationAction,
  type UserRef,
} from '@resonance/contracts';
import { MessageItemView } from './messages.dto';

export class MessageActionBody implements MessageActionRequest {
  @ApiProperty({
    enum: MODERATION_ACTIONS,
    description: 'like, hide and delete count as handled without a reply (DESIGN.md §5); unlike and unhide take that back',
  })
  @IsIn(MODERATION_ACTIONS, { message: `action must be one of ${MODERATION_ACTIONS.join(', ')}` })
  action!: ModerationAction;
}

export class MessageActionView implements MessageActionItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MODERATION_ACTIONS }) action!: ModerationAction;
  @ApiProperty({ enum: MESSAGE_ACTION_STATES }) state!: MessageActionState;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed (or why the last attempt failed while still queued)' }) error!: string | null;
  @ApiProperty({ enum: DELIVERY_ERROR_CODES, nullable: true, description: 'the reason as a code the dashboard words in its language' })
  errorCode!: DeliveryErrorCode | null;
  @ApiProperty({ nullable: true, type: Object, description: '{id, name} of who asked for it' }) requestedBy!: UserRef | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}

export class MessageActionAcceptedView implements MessageActionAccepted {
  @ApiProperty({ type: MessageItemView, description: 'the message; its lastAction is the queued request' }) message!: MessageItemView;
  @ApiProperty({ type: MessageActionView }) action!: MessageActionView;
}

export class MessageActionListView implements MessageActionList {
  @ApiProperty({ type: [MessageActionView], description: 'newest first, at most 50' }) items!: MessageActionView[];
}

export class PrivateReplyBody implements PrivateReplyRequest {
  @ApiProperty({ maxLength: 1000, description: 'the direct message, sent as given (Instagram: less than 1,000 bytes of UTF-8)' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
}

export class PrivateReplyAcceptedView implements PrivateReplyAccepted {
  @ApiProperty({ type: MessageItemView, description: 'the comment; its privateReply names the queued message' }) comment!: MessageItemView;
  @ApiProperty({ type: MessageItemView, description: 'the queued outbound message, in the direct thread with the comment’s author' }) reply!: MessageItemView;
}
