/**
 * The Deriv bridge: orders of the Deriv account execute as multiplier contracts on Deriv through
 * {@link DerivTradingVenue} (OTP-authenticated trading socket), instead of on the paper venue.
 *
 *   accepted market order of the Deriv account
 *     → intent recorded in deriv_intents (before the proposal), marked sent (before the buy)
 *     → proposal + buy (MULTUP for a buy, MULTDOWN for a sell; stake = quantity × price ÷ multiplier)
 *     → the fill booked in the event log at the contract's entry spot; the contract is followed
 *       (proposal_open_contract) so a close on Deriv's side (stop out, by hand) is booked too
 *   reduce-only order → `sell` of whole open contracts of the opposite direction, booked at
 *     entry + profit ÷ units, so the account's equity moves by exactly Deriv's profit
 *   anything else (limit, stop, bracket, OCO, algorithm) → cancelled with the reason, nothing sent
 *
 * Safety (the requirement this exists for): Deriv has no client order id, so a buy is journaled
 * before it is sent and never sent twice. A refused buy (including a rate-limit reply) cancels
 * the order with Deriv's reason; a buy whose answer was lost leaves the order open and its intent
 * unresolved until `portfolio` and the known contract ids settle it (resolveLostBuys), never a
 * second buy. At start the bridge resolves lost buys, books what its own crash left unbooked,
 * reconciles the contracts it holds as open with what Deriv reports, and raises one alert
 * (`deriv-reconcile:…`) for every difference. Details and the reasons for each mapping: README.md.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertRaiseRequest } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { Dec, isOpen, remaining, ZERO, type Account, type Order, type OrderSide, type OrderSpec, type TradingEvent } from '@meridian/trading';
import { DerivApiError, DerivTradingVenue, type ContractDifference, type ContractState, type LostBuyResolution, type PositionDirection, type StoredContract } from '@meridian/venues';
import { TradingEngine } from '../trading-engine.service';
import { TradingPublisher } from '../trading-publisher';
import { DERIV_TRADING_CONFIG, type DerivTradingConfig } from './deriv-trading-config';
import { exitPriceFor, pickContractsToClose, planDerivOrder, PRICE_DP, signedUnits, type DerivOrderPlan } from './deriv-order-mapping';
import { PgIntentJournal, type DerivIntentRow } from './pg-intent-journal';

/** How long an order waits for the first connection to Deriv before it is cancelled. */
const READY_WAIT_MS = 30_000;
/** Lost-buy resolution: first retry, cap, and how long after its intent a buy counts as lost for good. */
const RESOLVE_BASE_MS = 2_000;
const RESOLVE_CAP_MS = 60_000;
const LOST_BUY_WINDOW_MS = 120_000;
const CLOCK_SKEW_MS = 5_000;
/** Tag of the orders the bridge books itself (a close or an open Deriv carried out without a live order). */
const BRIDGE_TAG = 'deriv';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isCode(err: unknown, ...codes: string[]): err is DerivApiError {
  return err instanceof DerivApiError && codes.includes(err.code);
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
  });

@Injectable()
export class DerivBridgeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private venue: DerivTradingVenue | null = null;
  private journal: PgIntentJournal | null = null;
  private account: Account | null = null;
  private startup: Promise<void> = Promise.resolve();
  private lastConnectError: string | null = null;
  private ready = false;
  private stopped = false;
  /** Orders this process has taken on (an amend re-announces an order as accepted). */
  private readonly seen = new Set<string>();
  /** Order work per symbol, in arrival order. */
  private readonly symbolQueues = new Map<string, Promise<void>>();
  /** Booking work per contract (the sell's answer and the contract stream may both report a close). */
  private readonly contractQueues = new Map<string, Promise<unknown>>();
  /** Contracts whose sell this process sent and has not booked yet. */
  private readonly closingByUs = new Set<string>();
  private readonly follows = new Map<string, () => Promise<void>>();
  private resolveTimer: NodeJS.Timeout | null = null;
  private resolveAttempt = 0;
  private readonly alertedIntents = new Set<string>();

  constructor(
    private readonly engine: TradingEngine,
    private readonly publisher: TradingPublisher,
    private readonly dataSource: DataSource,
    @Inject(DERIV_TRADING_CONFIG) private readonly config: DerivTradingConfig | null,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The platform account that mirrors the Deriv account (null when the bridge is off). */
  get accountId(): string | null {
    return this.account?.id ?? null;
  }

  get isReady(): boolean {
    return this.ready;
  }

  async onApplicationBootstrap(): Promise<void> {
    const config = this.config;
    // Orders of a Deriv account this process does not trade (the bridge is off, or the account is
    // another DERIV_ACCOUNT_ID's) would wait forever: the paper venue leaves Deriv accounts alone.
    this.engine.addListener({
      accepted: (order) => {
        if (this.isUnservedDerivOrder(order)) void this.cancelUnserved(order);
      },
    });
    if (!config) {
      this.logger.info('Deriv trading: off (no DERIV_API_TOKEN), so every account trades on the paper venue');
      for (const order of this.engine.state.openOrders()) if (this.isUnservedDerivOrder(order)) await this.cancelUnserved(order);
      return;
    }
    this.journal = new PgIntentJournal(this.dataSource, config.derivAccountId);
    const account = await this.ensureAccount(config);
    this.account = account;
    for (const order of this.engine.state.openOrders()) if (this.isUnservedDerivOrder(order)) await this.cancelUnserved(order);
    // Orders left open by the previous run are settled by recover(), never taken on as new ones.
    const stale = this.engine.state.openOrders({ accountId: account.id }).map((o) => o.id);
    for (const id of stale) this.seen.add(id);
    this.engine.addListener({
      accepted: (order) => {
        if (order.accountId === account.id) this.enqueue(order);
      },
      closed: (order) => {
        if (order.accountId === account.id) this.seen.delete(order.id);
      },
    });
    const description = `Deriv trading: orders of account "${account.name}" (${account.id}) execute as multiplier contracts (×${config.multiplier}, ${config.currency}) on Deriv options account ${config.derivAccountId} via ${config.restBaseUrl}`;
    this.runtime.registerBacking({ part: 'venue', kind: 'external', description });
    this.logger.info({ accountId: account.id, derivAccountId: config.derivAccountId, owner: account.ownerId }, description);
    // Deriv being unreachable must not keep the service from starting: connect in the background.
    this.startup = this.start(config, stale).catch((err) => this.logger.error({ err }, 'Deriv bridge: start-up failed'));
  }

  private isUnservedDerivOrder(order: Order): boolean {
    const account = this.engine.state.accounts.get(order.accountId);
    return account?.venue === 'deriv' && account.id !== this.account?.id && order.role !== 'algo-child';
  }

  private async cancelUnserved(order: Order): Promise<void> {
    const reason = this.config
      ? `this Deriv account is not the one this service trades (DERIV_ACCOUNT_ID ${this.config.derivAccountId}); nothing was sent to Deriv`
      : 'Deriv trading is off (no DERIV_API_TOKEN configured); nothing was sent to Deriv';
    await this.cancel(order, reason).catch((err) => this.logger.warn({ err, orderId: order.id }, 'Deriv trading: could not cancel an order of an unserved Deriv account'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    this.resolveTimer = null;
    this.follows.clear();
    const venue = this.venue;
    this.venue = null;
    this.ready = false;
    await venue?.close().catch(() => undefined);
  }

  // ---- start-up ----------------------------------------------------------------------------

  private async ensureAccount(config: DerivTradingConfig): Promise<Account> {
    const name = `Deriv ${config.derivAccountId}`;
    const find = () => [...this.engine.state.accounts.values()].find((a) => a.venue === 'deriv' && a.name === name);
    const existing = find();
    if (existing) return existing;
    // Cash starts at 0: the account's equity is the profit and loss made through the platform (README.md).
    return this.engine.serial(async () => find() ?? this.engine.openAccount(config.ownerId, { name, venue: 'deriv', cash: ZERO, currency: config.currency }));
  }

  private async start(config: DerivTradingConfig, stale: readonly string[]): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        this.venue = await DerivTradingVenue.connect({
          appId: config.appId,
          apiToken: config.apiToken,
          accountId: config.derivAccountId,
          restBaseUrl: config.restBaseUrl,
          journal: this.journal as PgIntentJournal,
          lostBuyWindowMs: LOST_BUY_WINDOW_MS,
          clockSkewMs: CLOCK_SKEW_MS,
          onError: (err) => this.logger.warn({ err }, `Deriv trading: ${messageOf(err)}`),
        });
        break;
      } catch (err) {
        this.lastConnectError = messageOf(err);
        const delay = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
        this.logger.warn({ err, attempt }, `Deriv trading: could not connect (${this.lastConnectError}); trying again in ${delay} ms`);
        await sleep(delay);
      }
    }
    if (this.stopped || !this.venue) return;
    const venue = this.venue;
    venue.onStatus((s) => {
      if (s.state === 'connected' && this.resolveTimer) this.rescheduleResolve(0);
    });
    this.logger.info({ derivAccountId: config.derivAccountId }, 'Deriv trading: connected (one-time-password socket)');
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.recover(stale);
        break;
      } catch (err) {
        if (attempt >= 3) {
          this.logger.error({ err }, 'Deriv trading: start-up reconciliation failed; trading goes on, the next start tries again');
          this.alert({
            key: 'deriv-reconcile:failed',
            severity: 'critical',
            title: 'Reconciliation with Deriv failed at start-up',
            message: `The stored Deriv contracts could not be compared with Deriv's (${messageOf(err)}); differences may go unreported until the next start.`,
            details: { derivAccountId: config.derivAccountId },
          });
          break;
        }
        this.logger.warn({ err, attempt }, `Deriv trading: reconciliation failed (${messageOf(err)}); trying again`);
        await sleep(2_000 * attempt);
      }
    }
    if (this.stopped) return;
    this.ready = true;
    this.lastConnectError = null;
  }

  /**
   * After a (re)start: settle lost buys, book what a crash left unbooked, reconcile the stored
   * open contracts with Deriv (one alert per difference), cancel the orders the previous run left
   * open that can no longer execute, and follow every open contract.
   */
  private async recover(stale: readonly string[]): Promise<void> {
    const venue = this.venue as DerivTradingVenue;
    const journal = this.journal as PgIntentJournal;

    // 1. Buys whose outcome was unknown: from portfolio and the known contract ids, never bought again.
    const resolutions = await venue.resolveLostBuys();
    if (await this.applyResolutions(resolutions)) this.rescheduleResolve();

    // 2. Contracts known to the journal whose opening fill was never booked.
    for (const row of await journal.unbooked()) await this.settleOpen(row.intentId);

    // 3. Stored open contracts against Deriv's portfolio.
    const open = (await journal.openContracts()).filter((r) => r.contractId);
    const differences = await venue.reconcile(open.map(toStoredContract));
    const byId = new Map(open.map((r) => [r.contractId as string, r]));
    for (const d of differences) await this.onDifference(d, byId.get(d.contractId));
    // A sell marked as going out that did not happen (its contract is still open): nothing closes it now.
    const missing = new Set(differences.filter((d) => d.kind === 'missing-on-venue').map((d) => d.contractId));
    for (const r of open) if (r.closeOrderId && !missing.has(r.contractId as string)) await journal.clearClosing(r.contractId as string);

    // 4. Orders of the previous run still open: they cannot be carried out any more.
    const rows = new Map((await journal.byOrders(stale)).map((r) => [r.orderId, r]));
    for (const id of stale) {
      const order = this.engine.state.orders.get(id);
      if (!order || !isOpen(order)) continue;
      const row = rows.get(id);
      if (row?.state === 'sent' || row?.state === 'recorded') continue; // outcome unknown: settled by resolveLostBuys, or alerted and left to a person
      if (order.reduceOnly) await this.cancel(order, 'execution restarted while this order was closing contracts on Deriv; what Deriv closed is booked, the rest is cancelled');
      else if (!row) await this.cancel(order, 'execution restarted before this order was sent to Deriv; it was not sent, and a stale market order is not sent late');
      else if (row.state === 'failed') await this.cancel(order, `Deriv did not buy: ${row.reason ?? 'refused'}`);
      else await this.cancel(order, `its Deriv contract ${row.contractId} is booked on order ${row.fillOrderId ?? 'unknown'}`);
    }

    // 5. The platform's positions against the contracts it holds.
    await this.checkPositions();

    // 6. Follow every open contract (closes on Deriv's side are booked as they happen).
    for (const row of await journal.openContracts()) if (row.contractId) await this.follow(row.contractId);
    this.logger.info({ differences: differences.length, lostBuys: resolutions.length, open: open.length }, 'Deriv trading: reconciled with Deriv');
  }

  private async onDifference(d: ContractDifference, row: DerivIntentRow | undefined): Promise<void> {
    const base = { contractId: d.contractId, derivAccountId: this.config?.derivAccountId, orderId: row?.orderId };
    if (d.kind === 'missing-on-venue') {
      if (d.closed?.isSold) {
        const soldFor = new Dec(d.closed.sellPrice ?? d.closed.bidPrice ?? '0');
        const booked = await this.settleClose(d.contractId, soldFor, d.closed.status, row?.closeOrderId ?? undefined);
        this.alert({
          key: `deriv-reconcile:${d.contractId}`,
          severity: 'warning',
          title: `Deriv contract ${d.contractId} closed while the platform was not watching`,
          message: `The platform held ${d.stored.contractType} ${d.stored.symbol} (stake ${d.stored.stake} ${d.stored.currency}) as open; Deriv reports it ${d.closed.status} for ${soldFor.toFixed()}. ${booked ? `The close was booked as order ${booked}.` : 'Its opening was never booked, so neither is its close.'}`,
          details: { ...base, kind: d.kind, status: d.closed.status, soldFor: soldFor.toFixed(), sellTimeMs: d.closed.sellTimeMs, closeOrderId: booked },
        });
      } else {
        this.alert({
          key: `deriv-reconcile:${d.contractId}`,
          severity: 'critical',
          title: `Deriv contract ${d.contractId} is not open on Deriv`,
          message: `The platform holds ${d.stored.contractType} ${d.stored.symbol} (stake ${d.stored.stake}) as open, but Deriv neither lists nor describes it. Nothing was changed: check the account on Deriv and correct the position by hand.`,
          details: { ...base, kind: d.kind },
        });
      }
    } else if (d.kind === 'unknown-on-venue') {
      this.alert({
        key: `deriv-reconcile:${d.contractId}`,
        severity: 'warning',
        title: `Deriv contract ${d.contractId} is open on Deriv but unknown to the platform`,
        message: `${d.venue.contractType} ${d.venue.symbol}, bought for ${d.venue.buyPrice} ${d.venue.currency} at ${new Date(d.venue.purchaseTimeMs).toISOString()}: a trade made outside the platform, or a lost buy that could not be attributed. Nothing was changed.`,
        details: { ...base, kind: d.kind, symbol: d.venue.symbol, contractType: d.venue.contractType, buyPrice: d.venue.buyPrice },
      });
    } else {
      this.alert({
        key: `deriv-reconcile:${d.contractId}:${d.field}`,
        severity: 'warning',
        title: `Deriv contract ${d.contractId} differs from the platform's record in ${d.field}`,
        message: `The platform recorded ${d.field} = ${d.stored ?? 'none'}, Deriv reports ${d.venue ?? 'none'}. Nothing was changed.`,
        details: { ...base, kind: d.kind, field: d.field, stored: d.stored, venue: d.venue },
      });
    }
  }

  /** Net units of the open contracts per symbol must equal the platform's position in it. */
  private async checkPositions(): Promise<void> {
    const account = this.account as Account;
    const expected = new Map<string, Dec>();
    for (const row of await (this.journal as PgIntentJournal).openContracts()) {
      if (!row.fillOrderId) continue;
      expected.set(row.symbol, (expected.get(row.symbol) ?? ZERO).plus(signedUnits(row.intent.direction, row.quantity)));
    }
    const symbols = new Set([...expected.keys(), ...this.engine.state.accountPositions(account.id).map((p) => p.symbol)]);
    for (const symbol of symbols) {
      const held = this.engine.state.position(account.id, symbol).quantity;
      const want = expected.get(symbol) ?? ZERO;
      if (held.equals(want)) continue;
      this.alert({
        key: `deriv-reconcile:position:${symbol}`,
        severity: 'critical',
        title: `Deriv account position in ${symbol} differs from its open contracts`,
        message: `The platform's position is ${held.toFixed()}, the open Deriv contracts it holds add up to ${want.toFixed()} units. Nothing was changed.`,
        details: { accountId: account.id, symbol, position: held.toFixed(), contracts: want.toFixed() },
      });
    }
  }

  // ---- orders --------------------------------------------------------------------------------

  private enqueue(order: Order): void {
    if (this.seen.has(order.id)) return;
    this.seen.add(order.id);
    const previous = this.symbolQueues.get(order.symbol) ?? Promise.resolve();
    const next = previous
      .then(() => this.handle(order.id))
      .catch((err) => this.logger.error({ err, orderId: order.id }, `Deriv trading: order ${order.id} could not be handled: ${messageOf(err)}`));
    this.symbolQueues.set(order.symbol, next);
    void next.then(() => {
      if (this.symbolQueues.get(order.symbol) === next) this.symbolQueues.delete(order.symbol);
    });
  }

  private async handle(orderId: string): Promise<void> {
    if (this.stopped) return; // left open: the next start cancels it, unsent
    let order = this.engine.state.orders.get(orderId);
    if (!order || !isOpen(order)) return;
    const config = this.config as DerivTradingConfig;
    const plan = planDerivOrder(order, this.engine.lastPrice(order.symbol), config.multiplier);
    if (plan.kind === 'refuse') return void (await this.cancel(order, plan.reason));
    if (!(await this.waitReady())) {
      return void (await this.cancel(order, `Deriv trading is not connected (${this.lastConnectError ?? 'still connecting'}); nothing was sent to Deriv`));
    }
    order = this.engine.state.orders.get(orderId);
    if (!order || !isOpen(order)) return; // cancelled while waiting
    if (plan.kind === 'close') await this.closeFor(order, plan.direction);
    else await this.openFor(order, plan);
  }

  private async waitReady(): Promise<boolean> {
    if (this.ready) return true;
    await Promise.race([this.startup, sleep(READY_WAIT_MS)]);
    return this.ready;
  }

  private async openFor(order: Order, plan: Extract<DerivOrderPlan, { kind: 'open' }>): Promise<void> {
    const venue = this.venue as DerivTradingVenue;
    const journal = this.journal as PgIntentJournal;
    const config = this.config as DerivTradingConfig;
    journal.prepare(order.id, { orderId: order.id, accountId: order.accountId, symbol: order.symbol, quantity: order.quantity });
    try {
      const opened = await venue.openPosition({ intentId: order.id, symbol: order.symbol, direction: plan.direction, stake: plan.stake.toFixed(2), currency: config.currency, multiplier: config.multiplier });
      this.logger.info(
        { orderId: order.id, contractId: opened.contractId, stake: opened.buyPrice, recovered: opened.recovered, balanceAfter: opened.balanceAfter },
        `Deriv trading: bought ${opened.contractType} ${opened.symbol} (stake ${opened.buyPrice} ${opened.currency}) for order ${order.id}${opened.recovered ? ', found in portfolio after its answer was lost' : ''}`,
      );
      await this.settleOpen(order.id, plan.referencePrice);
    } catch (err) {
      if (isCode(err, 'BuyOutcomeUnknown')) {
        // Sent, answer lost, not (yet) in portfolio: never bought again, settled by resolveLostBuys.
        this.logger.warn({ orderId: order.id, err }, `Deriv trading: the buy of order ${order.id} went out but its outcome is unknown; it stays open until portfolio settles it`);
        this.rescheduleResolve();
        return;
      }
      // Shutting down: whatever happened is settled by the next start (recover()), not here.
      if (this.stopped) return;
      const row = await journal.get(order.id).catch(() => undefined);
      if (row?.state === 'sent') {
        this.rescheduleResolve(); // the buy may have happened (a journal write failed after it)
        return;
      }
      if (row?.state === 'resolved') {
        await this.settleOpen(order.id, plan.referencePrice).catch((e) => this.logger.error({ err: e }, 'Deriv trading: could not book a bought contract; the next start books it'));
        return;
      }
      const refused = err instanceof DerivApiError;
      const reason = refused
        ? `Deriv refused the buy (${err.code}): ${err.message}. Not retried: a buy is sent to Deriv at most once`
        : `The buy was not sent to Deriv: ${messageOf(err)}`;
      await this.cancel(order, reason);
    } finally {
      journal.forget(order.id);
    }
  }

  private async closeFor(order: Order, direction: PositionDirection): Promise<void> {
    const venue = this.venue as DerivTradingVenue;
    const journal = this.journal as PgIntentJournal;
    const contractType = direction === 'long' ? 'MULTUP' : 'MULTDOWN';
    const candidates = (await journal.openContracts()).filter(
      (r) => r.symbol === order.symbol && r.intent.direction === direction && r.contractId && r.fillOrderId && !r.closeOrderId && !this.closingByUs.has(r.contractId),
    );
    const picked = pickContractsToClose(
      candidates.map((r) => ({ contractId: r.contractId as string, units: r.quantity })),
      remaining(order),
    );
    if (picked.length === 0) {
      const sizes = candidates.map((r) => r.quantity.toFixed()).join(', ') || 'none';
      return void (await this.cancel(order, `No open ${contractType} contract of ${order.symbol} fits in ${remaining(order).toFixed()} (Deriv closes contracts whole; open contract sizes: ${sizes}); nothing was sent to Deriv`));
    }
    let failure: string | null = null;
    for (const c of picked) {
      const current = this.engine.state.orders.get(order.id);
      if (!current || !isOpen(current)) break;
      this.closingByUs.add(c.contractId);
      try {
        await journal.markClosing(c.contractId, order.id);
        const closed = await venue.closePosition(c.contractId);
        await this.settleClose(c.contractId, new Dec(closed.soldFor), closed.status, order.id);
      } catch (err) {
        failure = `Deriv did not close contract ${c.contractId}: ${messageOf(err)}`;
        if (!isCode(err, 'ConnectionClosed')) await journal.clearClosing(c.contractId).catch(() => undefined);
        break;
      } finally {
        this.closingByUs.delete(c.contractId);
      }
    }
    const after = this.engine.state.orders.get(order.id);
    if (after && isOpen(after) && !this.stopped) {
      await this.cancel(after, failure ?? `Deriv contracts close whole: ${after.filledQuantity.toFixed()} of ${after.quantity.toFixed()} closed, no other open contract fits the rest`);
    }
  }

  // ---- booking -------------------------------------------------------------------------------

  /**
   * Books the opening fill of a resolved intent: on its order if still open, else (cancelled
   * meanwhile) as an order of the bridge's own, since the contract exists on Deriv either way.
   */
  private async settleOpen(intentId: string, fallbackPrice?: Dec): Promise<void> {
    const journal = this.journal as PgIntentJournal;
    const first = await journal.get(intentId);
    const contractId = first?.contractId;
    if (!first || !contractId) return;
    await this.perContract(contractId, async () => {
      const row = await journal.get(intentId);
      if (!row || row.state !== 'resolved' || row.fillOrderId) return;
      const entry = await this.entryPrice(contractId, row.symbol, fallbackPrice);
      const side: OrderSide = row.intent.direction === 'long' ? 'buy' : 'sell';
      const booked = await this.engine.serial(async () => {
        const order = this.engine.state.orders.get(row.orderId);
        if (order && order.status === 'filled') return { orderId: order.id, own: false }; // booked before a crash
        if (order && isOpen(order) && order.status !== 'new' && order.filledQuantity.isZero() && order.quantity.greaterThanOrEqualTo(row.quantity)) {
          this.engine.commit([this.fillEvent(order, row.quantity, entry)]);
          // Amended upwards while the buy was out: Deriv bought what was asked when it was sent.
          if (isOpen(order)) await this.engine.cancelOrders([order], `Deriv bought ${row.quantity.toFixed()} (the quantity when the buy was sent); the amended rest is cancelled`);
          return { orderId: order.id, own: false };
        }
        const own = await this.bookOwnOrder({ symbol: row.symbol, side, quantity: row.quantity, price: entry, clientOrderId: `deriv-open-${contractId}`, reduceOnly: false });
        if (order && isOpen(order)) await this.engine.cancelOrders([order], `its Deriv contract ${contractId} is booked as order ${own} (the order was amended below the ${row.quantity.toFixed()} bought)`);
        return { orderId: own, own: true };
      });
      await journal.markFilled(intentId, entry, booked.orderId);
      if (booked.own) {
        this.alert({
          key: `deriv-orphan:${contractId}`,
          severity: 'warning',
          title: `Deriv contract ${contractId} was bought for an order that could no longer take it`,
          message: `Order ${row.orderId} was cancelled, expired or amended below ${row.quantity.toFixed()} while its buy was on the way (or unresolved); Deriv bought ${row.intent.contractType} ${row.symbol} for ${row.intent.stake} ${row.intent.currency} all the same, so it is booked as order ${booked.orderId}.`,
          details: { contractId, orderId: row.orderId, bookedOrderId: booked.orderId },
        });
      }
      await this.follow(contractId);
    });
  }

  /**
   * Books a contract's close at entry + profit ÷ units: on `preferOrderId` (the reduce-only order
   * that sold it) when it can take it, else as an order of the bridge's own. Returns the order id.
   */
  private async settleClose(contractId: string, soldFor: Dec, status: string, preferOrderId?: string): Promise<string | undefined> {
    const journal = this.journal as PgIntentJournal;
    return this.perContract(contractId, async () => {
      const row = await journal.byContract(contractId);
      if (!row || row.closedAt) return row?.closeOrderId ?? undefined;
      const stop = this.follows.get(contractId);
      this.follows.delete(contractId);
      void stop?.().catch(() => undefined);
      if (!row.fillOrderId) {
        // Its opening was never booked either: record the close in the journal only, and say so.
        await journal.markClosed(contractId, soldFor, status, row.closeOrderId ?? row.orderId);
        return undefined;
      }
      const entry = row.entryPrice ?? this.engine.lastPrice(row.symbol) ?? ZERO;
      const exit = exitPriceFor(entry, row.quantity, new Dec(row.intent.stake), soldFor);
      const side: OrderSide = row.intent.direction === 'long' ? 'sell' : 'buy';
      const orderId = await this.engine.serial(async () => {
        const order = preferOrderId ? this.engine.state.orders.get(preferOrderId) : undefined;
        if (order && isOpen(order) && order.status !== 'new' && order.side === side && remaining(order).greaterThanOrEqualTo(row.quantity)) {
          this.engine.commit([this.fillEvent(order, row.quantity, exit)]);
          return order.id;
        }
        return this.bookOwnOrder({ symbol: row.symbol, side, quantity: row.quantity, price: exit, clientOrderId: `deriv-close-${contractId}`, reduceOnly: true });
      });
      await journal.markClosed(contractId, soldFor, status, orderId);
      this.logger.info({ contractId, soldFor: soldFor.toFixed(), status, orderId, exit: exit.toFixed() }, `Deriv trading: contract ${contractId} closed (${status}) for ${soldFor.toFixed()}; booked on order ${orderId}`);
      return orderId;
    });
  }

  private fillEvent(order: Order, quantity: Dec, price: Dec): TradingEvent {
    // No fee: Deriv's commission is inside the contract's price, so it is inside the booked prices.
    return { type: 'order.filled', accountId: order.accountId, orderId: order.id, at: Date.now(), fillId: randomUUID(), quantity, price: price.toDecimalPlaces(PRICE_DP), fee: ZERO, liquidity: 'taker' };
  }

  /**
   * Records a trade Deriv carried out without a live order to book it on (a close on Deriv's side,
   * or a buy whose order was cancelled meanwhile): created, accepted and filled in one append.
   * Not risk-checked, because it already happened. Idempotent by clientOrderId. Runs on the sequencer.
   */
  private async bookOwnOrder(t: { symbol: string; side: OrderSide; quantity: Dec; price: Dec; clientOrderId: string; reduceOnly: boolean }): Promise<string> {
    const account = this.account as Account;
    const existing = this.engine.state.orderByClientId(account.id, t.clientOrderId);
    if (existing?.tag === BRIDGE_TAG) return existing.id;
    const clientOrderId = existing ? `${t.clientOrderId}-${randomUUID().slice(0, 8)}` : t.clientOrderId;
    const orderId = randomUUID();
    const now = Date.now();
    const spec: OrderSpec = { accountId: account.id, clientOrderId, symbol: t.symbol, side: t.side, type: 'market', quantity: t.quantity, timeInForce: 'IOC', reduceOnly: t.reduceOnly, postOnly: false, role: 'single', tag: BRIDGE_TAG };
    this.seen.add(orderId);
    this.engine.commit([
      { type: 'order.created', accountId: account.id, orderId, at: now, spec },
      { type: 'order.accepted', accountId: account.id, orderId, at: now },
      { type: 'order.filled', accountId: account.id, orderId, at: now, fillId: randomUUID(), quantity: t.quantity, price: t.price.toDecimalPlaces(PRICE_DP), fee: ZERO, liquidity: 'taker' },
    ]);
    return orderId;
  }

  private async entryPrice(contractId: string, symbol: string, fallback?: Dec): Promise<Dec> {
    try {
      const state = await (this.venue as DerivTradingVenue).contractDetails(contractId);
      if (state.entrySpot) return new Dec(state.entrySpot);
    } catch (err) {
      this.logger.warn({ err, contractId }, `Deriv trading: no entry spot for contract ${contractId}; booking at the last price`);
    }
    return fallback ?? this.engine.lastPrice(symbol) ?? ZERO;
  }

  private async cancel(order: Order, reason: string): Promise<void> {
    this.logger.info({ orderId: order.id, clientOrderId: order.clientOrderId }, `Deriv trading: order cancelled: ${reason}`);
    await this.engine.serial(async () => {
      const current = this.engine.state.orders.get(order.id);
      if (current && isOpen(current)) await this.engine.cancelOrders([current], reason);
    });
  }

  // ---- following contracts and settling lost buys ------------------------------------------

  private async follow(contractId: string): Promise<void> {
    if (this.follows.has(contractId) || !this.venue || this.stopped) return;
    const placeholder = async () => undefined;
    this.follows.set(contractId, placeholder);
    try {
      const stop = await this.venue.followContract(contractId, (state) => this.onContractState(state));
      if (this.follows.get(contractId) === placeholder) this.follows.set(contractId, stop);
      else await stop(); // closed while subscribing
    } catch (err) {
      if (this.follows.get(contractId) === placeholder) this.follows.delete(contractId);
      this.logger.warn({ err, contractId }, `Deriv trading: cannot follow contract ${contractId}: ${messageOf(err)}`);
    }
  }

  private onContractState(state: ContractState): void {
    if (!state.isSold || this.closingByUs.has(state.contractId)) return;
    const soldFor = new Dec(state.sellPrice ?? state.bidPrice ?? '0');
    void this.settleClose(state.contractId, soldFor, state.status)
      .then((orderId) => {
        if (!orderId) return;
        this.alert({
          key: `deriv-closed:${state.contractId}`,
          severity: 'info',
          title: `Deriv closed contract ${state.contractId} (${state.status})`,
          message: `${state.contractType} ${state.symbol} closed on Deriv's side (take profit, stop loss, stop out or by hand) for ${soldFor.toFixed()} ${state.currency}; booked as order ${orderId}.`,
          details: { contractId: state.contractId, status: state.status, soldFor: soldFor.toFixed(), orderId },
        });
      })
      .catch((err) => this.logger.error({ err, contractId: state.contractId }, 'Deriv trading: could not book a contract closed on Deriv; the next start reconciles it'));
  }

  private rescheduleResolve(delayMs?: number): void {
    if (this.stopped) return;
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    const delay = delayMs ?? Math.min(RESOLVE_CAP_MS, RESOLVE_BASE_MS * 2 ** this.resolveAttempt++);
    this.resolveTimer = setTimeout(() => {
      this.resolveTimer = null;
      void this.resolvePending();
    }, delay);
    this.resolveTimer.unref?.();
  }

  private async resolvePending(): Promise<void> {
    if (!this.venue || this.stopped) return;
    try {
      const waiting = await this.applyResolutions(await this.venue.resolveLostBuys());
      if (waiting) this.rescheduleResolve();
      else this.resolveAttempt = 0;
    } catch (err) {
      this.logger.warn({ err }, `Deriv trading: lost buys not settled yet (${messageOf(err)}); trying again`);
      this.rescheduleResolve();
    }
  }

  /**
   * Acts on resolveLostBuys' answers. Returns true while some buy is still young enough that its
   * contract may yet be found; older unmatched or ambiguous ones get one alert and are left to a
   * person (their orders stay open: whether they filled is not known).
   */
  private async applyResolutions(results: readonly LostBuyResolution[]): Promise<boolean> {
    const journal = this.journal as PgIntentJournal;
    let waiting = false;
    for (const r of results) {
      const row = await journal.get(r.intentId);
      if (r.outcome === 'resolved') {
        this.logger.info({ intentId: r.intentId, contractId: r.contractId }, `Deriv trading: lost buy of order ${row?.orderId ?? r.intentId} resolved to contract ${r.contractId} from portfolio`);
        await this.settleOpen(r.intentId);
        continue;
      }
      if (r.outcome === 'not-sent') {
        const order = row && this.engine.state.orders.get(row.orderId);
        if (order && isOpen(order)) await this.cancel(order, 'the buy was recorded but never sent to Deriv (execution stopped first); not sent late');
        continue;
      }
      const age = row ? Date.now() - row.intent.recordedAtMs : Infinity;
      if (age <= LOST_BUY_WINDOW_MS + CLOCK_SKEW_MS) {
        waiting = true;
        continue;
      }
      if (this.alertedIntents.has(r.intentId)) continue;
      this.alertedIntents.add(r.intentId);
      const candidates = r.outcome === 'ambiguous' ? r.candidateContractIds : [];
      this.alert({
        key: `deriv-reconcile:intent:${r.intentId}`,
        severity: 'critical',
        title: `Outcome of a Deriv buy is unknown (order ${row?.orderId ?? r.intentId})`,
        message:
          r.outcome === 'ambiguous'
            ? `The buy's answer was lost and several open contracts look like it (${candidates.join(', ')}); none was attributed. It was not bought again. Decide by hand which one, if any, is this order's.`
            : `The buy's answer was lost and no open contract on Deriv matches it: it was not bought, or bought and already closed. It was not bought again; the order stays open until a person checks the account on Deriv.`,
        details: { intentId: r.intentId, orderId: row?.orderId, outcome: r.outcome, candidateContractIds: candidates, intent: row?.intent },
      });
    }
    return waiting;
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

  private alert(a: Omit<AlertRaiseRequest, 'source'>): void {
    this.publisher.alert({ ...a, source: 'execution' });
  }
}

function toStoredContract(row: DerivIntentRow): StoredContract {
  const i = row.intent;
  return { contractId: row.contractId as string, symbol: i.symbol, contractType: i.contractType, currency: i.currency, stake: i.stake, multiplier: i.multiplier, takeProfit: i.takeProfit, stopLoss: i.stopLoss };
}
