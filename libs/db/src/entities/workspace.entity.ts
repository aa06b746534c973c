import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Weekly opening hours: weekday (0 = Sunday) → list of [from, to] in "HH:MM", workspace time zone. */
export type BusinessHours = Record<string, Array<[string, string]>>;

@Entity('workspace')
export class Workspace {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  @Column('text', { default: 'Europe/Berlin' }) timezone!: string;
  @Column('jsonb', { default: {} }) businessHours!: BusinessHours;
  @Column('jsonb', { default: {} }) settings!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
