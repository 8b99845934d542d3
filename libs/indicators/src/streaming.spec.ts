import { type Ohlc, type Params, runIndicator } from './reference-cases';
import { mismatches, prng, randomBars } from './spec-helpers';

// Property: for many seeded random series (random walks with flat stretches) and random
// parameters, the streaming form gives the batch form's numbers at every index (1e-9), and NaN at
// exactly the same indices.

type Rand = () => number;
const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const coin = (rand: Rand): boolean => rand() < 0.5;

const PARAMS: Record<string, (rand: Rand) => Params> = {
  sma: (r) => ({ period: int(r, 1, 60) }),
  ema: (r) => ({ period: int(r, 1, 60), wilder: coin(r) }),
  wma: (r) => ({ period: int(r, 1, 60) }),
  rsi: (r) => ({ period: int(r, 1, 40) }),
  macd: (r) => ({ fast: int(r, 1, 30), slow: int(r, 1, 60), signal: int(r, 1, 20), percent: coin(r) }),
  bollinger: (r) => ({ period: int(r, 1, 50), k: 0.5 + 3 * r(), input: coin(r) ? 'typical' : 'close' }),
  atr: (r) => ({ period: int(r, 1, 40) }),
  stochastic: (r) => ({ fastK: int(r, 1, 30), fastD: int(r, 1, 6), slowD: int(r, 1, 6), smooth: int(r, 1, 5), bounded: coin(r) }),
  roc: (r) => ({ period: int(r, 1, 30), type: coin(r) ? 'continuous' : 'discrete' }),
  runSD: (r) => ({ period: int(r, 2, 50), sample: coin(r) }),
  runMax: (r) => ({ period: int(r, 1, 50) }),
  runMin: (r) => ({ period: int(r, 1, 50) }),
  donchian: (r) => ({ period: int(r, 1, 50), includeLag: coin(r) }),
};

/** Indicators on one series accept leading NaN (missing history) in that series. */
const SINGLE_SERIES = new Set(['sma', 'ema', 'wma', 'rsi', 'macd', 'runSD', 'roc']);

function withLeadingNaN(d: Ohlc, count: number): Ohlc {
  const close = Float64Array.from(d.close);
  close.fill(NaN, 0, count);
  return { ...d, close };
}

const SERIES = 40;

describe('streaming form equals batch form at every index (seeded random series and parameters)', () => {
  for (const indicator of Object.keys(PARAMS)) {
    it(`${indicator}: ${SERIES} random series, random parameters`, () => {
      for (let seed = 1; seed <= SERIES; seed++) {
        const rand = prng(seed * 7919 + indicator.length);
        const length = int(rand, 0, 400);
        let data: Ohlc = randomBars(rand, length, seed % 4 !== 0);
        if (SINGLE_SERIES.has(indicator) && seed % 3 === 0) data = withLeadingNaN(data, int(rand, 0, Math.min(20, length)));
        const params = PARAMS[indicator](rand);
        const { batch, streaming } = runIndicator(indicator, params, data);
        for (const name of Object.keys(batch)) {
          expect({ seed, params, output: name, mismatches: mismatches(streaming[name], batch[name]) }).toEqual({
            seed,
            params,
            output: name,
            mismatches: [],
          });
        }
      }
    });
  }
});
