/**
 * Order execution on Deriv (options platform, current API): positions are multiplier contracts
 * on an authenticated socket whose URL comes from the OTP endpoint (see deriv-otp.ts).
 *
 * | platform                                | Deriv call (request → answer used)                                                                                  |
 * |-----------------------------------------|---------------------------------------------------------------------------------------------------------------------|
 * | connect                                 | `POST /trading/v1/options/accounts/{accountId}/otp` (Bearer token, `Deriv-App-ID`) → `data.url`; open that socket    |
 * | openPosition: price                     | `{proposal: 1, amount, basis: 'stake', contract_type, currency, underlying_symbol, multiplier, limit_order: {take_profit, stop_loss}}` → `proposal.id`, `proposal.ask_price` |
 * | openPosition: buy                       | `{buy: <proposal id>, price: <max price>}` → `buy.contract_id`, `buy_price`, `purchase_time` (s), `transaction_id`, `balance_after` |
 * | long / short                            | `contract_type` `MULTUP` / `MULTDOWN`                                                                               |
 * | updateLimits                            | `{contract_update: 1, contract_id, limit_order: {take_profit?, stop_loss?}}` (null cancels) → `contract_update.{take_profit,stop_loss}.order_amount` |
 * | closePosition                           | `{sell: <contract id>, price: 0}` (0 = at market) → `sell.sold_for`, `balance_after`, `transaction_id`               |
 * | portfolio                               | `{portfolio: 1}` → `portfolio.contracts[]`: `contract_id`, `contract_type`, `underlying_symbol`, `currency`, `buy_price`, `purchase_time`, `transaction_id` |
 * | contractDetails / followContract        | `{proposal_open_contract: 1, contract_id, subscribe?: 1}` → `status`, `is_sold`, `profit`, `bid_price`, `multiplier`, `limit_order.{take_profit,stop_loss,stop_out}.order_amount`, `sell_price`, `sell_time`; stream by `subscription.id`; `forget` to stop |
 *
 * Field names follow Deriv's published schemas and migration notes (`underlying_symbol` replaces
 * `symbol`; `loginid` is gone; amounts may come as number or string). Take profit and stop loss
 * are amounts of money (profit / loss), not price levels; Deriv reports stop loss and stop out as
 * negative `order_amount`s, read here as positive amounts. Assumed where no document was found:
 * the trading error codes `ContractIsSold`, `PriceMoved`, `ContractNotFound` (the adapter
 * only relies on `ContractIsSold`/`InvalidSellContractProposal` to recognise a contract already closed).
 *
 * Safety rules, the reason this class exists:
 * - A buy is recorded in the caller's {@link IntentJournal} before its proposal, and marked sent
 *   before it is written to the socket. A buy is never sent twice: not after a rate-limit reply
 *   (it fails), not after a drop or a timeout (its outcome is resolved from `portfolio`).
 * - Reads (proposal, portfolio, proposal_open_contract) and contract_update (absolute values,
 *   serialised per contract) are idempotent: retried after rate-limit replies with backoff and
 *   sent again after a reconnect. Buy and sell are not.
 * - A reconnect asks the OTP endpoint for a fresh URL (the old one was single-use).
 */
import Decimal from 'decimal.js';
import { Clock, systemClock, VenueStatus } from '@meridian/market-data';
import { DerivConnection } from './deriv-connection';
import { DerivApiError, DerivMessage } from './deriv-protocol';
import { DerivOtpRequest, requestTradingSocketUrl } from './deriv-otp';
import { BuyIntent, BuySent, contractFitsIntent, IntentJournal, JournalEntry, LostBuyMatch, LostBuyMatchOptions, matchLostBuys } from './deriv-intent-journal';
import { ContractDifference, reconcileContracts, StoredContract } from './deriv-reconcile';
import { BuyReceipt, readBuyReceipt, readOpenContract, readPortfolio, readProposal, readSellReceipt, readUpdatedLimits } from './deriv-trading-protocol';
import {
  ClosedPosition,
  CONTRACT_TYPE_FOR_DIRECTION,
  ContractState,
  LimitsUpdate,
  OpenedPosition,
  OpenPositionRequest,
  parsePositiveAmount,
  UpdatedLimits,
  VenueContract,
  wireAmount,
} from './deriv-trading-types';
import { safeCall, StatusHub } from './status';

/** Client-side budgets: pricing = proposal; orders = buy, sell, contract_update; account = portfolio, proposal_open_contract, forget. */
export type DerivTradingCallClass = 'pricing' | 'orders' | 'account';
export type DerivTradingRateLimits = Record<DerivTradingCallClass, number>;

/**
 * 150 calls a minute together, under Deriv's published 220 per minute for "all other calls"
 * (the same margin the market-data venue keeps); orders get the smallest share because a
 * burst of buys is the last thing to let through unchecked.
 */
export const DEFAULT_DERIV_TRADING_RATE_LIMITS: Readonly<DerivTradingRateLimits> = Object.freeze({ pricing: 60, orders: 30, account: 60 });

export interface DerivTradingOptions {
  /** DERIV_APP_ID, sent as `Deriv-App-ID` to the OTP endpoint. */
  appId: string;
  /** DERIV_API_TOKEN: a personal access token (or OAuth token) with the trade scope. */
  apiToken: string;
  /** The options trading account (demo or real), e.g. `DOT90004580`. */
  accountId: string;
  /** Default `https://api.derivws.com`. */
  restBaseUrl?: string;
  /** Where buy intents are written before they are sent (see deriv-intent-journal.ts). */
  journal: IntentJournal;
  /** Global fetch by default (tests may inject one). */
  fetch?: typeof fetch;
  otpTimeoutMs?: number;
  /** connect() fails if the socket is not open by then; default `requestTimeoutMs`. */
  connectTimeoutMs?: number;
  pingIntervalMs?: number;
  /** A call without an answer by then fails (Timeout, or AnswerLost for a buy/sell already sent). Default 30 000. */
  requestTimeoutMs?: number;
  reconnectBaseMs?: number;
  reconnectCapMs?: number;
  rateLimits?: Partial<DerivTradingRateLimits>;
  rateLimitWindowMs?: number;
  rateLimitRetryBaseMs?: number;
  rateLimitRetryCapMs?: number;
  rateLimitMaxRetries?: number;
  /** A lost buy's contract must have been bought within this long after the intent; default 120 000 ms. */
  lostBuyWindowMs?: number;
  /** Tolerated offset between our clock and Deriv's (its purchase_time has whole seconds); default 5 000 ms. */
  clockSkewMs?: number;
  clock?: Clock;
  random?: () => number;
  /** Failures nobody awaits: a journal write after a successful buy, a failed re-subscription, a listener's throw. */
  onError?: (err: unknown) => void;
}

export type LostBuyResolution =
  | { intentId: string; outcome: 'resolved'; contractId: string; contract: VenueContract }
  /** Recorded but never sent (markSent was not reached): marked failed in the journal. */
  | { intentId: string; outcome: 'not-sent' }
  /** Not open on Deriv: never bought, or bought and already closed. Left unresolved for the caller. */
  | { intentId: string; outcome: 'unmatched' }
  /** Several look-alike contracts: left unresolved, for a person to decide. */
  | { intentId: string; outcome: 'ambiguous'; candidateContractIds: string[] };

interface Follow {
  readonly contractId: string;
  readonly listeners: Set<(state: ContractState) => void>;
  subscriptionId?: string;
  inFlight?: Promise<void>;
  last?: ContractState;
}

const SOLD_CODES = new Set(['ContractIsSold', 'InvalidSellContractProposal']);

function hasCode(err: unknown, ...codes: string[]): err is DerivApiError {
  return err instanceof DerivApiError && codes.includes(err.code);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function requireContractId(contractId: string): number {
  if (typeof contractId !== 'string' || !/^[1-9]\d*$/.test(contractId)) throw new RangeError(`contract id must be a string of digits, got ${JSON.stringify(contractId)}`);
  return Number(contractId);
}

export class DerivTradingVenue {
  readonly accountId: string;
  private readonly journal: IntentJournal;
  private readonly connection: DerivConnection<DerivTradingCallClass>;
  private readonly clock: Clock;
  private readonly matchOptions: LostBuyMatchOptions;
  private readonly onError: (err: unknown) => void;
  private readonly status = new StatusHub({ state: 'reconnecting', attempt: 0, reason: 'not connected yet' });
  /** Intents whose openPosition is running here: resolution must not touch them. */
  private readonly inFlightIntents = new Set<string>();
  private readonly follows = new Map<string, Follow>();
  private readonly followBySubscription = new Map<string, string>();
  /** Per-contract queue of updates and sells, so an older update never lands after a newer one. */
  private readonly contractQueues = new Map<string, Promise<unknown>>();
  private closed = false;

  /**
   * Obtains a one-time socket URL (a bad token or app id fails here, with Deriv's reason) and opens
   * the authenticated trading socket.
   */
  static async connect(options: DerivTradingOptions): Promise<DerivTradingVenue> {
    for (const key of ['appId', 'apiToken', 'accountId'] as const) {
      if (typeof options[key] !== 'string' || options[key].trim() === '') throw new RangeError(`DerivTradingVenue needs ${key}`);
    }
    if (!options.journal) throw new RangeError('DerivTradingVenue needs an intent journal');
    const otp: DerivOtpRequest = {
      appId: options.appId,
      apiToken: options.apiToken,
      accountId: options.accountId,
      restBaseUrl: options.restBaseUrl,
      timeoutMs: options.otpTimeoutMs,
      fetch: options.fetch,
    };
    const firstUrl = await requestTradingSocketUrl(otp);
    const venue = new DerivTradingVenue(options, firstUrl, () => requestTradingSocketUrl(otp));
    try {
      await venue.waitUntilConnected(options.connectTimeoutMs ?? options.requestTimeoutMs ?? 30_000);
    } catch (err) {
      await venue.close();
      throw err;
    }
    return venue;
  }

  private constructor(options: DerivTradingOptions, firstUrl: string, refreshUrl: () => Promise<string>) {
    this.accountId = options.accountId;
    this.journal = options.journal;
    this.clock = options.clock ?? systemClock;
    this.onError = options.onError ?? (() => undefined);
    this.matchOptions = { windowMs: options.lostBuyWindowMs ?? 120_000, clockSkewMs: options.clockSkewMs ?? 5_000 };
    this.connection = new DerivConnection<DerivTradingCallClass>({
      url: firstUrl,
      refreshUrl,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      reconnectBaseMs: options.reconnectBaseMs ?? 500,
      reconnectCapMs: options.reconnectCapMs ?? 30_000,
      rateLimits: { ...DEFAULT_DERIV_TRADING_RATE_LIMITS, ...options.rateLimits },
      rateLimitWindowMs: options.rateLimitWindowMs ?? 60_000,
      rateLimitRetryBaseMs: options.rateLimitRetryBaseMs ?? 2_000,
      rateLimitRetryCapMs: options.rateLimitRetryCapMs ?? 60_000,
      rateLimitMaxRetries: options.rateLimitMaxRetries ?? 6,
      random: options.random ?? Math.random,
      onStatus: (s) => this.status.emit(s),
      onUnsolicited: (m) => this.handleStream(m),
      onReconnected: () => this.refollowAll(),
      onError: (err) => this.reportError(err),
    });
  }

  get currentStatus(): VenueStatus {
    return this.status.current;
  }

  onStatus(listener: (status: VenueStatus) => void): void {
    this.status.add(listener);
  }

  /** Calls of a class waiting for client-side budget. */
  queuedCalls(cls: DerivTradingCallClass): number {
    return this.connection.queued(cls);
  }

  /**
   * Opens a multiplier contract: long → MULTUP, short → MULTDOWN. The intent is journaled first;
   * if the buy's answer is lost, the contract is looked for in `portfolio` (never bought again):
   * found → returned with `recovered: true`; not found → `DerivApiError('BuyOutcomeUnknown')`, and
   * the intent stays unresolved for {@link resolveLostBuys}. Any error reply of Deriv marks the
   * intent failed and is thrown.
   */
  async openPosition(request: OpenPositionRequest): Promise<OpenedPosition> {
    const intent = this.intentOf(request);
    const maxPrice = request.maxPrice === undefined ? undefined : parsePositiveAmount('maxPrice', request.maxPrice);
    if (this.closed) throw new DerivApiError('ConnectionClosed', '', 'buy');
    if (this.inFlightIntents.has(intent.intentId)) throw new RangeError(`intent ${intent.intentId} is already being bought`);
    this.inFlightIntents.add(intent.intentId);
    try {
      await this.journal.record(intent);
      let proposal: ReturnType<typeof readProposal>;
      try {
        proposal = readProposal(await this.request(this.proposalPayload(intent), 'pricing'));
      } catch (err) {
        await this.failIntent(intent.intentId, err);
        throw err;
      }
      const price = maxPrice ?? new Decimal(proposal.askPrice);
      const sent: BuySent = { proposalId: proposal.id, askPrice: proposal.askPrice, maxPrice: price.toFixed(), sentAtMs: this.clock.now() };
      await this.journal.markSent(intent.intentId, sent);
      let receipt: BuyReceipt;
      try {
        receipt = readBuyReceipt(await this.request({ buy: proposal.id, price: wireAmount(price) }, 'orders', false));
      } catch (err) {
        // AnswerLost: sent, no answer. InvalidResponse: answered without error but unreadable, so it went through.
        if (hasCode(err, 'AnswerLost', 'InvalidResponse')) return await this.recoverLostBuy({ intent, state: 'sent', sent }, err);
        await this.failIntent(intent.intentId, err); // an error reply: Deriv did not buy
        throw err;
      }
      await this.resolveIntent(this.journal, intent.intentId, receipt.contractId);
      return { ...this.positionBase(intent), contractId: receipt.contractId, buyPrice: receipt.buyPrice, purchaseTimeMs: receipt.purchaseTimeMs, transactionId: receipt.transactionId, balanceAfter: receipt.balanceAfter, recovered: false };
    } finally {
      this.inFlightIntents.delete(intent.intentId);
    }
  }

  /** Moves take profit / stop loss (amounts of money; null cancels). Returns what Deriv now holds. */
  async updateLimits(contractId: string, limits: LimitsUpdate): Promise<UpdatedLimits> {
    const id = requireContractId(contractId);
    const limitOrder: Record<string, number | null> = {};
    if (limits.takeProfit !== undefined) limitOrder.take_profit = limits.takeProfit === null ? null : wireAmount(parsePositiveAmount('takeProfit', limits.takeProfit));
    if (limits.stopLoss !== undefined) limitOrder.stop_loss = limits.stopLoss === null ? null : wireAmount(parsePositiveAmount('stopLoss', limits.stopLoss));
    if (Object.keys(limitOrder).length === 0) throw new RangeError('updateLimits needs takeProfit or stopLoss');
    return this.perContract(contractId, async () => {
      const reply = await this.request({ contract_update: 1, contract_id: id, limit_order: limitOrder }, 'orders');
      return { contractId, ...readUpdatedLimits(reply) };
    });
  }

  /**
   * Sells at market (`price: 0`). A lost answer is settled by looking at the contract: sold →
   * `via: 'recovered'`; still open → the lost sell did not happen, so it is sent once more (a
   * contract cannot be sold twice). A contract Deriv had already closed → `via: 'already-closed'`.
   */
  async closePosition(contractId: string): Promise<ClosedPosition> {
    const id = requireContractId(contractId);
    const sell = async () => this.closedFromReceipt(contractId, await this.request({ sell: id, price: 0 }, 'orders', false));
    return this.perContract(contractId, async () => {
      try {
        return await sell();
      } catch (err) {
        if (hasCode(err, ...SOLD_CODES)) return this.closedFromState(await this.contractDetails(contractId), 'already-closed');
        if (!hasCode(err, 'AnswerLost')) throw err;
      }
      const state = await this.contractDetails(contractId);
      if (state.isSold) return this.closedFromState(state, 'recovered');
      try {
        return await sell();
      } catch (err) {
        if (hasCode(err, ...SOLD_CODES)) return this.closedFromState(await this.contractDetails(contractId), 'recovered');
        throw err;
      }
    });
  }

  /** Open contracts of the account (`portfolio`); without multiplier and limit orders, which it does not carry. */
  async portfolio(): Promise<VenueContract[]> {
    return readPortfolio(await this.request({ portfolio: 1 }, 'account'));
  }

  /** One look at a contract (`proposal_open_contract` without subscribing), open or closed. */
  async contractDetails(contractId: string): Promise<ContractState> {
    const id = requireContractId(contractId);
    return readOpenContract(await this.request({ proposal_open_contract: 1, contract_id: id }, 'account'));
  }

  /**
   * Streams a contract's state (`proposal_open_contract` with subscribe): the current state first,
   * then every change, the last one with `isSold: true`. One Deriv stream per contract however
   * many followers; re-subscribed after a reconnect. Resolves with the function that stops it.
   */
  async followContract(contractId: string, onUpdate: (state: ContractState) => void): Promise<() => Promise<void>> {
    requireContractId(contractId);
    if (this.closed) throw new DerivApiError('ConnectionClosed', '', 'proposal_open_contract');
    let follow = this.follows.get(contractId);
    const joined = !!follow;
    if (!follow) {
      follow = { contractId, listeners: new Set() };
      this.follows.set(contractId, follow);
      this.startFollow(follow).catch(() => undefined); // awaited below through follow.inFlight
    }
    follow.listeners.add(onUpdate);
    if (follow.inFlight) {
      try {
        await follow.inFlight;
      } catch (err) {
        await this.unfollow(contractId, onUpdate);
        throw err;
      }
    } else if (joined && follow.last) {
      safeCall(onUpdate, follow.last, (e) => this.reportError(e));
    }
    let active = true;
    return async () => {
      if (!active) return;
      active = false;
      await this.unfollow(contractId, onUpdate);
    };
  }

  /**
   * Settles the journal's unresolved intents (after a restart, or after openPosition threw
   * BuyOutcomeUnknown): never-sent ones are marked failed; sent ones are matched against the open
   * contracts by symbol, contract type, price, purchase time window and (where fetched) multiplier
   * and limit orders, skipping contracts the journal already knows. Nothing is bought.
   */
  async resolveLostBuys(journal: IntentJournal = this.journal): Promise<LostBuyResolution[]> {
    const entries = (await journal.listUnresolved()).filter((e) => !this.inFlightIntents.has(e.intent.intentId));
    const results: LostBuyResolution[] = [];
    for (const entry of entries) {
      if (entry.state !== 'recorded') continue;
      await journal.markFailed(entry.intent.intentId, 'never sent: the intent was recorded but its buy was not marked sent');
      results.push({ intentId: entry.intent.intentId, outcome: 'not-sent' });
    }
    for (const match of await this.matchEntries(entries, journal)) {
      if (match.outcome === 'matched') {
        await journal.markResolved(match.intentId, match.contract.contractId);
        results.push({ intentId: match.intentId, outcome: 'resolved', contractId: match.contract.contractId, contract: match.contract });
      } else {
        results.push(match);
      }
    }
    return results;
  }

  /**
   * Compares stored open positions with Deriv's open contracts (portfolio, plus details of the
   * stored ones for multiplier and limit orders). A stored contract that is gone carries its final
   * state when Deriv still describes it (closed by take profit, stop loss …).
   */
  async reconcile(stored: readonly StoredContract[]): Promise<ContractDifference[]> {
    const storedIds = new Set(stored.map((s) => s.contractId));
    const open = await this.portfolio();
    const venue = await Promise.all(open.map((c) => (storedIds.has(c.contractId) ? this.withDetails(c) : c)));
    const differences = reconcileContracts(stored, venue);
    return Promise.all(
      differences.map(async (d) => {
        if (d.kind !== 'missing-on-venue' || !/^[1-9]\d*$/.test(d.contractId)) return d;
        const closed = await this.contractDetails(d.contractId).catch((err: unknown) => {
          if (!hasCode(err, 'ContractNotFound')) this.reportError(err);
          return undefined;
        });
        return closed ? { ...d, closed } : d;
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.follows.clear();
    this.followBySubscription.clear();
    await this.connection.close();
  }

  // ---- buying -------------------------------------------------------------------------------

  private intentOf(request: OpenPositionRequest): BuyIntent {
    if (typeof request.intentId !== 'string' || request.intentId === '') throw new RangeError('openPosition needs an intentId');
    if (typeof request.symbol !== 'string' || request.symbol === '') throw new RangeError('openPosition needs a symbol');
    const contractType = CONTRACT_TYPE_FOR_DIRECTION[request.direction];
    if (!contractType) throw new RangeError(`direction must be 'long' or 'short', got ${JSON.stringify(request.direction)}`);
    if (typeof request.currency !== 'string' || !/^[A-Za-z]{3,10}$/.test(request.currency)) throw new RangeError(`currency must be a code such as "USD", got ${JSON.stringify(request.currency)}`);
    if (!Number.isInteger(request.multiplier) || request.multiplier <= 0) throw new RangeError(`multiplier must be a positive integer, got ${request.multiplier}`);
    const stake = parsePositiveAmount('stake', request.stake);
    const takeProfit = request.takeProfit === undefined ? null : parsePositiveAmount('takeProfit', request.takeProfit);
    const stopLoss = request.stopLoss === undefined ? null : parsePositiveAmount('stopLoss', request.stopLoss);
    return {
      intentId: request.intentId,
      symbol: request.symbol,
      direction: request.direction,
      contractType,
      currency: request.currency,
      stake: stake.toFixed(),
      multiplier: request.multiplier,
      takeProfit: takeProfit?.toFixed() ?? null,
      stopLoss: stopLoss?.toFixed() ?? null,
      recordedAtMs: this.clock.now(),
    };
  }

  private proposalPayload(intent: BuyIntent): Record<string, unknown> {
    const limitOrder: Record<string, number> = {};
    if (intent.takeProfit !== null) limitOrder.take_profit = wireAmount(new Decimal(intent.takeProfit));
    if (intent.stopLoss !== null) limitOrder.stop_loss = wireAmount(new Decimal(intent.stopLoss));
    return {
      proposal: 1,
      amount: wireAmount(new Decimal(intent.stake)),
      basis: 'stake',
      contract_type: intent.contractType,
      currency: intent.currency,
      underlying_symbol: intent.symbol,
      multiplier: intent.multiplier,
      ...(Object.keys(limitOrder).length > 0 ? { limit_order: limitOrder } : {}),
    };
  }

  private positionBase(intent: BuyIntent): Omit<OpenedPosition, 'contractId' | 'buyPrice' | 'purchaseTimeMs' | 'transactionId' | 'recovered'> {
    return {
      intentId: intent.intentId,
      symbol: intent.symbol,
      direction: intent.direction,
      contractType: intent.contractType,
      currency: intent.currency,
      stake: intent.stake,
      multiplier: intent.multiplier,
      takeProfit: intent.takeProfit,
      stopLoss: intent.stopLoss,
    };
  }

  /** The buy's answer is lost: find its contract in portfolio, or leave the intent unresolved. */
  private async recoverLostBuy(entry: JournalEntry, cause: unknown): Promise<OpenedPosition> {
    const intentId = entry.intent.intentId;
    let match: LostBuyMatch | undefined;
    try {
      // Other unresolved intents compete for the same contracts; ones still being bought here do not
      // (their own answers will name their contracts), so their contracts stay candidates — and make
      // a look-alike ambiguous rather than wrongly attributed.
      const others = (await this.journal.listUnresolved()).filter((e) => e.intent.intentId !== intentId && !this.inFlightIntents.has(e.intent.intentId));
      match = (await this.matchEntries([entry, ...others], this.journal)).find((m) => m.intentId === intentId);
    } catch (err) {
      this.reportError(err);
    }
    if (match?.outcome === 'matched') {
      const c = match.contract;
      await this.resolveIntent(this.journal, intentId, c.contractId);
      return {
        ...this.positionBase(entry.intent),
        takeProfit: c.takeProfit !== undefined ? c.takeProfit : entry.intent.takeProfit,
        stopLoss: c.stopLoss !== undefined ? c.stopLoss : entry.intent.stopLoss,
        contractId: c.contractId,
        buyPrice: c.buyPrice,
        purchaseTimeMs: c.purchaseTimeMs,
        transactionId: c.transactionId ?? '',
        recovered: true,
      };
    }
    const detail = match?.outcome === 'ambiguous' ? `; look-alike contracts ${match.candidateContractIds.join(', ')}` : '';
    throw new DerivApiError('BuyOutcomeUnknown', `intent ${intentId}: ${messageOf(cause)}${detail}`, 'buy');
  }

  private async matchEntries(entries: readonly JournalEntry[], journal: IntentJournal): Promise<LostBuyMatch[]> {
    const sent = entries.filter((e) => e.state === 'sent');
    if (sent.length === 0) return [];
    const contracts = await this.portfolio();
    const known = new Set(await journal.knownContractIds());
    // portfolio has no multiplier or limit orders: fetch them for the plausible candidates only,
    // so look-alikes that differ there can be told apart.
    const candidates = contracts.filter((c) => !known.has(c.contractId) && sent.some((e) => contractFitsIntent(e, c, this.matchOptions)));
    const detailed = await Promise.all(candidates.map((c) => this.withDetails(c)));
    return matchLostBuys(sent, detailed, known, this.matchOptions);
  }

  private async withDetails(contract: VenueContract): Promise<VenueContract> {
    try {
      const state = await this.contractDetails(contract.contractId);
      return { ...contract, multiplier: state.multiplier, takeProfit: state.takeProfit, stopLoss: state.stopLoss };
    } catch (err) {
      this.reportError(err);
      return contract;
    }
  }

  private async resolveIntent(journal: IntentJournal, intentId: string, contractId: string): Promise<void> {
    try {
      await journal.markResolved(intentId, contractId);
    } catch (err) {
      // The contract exists whatever the journal says; returning it beats hiding it. The entry
      // stays 'sent' and resolveLostBuys will attribute it later.
      this.reportError(err);
    }
  }

  private async failIntent(intentId: string, cause: unknown): Promise<void> {
    try {
      await this.journal.markFailed(intentId, messageOf(cause));
    } catch (err) {
      this.reportError(err);
    }
  }

  // ---- selling ------------------------------------------------------------------------------

  private closedFromReceipt(contractId: string, reply: DerivMessage): ClosedPosition {
    const receipt = readSellReceipt(reply);
    return { contractId, soldFor: receipt.soldFor, status: 'sold', balanceAfter: receipt.balanceAfter, transactionId: receipt.transactionId, via: 'sell' };
  }

  private closedFromState(state: ContractState, via: ClosedPosition['via']): ClosedPosition {
    if (!state.isSold) throw new DerivApiError('InvalidResponse', `contract ${state.contractId} is reported closed but is still open`, 'sell');
    return { contractId: state.contractId, soldFor: state.sellPrice ?? state.bidPrice ?? '0', status: state.status, via };
  }

  private perContract<T>(contractId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.contractQueues.get(contractId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.contractQueues.set(contractId, settled);
    void settled.then(() => {
      if (this.contractQueues.get(contractId) === settled) this.contractQueues.delete(contractId);
    });
    return next;
  }

  // ---- following ----------------------------------------------------------------------------

  private startFollow(follow: Follow): Promise<void> {
    // Synchronously on the answer (see CallOptions.onAnswer): an update right behind it must not
    // overtake the first state.
    const onAnswer = (reply: DerivMessage) => {
      const state = readOpenContract(reply);
      const id = reply.subscription?.id;
      if (this.follows.get(follow.contractId) !== follow) {
        if (id && !this.closed) void this.forget(id); // unfollowed while the call was in flight
        return;
      }
      if (id) {
        follow.subscriptionId = id;
        this.followBySubscription.set(id, follow.contractId);
      }
      this.deliver(follow, state);
    };
    const payload = { proposal_open_contract: 1, contract_id: Number(follow.contractId), subscribe: 1 };
    const inFlight = this.request(payload, 'account', true, onAnswer).then(() => undefined);
    follow.inFlight = inFlight;
    const clear = () => {
      if (follow.inFlight === inFlight) follow.inFlight = undefined;
    };
    inFlight.then(clear, clear);
    return inFlight;
  }

  private async unfollow(contractId: string, listener: (state: ContractState) => void): Promise<void> {
    const follow = this.follows.get(contractId);
    if (!follow || !follow.listeners.delete(listener) || follow.listeners.size > 0) return;
    this.follows.delete(contractId);
    if (follow.subscriptionId) {
      this.followBySubscription.delete(follow.subscriptionId);
      await this.forget(follow.subscriptionId);
    }
  }

  private async forget(subscriptionId: string): Promise<void> {
    try {
      await this.connection.call({ forget: subscriptionId }, { cls: 'account', connectionBound: true });
    } catch (err) {
      if (!hasCode(err, 'ConnectionClosed')) this.reportError(err);
    }
  }

  private refollowAll(): void {
    this.followBySubscription.clear();
    for (const follow of this.follows.values()) {
      follow.subscriptionId = undefined;
      if (follow.inFlight) continue; // its call is sent again on the new socket
      this.startFollow(follow).catch((err: unknown) => this.reportError(err));
    }
  }

  private handleStream(message: DerivMessage): void {
    if (message.msg_type !== 'proposal_open_contract') return;
    let state: ContractState;
    try {
      state = readOpenContract(message);
    } catch (err) {
      this.reportError(err);
      return;
    }
    const subscriptionId = message.subscription?.id;
    const contractId = (subscriptionId && this.followBySubscription.get(subscriptionId)) || state.contractId;
    const follow = this.follows.get(contractId);
    if (follow) this.deliver(follow, state);
  }

  private deliver(follow: Follow, state: ContractState): void {
    follow.last = state;
    for (const listener of [...follow.listeners]) safeCall(listener, state, (err) => this.reportError(err));
    if (state.isSold && this.follows.get(follow.contractId) === follow) {
      // Deriv ends the stream of a closed contract; nothing is left to forget.
      this.follows.delete(follow.contractId);
      if (follow.subscriptionId) this.followBySubscription.delete(follow.subscriptionId);
    }
  }

  // ---- plumbing -----------------------------------------------------------------------------

  private async request(payload: Record<string, unknown>, cls: DerivTradingCallClass, repeatable = true, onAnswer?: (reply: DerivMessage) => void): Promise<DerivMessage> {
    const msgType = Object.keys(payload)[0];
    if (this.closed) throw new DerivApiError('ConnectionClosed', '', msgType);
    const reply = await this.connection.call(payload, { cls, repeatable, onAnswer });
    if (!reply) throw new DerivApiError('ConnectionClosed', 'the connection was lost', msgType);
    return reply;
  }

  private waitUntilConnected(timeoutMs: number): Promise<void> {
    this.connection.connect();
    if (this.connection.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let last: VenueStatus = this.status.current;
      const listener = (status: VenueStatus) => {
        last = status;
        if (status.state !== 'connected') return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        const why = last.state === 'reconnecting' ? `: ${last.reason}` : '';
        reject(new DerivApiError('Timeout', `the trading socket did not open within ${timeoutMs} ms${why}`, 'connect'));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.status.remove(listener);
      };
      this.status.add(listener);
    });
  }

  private reportError(err: unknown): void {
    try {
      this.onError(err);
    } catch {
      // a reporting hook must not break the socket handlers
    }
  }
}
