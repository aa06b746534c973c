import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person on one network, unique per (channel account, external id). */
@Entity('contact')
export class Contact {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('uuid') channelAccountId!: string;
  @Column('text') externalId!: string;
  @Column('text', { nullable: true }) name!: string | null;
  @Column('text', { nullable: true }) handle!: string | null;
  @Column('text', { nullable: true }) avatarUrl!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
