import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only log of emergency stops and resumes; the latest row is the platform's state. */
@Entity('platform_halts')
export class PlatformHaltEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'boolean' }) halted: boolean;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'changed_by', type: 'text' }) changedBy: string;
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' }) changedAt: Date;
}
