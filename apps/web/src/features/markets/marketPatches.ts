import type { CandlePage, CandleView, LiveDataResponse, PriceAlertFired, PriceAlertView } from '@meridian/contracts';
import type { MarketTick } from '../../live/marketChannels';

// Pure cache updates for market stream frames; the RTK Query lifecycles apply them to drafts.

/**
 * A tick moves the quote's price and time, widens the 24 h range when the price leaves it, and
 * re-derives the 24 h change from the reference price (price − change) the server reported.
 */
export function applyTick(data: LiveDataResponse, tick: MarketTick): void {
  const quote = data.quotes.find((q) => q.symbol === tick.symbol);
  if (!quote || tick.epochMs < quote.epochMs) return; // conflation may replay an older price
  if (quote.change24h != null) {
    const reference = quote.price - quote.change24h;
    quote.change24h = tick.price - reference;
    quote.changePct24h = reference !== 0 ? (quote.change24h / reference) * 100 : quote.changePct24h;
  }
  quote.price = tick.price;
  quote.epochMs = tick.epochMs;
  if (quote.high24h == null || tick.price > quote.high24h) quote.high24h = tick.price;
  if (quote.low24h == null || tick.price < quote.low24h) quote.low24h = tick.price;
}

/**
 * A candle frame replaces the last candle of the page when it is the same bucket, appends it when
 * newer, and otherwise replaces the stored candle of that time (a late correction) if there is one.
 */
export function applyCandle(page: CandlePage, candle: CandleView): void {
  const items = page.items;
  const last = items[items.length - 1];
  if (!last || candle.time > last.time) {
    if (last && !last.closed) items[items.length - 1] = { ...last, closed: true };
    items.push(candle);
  } else if (candle.time === last.time) {
    items[items.length - 1] = candle;
  } else {
    const index = items.findIndex((c) => c.time === candle.time);
    if (index >= 0) items[index] = candle;
  }
}

/** Counts a firing on the alert it belongs to; a one-shot alert is spent once it fired. */
export function applyAlertFired(alerts: PriceAlertView[], fired: PriceAlertFired): void {
  const alert = alerts.find((a) => a.id === fired.alertId);
  if (!alert) return;
  alert.firedCount += 1;
  alert.lastFiredAt = new Date(fired.epochMs).toISOString();
  if (alert.trigger.mode === 'once') alert.status = 'spent';
}

/** Newest first, at most `keep`. */
export function pushFired(list: PriceAlertFired[], fired: PriceAlertFired, keep = 20): void {
  list.unshift(fired);
  list.splice(keep);
}
