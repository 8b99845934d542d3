import type { StrategyDefinition } from '../sdk';
import { bollingerBreakout } from './bollinger-breakout';
import { donchianTrend } from './donchian-trend';
import { momentumRotation } from './momentum-rotation';
import type { ParamRelation } from './params';
import { rsiMeanReversion } from './rsi-mean-reversion';
import { smaCrossover } from './sma-crossover';

/**
 * A built-in strategy: a definition plus the rules between its parameters that the schema alone
 * cannot express, for `resolveParams(definition.params, input, definition.relations)`.
 * `create` and `warmup` validate (defaults fill what is missing) and throw a ParamValidationError.
 */
export interface BuiltinStrategy extends StrategyDefinition {
  readonly relations: readonly ParamRelation[];
}

export const builtinStrategies: readonly BuiltinStrategy[] = [smaCrossover, rsiMeanReversion, bollingerBreakout, donchianTrend, momentumRotation];

/** The built-in strategy with this id, or undefined. */
export function findBuiltin(id: string): BuiltinStrategy | undefined {
  return builtinStrategies.find((s) => s.id === id);
}
