import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('metric_samples')
export class MetricSampleEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'window_sec', type: 'integer' }) windowSec: number;
  @Column({ name: 'request_rate', type: 'double precision' }) requestRate: number;
  @Column({ name: 'error_rate_pct', type: 'double precision' }) errorRatePct: number;
  @Column({ name: 'p50_ms', type: 'double precision' }) p50Ms: number;
  @Column({ name: 'p95_ms', type: 'double precision' }) p95Ms: number;
  @Column({ name: 'p99_ms', type: 'double precision' }) p99Ms: number;
  @Column({ name: 'event_loop_lag_ms', type: 'double precision' }) eventLoopLagMs: number;
}
