import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An internal note on a thread: seen by the team, never sent to the network. */
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('bigint') threadId!: string;
  @Column('uuid', { nullable: true }) authorUserId!: string | null;
  @Column('text') text!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
