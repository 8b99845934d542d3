import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the execution service did on each emergency stop and resume. */
@Entity('halt_events')
export class HaltEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'boolean' }) halted: boolean;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'requested_by', type: 'text', nullable: true }) requestedBy: string | null;
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
  @Column({ name: 'cancelled_orders', type: 'integer', default: 0 }) cancelledOrders: number;
  @Column({ name: 'cancelled_algorithms', type: 'integer', default: 0 }) cancelledAlgorithms: number;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
