import type { MarketTimeframe, ParamSpecView } from '@meridian/contracts';
import type { BacktestData, ParamValue, SimulationBacktestBody, WalkForwardObjective } from './simulationApi';

// The backtest data fields, parameters, grid and walk-forward of the run forms, as typed (strings),
// and the request bodies they make.

export type FieldErrors = Record<string, string>;

/** Symbols, timeframe, dates and costs: what every backtest reads and pays. */
export interface DataDraft {
  symbols: string[];
  timeframe: MarketTimeframe;
  /** yyyy-mm-dd (date inputs), UTC days. */
  from: string;
  to: string;
  initialCash: string;
  feesBps: string;
  feeFixed: string;
  slippageBps: string;
}

export const emptyDataDraft = (symbols: string[] = []): DataDraft => ({
  symbols,
  timeframe: '1d',
  from: '',
  to: '',
  initialCash: '100000',
  feesBps: '0',
  feeFixed: '0',
  slippageBps: '0',
});

export const MAX_SYMBOLS = 20;
export const MAX_GRID_POINTS = 2000;

/** A number field: undefined when empty, an error message when it is not a number in [min, max]. */
function numberField(text: string, min: number, max: number, errors: FieldErrors, field: string, integer = false): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) errors[field] = 'Enter a number';
  else if (integer && !Number.isInteger(n)) errors[field] = 'Enter a whole number';
  else if (n < min || n > max) errors[field] = `Between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`;
  else return n;
  return undefined;
}

const dayToIso = (day: string) => `${day}T00:00:00.000Z`;

export function backtestDataOf(draft: DataDraft, errors: FieldErrors): BacktestData {
  if (draft.symbols.length === 0) errors.symbols = 'Pick at least one symbol';
  else if (draft.symbols.length > MAX_SYMBOLS) errors.symbols = `At most ${MAX_SYMBOLS} symbols`;
  if (draft.from && draft.to && draft.from >= draft.to) errors.to = 'After the start';
  const data: BacktestData = { symbols: draft.symbols, timeframe: draft.timeframe };
  if (draft.from) data.from = dayToIso(draft.from);
  if (draft.to) data.to = dayToIso(draft.to);
  const initialCash = numberField(draft.initialCash, 1, 1e12, errors, 'initialCash');
  const feesBps = numberField(draft.feesBps, 0, 1000, errors, 'feesBps');
  const feeFixed = numberField(draft.feeFixed, 0, 1e6, errors, 'feeFixed');
  const slippageBps = numberField(draft.slippageBps, 0, 1000, errors, 'slippageBps');
  if (initialCash !== undefined) data.initialCash = initialCash;
  if (feesBps !== undefined) data.feesBps = feesBps;
  if (feeFixed !== undefined) data.feeFixed = feeFixed;
  if (slippageBps !== undefined) data.slippageBps = slippageBps;
  return data;
}

/** One parameter as typed: a value (empty = the default) and, for a grid, a list of values. */
export interface ParamDraft {
  value: string;
  grid: string;
}

/**
 * A typed value for a parameter: by its schema when known, else a number when it reads as one,
 * a boolean for true/false, the text otherwise.
 */
export function parseParamValue(text: string, spec?: ParamSpecView): { value: ParamValue } | { error: string } {
  const t = text.trim();
  if (spec?.type === 'boolean' || (!spec && (t === 'true' || t === 'false'))) {
    if (t === 'true' || t === 'false') return { value: t === 'true' };
    return { error: `${t} is not true or false` };
  }
  if (spec?.type === 'enum') {
    return spec.values.includes(t) ? { value: t } : { error: `${t} is not one of ${spec.values.join(', ')}` };
  }
  const n = Number(t);
  if (t === '' || !Number.isFinite(n)) return spec ? { error: `${t || '(empty)'} is not a number` } : { value: t };
  if (spec?.type === 'integer' && !Number.isInteger(n)) return { error: `${t} is not a whole number` };
  if (spec && (spec.type === 'integer' || spec.type === 'number') && (n < spec.min || n > spec.max)) {
    return { error: `${t} is outside ${spec.min}–${spec.max}` };
  }
  return { value: n };
}

/**
 * A grid list: values separated by commas, e.g. "5, 10, 20"; a numeric item may be a range
 * from:to:step ("10:30:10" is 10, 20, 30). Duplicates count once, in the order written.
 */
export function parseGridList(text: string, spec?: ParamSpecView): { values: ParamValue[] } | { error: string } {
  const values: ParamValue[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const range = /^(-?[\d.]+(?:e-?\d+)?):(-?[\d.]+(?:e-?\d+)?):([\d.]+(?:e-?\d+)?)$/i.exec(item);
    if (range) {
      const [from, to, step] = range.slice(1).map(Number);
      if (!(step > 0) || to < from) return { error: `${item}: a range is from:to:step with from ≤ to and step > 0` };
      if ((to - from) / step > MAX_GRID_POINTS) return { error: `${item}: more than ${MAX_GRID_POINTS} values` };
      // Steps as multiples of the first value, rounded to the step's decimals (0.1 steps stay 0.1, 0.2, ...).
      const decimals = Math.max(...[from, step].map((x) => (String(x).split('.')[1] ?? '').length));
      for (let k = 0; from + k * step <= to + 1e-9; k++) {
        const parsed = parseParamValue(String(Number((from + k * step).toFixed(decimals))), spec);
        if ('error' in parsed) return { error: parsed.error };
        values.push(parsed.value);
      }
      continue;
    }
    const parsed = parseParamValue(item, spec);
    if ('error' in parsed) return { error: parsed.error };
    values.push(parsed.value);
  }
  return { values: [...new Set(values)] };
}

/** Parameter values to override and the grid to search, from the typed rows. */
export function paramsAndGridOf(
  drafts: Record<string, ParamDraft>,
  specs: Record<string, ParamSpecView>,
  errors: FieldErrors,
  withGrid: boolean,
): { params?: Record<string, ParamValue>; grid?: Record<string, ParamValue[]> } {
  const params: Record<string, ParamValue> = {};
  const grid: Record<string, ParamValue[]> = {};
  for (const [name, draft] of Object.entries(drafts)) {
    const spec = specs[name];
    if (draft.value.trim() !== '') {
      const parsed = parseParamValue(draft.value, spec);
      if ('error' in parsed) errors[`params.${name}`] = parsed.error;
      else params[name] = parsed.value;
    }
    if (withGrid && draft.grid.trim() !== '') {
      const parsed = parseGridList(draft.grid, spec);
      if ('error' in parsed) errors[`grid.${name}`] = parsed.error;
      else if (parsed.values.length > 0) grid[name] = parsed.values;
    }
  }
  const points = Object.values(grid).reduce((n, values) => n * values.length, 1);
  if (points > MAX_GRID_POINTS) errors.grid = `${points.toLocaleString('en-US')} grid points: at most ${MAX_GRID_POINTS.toLocaleString('en-US')}`;
  return {
    ...(Object.keys(params).length ? { params } : {}),
    ...(Object.keys(grid).length ? { grid } : {}),
  };
}

/** The full run form of the Simulation page. */
export interface RunDraft {
  source: 'registry' | 'rule';
  strategyId: string;
  /** Empty: the latest version. */
  version: string;
  /** The inline rule document as JSON. */
  ruleText: string;
  params: Record<string, ParamDraft>;
  data: DataDraft;
  randomOn: boolean;
  randomSamples: string;
  randomSeed: string;
  walkForwardOn: boolean;
  wfWindows: string;
  wfInSampleBars: string;
  wfOutOfSampleBars: string;
  wfObjective: WalkForwardObjective;
  lookaheadCheck: boolean;
}

export const SAMPLE_RULE = JSON.stringify(
  {
    entry: 'crossAbove(sma(close, $fast), sma(close, 30))',
    exit: 'crossBelow(sma(close, $fast), sma(close, 30))',
    side: 'long',
    sizing: { type: 'percentEquity', value: 0.5 },
    params: { fast: 10 },
  },
  null,
  2,
);

export const emptyRunDraft = (strategyId = '', symbols: string[] = []): RunDraft => ({
  source: 'registry',
  strategyId,
  version: '',
  ruleText: SAMPLE_RULE,
  params: {},
  data: emptyDataDraft(symbols),
  randomOn: false,
  randomSamples: '50',
  randomSeed: '1',
  walkForwardOn: false,
  wfWindows: '4',
  wfInSampleBars: '250',
  wfOutOfSampleBars: '60',
  wfObjective: 'sharpe',
  lookaheadCheck: false,
});

/** The inline rule, parsed: its document, or why it is not one. */
export function parseRuleText(text: string): { rule: Record<string, unknown> } | { error: string } {
  try {
    const rule: unknown = JSON.parse(text);
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return { error: 'The rule is a JSON object: { "entry": …, "exit": …, "side": …, "sizing": … }' };
    return { rule: rule as Record<string, unknown> };
  } catch (err) {
    return { error: `Not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Parameter names of an inline rule (its `params`), for the parameter rows. */
export function ruleParamNames(text: string): string[] {
  const parsed = parseRuleText(text);
  if ('error' in parsed) return [];
  const params = parsed.rule.params;
  return typeof params === 'object' && params !== null && !Array.isArray(params) ? Object.keys(params) : [];
}

/** POST /api/simulation/backtest from the form, or the errors by field. */
export function runBodyOf(draft: RunDraft, specs: Record<string, ParamSpecView>): { body: SimulationBacktestBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body: SimulationBacktestBody = { ...backtestDataOf(draft.data, errors) };
  if (draft.source === 'registry') {
    if (!draft.strategyId) errors.strategyId = 'Pick a strategy';
    else body.strategyId = draft.strategyId;
    const version = numberField(draft.version, 1, 1e9, errors, 'version', true);
    if (version !== undefined) body.version = version;
  } else {
    const parsed = parseRuleText(draft.ruleText);
    if ('error' in parsed) errors.rule = parsed.error;
    // The rule language wants the symbols a rule trades: without them, the run's.
    else body.rule = 'symbols' in parsed.rule ? parsed.rule : { ...parsed.rule, symbols: body.symbols };
  }
  const { params, grid } = paramsAndGridOf(draft.params, draft.source === 'registry' ? specs : {}, errors, true);
  if (params) body.params = params;
  if (grid) body.grid = grid;
  if (draft.randomOn) {
    if (grid) errors.random = 'A grid or a random search, not both';
    const samples = numberField(draft.randomSamples, 1, 10_000, errors, 'randomSamples', true);
    const seed = numberField(draft.randomSeed, 0, 2 ** 31, errors, 'randomSeed', true);
    if (samples === undefined && !errors.randomSamples) errors.randomSamples = 'How many samples';
    if (samples !== undefined) body.random = { samples, ...(seed !== undefined ? { seed } : {}) };
  }
  if (draft.walkForwardOn) {
    if (!grid && !draft.randomOn) errors.walkForward = 'Walk-forward optimises a grid or a random search: give one';
    const windows = numberField(draft.wfWindows, 1, 50, errors, 'wfWindows', true);
    const inSampleBars = numberField(draft.wfInSampleBars, 10, 10_000_000, errors, 'wfInSampleBars', true);
    const outOfSampleBars = numberField(draft.wfOutOfSampleBars, 5, 10_000_000, errors, 'wfOutOfSampleBars', true);
    if (windows === undefined && !errors.wfWindows) errors.wfWindows = 'Required';
    if (inSampleBars === undefined && !errors.wfInSampleBars) errors.wfInSampleBars = 'Required';
    if (outOfSampleBars === undefined && !errors.wfOutOfSampleBars) errors.wfOutOfSampleBars = 'Required';
    if (windows !== undefined && inSampleBars !== undefined && outOfSampleBars !== undefined) {
      body.walkForward = { windows, inSampleBars, outOfSampleBars, objective: draft.wfObjective };
    }
  }
  if (draft.lookaheadCheck) body.lookaheadCheck = true;
  return Object.keys(errors).length ? { errors } : { body };
}

/** API field errors (a 400's details) under the form's field names. */
export function formFieldOf(apiField: string): string {
  if (apiField.startsWith('walkForward.')) return `wf${apiField[12].toUpperCase()}${apiField.slice(13)}`;
  if (apiField.startsWith('random.')) return `random${apiField[7].toUpperCase()}${apiField.slice(8)}`;
  return apiField;
}
