import type { Order } from './orders';

/**
 * The simulated venue's fill model. A decision taken at the close of bar t is matched against
 * the bars that follow, never against bar t itself. On each bar of its symbol a resting order:
 *
 * - market: fills at the open, plus slippage;
 * - limit: fills if the bar's range reaches the limit (buy: low <= limit; sell: high >= limit),
 *   at the limit, or at the open when the open is already at or better than the limit; no slippage,
 *   a limit price is a guarantee;
 * - stop: triggers if the range reaches the stop (buy: high >= stop; sell: low <= stop) and fills
 *   at the stop, or at the open when the open gapped through it, plus slippage.
 *
 * Slippage is adverse: a buy pays price × (1 + bps / 10,000), a sell gets price × (1 − bps / 10,000).
 *
 * Same-bar order of fills (a bar is only OHLC, its path inside is unknown): first everything that
 * fills at the open (market orders, limits already marketable, stops gapped through), then the
 * stops touched inside the bar, then the limits touched inside the bar; within each group, in
 * placement order. Stops before limits is the pessimistic assumption: with a protective stop and a
 * take-profit limit both inside a bar's range, the stop is taken to have been hit first.
 * Orders are independent (no OCO): if both can fill, both fill; cancelling is the strategy's job.
 */

/** Price at which `order` fills at this bar's open, or NaN if it does not fill there. */
export function openFillPrice(order: Order, open: number, slippage: number): number {
  const buy = order.side === 'buy';
  switch (order.type) {
    case 'market':
      return buy ? open * (1 + slippage) : open * (1 - slippage);
    case 'limit': {
      const limit = order.limitPrice as number;
      return (buy ? open <= limit : open >= limit) ? open : NaN;
    }
    case 'stop': {
      const stop = order.stopPrice as number;
      if (buy) return open >= stop ? open * (1 + slippage) : NaN;
      return open <= stop ? open * (1 - slippage) : NaN;
    }
  }
}

/** Price at which a stop fills inside the bar (after the open did not fill it), or NaN. */
export function stopFillPrice(order: Order, high: number, low: number, slippage: number): number {
  const stop = order.stopPrice as number;
  if (order.side === 'buy') return high >= stop ? stop * (1 + slippage) : NaN;
  return low <= stop ? stop * (1 - slippage) : NaN;
}

/** Price at which a limit fills inside the bar (after the open did not fill it), or NaN. */
export function limitFillPrice(order: Order, high: number, low: number): number {
  const limit = order.limitPrice as number;
  if (order.side === 'buy') return low <= limit ? limit : NaN;
  return high >= limit ? limit : NaN;
}

/**
 * Matches a symbol's resting orders against one bar, calling `fill(order, price)` in the documented
 * order. Iterates over a snapshot so that `fill` may remove orders from the live list; the
 * snapshot is written into `scratch`, reused between calls (its first slots are overwritten, its
 * length never set back: both an allocation and a length change per bar would cost more).
 */
export function matchBar(
  orders: readonly Order[],
  open: number,
  high: number,
  low: number,
  slippage: number,
  fill: (order: Order, price: number) => void,
  scratch: Order[] = [],
): void {
  const resting = scratch;
  const count = orders.length;
  for (let k = 0; k < count; k++) {
    if (k < resting.length) resting[k] = orders[k];
    else resting.push(orders[k]);
  }
  let left = 0;
  for (let k = 0; k < count; k++) {
    const order = resting[k];
    const price = openFillPrice(order, open, slippage);
    if (price === price) fill(order, price);
    else resting[left++] = order;
  }
  for (let k = 0; k < left; k++) {
    const order = resting[k];
    if (order.type !== 'stop') continue;
    const price = stopFillPrice(order, high, low, slippage);
    if (price === price) fill(order, price);
  }
  for (let k = 0; k < left; k++) {
    const order = resting[k];
    if (order.type !== 'limit') continue;
    const price = limitFillPrice(order, high, low);
    if (price === price) fill(order, price);
  }
}
