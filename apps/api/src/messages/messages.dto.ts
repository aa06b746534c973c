import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATES, INTENTS } from '@resonance/contracts';

export class MessageItemView {
  @ApiProperty() id!: string;
  @ApiProperty() threadId!: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction!: string;
  @ApiProperty({ description: 'written by the company account (in Resonance or natively on the network)' }) isFromAccount!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'null until a reply is sent' }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentExternalId!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: '{type: contact|user, id, name, handle?, avatarUrl?}' }) author!: object | null;
  @ApiProperty({ description: 'exactly as written; render as text, never as HTML' }) text!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ type: Object, isArray: true, nullable: true }) attachments!: object[] | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ enum: DELIVERY_STATES, nullable: true }) delivery!: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveryError!: string | null;
  @ApiProperty({ enum: INTENTS, nullable: true }) intent!: string | null;
  @ApiProperty({ nullable: true, type: Number }) sentiment!: number | null;
  @ApiProperty() hidden!: boolean;
  @ApiProperty() deleted!: boolean;
  @ApiProperty({ description: 'liked by the account from the inbox' }) liked!: boolean;
  @ApiProperty({ enum: ['like', 'hide', 'delete'], nullable: true, description: 'handled without a reply (counts toward the service level, not reply time)' })
  handledAction!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'newest like/hide/delete request: {id, action, state: queued|done|failed, error, createdAt}' })
  lastAction!: object | null;
}

export class MessagePage {
  @ApiProperty({ type: [MessageItemView] }) items!: MessageItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
