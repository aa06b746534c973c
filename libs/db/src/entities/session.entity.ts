import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in browser: the cookie carries a random token, the row its HMAC (never the token). */
@Entity('session')
export class Session {
  @PrimaryColumn('text') id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('uuid') userId!: string;
  /** Sent back in the X-CSRF-Token header on every cookie-authenticated write. */
  @Column('text') csrfToken!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz') lastSeenAt!: Date;
  @Column('timestamptz') expiresAt!: Date;
  @Column('text', { nullable: true }) userAgent!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
}
