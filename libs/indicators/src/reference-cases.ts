// Test-only: runs one case of reference/ttr-reference.json through the batch form and the
// streaming form of the matching indicator.
import { atr, AtrStream } from './atr';
import { bollinger, BollingerStream, typicalPrice, typicalPriceOf } from './bollinger';
import { donchian, DonchianStream } from './donchian';
import { ema, EmaStream } from './ema';
import { macd, MacdStream } from './macd';
import { runMax, RunMaxStream, runMin, RunMinStream } from './rolling-extrema';
import { roc, RocStream, type RocType } from './roc';
import { rsi, RsiStream } from './rsi';
import { runSD, RunSdStream } from './run-sd';
import { sma, SmaStream } from './sma';
import { stochastic, StochasticStream } from './stochastic';
import type { HlcBar } from './types';
import { wma, WmaStream } from './wma';

export type Params = Record<string, number | boolean | string>;
export type Outputs = Record<string, Float64Array>;

export interface Ohlc {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

function num(p: Params, key: string): number {
  const v = p[key];
  if (typeof v !== 'number') throw new Error(`param ${key} is not a number`);
  return v;
}

function bool(p: Params, key: string): boolean {
  const v = p[key];
  if (typeof v !== 'boolean') throw new Error(`param ${key} is not a boolean`);
  return v;
}

function bar(d: Ohlc, i: number): HlcBar {
  return { high: d.high[i], low: d.low[i], close: d.close[i] };
}

/** Collects the streaming outputs of `step(i)` into arrays named like the batch outputs. */
function stream<T extends Record<string, number>>(length: number, names: readonly (keyof T & string)[], step: (i: number) => T): Outputs {
  const out: Outputs = {};
  for (const name of names) out[name] = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = step(i);
    for (const name of names) out[name][i] = v[name];
  }
  return out;
}

function scalarStream(length: number, step: (i: number) => number): Outputs {
  return stream(length, ['value'], (i) => ({ value: step(i) }));
}

/** Batch and streaming outputs of one indicator with the given (our-named) parameters. */
export function runIndicator(indicator: string, p: Params, d: Ohlc): { batch: Outputs; streaming: Outputs } {
  const n = d.close.length;
  const c = d.close;
  switch (indicator) {
    case 'sma': {
      const s = new SmaStream(num(p, 'period'));
      return { batch: { value: sma(c, num(p, 'period')) }, streaming: scalarStream(n, (i) => s.update(c[i])) };
    }
    case 'ema': {
      const opts = { wilder: bool(p, 'wilder') };
      const s = new EmaStream(num(p, 'period'), opts);
      return { batch: { value: ema(c, num(p, 'period'), opts) }, streaming: scalarStream(n, (i) => s.update(c[i])) };
    }
    case 'wma': {
      const s = new WmaStream(num(p, 'period'));
      return { batch: { value: wma(c, num(p, 'period')) }, streaming: scalarStream(n, (i) => s.update(c[i])) };
    }
    case 'rsi': {
      const s = new RsiStream(num(p, 'period'));
      return { batch: { value: rsi(c, num(p, 'period')) }, streaming: scalarStream(n, (i) => s.update(c[i])) };
    }
    case 'macd': {
      const opts = { fast: num(p, 'fast'), slow: num(p, 'slow'), signal: num(p, 'signal'), percent: bool(p, 'percent') };
      const s = new MacdStream(opts);
      const batch = macd(c, opts);
      return {
        batch: { macd: batch.macd, signal: batch.signal, histogram: batch.histogram },
        streaming: stream(n, ['macd', 'signal', 'histogram'], (i) => ({ ...s.update(c[i]) })),
      };
    }
    case 'bollinger': {
      const opts = { period: num(p, 'period'), k: num(p, 'k') };
      const typical = p.input === 'typical';
      const price = typical ? typicalPrice(d) : c;
      const s = new BollingerStream(opts);
      const b = bollinger(price, opts);
      return {
        batch: { lower: b.lower, middle: b.middle, upper: b.upper, pctB: b.pctB },
        streaming: stream(n, ['lower', 'middle', 'upper', 'pctB'], (i) => ({
          ...s.update(typical ? typicalPriceOf(bar(d, i)) : c[i]),
        })),
      };
    }
    case 'atr': {
      const s = new AtrStream(num(p, 'period'));
      const b = atr(d, num(p, 'period'));
      return { batch: { tr: b.tr, atr: b.atr }, streaming: stream(n, ['tr', 'atr'], (i) => ({ ...s.update(bar(d, i)) })) };
    }
    case 'stochastic': {
      const opts = {
        fastK: num(p, 'fastK'),
        fastD: num(p, 'fastD'),
        slowD: num(p, 'slowD'),
        smooth: num(p, 'smooth'),
        bounded: bool(p, 'bounded'),
      };
      const s = new StochasticStream(opts);
      const b = stochastic(d, opts);
      return {
        batch: { fastK: b.fastK, fastD: b.fastD, slowD: b.slowD },
        streaming: stream(n, ['fastK', 'fastD', 'slowD'], (i) => ({ ...s.update(bar(d, i)) })),
      };
    }
    case 'roc': {
      const opts = { type: p.type as RocType };
      const s = new RocStream(num(p, 'period'), opts);
      return { batch: { value: roc(c, num(p, 'period'), opts) }, streaming: scalarStream(n, (i) => s.update(c[i])) };
    }
    case 'runSD': {
      const opts = { sample: bool(p, 'sample') };
      const s = new RunSdStream(num(p, 'period'), opts);
      return { batch: { value: runSD(c, num(p, 'period'), opts) }, streaming: scalarStream(n, (i) => s.update(c[i])) };
    }
    case 'runMax': {
      const s = new RunMaxStream(num(p, 'period'));
      return { batch: { value: runMax(d.high, num(p, 'period')) }, streaming: scalarStream(n, (i) => s.update(d.high[i])) };
    }
    case 'runMin': {
      const s = new RunMinStream(num(p, 'period'));
      return { batch: { value: runMin(d.low, num(p, 'period')) }, streaming: scalarStream(n, (i) => s.update(d.low[i])) };
    }
    case 'donchian': {
      const opts = { period: num(p, 'period'), includeLag: bool(p, 'includeLag') };
      const s = new DonchianStream(opts);
      const b = donchian(d, opts);
      return {
        batch: { high: b.high, mid: b.mid, low: b.low },
        streaming: stream(n, ['high', 'mid', 'low'], (i) => ({ ...s.update({ high: d.high[i], low: d.low[i] }) })),
      };
    }
    default:
      throw new Error(`unknown indicator ${indicator}`);
  }
}
