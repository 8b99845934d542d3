import { DonchianStream } from '@meridian/indicators';
import type { ParamValues, StrategyDefinition } from '../sdk';
import { parseParams, type ParamRelation } from './params';
import { positionParams, positionSizing, type Direction } from './position-sizing';
import { SignalStrategy, type SignalRule } from './signal-strategy';

const params = {
  entry: { type: 'integer', default: 20, min: 1, max: 1000, description: 'breakout channel: highest high / lowest low of the previous bars' },
  exit: { type: 'integer', default: 10, min: 1, max: 1000, description: 'exit channel: a long exits below the lowest low of this many previous bars' },
  ...positionParams,
} as const;

const relations: readonly ParamRelation[] = [];

interface State {
  readonly entry: DonchianStream;
  readonly exit: DonchianStream;
}

function rule(entry: number, exit: number): SignalRule<State> {
  return {
    // includeLag: the channel of the bars before this one, so that a close can break out of it.
    createState: () => ({ entry: new DonchianStream({ period: entry, includeLag: true }), exit: new DonchianStream({ period: exit, includeLag: true }) }),
    next(s, bar, current): Direction {
      const hl = { high: bar.high(), low: bar.low() };
      const breakout = s.entry.update(hl);
      const stop = s.exit.update(hl);
      const close = bar.close();
      if (close > breakout.high) return 1;
      if (close < breakout.low) return -1; // flat in long-only mode
      if (current === 1 && close < stop.low) return 0;
      if (current === -1 && close > stop.high) return 0;
      return current; // comparisons with NaN (warm-up) are false
    },
  };
}

/**
 * Donchian trend following (the turtle rule): long when the close exceeds the highest high of the
 * previous `entry` bars, short (long-short) or flat below their lowest low; a long exits below the
 * lowest low of the previous `exit` bars, a short above their highest high.
 */
export const donchianTrend = {
  id: 'donchian-trend',
  name: 'Donchian trend',
  description: 'Follows breakouts of the Donchian channel of the previous bars, exiting on a break of a shorter channel.',
  params,
  relations,
  warmup: (values: ParamValues) => {
    const p = parseParams(params, values, relations);
    return Math.max(p['entry'] as number, p['exit'] as number);
  },
  create(values: ParamValues) {
    const p = parseParams(params, values, relations);
    return new SignalStrategy(rule(p['entry'] as number, p['exit'] as number), positionSizing(p), 'donchian-trend');
  },
} satisfies StrategyDefinition & { relations: readonly ParamRelation[] };
