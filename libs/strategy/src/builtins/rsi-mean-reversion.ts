import { RsiStream } from '@meridian/indicators';
import type { ParamValues, StrategyDefinition } from '../sdk';
import { lessThan, parseParams, type ParamRelation } from './params';
import { positionParams, positionSizing, type Direction } from './position-sizing';
import { SignalStrategy, type SignalRule } from './signal-strategy';

const params = {
  period: { type: 'integer', default: 14, min: 2, max: 500, description: "bars of Wilder's RSI of the close" },
  oversold: { type: 'number', default: 30, min: 0, max: 100, description: 'RSI below this opens a long position' },
  exit: { type: 'number', default: 50, min: 0, max: 100, description: 'RSI crossing back to this level closes the position' },
  overbought: { type: 'number', default: 70, min: 0, max: 100, description: 'RSI above this opens a short position (long-short mode)' },
  ...positionParams,
} as const;

const relations: readonly ParamRelation[] = [lessThan('oversold', 'exit'), lessThan('exit', 'overbought')];

interface Levels {
  readonly oversold: number;
  readonly exit: number;
  readonly overbought: number;
}

function rule(period: number, levels: Levels): SignalRule<RsiStream> {
  return {
    createState: () => new RsiStream(period),
    next(rsi, bar, current): Direction {
      const r = rsi.update(bar.close());
      if (r !== r) return current; // warm-up, or a flat market (0/0)
      if (r < levels.oversold) return 1;
      if (r > levels.overbought) return -1; // flat in long-only mode
      if (current === 1 && r >= levels.exit) return 0;
      if (current === -1 && r <= levels.exit) return 0;
      return current;
    },
  };
}

/**
 * RSI mean reversion: buy when RSI(period) falls below `oversold`, close when it is back at
 * `exit`; in long-short mode also sell short above `overbought` and cover at `exit`.
 * Levels are held, not crossed, so a position opened in a deep dip is kept until the exit level.
 */
export const rsiMeanReversion = {
  id: 'rsi-mean-reversion',
  name: 'RSI mean reversion',
  description: "Buys when Wilder's RSI is oversold and sells when it is back at the exit level; in long-short mode also shorts when overbought.",
  params,
  relations,
  warmup: (values: ParamValues) => parseParams(params, values, relations)['period'] as number,
  create(values: ParamValues) {
    const p = parseParams(params, values, relations);
    const levels = { oversold: p['oversold'] as number, exit: p['exit'] as number, overbought: p['overbought'] as number };
    return new SignalStrategy(rule(p['period'] as number, levels), positionSizing(p), 'rsi-mean-reversion');
  },
} satisfies StrategyDefinition & { relations: readonly ParamRelation[] };
