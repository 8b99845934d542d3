export { builtinStrategies, findBuiltin, type BuiltinStrategy } from './registry';
export {
  lessThan,
  parseParams,
  ParamValidationError,
  resolveParams,
  type ParamError,
  type ParamRelation,
  type ParamResolution,
  type ParamRule,
} from './params';
export { positionParams, positionSizing, targetIntent, type Direction, type PositionSizing } from './position-sizing';
export { crossedAbove, crossedBelow, SignalStrategy, type SignalRule } from './signal-strategy';
export { smaCrossover } from './sma-crossover';
export { rsiMeanReversion } from './rsi-mean-reversion';
export { bollingerBreakout } from './bollinger-breakout';
export { donchianTrend } from './donchian-trend';
export { momentumRotation } from './momentum-rotation';
