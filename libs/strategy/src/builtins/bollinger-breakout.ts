import { BollingerStream } from '@meridian/indicators';
import type { ParamValues, StrategyDefinition } from '../sdk';
import { parseParams, type ParamRelation } from './params';
import { positionParams, positionSizing, type Direction } from './position-sizing';
import { SignalStrategy, type SignalRule } from './signal-strategy';

const params = {
  period: { type: 'integer', default: 20, min: 2, max: 500, description: 'bars of the moving average and standard deviation' },
  k: { type: 'number', default: 2, min: 0.1, max: 10, description: 'band width in population standard deviations' },
  ...positionParams,
} as const;

const relations: readonly ParamRelation[] = [];

function rule(period: number, k: number): SignalRule<BollingerStream> {
  return {
    createState: () => new BollingerStream({ period, k }),
    next(bands, bar, current): Direction {
      const close = bar.close();
      const b = bands.update(close);
      if (b.middle !== b.middle) return current; // warm-up
      if (close > b.upper) return 1;
      if (close < b.lower) return -1; // flat in long-only mode
      if (current === 1 && close < b.middle) return 0;
      if (current === -1 && close > b.middle) return 0;
      return current;
    },
  };
}

/**
 * Bollinger breakout: long when the close breaks above the upper band (SMA + k·σ, TTR's BBands),
 * short (long-short) or flat below the lower band; a position is closed when the close crosses
 * back through the middle band.
 */
export const bollingerBreakout = {
  id: 'bollinger-breakout',
  name: 'Bollinger breakout',
  description: 'Goes long when the close breaks above the upper Bollinger band and short (or flat) below the lower band; exits at the middle band.',
  params,
  relations,
  warmup: (values: ParamValues) => (parseParams(params, values, relations)['period'] as number) - 1,
  create(values: ParamValues) {
    const p = parseParams(params, values, relations);
    return new SignalStrategy(rule(p['period'] as number, p['k'] as number), positionSizing(p), 'bollinger-breakout');
  },
} satisfies StrategyDefinition & { relations: readonly ParamRelation[] };
