import type { OrderIntent, ParamValues } from '../sdk';

/** -1 short, 0 flat, +1 long: what a signal strategy wants to hold in one symbol. */
export type Direction = -1 | 0 | 1;

/**
 * Parameters shared by the single-signal built-ins: which sides they trade and how big a position
 * is. Sizing is expressed as a target (not a number of units to trade), so that a reversal from
 * long to short is one decision and the engine or live runner computes the trade.
 */
export const positionParams = {
  mode: {
    type: 'enum',
    default: 'long-only',
    values: ['long-only', 'long-short'],
    description: 'long-only: a sell signal goes flat; long-short: it reverses into a short position',
  },
  sizing: {
    type: 'enum',
    default: 'percent',
    values: ['percent', 'quantity'],
    description: 'percent: hold a fraction of equity; quantity: hold a fixed number of units',
  },
  percent: {
    type: 'number',
    default: 1,
    min: 0.001,
    max: 10,
    description: 'fraction of equity per position when sizing = percent (1 = 100 %, above 1 is leverage)',
  },
  quantity: {
    type: 'number',
    default: 1,
    min: 0.0001,
    max: 1e12,
    description: 'units per position when sizing = quantity',
  },
} as const;

export interface PositionSizing {
  readonly longShort: boolean;
  readonly byQuantity: boolean;
  readonly percent: number;
  readonly quantity: number;
}

/** The sizing part of validated parameter values. */
export function positionSizing(values: ParamValues): PositionSizing {
  return {
    longShort: values['mode'] === 'long-short',
    byQuantity: values['sizing'] === 'quantity',
    percent: values['percent'] as number,
    quantity: values['quantity'] as number,
  };
}

/** The intent that moves `symbol` to `direction` (a short becomes flat in long-only mode). */
export function targetIntent(symbol: string, direction: Direction, sizing: PositionSizing, tag: string): OrderIntent {
  const d = direction < 0 && !sizing.longShort ? 0 : direction;
  return sizing.byQuantity
    ? { kind: 'target-quantity', symbol, quantity: d * sizing.quantity, tag }
    : { kind: 'target-percent', symbol, percent: d * sizing.percent, tag };
}
