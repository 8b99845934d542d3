import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type HistoryImportState = 'staging' | 'committed' | 'aborted';

/** One history import: staging while its rows stream in, then committed or aborted. */
@Entity('history_imports')
export class HistoryImportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) symbol: string;
  @Column({ type: 'text' }) timeframe: string;
  @Column({ type: 'text' }) format: string;
  @Column({ type: 'text' }) state: HistoryImportState;
  @Column({ type: 'integer', default: 0 }) rows: number;
  @Column({ name: 'from_time', type: 'timestamptz', nullable: true }) fromTime: Date | null;
  @Column({ name: 'to_time', type: 'timestamptz', nullable: true }) toTime: Date | null;
  /** Why it was aborted (the gateway's reason, e.g. the first bad line). */
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'requested_by', type: 'text', nullable: true }) requestedBy: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Last begin or append: a staging import untouched for an hour is abandoned. */
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true }) committedAt: Date | null;
}

/** A bar waiting for its import's commit (written and read with SQL; declared for the schema's sake). */
@Entity('history_import_rows')
export class HistoryImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' }) importId: string;
  @PrimaryColumn({ type: 'integer' }) line: number;
  @Column({ name: 'open_time', type: 'timestamptz' }) openTime: Date;
  @Column({ type: 'numeric' }) open: string;
  @Column({ type: 'numeric' }) high: string;
  @Column({ type: 'numeric' }) low: string;
  @Column({ type: 'numeric' }) close: string;
  @Column({ type: 'numeric', nullable: true }) volume: string | null;
}
