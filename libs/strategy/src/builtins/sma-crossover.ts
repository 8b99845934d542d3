import { SmaStream } from '@meridian/indicators';
import type { ParamValues, StrategyDefinition } from '../sdk';
import { lessThan, parseParams, type ParamRelation } from './params';
import { positionParams, positionSizing, type Direction } from './position-sizing';
import { crossedAbove, crossedBelow, SignalStrategy, type SignalRule } from './signal-strategy';

const params = {
  fast: { type: 'integer', default: 10, min: 1, max: 500, description: 'bars of the fast simple moving average of the close' },
  slow: { type: 'integer', default: 30, min: 2, max: 2000, description: 'bars of the slow simple moving average of the close' },
  ...positionParams,
} as const;

const relations: readonly ParamRelation[] = [lessThan('fast', 'slow')];

interface State {
  readonly fast: SmaStream;
  readonly slow: SmaStream;
  previousFast: number;
  previousSlow: number;
}

function rule(fast: number, slow: number): SignalRule<State> {
  return {
    createState: () => ({ fast: new SmaStream(fast), slow: new SmaStream(slow), previousFast: NaN, previousSlow: NaN }),
    next(s, bar, current): Direction {
      const close = bar.close();
      const f = s.fast.update(close);
      const w = s.slow.update(close);
      const up = crossedAbove(s.previousFast, s.previousSlow, f, w);
      const down = crossedBelow(s.previousFast, s.previousSlow, f, w);
      s.previousFast = f;
      s.previousSlow = w;
      return up ? 1 : down ? -1 : current;
    },
  };
}

/**
 * SMA crossover: long when SMA(close, fast) crosses above SMA(close, slow) (fast > slow now,
 * fast <= slow on the previous bar), out (long-only) or short (long-short) when it crosses below.
 * The first decision can come at bar `slow`, the first bar with two slow averages.
 */
export const smaCrossover = {
  id: 'sma-crossover',
  name: 'SMA crossover',
  description: 'Goes long when the fast simple moving average of the close crosses above the slow one, and exits (or goes short) when it crosses below.',
  params,
  relations,
  warmup: (values: ParamValues) => parseParams(params, values, relations)['slow'] as number,
  create(values: ParamValues) {
    const p = parseParams(params, values, relations);
    return new SignalStrategy(rule(p['fast'] as number, p['slow'] as number), positionSizing(p), 'sma-crossover');
  },
} satisfies StrategyDefinition & { relations: readonly ParamRelation[] };
