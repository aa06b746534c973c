import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UserRole } from '@resonance/contracts';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') workspaceId!: string;
  /** Stored lower-case; unique across workspaces because it is the login name. */
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') role!: UserRole;
  /**
   * scrypt hash in the form `scrypt$N$r$p$salt$hash` (never returned by the API); null for an
   * invited user who has not set a password yet (and cannot sign in).
   */
  @Column('text', { select: false, nullable: true }) passwordHash!: string | null;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
