import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { RunDetail } from '@meridian/contracts';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { returnSeries } from './chartData';
import { OverlayChart, type OverlayLine } from './charts';
import { bestIndex, KIND_LABELS, METRICS, shortId, statusTone } from './metrics';
import { MAX_COMPARE, RunsList } from './RunsList';
import { useCompareRunsQuery } from './simulationApi';

const BASE = modulePath('simulation');
export const COMPARE_COLORS = ['#4c9aff', '#f5a524', '#2fbf71', '#c9a2ff'];

/** Ids from ?ids=a,b,c: distinct, at most four. */
export function compareIds(param: string | null): string[] {
  return [...new Set((param ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_COMPARE);
}

function CompareTable({ runs }: { runs: RunDetail[] }) {
  return (
    <table className="grid-table compact compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th>Metric</th>
          {runs.map((r, i) => (
            <th key={r.id} className="num">
              <i className="compare-key" style={{ background: COMPARE_COLORS[i] }} />
              <Link to={`${BASE}/runs/${r.id}`}>{r.label || shortId(r.id)}</Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="muted">Kind / status</td>
          {runs.map((r) => (
            <td key={r.id} className="num">
              {KIND_LABELS[r.kind]} <StatusBadge status={r.status} tone={statusTone(r.status)} />
            </td>
          ))}
        </tr>
        {METRICS.map((m) => {
          const values = runs.map((r) => r.metrics?.[m.key] ?? null);
          const best = bestIndex(values, m.better);
          return (
            <tr key={m.key} data-testid={`compare-row-${m.key}`}>
              <td className="muted">{m.label}</td>
              {values.map((v, i) => (
                <td key={runs[i].id} className={`num ${i === best ? 'compare-best' : ''}`}>
                  {m.format(v)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Comparison({ ids }: { ids: string[] }) {
  const compare = useCompareRunsQuery(ids);
  const lines = useMemo<OverlayLine[]>(
    () =>
      (compare.data?.runs ?? []).map((r, i) => ({
        id: r.id,
        label: r.label || shortId(r.id),
        color: COMPARE_COLORS[i % COMPARE_COLORS.length],
        data: r.equity ? returnSeries(r.equity) : [],
      })),
    [compare.data],
  );
  return (
    <QueryView query={compare} loadingText="Loading the runs…">
      {(data) => (
        <div className="stack">
          <Panel title="Metrics side by side">
            <div className="table-scroll">
              <CompareTable runs={data.runs} />
            </div>
          </Panel>
          <Panel title="Equity curves (return from the start)">
            {lines.some((l) => l.data.length > 1) ? <OverlayChart lines={lines} /> : <div className="state state-empty">These runs have no equity curves</div>}
          </Panel>
        </div>
      )}
    </QueryView>
  );
}

/** 2 to 4 runs side by side (?ids=a,b): their metrics, the best of each marked, and their equity curves overlaid. */
export function CompareView() {
  const [params] = useSearchParams();
  const ids = compareIds(params.get('ids'));
  if (ids.length < 2) {
    return (
      <Panel title="Compare runs">
        <div className="state state-empty">Pick 2 to {MAX_COMPARE} runs below, then Compare.</div>
        <RunsList />
      </Panel>
    );
  }
  return <Comparison ids={ids} />;
}
