// Number and time formatting for dense tables: fixed precision, no locale surprises.
import { decimalsOf } from './decimal';

const DASH = '—';

export function formatMs(ms: number | null | undefined): string {
  if (ms == null || Number.isNaN(ms)) return DASH;
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n == null || Number.isNaN(n)) return DASH;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPct(n: number | null | undefined): string {
  return n == null ? DASH : `${n.toFixed(2)} %`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return DASH;
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatDuration(sec: number | null | undefined): string {
  if (sec == null) return DASH;
  const d = Math.floor(sec / 86_400);
  const h = Math.floor((sec % 86_400) / 3600);
  const m = Math.floor((sec % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${Math.floor(sec % 60)}s`;
  return `${Math.floor(sec)}s`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local time of day, to the second: what an operator scans in a list. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatTime(iso)}`;
}

/**
 * A decimal string of the API (or a number), grouped. Shows the decimals it was written with (at
 * most 8) unless `digits` says how many.
 */
export function formatDecimal(value: string | number | null | undefined, digits?: number): string {
  if (value == null || value === '') return DASH;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return typeof value === 'string' ? value : DASH;
  const shown = digits ?? (typeof value === 'number' ? 2 : Math.min(8, decimalsOf(value)));
  return formatNumber(n, shown);
}

/** An amount with its sign always shown: "+12.50", "-3.00". */
export function formatSigned(n: number | null | undefined, digits = 2): string {
  if (n == null || Number.isNaN(n)) return DASH;
  const text = formatNumber(Math.abs(n), digits);
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return `${n > 0 ? '+' : '-'}${text}`;
}

/** A fraction as a percentage: 0.0234 → "2.34 %". */
export function formatFraction(n: number | null | undefined, digits = 2): string {
  if (n == null || Number.isNaN(n)) return DASH;
  return `${(n * 100).toFixed(digits)} %`;
}

/** CSS class of a profit or loss: green above zero, red below. */
export function pnlClass(n: number | null | undefined): string {
  if (n == null || Number.isNaN(n) || Math.abs(n) < 1e-12) return '';
  return n > 0 ? 'text-ok' : 'text-bad';
}
