import { useMemo } from 'react';
import type { MonteCarloView } from '@meridian/contracts';
import { formatFraction, formatNumber } from '../../ui/format';
import { fanSeries, histogramBars, type HistogramBar } from './chartData';
import { FanChart } from './charts';

/** Distribution keys may be probabilities ("0.05") or labels ("p5"): shown as percentiles. */
const percentileLabel = (key: string) => {
  const n = Number(key.replace(/^p/, ''));
  if (!Number.isFinite(n)) return key;
  return `p${formatNumber(n <= 1 ? n * 100 : n, n <= 1 && (n * 100) % 1 !== 0 ? 1 : 0)}`;
};

function Histogram({ bars, testId, format }: { bars: HistogramBar[]; testId: string; format: (v: number) => string }) {
  if (bars.length === 0) return <div className="state state-empty">No histogram</div>;
  return (
    <div className="histogram" data-testid={testId}>
      <div className="histogram-bars">
        {bars.map((b, i) => (
          <div key={i} className="histogram-bar" style={{ height: `${b.heightPct}%` }} title={`${format(b.from)} … ${format(b.to)}: ${formatNumber(b.count)} paths`} data-count={b.count} />
        ))}
      </div>
      <div className="histogram-axis num">
        <span>{format(bars[0].from)}</span>
        <span>{format(bars[bars.length - 1].to)}</span>
      </div>
    </div>
  );
}

function PercentileTable({ title, percentiles, testId }: { title: string; percentiles: Record<string, number>; testId: string }) {
  const entries = Object.entries(percentiles).sort((a, b) => Number(a[0].replace(/^p/, '')) - Number(b[0].replace(/^p/, '')));
  return (
    <table className="grid-table compact mc-percentiles" data-testid={testId}>
      <thead>
        <tr>
          <th>{title}</th>
          {entries.map(([k]) => (
            <th key={k} className="num">
              {percentileLabel(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <td />
          {entries.map(([k, v]) => (
            <td key={k} className="num">
              {formatFraction(v, 1)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** A Monte Carlo run's results: the fan of equity bands, the drawdown histogram, loss probabilities. */
export function MonteCarloResults({ mc }: { mc: MonteCarloView }) {
  const series = useMemo(() => fanSeries(mc), [mc]);
  const drawdownBars = useMemo(() => histogramBars(mc.maxDrawdown.histogram), [mc]);
  const returnBars = useMemo(() => histogramBars(mc.finalReturn.histogram), [mc]);
  const frac = (v: number) => formatFraction(v, 0);
  return (
    <div className="mc-results" data-testid="mc-results">
      <div className="muted small mc-facts">
        {formatNumber(mc.paths)} paths × {formatNumber(mc.steps)} steps · seed {mc.seed} · {formatNumber(mc.elapsedMs)} ms
      </div>
      <h3 className="section-title">Equity bands (return from the start, by step)</h3>
      <div className="chart-legend" aria-label="Bands">
        {series.map((s) => (
          <span key={s.level}>
            <i className={`fan-key fan-key-${s.level}`} />
            {s.label}
          </span>
        ))}
      </div>
      {series.length > 0 ? <FanChart series={series} /> : <div className="state state-empty">The run kept no equity bands</div>}
      <div className="mc-columns">
        <div>
          <h3 className="section-title">Max drawdown across paths</h3>
          <Histogram bars={drawdownBars} testId="mc-drawdown-histogram" format={frac} />
          <PercentileTable title="Max drawdown" percentiles={mc.maxDrawdown.percentiles} testId="mc-drawdown-percentiles" />
        </div>
        <div>
          <h3 className="section-title">Final return across paths</h3>
          <Histogram bars={returnBars} testId="mc-return-histogram" format={frac} />
          <PercentileTable title="Final return" percentiles={mc.finalReturn.percentiles} testId="mc-return-percentiles" />
        </div>
        <div>
          <h3 className="section-title">Loss probabilities</h3>
          <table className="grid-table compact" data-testid="mc-loss-probabilities">
            <thead>
              <tr>
                <th className="num">Loss of more than</th>
                <th className="num">P(final loss)</th>
                <th className="num">P(drawdown)</th>
              </tr>
            </thead>
            <tbody>
              {mc.lossProbabilities.map((l) => (
                <tr key={l.threshold}>
                  <td className="num">{formatFraction(l.threshold, 0)}</td>
                  <td className={`num ${l.probability >= 0.05 ? 'text-bad' : ''}`}>{formatFraction(l.probability, 1)}</td>
                  <td className={`num ${l.drawdownProbability >= 0.05 ? 'text-bad' : ''}`}>{formatFraction(l.drawdownProbability, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
