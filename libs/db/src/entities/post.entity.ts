import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The account's own posts, videos and updates. bigint ids arrive as strings. */
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('uuid') workspaceId!: string;
  @Column('uuid') channelAccountId!: string;
  @Column('text') externalId!: string;
  @Column('text', { default: '' }) text!: string;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('timestamptz') publishedAt!: Date;
  @Column('integer', { nullable: true }) reactionsCount!: number | null;
  @Column('integer', { nullable: true }) commentsCount!: number | null;
  @Column('integer', { nullable: true }) sharesCount!: number | null;
  @Column('bigint', { nullable: true }) viewsCount!: string | null;
  @Column('timestamptz', { nullable: true }) countsReadAt!: Date | null;
  /** deals | product | service | brand (libs/classifier postTopic); NULL until classified (migration 1733800000000). */
  @Column('text', { nullable: true }) topic!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
