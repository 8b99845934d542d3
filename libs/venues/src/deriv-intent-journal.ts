/**
 * Deriv has no client order id: a buy whose answer is lost (connection dropped, timeout) leaves
 * no key by which to ask "did my order go through?". So the adapter writes every buy to a journal
 * *before* it is sent, and a lost buy is never sent again — it is resolved later by finding its
 * contract in `portfolio` (same symbol, contract type and price, bought within a window after
 * the intent was recorded, and not already owned by another intent).
 *
 * The journal is the caller's (a table next to its orders); {@link InMemoryIntentJournal} is a
 * reference implementation for tests and tools. {@link matchLostBuys} is the pure matching rule.
 */
import Decimal from 'decimal.js';
import type { MultiplierContractType, PositionDirection, VenueContract } from './deriv-trading-types';
import { sameAmount } from './deriv-trading-types';

/** What the caller meant to buy, recorded before anything is sent. */
export interface BuyIntent {
  intentId: string;
  symbol: string;
  direction: PositionDirection;
  contractType: MultiplierContractType;
  currency: string;
  stake: string;
  multiplier: number;
  takeProfit: string | null;
  stopLoss: string | null;
  /** Clock reading when the intent was recorded (ms). */
  recordedAtMs: number;
}

/** Written just before the buy goes out: from here on the buy may have happened. */
export interface BuySent {
  proposalId: string;
  /** The proposal's price (for multipliers, the stake). */
  askPrice: string;
  /** The `price` sent with the buy (the most Deriv may charge). */
  maxPrice: string;
  sentAtMs: number;
}

export interface JournalEntry {
  intent: BuyIntent;
  /** `recorded`: the buy was never sent (safe to call failed). `sent`: its outcome is unknown. */
  state: 'recorded' | 'sent';
  sent?: BuySent;
}

/**
 * Storage of buy intents, owned by the caller. Every method may be synchronous or return a
 * promise; the adapter awaits each write before going on, so a write that fails stops the buy.
 */
export interface IntentJournal {
  /** Before the proposal: the intent exists. */
  record(intent: BuyIntent): Promise<void> | void;
  /** Before the buy is written to the socket. */
  markSent(intentId: string, sent: BuySent): Promise<void> | void;
  /** The buy is known to have produced this contract (from its answer or from `portfolio`). */
  markResolved(intentId: string, contractId: string): Promise<void> | void;
  /** The buy is known not to have happened (Deriv refused it, or it was never sent). */
  markFailed(intentId: string, reason: string): Promise<void> | void;
  /** Entries neither resolved nor failed. */
  listUnresolved(): Promise<readonly JournalEntry[]> | readonly JournalEntry[];
  /** Contract ids already owned by an order (resolved intents, stored positions): never matched again. */
  knownContractIds(): Promise<Iterable<string>> | Iterable<string>;
}

export interface InMemoryJournalRecord {
  intent: BuyIntent;
  state: 'recorded' | 'sent' | 'resolved' | 'failed';
  sent?: BuySent;
  contractId?: string;
  failure?: string;
}

/** A journal in memory (tests, tools). A real one persists beside the orders it belongs to. */
export class InMemoryIntentJournal implements IntentJournal {
  private readonly records = new Map<string, InMemoryJournalRecord>();

  record(intent: BuyIntent): void {
    if (this.records.has(intent.intentId)) throw new RangeError(`intent ${intent.intentId} is already in the journal`);
    this.records.set(intent.intentId, { intent: { ...intent }, state: 'recorded' });
  }

  markSent(intentId: string, sent: BuySent): void {
    const r = this.require(intentId);
    r.state = 'sent';
    r.sent = { ...sent };
  }

  markResolved(intentId: string, contractId: string): void {
    const r = this.require(intentId);
    r.state = 'resolved';
    r.contractId = contractId;
  }

  markFailed(intentId: string, reason: string): void {
    const r = this.require(intentId);
    r.state = 'failed';
    r.failure = reason;
  }

  listUnresolved(): JournalEntry[] {
    return [...this.records.values()]
      .filter((r) => r.state === 'recorded' || r.state === 'sent')
      .map((r) => ({ intent: { ...r.intent }, state: r.state as 'recorded' | 'sent', ...(r.sent ? { sent: { ...r.sent } } : {}) }));
  }

  knownContractIds(): string[] {
    return [...this.records.values()].flatMap((r) => (r.contractId ? [r.contractId] : []));
  }

  /** One entry in any state (inspection). */
  get(intentId: string): InMemoryJournalRecord | undefined {
    const r = this.records.get(intentId);
    return r && { ...r, intent: { ...r.intent } };
  }

  private require(intentId: string): InMemoryJournalRecord {
    const r = this.records.get(intentId);
    if (!r) throw new RangeError(`intent ${intentId} is not in the journal`);
    return r;
  }
}

export interface LostBuyMatchOptions {
  /** How long after the intent was recorded (or the buy sent) its contract may have been bought. */
  windowMs: number;
  /** Tolerated difference between our clock and Deriv's `purchase_time` (whole seconds). */
  clockSkewMs: number;
}

export type LostBuyMatch =
  | { intentId: string; outcome: 'matched'; contract: VenueContract }
  /** No open contract fits: not bought, or bought and already closed (portfolio lists open ones only). */
  | { intentId: string; outcome: 'unmatched' }
  /** More look-alike contracts than intents: one is someone else's, and which one cannot be told. */
  | { intentId: string; outcome: 'ambiguous'; candidateContractIds: string[] };

/** Could `contract` be the result of the buy of `entry`? */
export function contractFitsIntent(entry: JournalEntry, contract: VenueContract, options: LostBuyMatchOptions): boolean {
  const { intent, sent } = entry;
  if (contract.symbol !== intent.symbol || contract.contractType !== intent.contractType) return false;
  if (contract.currency && intent.currency && contract.currency !== intent.currency) return false;
  // For a multiplier the buy price is the stake; the proposal's ask price is accepted as well.
  if (!sameAmount(contract.buyPrice, intent.stake) && !(sent && sameAmount(contract.buyPrice, sent.askPrice))) return false;
  const earliest = intent.recordedAtMs - options.clockSkewMs;
  const latest = Math.max(intent.recordedAtMs, sent?.sentAtMs ?? 0) + options.windowMs + options.clockSkewMs;
  if (!(contract.purchaseTimeMs >= earliest && contract.purchaseTimeMs <= latest)) return false;
  // Details, where fetched, must agree too.
  if (contract.multiplier !== undefined && contract.multiplier !== intent.multiplier) return false;
  if (contract.takeProfit !== undefined && !sameAmount(contract.takeProfit, intent.takeProfit)) return false;
  if (contract.stopLoss !== undefined && !sameAmount(contract.stopLoss, intent.stopLoss)) return false;
  return true;
}

/** Intents that would be indistinguishable on Deriv's side. */
function signature(intent: BuyIntent): string {
  const amount = (v: string | null) => (v === null ? '-' : new Decimal(v).toFixed());
  return [intent.symbol, intent.contractType, intent.currency, amount(intent.stake), intent.multiplier, amount(intent.takeProfit), amount(intent.stopLoss)].join('|');
}

/**
 * Pairs sent-but-unanswered buys with open contracts. Pure: same input, same answer.
 *
 * Intents are taken oldest first; each one's candidates are the open contracts that fit it and
 * are neither known (owned by an order) nor taken by an earlier intent. One candidate: matched.
 * Several: if there are no more of them than intents of the same signature still waiting, they
 * are interchangeable and the earliest is taken; otherwise the match is ambiguous and left alone,
 * because a wrong attribution is worse than an alert.
 */
export function matchLostBuys(entries: readonly JournalEntry[], contracts: readonly VenueContract[], knownContractIds: ReadonlySet<string>, options: LostBuyMatchOptions): LostBuyMatch[] {
  const pending = entries.filter((e) => e.state === 'sent').sort((a, b) => a.intent.recordedAtMs - b.intent.recordedAtMs || a.intent.intentId.localeCompare(b.intent.intentId));
  const taken = new Set<string>();
  const results: LostBuyMatch[] = [];
  pending.forEach((entry, index) => {
    const candidates = contracts
      .filter((c) => !knownContractIds.has(c.contractId) && !taken.has(c.contractId) && contractFitsIntent(entry, c, options))
      .sort((a, b) => a.purchaseTimeMs - b.purchaseTimeMs || a.contractId.localeCompare(b.contractId));
    const id = entry.intent.intentId;
    if (candidates.length === 0) {
      results.push({ intentId: id, outcome: 'unmatched' });
      return;
    }
    const sig = signature(entry.intent);
    const twinsWaiting = pending.slice(index).filter((e) => signature(e.intent) === sig).length;
    if (candidates.length > twinsWaiting) {
      results.push({ intentId: id, outcome: 'ambiguous', candidateContractIds: candidates.map((c) => c.contractId) });
      return;
    }
    taken.add(candidates[0].contractId);
    results.push({ intentId: id, outcome: 'matched', contract: candidates[0] });
  });
  return results;
}
