import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PriceAlertCondition, PriceAlertView, VenueName } from '@meridian/contracts';

@Entity('instruments')
export class InstrumentEntity {
  @PrimaryColumn({ type: 'text' }) symbol: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'integer' }) decimals: number;
  @Column({ name: 'pip_size', type: 'numeric' }) pipSize: string;
  @Column({ type: 'text' }) venue: VenueName;
  @Column({ type: 'boolean' }) live: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity('price_alerts')
export class PriceAlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'owner_id', type: 'text' }) ownerId: string;
  @Column({ type: 'text' }) symbol: string;
  @Column({ type: 'jsonb' }) condition: PriceAlertCondition;
  @Column({ type: 'jsonb' }) trigger: PriceAlertView['trigger'];
  @Column({ name: 'webhook_url', type: 'text', nullable: true }) webhookUrl: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text' }) status: 'active' | 'spent' | 'deleted';
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'last_fired_at', type: 'timestamptz', nullable: true }) lastFiredAt: Date | null;
  @Column({ name: 'fired_count', type: 'integer', default: 0 }) firedCount: number;
}

@Entity('price_alert_firings')
export class PriceAlertFiringEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'alert_id', type: 'uuid' }) alertId: string;
  @Column({ type: 'numeric' }) price: string;
  @Column({ name: 'fired_at', type: 'timestamptz' }) firedAt: Date;
  @Column({ type: 'text' }) message: string;
  @Column({ name: 'webhook_state', type: 'text', nullable: true }) webhookState: 'pending' | 'delivered' | 'failed' | null;
  @Column({ name: 'webhook_attempts', type: 'integer', default: 0 }) webhookAttempts: number;
  @Column({ name: 'webhook_error', type: 'text', nullable: true }) webhookError: string | null;
}

export const marketEntities = [InstrumentEntity, PriceAlertEntity, PriceAlertFiringEntity];
