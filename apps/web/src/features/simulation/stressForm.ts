import type { StressScenarioResult } from '@meridian/contracts';
import type { FieldErrors } from './runForm';
import type { ScenarioBody } from './simulationApi';

// The stress scenario builder as typed, and the scenario definitions it makes.

export type ScenarioKind = 'shock' | 'volatility' | 'correlation-one' | 'worst-window' | 'date-range';

export const SCENARIO_KINDS: Record<ScenarioKind, string> = {
  shock: 'Price shock',
  volatility: 'Volatility multiplier',
  'correlation-one': 'Correlations go to one',
  'worst-window': 'Worst historical window',
  'date-range': 'Replay a date range',
};

export interface ShockRow {
  key: number;
  symbol: string;
  /** Percent: -20 = prices fall 20 %. */
  movePct: string;
}

export interface ScenarioDraft {
  name: string;
  kind: ScenarioKind;
  /** Percent applied to every symbol not listed ('*'). */
  allPct: string;
  moves: ShockRow[];
  multiplier: string;
  days: string;
  from: string;
  to: string;
}

let nextKey = 1;
export const shockRow = (symbol = '', movePct = ''): ShockRow => ({ key: nextKey++, symbol, movePct });

export const emptyScenarioDraft = (): ScenarioDraft => ({
  name: '',
  kind: 'shock',
  allPct: '-10',
  moves: [],
  multiplier: '2',
  days: '5',
  from: '',
  to: '',
});

const pctToFraction = (n: number) => Number((n / 100).toPrecision(12));

/** The scenario of a draft ({ name, definition }), or the errors by field. */
export function scenarioOf(draft: ScenarioDraft): { scenario: ScenarioBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Name the scenario';
  else if (name.length > 80) errors.name = 'At most 80 characters';
  let definition: Record<string, unknown> = { kind: draft.kind };
  switch (draft.kind) {
    case 'shock': {
      const moves: Record<string, number> = {};
      if (draft.allPct.trim() !== '') {
        const all = Number(draft.allPct);
        if (!Number.isFinite(all) || all <= -100) errors.allPct = 'A percentage above −100';
        else moves['*'] = pctToFraction(all);
      }
      draft.moves.forEach((row, i) => {
        const symbol = row.symbol.trim().toUpperCase();
        if (!symbol && !row.movePct.trim()) return;
        const move = Number(row.movePct);
        if (!symbol) errors[`moves.${i}.symbol`] = 'Symbol';
        else if (symbol in moves) errors[`moves.${i}.symbol`] = 'Listed twice';
        if (row.movePct.trim() === '' || !Number.isFinite(move) || move <= -100) errors[`moves.${i}.movePct`] = 'A percentage above −100';
        if (symbol && Number.isFinite(move)) moves[symbol] = pctToFraction(move);
      });
      if (Object.keys(moves).length === 0) errors.allPct = 'Give a move for all symbols or for some';
      definition = { kind: 'shock', moves };
      break;
    }
    case 'volatility': {
      const multiplier = Number(draft.multiplier);
      if (!(multiplier > 0)) errors.multiplier = 'A positive multiplier, e.g. 2';
      definition = { kind: 'volatility', multiplier };
      break;
    }
    case 'correlation-one':
      break;
    case 'worst-window': {
      const days = Number(draft.days);
      if (!Number.isInteger(days) || days < 1) errors.days = 'Whole days, at least 1';
      definition = { kind: 'worst-window', days };
      break;
    }
    case 'date-range':
      if (!draft.from) errors.from = 'Start day';
      if (!draft.to) errors.to = 'End day';
      else if (draft.from && draft.from >= draft.to) errors.to = 'After the start';
      definition = { kind: 'date-range', from: `${draft.from}T00:00:00.000Z`, to: `${draft.to}T00:00:00.000Z` };
      break;
  }
  return Object.keys(errors).length ? { errors } : { scenario: { name, definition } };
}

/** A definition in words: "shock: all −10 %, R_100 −20 %". */
export function describeDefinition(definition: Record<string, unknown>): string {
  const pct = (n: unknown) => (typeof n === 'number' ? `${n > 0 ? '+' : ''}${(n * 100).toFixed(1)} %` : String(n));
  switch (definition.kind) {
    case 'shock': {
      const moves = (definition.moves ?? {}) as Record<string, unknown>;
      return `shock: ${Object.entries(moves)
        .map(([s, m]) => `${s === '*' ? 'all' : s} ${pct(m)}`)
        .join(', ')}`;
    }
    case 'volatility':
      return `volatility × ${String(definition.multiplier)}`;
    case 'correlation-one':
      return 'correlations → 1';
    case 'worst-window':
      return `worst ${String(definition.days)}-day window`;
    case 'date-range':
      return `replay ${String(definition.from).slice(0, 10)} → ${String(definition.to).slice(0, 10)}`;
    default:
      return JSON.stringify(definition);
  }
}

/**
 * A scenario's P&L as a fraction of equity. `pnlPct` is taken as a fraction or a percentage,
 * whichever matches pnl / equity; without equity it is read as a fraction.
 */
export function pnlFraction(result: Pick<StressScenarioResult, 'pnl' | 'pnlPct'>, equity: number): number {
  if (equity > 0 && Number.isFinite(result.pnl)) {
    const ratio = result.pnl / equity;
    if (Math.abs(result.pnlPct - ratio * 100) < Math.abs(result.pnlPct - ratio)) return result.pnlPct / 100;
  }
  return result.pnlPct;
}
