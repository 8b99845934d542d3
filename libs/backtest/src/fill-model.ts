import { type Order, trailingStopLevel } from './orders';

/**
 * The simulated venue's fill model. A decision taken at the close of bar t is matched against
 * the bars that follow, never against bar t itself. On each bar of its symbol a resting order:
 *
 * - market: fills at the open, plus slippage;
 * - limit: fills if the bar's range reaches the limit (buy: low <= limit; sell: high >= limit),
 *   at the limit, or at the open when the open is already at or better than the limit; no slippage,
 *   a limit price is a guarantee;
 * - stop: triggers if the range reaches the stop (buy: high >= stop; sell: low <= stop) and fills
 *   at the stop, or at the open when the open gapped through it, plus slippage;
 * - stop-limit (as the paper venue: a stop that, once touched, rests as a limit; limit fills, so
 *   never slipped). Until triggered, on each bar:
 *   - gap trigger (buy: open >= stop; sell: open <= stop): triggered at the open, and from there a
 *     limit for the whole bar (all of the bar comes after its open): it fills at the open if the
 *     open is at or better than the limit, else at the limit if the range reaches it;
 *   - trigger inside the bar (the range reaches the stop): it fills on that bar only if the limit
 *     is marketable at the trigger price (buy: stop <= limit; sell: stop >= limit), at the stop.
 *     Otherwise (a buy limit below its stop, a sell limit above) it rests as a limit from the next
 *     bar on, even if the bar's range also reached the limit: the path inside a bar is unknown and
 *     the limit may have been touched before the stop (the conservative choice);
 *   once triggered it is a plain limit on the following bars;
 * - trailing stop (as the paper venue: the stop trails the best price by an amount or a fraction
 *   of it, and once touched fills as a market order): the anchor starts at the close of the
 *   decision bar; on each bar the current stop level (sell: anchor − distance; buy: anchor +
 *   distance; distance = trailAmount, or anchor × trailPercent) is matched first, exactly like a
 *   stop (the open if gapped through, else the stop level, plus slippage); only if it did not fill
 *   does the anchor move to the bar's high (sell) / low (buy) when better, and the stop with it.
 *   Checking before moving is the conservative order: a bar's high never raises a sell stop that
 *   the same bar's low is then tested against.
 *
 * Slippage is adverse: a buy pays price × (1 + bps / 10,000), a sell gets price × (1 − bps / 10,000).
 *
 * Same-bar order of fills (a bar is only OHLC, its path inside is unknown): first everything that
 * fills at the open (market orders, limits already marketable, stops and trailing stops gapped
 * through, stop-limits triggered or gapped and marketable at the open), then the stops touched
 * inside the bar (stops, trailing stops, stop-limits triggered and filled at their stop), then the
 * limits touched inside the bar (limits, stop-limits already triggered); within each group, in
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
    case 'stop':
    case 'trailing-stop': {
      const stop = order.stopPrice as number;
      if (buy) return open >= stop ? open * (1 + slippage) : NaN;
      return open <= stop ? open * (1 - slippage) : NaN;
    }
    case 'stop-limit': {
      if (!order.triggered) {
        const stop = order.stopPrice as number;
        if (buy ? open < stop : open > stop) return NaN;
      }
      const limit = order.limitPrice as number;
      return (buy ? open <= limit : open >= limit) ? open : NaN;
    }
  }
}

/** Whether the bar (open or range) reaches a stop-limit's stop. */
function stopTouched(order: Order, high: number, low: number): boolean {
  const stop = order.stopPrice as number;
  return order.side === 'buy' ? high >= stop : low <= stop;
}

/** Moves a trailing stop's anchor to the bar's extreme (high for a sell, low for a buy) when better. */
export function trail(order: Order, high: number, low: number): void {
  const anchor = order.anchor;
  const best = order.side === 'sell' ? (high > anchor ? high : anchor) : low < anchor ? low : anchor;
  if (best !== anchor) {
    order.anchor = best;
    order.stopPrice = trailingStopLevel(order, best);
  }
}

/** Price at which a stop or trailing stop fills inside the bar (after the open did not fill it), or NaN. */
export function stopFillPrice(order: Order, high: number, low: number, slippage: number): number {
  const stop = order.stopPrice as number;
  if (order.side === 'buy') return high >= stop ? stop * (1 + slippage) : NaN;
  return low <= stop ? stop * (1 - slippage) : NaN;
}

/** Price at which a limit (or triggered stop-limit) fills inside the bar (after the open did not fill it), or NaN. */
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
    else {
      // A stop-limit whose stop the open gapped through is a limit for the rest of the bar.
      if (order.type === 'stop-limit' && !order.triggered && (order.side === 'buy' ? open >= (order.stopPrice as number) : open <= (order.stopPrice as number))) {
        order.triggered = true;
      }
      resting[left++] = order;
    }
  }
  // Stops touched inside the bar; what may still fill as a limit is compacted to the front.
  let rest = 0;
  for (let k = 0; k < left; k++) {
    const order = resting[k];
    const type = order.type;
    if (type === 'stop' || type === 'trailing-stop') {
      const price = stopFillPrice(order, high, low, slippage);
      if (price === price) {
        fill(order, price);
        continue;
      }
      if (type === 'trailing-stop') trail(order, high, low); // after the check: the conservative order
      continue;
    }
    if (type === 'stop-limit' && !order.triggered) {
      if (!stopTouched(order, high, low)) continue;
      order.triggered = true;
      const stop = order.stopPrice as number;
      const limit = order.limitPrice as number;
      if (order.side === 'buy' ? stop <= limit : stop >= limit) fill(order, stop);
      continue; // not marketable at its trigger: rests as a limit from the next bar
    }
    if (type === 'limit' || type === 'stop-limit') resting[rest++] = order;
  }
  for (let k = 0; k < rest; k++) {
    const order = resting[k];
    const price = limitFillPrice(order, high, low);
    if (price === price) fill(order, price);
  }
}
