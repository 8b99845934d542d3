import { DataSource } from 'typeorm';
import { Dec } from '@meridian/trading';
import type { BuyIntent, BuySent, IntentJournal, JournalEntry } from '@meridian/venues';

/** The order an intent belongs to; the bridge names it before it asks the venue to buy. */
export interface IntentContext {
  orderId: string;
  accountId: string;
  symbol: string;
  /** The order's quantity: the units the contract stands for in the platform's position. */
  quantity: Dec;
}

export type IntentState = 'recorded' | 'sent' | 'resolved' | 'failed';

/** One row of deriv_intents, typed. */
export interface DerivIntentRow {
  intentId: string;
  orderId: string;
  accountId: string;
  symbol: string;
  quantity: Dec;
  intent: BuyIntent;
  sent: BuySent | null;
  state: IntentState;
  contractId: string | null;
  reason: string | null;
  entryPrice: Dec | null;
  fillOrderId: string | null;
  closeOrderId: string | null;
  soldFor: Dec | null;
  closeStatus: string | null;
  recordedAt: Date;
  closedAt: Date | null;
}

interface RawRow {
  intent_id: string;
  order_id: string;
  account_id: string;
  symbol: string;
  quantity: string;
  request: BuyIntent;
  sent: BuySent | null;
  state: IntentState;
  contract_id: string | null;
  reason: string | null;
  entry_price: string | null;
  fill_order_id: string | null;
  close_order_id: string | null;
  sold_for: string | null;
  close_status: string | null;
  recorded_at: Date;
  closed_at: Date | null;
}

const dec = (v: string | null) => (v === null ? null : new Dec(v));

function toRow(r: RawRow): DerivIntentRow {
  return {
    intentId: r.intent_id,
    orderId: r.order_id,
    accountId: r.account_id,
    symbol: r.symbol,
    quantity: new Dec(r.quantity),
    intent: r.request,
    sent: r.sent,
    state: r.state,
    contractId: r.contract_id,
    reason: r.reason,
    entryPrice: dec(r.entry_price),
    fillOrderId: r.fill_order_id,
    closeOrderId: r.close_order_id,
    soldFor: dec(r.sold_for),
    closeStatus: r.close_status,
    recordedAt: r.recorded_at,
    closedAt: r.closed_at,
  };
}

/**
 * The intent journal in PostgreSQL (table deriv_intents, one row per order of the Deriv account),
 * scoped to one Deriv account. It implements the venue's {@link IntentJournal} — every write is
 * awaited by the venue before it goes on, so the row exists before the proposal and says `sent`
 * before the buy leaves — and adds what the bridge needs to follow the contract afterwards.
 */
export class PgIntentJournal implements IntentJournal {
  private readonly contexts = new Map<string, IntentContext>();

  constructor(
    private readonly dataSource: DataSource,
    readonly derivAccountId: string,
  ) {}

  /** Names the order of the next intent with this id (the venue's record() carries no order). */
  prepare(intentId: string, context: IntentContext): void {
    this.contexts.set(intentId, context);
  }

  forget(intentId: string): void {
    this.contexts.delete(intentId);
  }

  // ---- IntentJournal ----

  async record(intent: BuyIntent): Promise<void> {
    const ctx = this.contexts.get(intent.intentId);
    if (!ctx) throw new RangeError(`intent ${intent.intentId} has no order context; the bridge must prepare() it`);
    // A second intent for one order fails on the primary key: an order is never bought twice.
    await this.dataSource.query(
      `INSERT INTO deriv_intents (intent_id, order_id, account_id, deriv_account_id, symbol, quantity, request, state) VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::jsonb, 'recorded')`,
      [intent.intentId, ctx.orderId, ctx.accountId, this.derivAccountId, ctx.symbol, ctx.quantity.toFixed(), JSON.stringify(intent)],
    );
  }

  async markSent(intentId: string, sent: BuySent): Promise<void> {
    await this.update(`UPDATE deriv_intents SET state = 'sent', sent = $2::jsonb, sent_at = now(), updated_at = now() WHERE intent_id = $1 AND state = 'recorded'`, [intentId, JSON.stringify(sent)], intentId, 'sent');
  }

  async markResolved(intentId: string, contractId: string): Promise<void> {
    await this.update(
      `UPDATE deriv_intents SET state = 'resolved', contract_id = $2, resolved_at = now(), updated_at = now() WHERE intent_id = $1 AND state IN ('recorded', 'sent', 'resolved')`,
      [intentId, contractId],
      intentId,
      'resolved',
    );
  }

  async markFailed(intentId: string, reason: string): Promise<void> {
    await this.update(`UPDATE deriv_intents SET state = 'failed', reason = $2, updated_at = now() WHERE intent_id = $1 AND state IN ('recorded', 'sent')`, [intentId, reason.slice(0, 2000)], intentId, 'failed');
  }

  async listUnresolved(): Promise<JournalEntry[]> {
    const rows = (await this.dataSource.query(`SELECT request, state, sent FROM deriv_intents WHERE deriv_account_id = $1 AND state IN ('recorded', 'sent') ORDER BY recorded_at, intent_id`, [this.derivAccountId])) as Pick<RawRow, 'request' | 'state' | 'sent'>[];
    return rows.map((r) => ({ intent: r.request, state: r.state as 'recorded' | 'sent', ...(r.sent ? { sent: r.sent } : {}) }));
  }

  async knownContractIds(): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT contract_id FROM deriv_intents WHERE deriv_account_id = $1 AND contract_id IS NOT NULL`, [this.derivAccountId])) as { contract_id: string }[];
    return rows.map((r) => r.contract_id);
  }

  // ---- the bridge's own reads and writes ----

  async get(intentId: string): Promise<DerivIntentRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM deriv_intents WHERE intent_id = $1`, [intentId])) as RawRow[];
    return rows[0] && toRow(rows[0]);
  }

  async byContract(contractId: string): Promise<DerivIntentRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM deriv_intents WHERE deriv_account_id = $1 AND contract_id = $2`, [this.derivAccountId, contractId])) as RawRow[];
    return rows[0] && toRow(rows[0]);
  }

  /** Rows of these orders (any state). */
  async byOrders(orderIds: readonly string[]): Promise<DerivIntentRow[]> {
    if (orderIds.length === 0) return [];
    const rows = (await this.dataSource.query(`SELECT * FROM deriv_intents WHERE order_id = ANY($1::uuid[])`, [orderIds])) as RawRow[];
    return rows.map(toRow);
  }

  /** Contracts the platform holds as open, oldest first. */
  async openContracts(): Promise<DerivIntentRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM deriv_intents WHERE deriv_account_id = $1 AND state = 'resolved' AND closed_at IS NULL ORDER BY resolved_at, recorded_at, intent_id`,
      [this.derivAccountId],
    )) as RawRow[];
    return rows.map(toRow);
  }

  /** Resolved rows whose opening fill is not booked yet (a crash between the buy and the booking). */
  async unbooked(): Promise<DerivIntentRow[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM deriv_intents WHERE deriv_account_id = $1 AND state = 'resolved' AND filled_at IS NULL ORDER BY recorded_at`, [this.derivAccountId])) as RawRow[];
    return rows.map(toRow);
  }

  async markFilled(intentId: string, entryPrice: Dec, fillOrderId: string): Promise<void> {
    await this.dataSource.query(`UPDATE deriv_intents SET entry_price = $2::numeric, fill_order_id = $3, filled_at = now(), updated_at = now() WHERE intent_id = $1`, [intentId, entryPrice.toFixed(), fillOrderId]);
  }

  /** Before a sell is sent: which order closes the contract. */
  async markClosing(contractId: string, closeOrderId: string): Promise<void> {
    await this.dataSource.query(`UPDATE deriv_intents SET close_order_id = $3, closing_at = now(), updated_at = now() WHERE deriv_account_id = $1 AND contract_id = $2 AND closed_at IS NULL`, [
      this.derivAccountId,
      contractId,
      closeOrderId,
    ]);
  }

  /** The sell did not happen (Deriv refused it): the contract is open and no order closes it. */
  async clearClosing(contractId: string): Promise<void> {
    await this.dataSource.query(`UPDATE deriv_intents SET close_order_id = NULL, closing_at = NULL, updated_at = now() WHERE deriv_account_id = $1 AND contract_id = $2 AND closed_at IS NULL`, [this.derivAccountId, contractId]);
  }

  async markClosed(contractId: string, soldFor: Dec, status: string, closeOrderId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE deriv_intents SET sold_for = $3::numeric, close_status = $4, close_order_id = $5, closed_at = now(), updated_at = now() WHERE deriv_account_id = $1 AND contract_id = $2 AND closed_at IS NULL`,
      [this.derivAccountId, contractId, soldFor.toFixed(), status, closeOrderId],
    );
  }

  private async update(sql: string, params: unknown[], intentId: string, to: IntentState): Promise<void> {
    const result = (await this.dataSource.query(sql, params)) as [unknown[], number] | unknown[];
    const affected = Array.isArray(result) && result.length === 2 && typeof result[1] === 'number' ? result[1] : undefined;
    if (affected === 0) throw new RangeError(`intent ${intentId} cannot become ${to}: it is not in the journal in a state that allows it`);
  }
}
