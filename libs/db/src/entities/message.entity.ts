import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Attachment, DeliveryState, Intent, MessageDirection } from '@resonance/contracts';

@Entity('message')
export class Message {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('uuid') channelAccountId!: string;
  @Column('bigint') threadId!: string;
  /** The network's id: the idempotency key of ingestion. Null only for a reply not yet sent. */
  @Column('text', { nullable: true }) externalId!: string | null;
  @Column('text') direction!: MessageDirection;
  @Column('boolean', { default: false }) isFromAccount!: boolean;
  @Column('text', { nullable: true }) parentExternalId!: string | null;
  @Column('bigint', { nullable: true }) authorContactId!: string | null;
  @Column('uuid', { nullable: true }) authorUserId!: string | null;
  @Column('text') text!: string;
  @Column('jsonb', { nullable: true }) attachments!: Attachment[] | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz', { default: () => 'now()' }) ingestedAt!: Date;
  @Column('text', { nullable: true }) delivery!: DeliveryState | null;
  @Column('text', { nullable: true }) deliveryError!: string | null;
  @Column('integer', { default: 0 }) deliveryAttempts!: number;
  @Column('text', { nullable: true }) intent!: Intent | null;
  @Column('real', { nullable: true }) sentiment!: number | null;
  /** NULL: labelled by the built-in model; 'external': by the company's own classifier (CLASSIFIER_URL). */
  @Column('text', { name: 'label_source', nullable: true }) labelSource!: 'external' | null;
  @Column('jsonb', { nullable: true }) raw!: unknown;
  @Column('boolean', { default: false }) deleted!: boolean;
  @Column('boolean', { default: false }) hidden!: boolean;
}
