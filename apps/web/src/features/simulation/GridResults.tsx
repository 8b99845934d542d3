import { useState } from 'react';
import type { GridPointView } from '@meridian/contracts';
import { FilterSelect } from '../../ui/FilterSelect';
import { beats, formatParams, gridHeatmap, heatColor, metricValue, varyingParams } from './analysis';
import { metricDef, SCORE_METRICS, type MetricKey } from './metrics';

const TOP = 20;
const METRIC_OPTIONS = SCORE_METRICS.map((m) => ({ value: m, label: metricDef(m).label }));

const valueText = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

/**
 * A grid search: a heat map of the chosen metric over two parameters (rows × columns; with more
 * parameters, each cell the best of the others), and the best points as a table.
 */
export function GridResults({ points, initialMetric = 'sharpe' }: { points: GridPointView[]; initialMetric?: MetricKey }) {
  const varying = varyingParams(points);
  const [metric, setMetric] = useState<MetricKey>(initialMetric);
  const [x, setX] = useState(varying[0] ?? '');
  const [y, setY] = useState<string>(varying[1] ?? '');
  const def = metricDef(metric);
  const xParam = varying.includes(x) ? x : (varying[0] ?? '');
  const yParam = y !== xParam && varying.includes(y) ? y : (varying.find((p) => p !== xParam) ?? null);
  const map = xParam ? gridHeatmap(points, xParam, yParam, metric) : null;
  const ranked = [...points].sort((a, b) => {
    const va = metricValue(a.metrics, metric);
    const vb = metricValue(b.metrics, metric);
    return beats(va, vb, metric) ? -1 : beats(vb, va, metric) ? 1 : 0;
  });

  return (
    <div className="grid-results">
      <div className="filters">
        <FilterSelect label="Metric" value={metric} options={METRIC_OPTIONS} onChange={setMetric} testId="heatmap-metric" />
        {varying.length > 2 ? (
          <>
            <FilterSelect label="Columns" value={xParam} options={varying} onChange={setX} testId="heatmap-x" />
            <FilterSelect label="Rows" value={yParam ?? ''} options={varying.filter((p) => p !== xParam)} onChange={setY} testId="heatmap-y" />
            <span className="muted small">each cell: the best over the other parameters</span>
          </>
        ) : null}
      </div>

      {map ? (
        <div className="heatmap-wrap">
          <table className="heatmap param-heatmap" data-testid="param-heatmap">
            <thead>
              <tr>
                <th className="mono heat-axis">
                  {map.y ?? ''} ↓ / {map.x} →
                </th>
                {map.xValues.map((v) => (
                  <th key={String(v)} scope="col" className="mono">
                    {valueText(v)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {map.yValues.map((yv, r) => (
                <tr key={String(yv)}>
                  <th scope="row" className="mono">
                    {map.y ? valueText(yv) : def.label}
                  </th>
                  {map.cells[r].map((cell, c) => {
                    const isBest = map.best?.row === r && map.best.column === c;
                    const raw = cell?.point.metrics?.[metric];
                    return (
                      <td
                        key={c}
                        className={`heat-cell num ${isBest ? 'heat-best' : ''}`}
                        style={{ background: heatColor(cell?.value ?? null, map.min, map.max, metric) }}
                        title={cell ? `${formatParams(cell.point.params)}: ${def.label} ${def.format(raw)}${cell.point.error ? ` (${cell.point.error})` : ''}` : 'no point'}
                        data-testid={`heat-${r}-${c}`}
                        data-x={valueText(map.xValues[c])}
                        data-y={valueText(yv)}
                        data-value={cell?.value ?? ''}
                      >
                        {cell ? (cell.point.error && cell.value === null ? '×' : def.format(raw)) : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="heat-legend" aria-hidden="true">
            <span className="num">{def.better === 'lower' ? 'high' : 'low'}</span>
            <i className="heat-scale heat-scale-score" />
            <span className="num">{def.better === 'lower' ? 'low' : 'high'}</span>
            <span className="muted small">(green is better; outlined: the best)</span>
          </div>
        </div>
      ) : (
        <div className="state state-empty">No parameter varies across the grid</div>
      )}

      <h3 className="section-title grid-top-title">Best {Math.min(TOP, ranked.length)} of {ranked.length} points</h3>
      <div className="table-scroll">
        <table className="grid-table compact" data-testid="grid-points">
          <thead>
            <tr>
              <th>#</th>
              <th>Parameters</th>
              {(['sharpe', 'totalReturn', 'maxDrawdown', 'trades'] as const).map((k) => (
                <th key={k} className={`num ${k === metric ? 'col-sorted' : ''}`}>
                  {metricDef(k).label}
                </th>
              ))}
              {!(['sharpe', 'totalReturn', 'maxDrawdown', 'trades'] as string[]).includes(metric) ? <th className="num col-sorted">{def.label}</th> : null}
            </tr>
          </thead>
          <tbody>
            {ranked.slice(0, TOP).map((p, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td className="mono">
                  {formatParams(p.params)}
                  {p.error ? <div className="text-bad small">{p.error}</div> : null}
                </td>
                {(['sharpe', 'totalReturn', 'maxDrawdown', 'trades'] as const).map((k) => (
                  <td key={k} className="num">
                    {metricDef(k).format(p.metrics?.[k])}
                  </td>
                ))}
                {!(['sharpe', 'totalReturn', 'maxDrawdown', 'trades'] as string[]).includes(metric) ? <td className="num">{def.format(p.metrics?.[metric])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
