import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MessageChannel, Network, ThreadStatus } from '@resonance/contracts';

/** One customer's conversation with the company: a top-level comment with its replies, or a DM conversation. */
@Entity('thread')
export class Thread {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('uuid') channelAccountId!: string;
  /** Copied from the channel so the inbox can filter by network without a join. */
  @Column('text') network!: Network;
  @Column('text') threadKey!: string;
  @Column('text') channel!: MessageChannel;
  @Column('bigint', { nullable: true }) contactId!: string | null;
  @Column('bigint', { nullable: true }) postId!: string | null;
  @Column('text', { nullable: true }) postExternalId!: string | null;
  @Column('text', { default: 'open' }) status!: ThreadStatus;
  @Column('uuid', { nullable: true }) assigneeId!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) tags!: string[];
  @Column('smallint', { default: 0 }) priority!: number;
  @Column('timestamptz', { nullable: true }) firstInboundAt!: Date | null;
  @Column('timestamptz', { nullable: true }) firstResponseAt!: Date | null;
  @Column('timestamptz', { nullable: true }) lastInboundAt!: Date | null;
  @Column('timestamptz') lastMessageAt!: Date;
  /** Oldest inbound message not yet answered; null when the company spoke last. */
  @Column('timestamptz', { nullable: true }) waitingSince!: Date | null;
  @Column('timestamptz', { name: 'sla_due_at', nullable: true }) slaDueAt!: Date | null;
  @Column('integer', { default: 0 }) unreadCount!: number;
  @Column('integer', { default: 0 }) messageCount!: number;
  @Column('text', { default: '' }) lastMessagePreview!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
