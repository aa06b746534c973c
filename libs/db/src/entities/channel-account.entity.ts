import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelStatus, Network } from '@resonance/contracts';

/** Per-stream cursors and bookkeeping of a channel's sync (shape owned by each connector). */
export type SyncState = Record<string, unknown>;

@Entity('channel_account')
export class ChannelAccount {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('text') network!: Network;
  @Column('text') externalId!: string;
  @Column('text') displayName!: string;
  @Column('text', { nullable: true }) handle!: string | null;
  @Column('text', { default: 'connected' }) status!: ChannelStatus;
  /** AES-256-GCM ciphertext of the credentials JSON (see libs/db crypto); never selected by default. */
  @Column('text', { nullable: true, select: false }) credentialsEncrypted!: string | null;
  @Column('timestamptz', { nullable: true }) credentialsExpireAt!: Date | null;
  @Column('jsonb', { default: {} }) syncState!: SyncState;
  @Column('timestamptz', { nullable: true }) lastSyncedAt!: Date | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @Column('timestamptz', { nullable: true }) lastErrorAt!: Date | null;
  @Column('integer', { default: 0 }) consecutiveAuthFailures!: number;
  @Column('jsonb', { default: {} }) rateBudget!: Record<string, unknown>;
  @Column('integer', { nullable: true }) followers!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
