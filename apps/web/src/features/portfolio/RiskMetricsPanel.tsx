import { useState } from 'react';
import type { InstrumentView, RiskMetricsResponse } from '@meridian/contracts';
import { FilterSelect } from '../../ui/FilterSelect';
import { QueryView } from '../../ui/QueryView';
import { formatDateTime, formatFraction, formatNumber } from '../../ui/format';
import { useGetRiskMetricsQuery, type RiskMetricsArgs } from './portfolioApi';

const DEFAULT_BENCHMARK = 'R_100';
const ratio = (n: number | null | undefined, digits = 2) => (n == null || Number.isNaN(n) ? '—' : n.toFixed(digits));

/** A value, or a dash whose tooltip sends the reader to the notes. */
function Value({ children, missing, testId }: { children: string; missing: boolean; testId?: string }) {
  return (
    <span className={`num ${missing ? 'muted' : ''}`} title={missing ? 'Not available: see the notes below' : undefined} data-testid={testId}>
      {children}
    </span>
  );
}

type TailKey = keyof RiskMetricsResponse['var'];
const TAIL_ROWS: { key: TailKey; label: string }[] = [
  { key: 'historical95', label: 'Historical 95 %' },
  { key: 'historical99', label: 'Historical 99 %' },
  { key: 'gaussian95', label: 'Gaussian 95 %' },
  { key: 'gaussian99', label: 'Gaussian 99 %' },
];

export function RiskMetricsView({ metrics }: { metrics: RiskMetricsResponse }) {
  const equity = Number(metrics.equity);
  const amount = (fraction: number | null) => (fraction == null ? '' : ` ≈ ${formatNumber(Math.abs(fraction) * equity, 2)}`);
  const maxWeight = Math.max(0.0001, ...metrics.weights.map((w) => Math.abs(w.weight)));
  const ec = metrics.equityCurve;
  return (
    <div className="risk-metrics" data-testid="risk-metrics">
      <div className="kpi-row">
        <div className="kpi">
          <div className="kpi-label">Equity</div>
          <div className="kpi-value num">{formatNumber(equity, 2)}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Gross exposure</div>
          <div className="kpi-value num">{formatNumber(Number(metrics.grossExposure), 2)}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Net exposure</div>
          <div className="kpi-value num">{formatNumber(Number(metrics.netExposure), 2)}</div>
        </div>
        <div className={`kpi ${metrics.leverage > 3 ? 'kpi-bad' : metrics.leverage > 1 ? 'kpi-warn' : ''}`}>
          <div className="kpi-label">Leverage</div>
          <div className="kpi-value num" data-testid="risk-leverage">
            {metrics.leverage.toFixed(2)}×
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Volatility (ann.)</div>
          <div className="kpi-value">
            <Value missing={metrics.annualisedVolatility == null}>{formatFraction(metrics.annualisedVolatility)}</Value>
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">Beta vs {metrics.beta.benchmark}</div>
          <div className="kpi-value">
            <Value missing={metrics.beta.value == null} testId="risk-beta">
              {ratio(metrics.beta.value)}
            </Value>
          </div>
        </div>
      </div>

      <div className="risk-columns">
        <section>
          <h3 className="section-title">Weights</h3>
          {metrics.weights.length === 0 ? (
            <div className="state state-empty">No positions</div>
          ) : (
            <table className="grid-table compact" data-testid="risk-weights">
              <tbody>
                {metrics.weights.map((w) => (
                  <tr key={w.symbol}>
                    <td className="mono">{w.symbol}</td>
                    <td className="num">{formatFraction(w.weight, 1)}</td>
                    <td className="bar-col">
                      <span className={`bar ${w.weight < 0 ? 'bar-short' : ''}`} style={{ width: `${(Math.abs(w.weight) / maxWeight) * 100}%` }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section>
          <h3 className="section-title">Value at risk ({metrics.returnsBasis.horizon})</h3>
          <table className="grid-table compact" data-testid="risk-var">
            <thead>
              <tr>
                <th />
                <th className="num">VaR</th>
                <th className="num">CVaR</th>
              </tr>
            </thead>
            <tbody>
              {TAIL_ROWS.map((row) => (
                <tr key={row.key}>
                  <td>{row.label}</td>
                  <td className="num" title={amount(metrics.var[row.key])}>
                    <Value missing={metrics.var[row.key] == null} testId={`var-${row.key}`}>
                      {formatFraction(metrics.var[row.key])}
                    </Value>
                  </td>
                  <td className="num" title={amount(metrics.cvar[row.key])}>
                    <Value missing={metrics.cvar[row.key] == null} testId={`cvar-${row.key}`}>
                      {formatFraction(metrics.cvar[row.key])}
                    </Value>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="muted small">
            Share of equity; from {formatNumber(metrics.returnsBasis.observations)} {metrics.returnsBasis.timeframe} returns (
            {formatNumber(metrics.returnsBasis.periodsPerYear)} a year).
          </div>
        </section>

        <section>
          <h3 className="section-title">Equity curve</h3>
          <dl className="facts-grid">
            <dt>Max drawdown</dt>
            <dd>
              <Value missing={ec.maxDrawdown == null} testId="risk-drawdown">
                {formatFraction(ec.maxDrawdown)}
              </Value>
            </dd>
            <dt>Sharpe</dt>
            <dd>
              <Value missing={ec.sharpe == null} testId="risk-sharpe">
                {ratio(ec.sharpe)}
              </Value>
            </dd>
            <dt>Sortino</dt>
            <dd>
              <Value missing={ec.sortino == null}>{ratio(ec.sortino)}</Value>
            </dd>
            <dt>Samples</dt>
            <dd className="num">{formatNumber(ec.observations)}</dd>
          </dl>
        </section>
      </div>

      {metrics.notes.length ? (
        <ul className="risk-notes" data-testid="risk-notes">
          {metrics.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <div className="muted small">As of {formatDateTime(metrics.asOf)}</div>
    </div>
  );
}

/** Exposure, VaR/CVaR, beta against a chosen benchmark and equity-curve ratios of the account. */
export function RiskMetricsPanel({ instruments }: { instruments?: InstrumentView[] }) {
  const benchmarks = instruments?.length ? instruments.map((i) => i.symbol) : [DEFAULT_BENCHMARK];
  const [args, setArgs] = useState<RiskMetricsArgs>({ benchmark: DEFAULT_BENCHMARK, timeframe: '1h' });
  const metrics = useGetRiskMetricsQuery(args);
  return (
    <div className="stack">
      <div className="filters">
        <FilterSelect
          label="Benchmark"
          value={args.benchmark}
          options={[...new Set([args.benchmark, ...benchmarks])]}
          onChange={(benchmark) => setArgs((a) => ({ ...a, benchmark }))}
          testId="risk-benchmark"
        />
        <div className="segmented" role="group" aria-label="Returns timeframe">
          {(['1h', '1d'] as const).map((tf) => (
            <button key={tf} type="button" className={`seg ${args.timeframe === tf ? 'active' : ''}`} aria-pressed={args.timeframe === tf} onClick={() => setArgs((a) => ({ ...a, timeframe: tf }))}>
              {tf}
            </button>
          ))}
        </div>
        <span className="grow" />
        <button type="button" className="btn btn-small" onClick={() => void metrics.refetch()} disabled={metrics.isFetching}>
          {metrics.isFetching ? 'Computing…' : 'Refresh'}
        </button>
      </div>
      <QueryView query={{ data: metrics.currentData, error: metrics.error, isLoading: metrics.isFetching }} loadingText="Computing risk metrics…">
        {(m) => <RiskMetricsView metrics={m} />}
      </QueryView>
    </div>
  );
}
