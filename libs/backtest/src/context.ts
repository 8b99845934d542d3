import type { OpenOrderView, SeriesView, StrategyContext } from '@meridian/strategy';
import type { OrderBook } from './orders';
import type { Portfolio } from './portfolio';
import type { BarSeriesView } from './series-view';

/**
 * The one context object of a run. The engine writes `time`, `barIndex`, `cash` and `equity`
 * before each call of onBar; the rest reads the engine's state directly (no copies).
 */
export class EngineContext implements StrategyContext {
  time = NaN;
  barIndex = -1;
  cash: number;
  equity: number;
  readonly symbols: readonly string[];
  private readonly index: Map<string, number>;
  /**
   * Strategies ask about the same symbol again and again, or walk the symbols in order: checking
   * the last index and the one after it (string identity, so a pointer compare) beats the Map.
   */
  private lastSymbol = '';
  private lastIndex = -1;

  constructor(
    symbols: readonly string[],
    private readonly views: readonly BarSeriesView[],
    private readonly portfolio: Portfolio,
    private readonly book: OrderBook,
  ) {
    this.symbols = Object.freeze(symbols.slice());
    this.index = new Map(symbols.map((s, i) => [s, i]));
    this.cash = portfolio.cash;
    this.equity = portfolio.cash;
  }

  /** Index of `symbol` in the run, or -1. */
  indexOf(symbol: string): number {
    if (symbol === this.lastSymbol) return this.lastIndex;
    const next = this.lastIndex + 1 < this.symbols.length ? this.lastIndex + 1 : 0;
    const i = this.symbols[next] === symbol ? next : (this.index.get(symbol) ?? -1);
    this.lastSymbol = symbol;
    this.lastIndex = i;
    return i;
  }

  series(symbol: string): SeriesView | undefined {
    const i = this.indexOf(symbol);
    if (i < 0) return undefined;
    const view = this.views[i];
    return view.length > 0 ? view : undefined;
  }

  position(symbol: string): number {
    const i = this.indexOf(symbol);
    return i < 0 ? 0 : this.portfolio.positions[i];
  }

  averagePrice(symbol: string): number {
    const i = this.indexOf(symbol);
    return i < 0 ? NaN : this.portfolio.averagePrices[i];
  }

  openOrders(symbol?: string): readonly OpenOrderView[] {
    if (symbol === undefined) return this.book.view();
    const i = this.indexOf(symbol);
    return i < 0 ? [] : this.book.view(i);
  }
}
