import { DataSource } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { deserializeEvent, serializeEvent, type StoredEvent, type TradingEvent } from '@meridian/trading';

export interface LoggedEvent {
  sequence: number;
  event: TradingEvent;
}

const COLUMNS = 9;

/**
 * The append-only trading event log. A batch of events is one INSERT statement, so it is
 * committed whole or not at all, in one round trip; nothing is acknowledged before it returns.
 */
@Injectable()
export class TradingEventStore {
  constructor(private readonly dataSource: DataSource) {}

  async append(events: readonly TradingEvent[], symbolOf: (event: TradingEvent) => string | null): Promise<LoggedEvent[]> {
    if (events.length === 0) return [];
    const params: unknown[] = [];
    const rows: string[] = [];
    events.forEach((event, i) => {
      const stored = serializeEvent(event);
      const b = i * COLUMNS;
      rows.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::numeric, $${b + 6}::numeric, $${b + 7}::numeric, $${b + 8}::jsonb, $${b + 9})`);
      const isFill = event.type === 'order.filled';
      params.push(
        event.accountId,
        'orderId' in event ? event.orderId : null,
        symbolOf(event),
        event.type,
        isFill ? (stored.quantity as string) : null,
        isFill ? (stored.price as string) : null,
        isFill ? (stored.fee as string) : null,
        JSON.stringify(stored),
        new Date(event.at),
      );
    });
    const sql = `INSERT INTO trading_events (account_id, order_id, symbol, type, quantity, price, fee, payload, at) VALUES ${rows.join(', ')} RETURNING sequence`;
    const inserted = (await this.dataSource.query(sql, params)) as { sequence: string }[];
    return inserted.map((row, i) => ({ sequence: Number(row.sequence), event: events[i] }));
  }

  /** The whole log in order, in pages (a restart replays it into memory). */
  async *readAll(pageSize = 5_000): AsyncGenerator<LoggedEvent> {
    let after = 0;
    for (;;) {
      const rows = (await this.dataSource.query('SELECT sequence, payload FROM trading_events WHERE sequence > $1 ORDER BY sequence LIMIT $2', [after, pageSize])) as { sequence: string; payload: StoredEvent }[];
      for (const row of rows) yield { sequence: Number(row.sequence), event: deserializeEvent(row.payload) };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1].sequence);
    }
  }
}
