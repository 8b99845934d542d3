import type { RiskLimitsValues, RiskLimitsVersion } from '@meridian/contracts';
import { isPositiveDecimal, normaliseDecimal, shiftDecimal } from '../../ui/decimal';
import { formatDecimal, formatNumber } from '../../ui/format';

export type LimitKey = keyof RiskLimitsValues;

export interface LimitField {
  key: LimitKey;
  label: string;
  /** decimal: a positive decimal; percent: typed in %, sent as a fraction; integer: a whole number. */
  kind: 'decimal' | 'percent' | 'integer';
  hint?: string;
  max?: number;
}

export const LIMIT_FIELDS: readonly LimitField[] = [
  { key: 'maxOrderQuantity', label: 'Max order quantity', kind: 'decimal' },
  { key: 'maxOrderNotional', label: 'Max order notional', kind: 'decimal' },
  { key: 'priceCollarPct', label: 'Price collar', kind: 'percent', hint: '% from the last price' },
  { key: 'maxPosition', label: 'Max position', kind: 'decimal', hint: 'absolute quantity' },
  { key: 'maxGrossExposure', label: 'Max gross exposure', kind: 'decimal' },
  { key: 'maxOpenOrders', label: 'Max open orders', kind: 'integer', max: 1_000_000 },
  { key: 'maxDailyLoss', label: 'Max daily loss', kind: 'decimal' },
  { key: 'duplicateWindowMs', label: 'Duplicate window', kind: 'integer', hint: 'ms, 0 = off', max: 86_400_000 },
];

export type LimitsDraft = Record<LimitKey, string>;

/** The form of a scope's limits: blank where not checked, the collar in %. */
export function draftOf(limits: RiskLimitsValues | undefined): LimitsDraft {
  const draft = {} as LimitsDraft;
  for (const f of LIMIT_FIELDS) {
    const value = limits?.[f.key];
    draft[f.key] = value == null ? '' : f.kind === 'percent' ? shiftDecimal(String(value), 2) : String(value);
  }
  return draft;
}

/** The full set of values to send (blank = null, not checked), or the errors by `limits.<key>`. */
export function valuesOf(draft: LimitsDraft): { values: RiskLimitsValues } | { errors: Record<string, string> } {
  const values: Record<string, string | number | null> = {};
  const errors: Record<string, string> = {};
  for (const f of LIMIT_FIELDS) {
    const text = normaliseDecimal(draft[f.key]);
    if (!text) {
      values[f.key] = null;
    } else if (f.kind === 'integer') {
      const n = Number(text);
      if (!/^\d+$/.test(text) || n > (f.max ?? Number.MAX_SAFE_INTEGER)) errors[`limits.${f.key}`] = `a whole number from 0 to ${formatNumber(f.max ?? 0)}`;
      else values[f.key] = n;
    } else if (!isPositiveDecimal(text)) {
      errors[`limits.${f.key}`] = 'a positive number, or blank for no limit';
    } else {
      values[f.key] = f.kind === 'percent' ? shiftDecimal(text, -2) : text;
    }
  }
  return Object.keys(errors).length ? { errors } : { values: values as RiskLimitsValues };
}

/** One limit for a table: "—" when not checked. */
export function formatLimit(field: LimitField, value: string | number | null | undefined): string {
  if (value == null) return '—';
  if (field.kind === 'percent') return `${shiftDecimal(String(value), 2)} %`;
  if (field.kind === 'integer') return field.key === 'duplicateWindowMs' ? `${formatNumber(Number(value))} ms` : formatNumber(Number(value));
  return formatDecimal(String(value));
}

export const scopeLabel = (symbol: string) => (symbol === '*' ? 'Account (all symbols)' : symbol);

/** What a version changed against the previous version of its scope (history is newest first). */
export function changesOf(history: RiskLimitsVersion[], index: number): string[] {
  const version = history[index];
  const previous = history.slice(index + 1).find((v) => v.symbol === version.symbol && v.accountId === version.accountId);
  const changes: string[] = [];
  for (const f of LIMIT_FIELDS) {
    const before = previous?.limits[f.key] ?? null;
    const after = version.limits[f.key] ?? null;
    if (String(before) !== String(after)) changes.push(`${f.label}: ${formatLimit(f, before)} → ${formatLimit(f, after)}`);
  }
  return changes;
}
