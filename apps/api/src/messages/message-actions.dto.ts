import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { MODERATION_ACTIONS, type ModerationAction } from '@resonance/connectors';
import { MessageItemView } from './messages.dto';

export class MessageActionBody {
  @ApiProperty({ enum: MODERATION_ACTIONS, description: 'like, hide and delete count as handled without a reply (DESIGN.md §5); unlike and unhide take that back' })
  @IsIn(MODERATION_ACTIONS as ModerationAction[], { message: `action must be one of ${MODERATION_ACTIONS.join(', ')}` })
  action!: ModerationAction;
}

export class MessageActionView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MODERATION_ACTIONS }) action!: string;
  @ApiProperty({ enum: ['queued', 'done', 'failed'] }) state!: string;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed (or why the last attempt failed while still queued)' }) error!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: '{id, name} of who asked for it' }) requestedBy!: object | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class MessageActionAccepted {
  @ApiProperty({ type: MessageItemView, description: 'the message; its lastAction is the queued request' }) message!: MessageItemView;
  @ApiProperty({ type: MessageActionView }) action!: MessageActionView;
}

export class MessageActionList {
  @ApiProperty({ type: [MessageActionView], description: 'newest first, at most 50' }) items!: MessageActionView[];
}
