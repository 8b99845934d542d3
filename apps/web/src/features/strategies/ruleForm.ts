import type { RuleError } from '@meridian/contracts';
import type { RuleDocument } from './strategiesApi';

// The rule builder's form as typed (strings) and the rule document it stands for.

export type SizingType = 'quantity' | 'percentEquity' | 'notional';
export type ProtectionType = 'percent' | 'points';

export interface ParamRow {
  key: number;
  name: string;
  default: string;
  min: string;
  max: string;
  step: string;
}

export interface RuleDraft {
  /** The symbols the rule names (the rule language requires them; a backtest picks its own). */
  symbols: string[];
  entry: string;
  exit: string;
  side: 'long' | 'short';
  sizingType: SizingType;
  sizingValue: string;
  stopLossOn: boolean;
  stopLossType: ProtectionType;
  stopLossValue: string;
  takeProfitOn: boolean;
  takeProfitType: ProtectionType;
  takeProfitValue: string;
  params: ParamRow[];
}

let nextKey = 1;
export const paramRow = (extra: Partial<Omit<ParamRow, 'key'>> = {}): ParamRow => ({ key: nextKey++, name: '', default: '', min: '', max: '', step: '', ...extra });

export const emptyRuleDraft = (symbols: string[] = []): RuleDraft => ({
  symbols,
  entry: 'crossAbove(sma(close, $fast), sma(close, $slow))',
  exit: 'crossBelow(sma(close, $fast), sma(close, $slow))',
  side: 'long',
  sizingType: 'percentEquity',
  sizingValue: '0.5',
  stopLossOn: false,
  stopLossType: 'percent',
  stopLossValue: '0.02',
  takeProfitOn: false,
  takeProfitType: 'percent',
  takeProfitValue: '0.05',
  params: [paramRow({ name: 'fast', default: '10', min: '2', max: '50' }), paramRow({ name: 'slow', default: '30', min: '5', max: '200' })],
});

export const SIZING_LABELS: Record<SizingType, string> = {
  quantity: 'Quantity (units)',
  percentEquity: 'Fraction of equity',
  notional: 'Notional (quote currency)',
};

export const SIZING_HINTS: Record<SizingType, string> = {
  quantity: 'units per entry',
  percentEquity: 'a fraction in (0, 1]: 0.5 = 50 % of equity',
  notional: 'quote currency per entry, ÷ the signal bar’s close',
};

/**
 * A number field of the document: the number when the text is one, the text itself otherwise (the
 * API says what is wrong with it, at its path), nothing when empty.
 */
function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** The rule document of a draft, exactly as /validate and /create receive it. */
export function ruleDocumentOf(draft: RuleDraft): RuleDocument {
  const doc: RuleDocument = { entry: draft.entry, side: draft.side, sizing: { type: draft.sizingType, value: numberOrText(draft.sizingValue) } };
  if (draft.symbols.length > 0) doc.symbols = draft.symbols;
  if (draft.exit.trim() !== '') doc.exit = draft.exit;
  if (draft.stopLossOn) doc.stopLoss = { type: draft.stopLossType, value: numberOrText(draft.stopLossValue) };
  if (draft.takeProfitOn) doc.takeProfit = { type: draft.takeProfitType, value: numberOrText(draft.takeProfitValue) };
  const params: Record<string, unknown> = {};
  for (const row of draft.params) {
    const name = row.name.trim();
    if (name === '') continue;
    const bounds = { min: numberOrText(row.min), max: numberOrText(row.max), step: numberOrText(row.step) };
    const hasBounds = Object.values(bounds).some((v) => v !== undefined);
    const value = numberOrText(row.default);
    params[name] = hasBounds
      ? { default: value, ...Object.fromEntries(Object.entries(bounds).filter(([, v]) => v !== undefined)) }
      : value;
  }
  if (Object.keys(params).length > 0) doc.params = params;
  return doc;
}

/** Problems the form sees before asking the API (the API cannot see a name given twice). */
export function localRuleErrors(draft: RuleDraft): RuleError[] {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  for (const row of draft.params) {
    const name = row.name.trim();
    if (name === '') continue;
    if (seen.has(name)) errors.push({ path: `params.${name}`, message: `parameter ${name} is named twice` });
    seen.add(name);
  }
  return errors;
}

const text = (v: unknown, fallback = '') => (typeof v === 'number' || typeof v === 'string' ? String(v) : fallback);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored rule document (a version's definition) back in the form, to edit it into a new version. */
export function draftFromRule(doc: Record<string, unknown>): RuleDraft {
  const base = emptyRuleDraft();
  const sizing = isObject(doc.sizing) ? doc.sizing : {};
  const sl = isObject(doc.stopLoss) ? doc.stopLoss : null;
  const tp = isObject(doc.takeProfit) ? doc.takeProfit : null;
  const params = isObject(doc.params) ? doc.params : {};
  return {
    symbols: Array.isArray(doc.symbols) ? doc.symbols.filter((x): x is string => typeof x === 'string') : [],
    entry: text(doc.entry),
    exit: text(doc.exit),
    side: doc.side === 'short' ? 'short' : 'long',
    sizingType: (['quantity', 'percentEquity', 'notional'] as const).find((t) => t === sizing.type) ?? base.sizingType,
    sizingValue: text(sizing.value),
    stopLossOn: sl !== null,
    stopLossType: sl?.type === 'points' ? 'points' : 'percent',
    stopLossValue: sl ? text(sl.value) : base.stopLossValue,
    takeProfitOn: tp !== null,
    takeProfitType: tp?.type === 'points' ? 'points' : 'percent',
    takeProfitValue: tp ? text(tp.value) : base.takeProfitValue,
    params: Object.entries(params).map(([name, spec]) =>
      isObject(spec)
        ? paramRow({ name, default: text(spec.default), min: text(spec.min), max: text(spec.max), step: text(spec.step) })
        : paramRow({ name, default: text(spec) }),
    ),
  };
}

/** The errors at a path and below it ("sizing" takes "sizing.value" too). */
export function errorsUnder(errors: readonly RuleError[], path: string): RuleError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}

/** The paths the builder shows errors at; anything else goes to the list under the form. */
export function placedPaths(draft: RuleDraft): string[] {
  const names = draft.params.map((p) => p.name.trim()).filter(Boolean);
  return ['symbols', 'entry', 'exit', 'side', 'sizing', 'stopLoss', 'takeProfit', ...names.map((n) => `params.${n}`)];
}

export function unplacedErrors(errors: readonly RuleError[], placed: readonly string[]): RuleError[] {
  return errors.filter((e) => !placed.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
}

/**
 * A 400 from /create names fields of the body ("rule.entry"); the builder shows rule errors by
 * their path in the rule ("entry").
 */
export function ruleErrorsFromFieldErrors(fieldErrors: Record<string, string>): RuleError[] {
  return Object.entries(fieldErrors)
    .filter(([field]) => field === 'rule' || field.startsWith('rule.'))
    .map(([field, message]) => ({ path: field.replace(/^rule\.?/, ''), message }));
}

/** The message without the "at 1:15" the parser appends: the builder shows the place itself. */
export const bareMessage = (e: RuleError) => (e.position ? e.message.replace(/ at \d+:\d+$/, '') : e.message);

/** Pieces of an expression with the characters at the errors' offsets marked (a caret past the end marks a space). */
export function markErrors(source: string, errors: readonly RuleError[]): { text: string; marked: boolean; offset: number }[] {
  const offsets = [...new Set(errors.filter((e) => e.position).map((e) => Math.max(0, Math.min(e.position!.offset, source.length))))].sort((a, b) => a - b);
  const pieces: { text: string; marked: boolean; offset: number }[] = [];
  let at = 0;
  for (const offset of offsets) {
    if (offset > at) pieces.push({ text: source.slice(at, offset), marked: false, offset: at });
    const ch = source.slice(offset, offset + 1);
    pieces.push({ text: ch === '' || ch === '\n' ? ' ' : ch, marked: true, offset });
    at = offset + (ch === '' || ch === '\n' ? 0 : 1);
  }
  if (at < source.length) pieces.push({ text: source.slice(at), marked: false, offset: at });
  return pieces;
}
