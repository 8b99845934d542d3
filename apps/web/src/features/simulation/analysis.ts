import type { BacktestMetricsView, GridPointView, WalkForwardWindowView } from '@meridian/contracts';
import { drawdownSize, metricDef, type MetricKey } from './metrics';
import type { ParamValue } from './simulationApi';

// Grid and walk-forward results, shaped for their tables.

/** A metric's value for comparing: drawdowns by their size. */
export function metricValue(metrics: BacktestMetricsView | null | undefined, key: MetricKey): number | null {
  const v = metrics?.[key];
  if (v == null || !Number.isFinite(v)) return null;
  return key === 'maxDrawdown' ? drawdownSize(v) : v;
}

/** Whether a beats b on the metric (a missing value never beats). */
export function beats(a: number | null, b: number | null, key: MetricKey): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return metricDef(key).better === 'lower' ? a < b : a > b;
}

/** Parameters that take more than one value across the grid, in the order they first appear. */
export function varyingParams(points: readonly GridPointView[]): string[] {
  const values = new Map<string, Set<string>>();
  for (const p of points) for (const [k, v] of Object.entries(p.params)) (values.get(k) ?? values.set(k, new Set()).get(k)!).add(String(v));
  return [...values.entries()].filter(([, set]) => set.size > 1).map(([k]) => k);
}

const sortValues = (values: ParamValue[]) =>
  values.every((v) => typeof v === 'number') ? [...values].sort((a, b) => (a as number) - (b as number)) : values;

function distinct(points: readonly GridPointView[], param: string): ParamValue[] {
  const seen = new Map<string, ParamValue>();
  for (const p of points) {
    const v = p.params[param];
    if (v !== undefined && !seen.has(String(v))) seen.set(String(v), v);
  }
  return sortValues([...seen.values()]);
}

export interface HeatCell {
  value: number | null;
  /** The point shown (the best one when other parameters vary too). */
  point: GridPointView;
  /** Points that fall on this cell. */
  count: number;
}

export interface Heatmap {
  x: string;
  y: string | null;
  xValues: ParamValue[];
  /** [null] when there is no second parameter: one row. */
  yValues: (ParamValue | null)[];
  /** cells[row][column]; null where the grid has no point. */
  cells: (HeatCell | null)[][];
  min: number | null;
  max: number | null;
  best: { row: number; column: number } | null;
}

/**
 * A grid as a matrix of one metric over two parameters (x: columns, y: rows). When more
 * parameters vary, a cell shows the best point among those sharing its x and y.
 */
export function gridHeatmap(points: readonly GridPointView[], x: string, y: string | null, metric: MetricKey): Heatmap {
  const xValues = distinct(points, x);
  const yValues: (ParamValue | null)[] = y ? distinct(points, y) : [null];
  const column = new Map(xValues.map((v, i) => [String(v), i]));
  const row = new Map(yValues.map((v, i) => [String(v), i]));
  const cells: (HeatCell | null)[][] = yValues.map(() => xValues.map(() => null));
  for (const point of points) {
    const c = column.get(String(point.params[x]));
    const r = y ? row.get(String(point.params[y])) : 0;
    if (c === undefined || r === undefined) continue;
    const value = metricValue(point.metrics, metric);
    const cell = cells[r][c];
    if (!cell) cells[r][c] = { value, point, count: 1 };
    else {
      cell.count++;
      if (beats(value, cell.value, metric)) {
        cell.value = value;
        cell.point = point;
      }
    }
  }
  let min: number | null = null;
  let max: number | null = null;
  let best: Heatmap['best'] = null;
  cells.forEach((cellsOfRow, r) =>
    cellsOfRow.forEach((cell, c) => {
      if (cell?.value == null) return;
      min = min === null ? cell.value : Math.min(min, cell.value);
      max = max === null ? cell.value : Math.max(max, cell.value);
      if (!best || beats(cell.value, cells[best.row][best.column]!.value, metric)) best = { row: r, column: c };
    }),
  );
  return { x, y, xValues, yValues, cells, min, max, best };
}

/**
 * Colour of a value on a red (worst) … green (best) scale between min and max; "lower is
 * better" metrics are reversed. Grey when there is no value or nothing to compare.
 */
export function heatColor(value: number | null, min: number | null, max: number | null, metric: MetricKey): string {
  if (value === null || min === null || max === null) return 'transparent';
  let t = max > min ? (value - min) / (max - min) : 0.5;
  if (metricDef(metric).better === 'lower') t = 1 - t;
  const bad = [164, 38, 44];
  const mid = [70, 70, 52];
  const good = [31, 122, 74];
  const [from, to, k] = t < 0.5 ? [bad, mid, t * 2] : [mid, good, (t - 0.5) * 2];
  return `rgb(${from.map((f, i) => Math.round(f + (to[i] - f) * k)).join(', ')})`;
}

export type WalkForwardObjectiveKey = 'sharpe' | 'totalReturn' | 'calmar' | 'sortino';

export interface WalkForwardRow {
  window: WalkForwardWindowView;
  inSample: number | null;
  outOfSample: number | null;
  /** Out-of-sample minus in-sample (negative: the edge shrank out of sample). */
  drop: number | null;
  /** How bad the drop is: 'severe' when the sign flips or more than half is lost, 'mild' for a smaller loss. */
  severity: 'none' | 'mild' | 'severe';
}

export function walkForwardRows(windows: readonly WalkForwardWindowView[], objective: WalkForwardObjectiveKey): WalkForwardRow[] {
  return windows.map((window) => {
    const inSample = metricValue(window.inSampleMetrics, objective);
    const outOfSample = metricValue(window.outOfSampleMetrics, objective);
    const drop = inSample !== null && outOfSample !== null ? outOfSample - inSample : null;
    let severity: WalkForwardRow['severity'] = 'none';
    if (drop !== null && drop < 0) {
      const flipped = inSample! > 0 && outOfSample! <= 0;
      severity = flipped || (inSample! > 0 && outOfSample! < inSample! / 2) ? 'severe' : 'mild';
    } else if (inSample !== null && outOfSample === null) severity = 'severe';
    return { window, inSample, outOfSample, drop, severity };
  });
}

/** Mean out-of-sample over mean in-sample objective (walk-forward efficiency), null when undefined. */
export function walkForwardEfficiency(rows: readonly WalkForwardRow[]): number | null {
  const pairs = rows.filter((r) => r.inSample !== null && r.outOfSample !== null);
  if (pairs.length === 0) return null;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const is = mean(pairs.map((r) => r.inSample!));
  return is === 0 ? null : mean(pairs.map((r) => r.outOfSample!)) / is;
}

export const formatParams = (params: Record<string, ParamValue>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
