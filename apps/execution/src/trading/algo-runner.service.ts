import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AlgoProgress } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER } from '@meridian/service-kit';
import { Dec, isOpen, remaining, type Order, type OrderSpec } from '@meridian/trading';
import { splitQuantity, uShapedProfile } from './algo-schedule';
import { TradingEngine } from './trading-engine.service';
import { TradingPublisher } from './trading-publisher';

interface RunningAlgo {
  parentId: string;
  slices: Dec[];
  intervalMs: number;
  nextIndex: number;
  nextAt: number | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Works algorithm parents (TWAP, VWAP, iceberg) through child orders that pass the same risk
 * checks as any order. A child the checks refuse cancels its parent with the reason; cancelling a
 * parent cancels its children (TradingEngine.cancelOrders). After a restart, algorithms that were
 * running are cancelled, explicitly and with an alert, rather than resumed on a stale schedule.
 */
@Injectable()
export class AlgoRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly running = new Map<string, RunningAlgo>();

  constructor(private readonly engine: TradingEngine, private readonly publisher: TradingPublisher, @Inject(LOGGER) private readonly logger: Logger) {
    // From the start: the views the engine writes to the read model while it starts carry progress.
    this.engine.setProgressProvider((o) => this.progress(o));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.engine.addListener({
      accepted: (order) => {
        if (order.role === 'algo-parent') this.start(order);
      },
      closed: (order) => {
        if (order.role === 'algo-parent') this.stop(order.id);
        else if (order.role === 'algo-child' && order.parentId) this.onChildClosed(order.parentId);
      },
    });
    const stale = this.engine.state.openOrders().filter((o) => o.role === 'algo-parent');
    if (stale.length === 0) return;
    const cancelled = await this.engine.serial(() => this.engine.cancelOrders(stale, 'execution restarted while the algorithm was running; cancelled rather than resumed'));
    for (const parent of stale) {
      this.publisher.alert({
        key: `algo-cancelled-on-restart:${parent.id}`,
        severity: 'warning',
        source: 'execution',
        title: `Algorithm cancelled after a restart: ${parent.algo?.kind.toUpperCase()} ${parent.side} ${parent.quantity} ${parent.symbol}`,
        message: `Filled ${parent.filledQuantity} of ${parent.quantity} before the restart; the rest was cancelled with its open children.`,
        details: { orderId: parent.id, clientOrderId: parent.clientOrderId },
      });
    }
    this.logger.warn({ algorithms: stale.length, orders: cancelled.length }, 'algorithms running before the restart were cancelled');
  }

  onApplicationShutdown(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  progress(parent: Order): AlgoProgress {
    const run = this.running.get(parent.id);
    const children = this.engine.state.childrenOf(parent.id);
    const planned = parent.algo?.kind === 'iceberg'
      ? Math.max(children.length, Math.ceil(parent.quantity.div(parent.algo.displayQuantity ?? parent.quantity).toNumber()))
      : parent.algo?.slices ?? children.length;
    return {
      kind: parent.algo?.kind ?? 'twap',
      childrenPlaced: children.length,
      childrenPlanned: planned,
      filledQuantity: parent.filledQuantity.toFixed(),
      percentDone: Number(parent.filledQuantity.div(parent.quantity).times(100).toFixed(2)),
      nextChildAt: run?.nextAt ?? null,
      state: parent.status === 'filled' ? 'completed' : isOpen(parent) ? 'running' : 'cancelled',
    };
  }

  private start(parent: Order): void {
    const algo = parent.algo;
    if (!algo) return;
    let slices: Dec[];
    let intervalMs = 0;
    if (algo.kind === 'iceberg') slices = [];
    else {
      const n = algo.slices ?? 10;
      const weights = algo.kind === 'vwap' ? (algo.volumeProfile ?? uShapedProfile(n)) : Array.from({ length: n }, () => 1);
      slices = splitQuantity(parent.quantity, weights).filter((q) => q.isPositive());
      intervalMs = ((algo.durationSec ?? 60) * 1000) / Math.max(1, slices.length);
    }
    const run: RunningAlgo = { parentId: parent.id, slices, intervalMs, nextIndex: 0, nextAt: Date.now(), timer: null };
    this.running.set(parent.id, run);
    this.logger.info({ orderId: parent.id, kind: algo.kind, slices: slices.length }, 'algorithm started');
    this.placeNext(run);
  }

  private stop(parentId: string): void {
    const run = this.running.get(parentId);
    if (run?.timer) clearTimeout(run.timer);
    this.running.delete(parentId);
  }

  /** Places the next child on the sequencer and schedules the one after it. */
  private placeNext(run: RunningAlgo): void {
    run.timer = null;
    void this.engine
      .serial(async () => {
        const parent = this.engine.state.orders.get(run.parentId);
        if (!parent || !isOpen(parent) || !parent.algo) return this.stop(run.parentId);
        const quantity = parent.algo.kind === 'iceberg' ? Dec.min(parent.algo.displayQuantity ?? parent.quantity, this.unplaced(parent)) : run.slices[run.nextIndex];
        if (!quantity || !quantity.isPositive()) return;
        const index = this.engine.state.childrenOf(parent.id).length + 1;
        const spec: OrderSpec = {
          accountId: parent.accountId,
          clientOrderId: `${parent.clientOrderId}:${index}`,
          symbol: parent.symbol,
          side: parent.side,
          type: parent.algo.kind === 'iceberg' ? 'limit' : 'market',
          limitPrice: parent.algo.kind === 'iceberg' ? parent.limitPrice : undefined,
          quantity,
          timeInForce: 'GTC',
          reduceOnly: parent.reduceOnly,
          postOnly: false,
          role: 'algo-child',
          parentId: parent.id,
          tag: parent.tag,
        };
        const child = await this.engine.placeInternal(spec);
        if (child.status === 'rejected') {
          await this.engine.cancelOrders([parent], `child order refused by ${child.rejectCheck}: ${child.rejectReason}`);
          return;
        }
        run.nextIndex++;
        if (parent.algo.kind !== 'iceberg' && run.nextIndex < run.slices.length) {
          run.nextAt = Date.now() + run.intervalMs;
          run.timer = setTimeout(() => this.placeNext(run), run.intervalMs);
          run.timer.unref();
        } else run.nextAt = null;
      })
      // Once the child is in the log: the parent's progress (children placed, next child at) to its owner.
      .then(() => this.publishProgress(run.parentId))
      .catch((err) => this.logger.error({ err, orderId: run.parentId }, 'an algorithm could not place its child order; it will be retried on the next child event'));
  }

  /** A parent's progress changes with no event of its own when a child is placed: tell its owner. */
  private publishProgress(parentId: string): void {
    const parent = this.engine.state.orders.get(parentId);
    if (!parent) return;
    const ownerId = this.engine.state.accounts.get(parent.accountId)?.ownerId ?? '';
    this.publisher.tradingBatch([{ kind: 'order', ownerId, order: this.engine.view(parent) }]);
  }

  /** Iceberg: the next slice shows when the visible one is done; TWAP/VWAP: the parent closes once its last child is done. */
  private onChildClosed(parentId: string): void {
    const run = this.running.get(parentId);
    const parent = this.engine.state.orders.get(parentId);
    if (!run || !parent || !isOpen(parent)) return;
    const openChildren = this.engine.state.childrenOf(parentId).filter(isOpen).length;
    if (parent.algo?.kind === 'iceberg') {
      if (openChildren === 0 && this.unplaced(parent).isPositive()) this.placeNext(run);
      return;
    }
    if (run.nextIndex >= run.slices.length && openChildren === 0) {
      void this.engine
        .serial(() => this.engine.cancelOrders([parent], `algorithm finished with ${remaining(parent)} unfilled`))
        .catch((err) => this.logger.warn({ err }, 'could not close a finished algorithm'));
    }
  }

  /** Quantity not yet given to a child that is filled or still working. */
  private unplaced(parent: Order): Dec {
    let placed = new Dec(0);
    for (const child of this.engine.state.childrenOf(parent.id)) placed = placed.plus(isOpen(child) ? child.quantity : child.filledQuantity);
    return parent.quantity.minus(placed);
  }
}
