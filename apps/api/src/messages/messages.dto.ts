import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_ERROR_CODES,
  DELIVERY_STATES,
  INTENTS,
  MESSAGE_DIRECTIONS,
  MESSAGE_ACTIONS,
  SPAM_REASONS,
  type SpamReason,
  type Attachment,
  type DeliveryErrorCode,
  type DeliveryState,
  type HandledAction,
  type Intent,
  type LabelReview,
  type MessageActionSummary,
  type MessageAuthor,
  type MessageDirection,
  type MessageItem,
  type MessageAction,
  type Page,
} from '@resonance/contracts';

/** OpenAPI's description of the contract's MessageItem. */
export class MessageItemView implements MessageItem {
  @ApiProperty() id!: string;
  @ApiProperty() threadId!: string;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS }) direction!: MessageDirection;
  @ApiProperty({ description: 'written by the company account (in Resonance or natively on the network)' }) isFromAccount!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'null until a reply is sent' }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String }) parentExternalId!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: '{type: contact|user, id, name, handle?, avatarUrl?}' }) author!: MessageAuthor | null;
  @ApiProperty({ description: 'exactly as written; render as text, never as HTML' }) text!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ type: Object, isArray: true, nullable: true, description: '{type, url}' }) attachments!: Attachment[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: DELIVERY_STATES, nullable: true }) delivery!: DeliveryState | null;
  @ApiProperty({ nullable: true, type: String }) deliveryError!: string | null;
  @ApiProperty({ nullable: true, enum: DELIVERY_ERROR_CODES, description: 'why the delivery failed, as a code the UI words' })
  deliveryErrorCode!: DeliveryErrorCode | null;
  @ApiProperty({ enum: INTENTS, nullable: true }) intent!: Intent | null;
  @ApiProperty({ nullable: true, type: Number }) sentiment!: number | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'newest agent review of the intent: {by: {id, name} | null, at, changed} (changed false: confirmed)',
  })
  intentReview!: LabelReview | null;
  @ApiProperty({ type: Object, nullable: true, description: 'newest agent review of the sentiment band: {by, at, changed}' })
  sentimentReview!: LabelReview | null;
  @ApiProperty() hidden!: boolean;
  @ApiProperty({ description: "held by the network for the account's review (YouTube heldForReview): unhide publishes, hide rejects, ban rejects and bans" })
  heldForReview!: boolean;
  @ApiProperty({ enum: SPAM_REASONS, isArray: true, description: 'why the ingest thinks it may be spam or abuse; empty when nothing points to it' })
  spamReasons!: SpamReason[];
  @ApiProperty() deleted!: boolean;
  @ApiProperty({ description: 'liked by the account from the inbox' }) liked!: boolean;
  @ApiProperty({ enum: ['like', 'hide', 'delete'], nullable: true, description: 'handled without a reply (counts toward the service level, not reply time)' })
  handledAction!: HandledAction | null;
  @ApiProperty({ type: Object, nullable: true, description: 'newest like/hide/delete request: {id, action, state: queued|done|failed, error, createdAt}' })
  lastAction!: MessageActionSummary | null;
  @ApiProperty({
    enum: MESSAGE_ACTIONS,
    isArray: true,
    description:
      "the moderation actions the message's network allows on it now (by network, who wrote it, where it is and its state), and private_reply where the comment may be answered privately now; the dashboard offers exactly these",
  })
  actions!: MessageAction[];
  @ApiProperty({
    type: Object,
    nullable: true,
    description: "{messageId, threadId} of the comment's private reply (in the direct thread with its author), if it has one",
  })
  privateReply!: { messageId: string; threadId: string } | null;
  @ApiProperty({
    description: "true when the message's network lets the account moderate no customer's comment through its API (XING: only its own can be deleted)",
  })
  moderationUnavailable!: boolean;
}

export class MessagePage implements Page<MessageItem> {
  @ApiProperty({ type: [MessageItemView] }) items!: MessageItemView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
