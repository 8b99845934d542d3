import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { MaintenanceTaskKind } from '@meridian/contracts';

@Entity('maintenance_state')
export class MaintenanceStateEntity {
  @PrimaryColumn({ type: 'integer' }) id: number;
  @Column({ type: 'boolean' }) enabled: boolean;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ name: 'changed_by', type: 'text', nullable: true }) changedBy: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true }) changedAt: Date | null;
}

@Entity('maintenance_runs')
export class MaintenanceRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) task: MaintenanceTaskKind;
  @Column({ name: 'older_than_days', type: 'integer' }) olderThanDays: number;
  @Column({ type: 'text' }) state: 'queued' | 'running' | 'completed' | 'failed';
  @Column({ type: 'integer', nullable: true }) removed: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy: string;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
