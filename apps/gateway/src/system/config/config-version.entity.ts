import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RuntimeSettings } from '@meridian/contracts';

@Entity('config_versions')
export class ConfigVersionEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) settings: RuntimeSettings;
  @Column({ name: 'changed_by', type: 'text' }) changedBy: string;
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' }) changedAt: Date;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'rolled_back_from', type: 'integer', nullable: true }) rolledBackFrom: number | null;
}
