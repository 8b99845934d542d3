import { DataSource, type EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@meridian/persistence';
import { deserializeEvent, serializeEvent, type StoredEvent, type TradingEvent } from '@meridian/trading';

export interface LoggedEvent {
  sequence: number;
  event: TradingEvent;
}

const COLUMNS = 10;
/** Rows per INSERT statement (PostgreSQL takes at most 65 535 parameters per statement). */
const ROWS_PER_STATEMENT = 5_000;
/** Batches up to this many events use a prepared statement per size (group commits are mostly a few events). */
const PREPARED_UP_TO = 32;

const statements = new Map<number, string>();
/** The INSERT for a batch of `rows` events (built once per size). */
function insertStatement(rows: number): string {
  let text = statements.get(rows);
  if (text) return text;
  const tuples: string[] = [];
  for (let i = 0; i < rows; i++) {
    const b = i * COLUMNS;
    tuples.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::numeric, $${b + 7}::numeric, $${b + 8}::numeric, $${b + 9}::jsonb, $${b + 10})`);
  }
  text = `INSERT INTO trading_events (sequence, account_id, order_id, symbol, type, quantity, price, fee, payload, at) VALUES ${tuples.join(', ')}`;
  if (rows <= PREPARED_UP_TO) statements.set(rows, text);
  return text;
}

/**
 * The append-only trading event log. The engine numbers events itself (it is the only writer),
 * so a batch of events from many orders is written in one statement (one transaction when larger),
 * committed whole or not at all.
 */
@Injectable()
export class TradingEventStore {
  constructor(private readonly dataSource: DataSource) {}

  async write(batch: readonly LoggedEvent[], symbolOf: (logged: LoggedEvent) => string | null): Promise<void> {
    if (batch.length === 0) return;
    if (batch.length <= ROWS_PER_STATEMENT) return this.insert(this.dataSource.manager, batch, symbolOf);
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < batch.length; i += ROWS_PER_STATEMENT) await this.insert(manager, batch.slice(i, i + ROWS_PER_STATEMENT), symbolOf);
    });
  }

  private async insert(manager: EntityManager, batch: readonly LoggedEvent[], symbolOf: (logged: LoggedEvent) => string | null): Promise<void> {
    const values: unknown[] = [];
    for (const logged of batch) {
      const { event } = logged;
      const stored = serializeEvent(event);
      const isFill = event.type === 'order.filled';
      values.push(
        logged.sequence,
        event.accountId,
        'orderId' in event ? event.orderId : null,
        symbolOf(logged),
        event.type,
        isFill ? (stored.quantity as string) : null,
        isFill ? (stored.price as string) : null,
        isFill ? (stored.fee as string) : null,
        JSON.stringify(stored),
        new Date(event.at),
      );
    }
    const text = insertStatement(batch.length);
    if (manager.queryRunner || batch.length > PREPARED_UP_TO) {
      await manager.query(text, values);
      return;
    }
    // The append is the one statement on every order's path: prepared per batch size, PostgreSQL
    // spends about a third less CPU on it (measured here).
    await preparedQuery(this.dataSource, `trading_events_append_${batch.length}`, text, values);
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

/**
 * Group commit: events decided while a write is in flight wait for the next write, which takes
 * all of them at once, so the log keeps up with hundreds of orders a second on one connection.
 * A failed write fails its batch and everything after it until the owner has rebuilt its state.
 */
export class GroupCommit {
  private pending: LoggedEvent[] = [];
  /** What to announce once the pending events are written, in order. */
  private pendingNotices: (() => void)[] = [];
  private waiting: { promise: Promise<void>; resolve: () => void; reject: (err: Error) => void } | null = null;
  private flushing = false;
  failure: Error | null = null;

  constructor(
    private readonly write: (batch: LoggedEvent[]) => Promise<void>,
    private readonly onFailure: (err: Error) => void,
    /** Runs after each successful write with the notices of its events (one announcement per write). */
    private readonly onWritten: (notices: (() => void)[]) => void = (notices) => notices.forEach((n) => n()),
    /** Told how long each successful write took (seconds) and how many events it carried. */
    private readonly onWriteTimed: (seconds: number, events: number) => void = () => undefined,
    /** An announcement threw (a listener's bug): the events are durable all the same. */
    private readonly onAnnounceError: (err: Error) => void = () => undefined,
  ) {}

  /** Resolves once these events (and all before them) are in the database. */
  append(events: LoggedEvent[], notice?: () => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.pending.push(...events);
    if (notice) this.pendingNotices.push(notice);
    if (!this.waiting) {
      let resolve!: () => void;
      let reject!: (err: Error) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => undefined); // a failure is reported to every waiter, not as an unhandled rejection
      this.waiting = { promise, resolve, reject };
    }
    const promise = this.waiting.promise;
    if (!this.flushing) void this.flush();
    return promise;
  }

  /** After the owner rebuilt its state from the log: accept writes again. */
  reset(): void {
    this.failure = null;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      const notices = this.pendingNotices;
      const waiting = this.waiting as NonNullable<GroupCommit['waiting']>;
      this.pending = [];
      this.pendingNotices = [];
      this.waiting = null;
      try {
        const started = performance.now();
        await this.write(batch);
        this.onWriteTimed((performance.now() - started) / 1000, batch.length);
        waiting.resolve();
        // Announcements (listeners, the batch for the gateway) run after the answers waiting for
        // this write have gone out: the acknowledgements are the latency that matters. Immediates
        // run in order, and before the next write can complete, so announcements keep log order.
        setImmediate(() => {
          try {
            this.onWritten(notices);
          } catch (err) {
            this.onAnnounceError(err as Error);
          }
        });
      } catch (err) {
        this.failure = err as Error;
        waiting.reject(this.failure);
        // Events decided after this batch stood on it: they fail with it.
        const later = this.waiting as GroupCommit['waiting'];
        later?.reject(this.failure);
        this.pending = [];
        this.pendingNotices = [];
        this.waiting = null;
        this.onFailure(this.failure);
      }
    }
    this.flushing = false;
  }
}
