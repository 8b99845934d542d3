import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertSeverity } from '@meridian/contracts';

@Entity('alerts')
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'text' }) severity: AlertSeverity;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) status: 'active' | 'resolved';
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' }) raisedAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
