import { Link } from 'react-router-dom';
import type { StrategyKind, StrategyView } from '@meridian/contracts';
import { modulePath } from '../../modules';
import { FilterField, FilterSelect } from '../../ui/FilterSelect';
import { PagedQueryView } from '../../ui/Pager';
import { StatusBadge } from '../../ui/StatusBadge';
import { usePagedFilters } from '../../ui/usePagedFilters';
import { formatDateTime, formatFraction, formatNumber } from '../../ui/format';
import { liveOf, STATUS_TONES } from './deployDraft';
import { useGetDeploymentsQuery, useGetRegistryQuery } from './strategiesApi';
import { useDebounced } from './useDebounced';
import { paramsSummary } from './versionDiff';

export const REGISTRY_PAGE = 25;
const BASE = modulePath('strategies');
const SIMULATION = modulePath('simulation');

const KIND_OPTIONS: { value: StrategyKind | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'builtin', label: 'Built-in' },
  { value: 'rule', label: 'Rule' },
];

export function LiveStatus({ live }: { live: StrategyView['live'] }) {
  if (!live) return <span className="muted small">not deployed</span>;
  return (
    <Link to={`${BASE}/live?deployment=${encodeURIComponent(live.deploymentId)}`} className="live-status" title="its deployment in Live">
      <StatusBadge status={live.status} tone={STATUS_TONES[live.status]} />
    </Link>
  );
}

function LatestBacktest({ strategy }: { strategy: StrategyView }) {
  const run = strategy.latestBacktest;
  if (!run) return <span className="muted small">never</span>;
  if (!run.metrics) {
    return (
      <Link to={`${SIMULATION}/runs/${run.id}`} className="small">
        {run.status}
      </Link>
    );
  }
  const m = run.metrics;
  return (
    <Link to={`${SIMULATION}/runs/${run.id}`} className="latest-backtest" title={`Backtest of ${formatDateTime(run.createdAt)}`}>
      <span className="num">{formatFraction(m.totalReturn, 1)}</span>
      <span className="muted small"> · Sharpe </span>
      <span className="num">{formatNumber(m.sharpe, 2)}</span>
      <span className="muted small"> · DD </span>
      <span className="num">{formatFraction(m.maxDrawdown, 1)}</span>
    </Link>
  );
}

/** The registry: built-ins and rule strategies, filtered by kind and text, a page at a time. */
export function RegistryTable() {
  const { filters, setFilter, paging, page } = usePagedFilters({ kind: '' as StrategyKind | '', search: '' }, REGISTRY_PAGE);
  const { kind, search } = filters;
  const q = useDebounced(search.trim(), 300);
  const registry = useGetRegistryQuery({ ...(kind ? { kind } : {}), ...(q ? { q } : {}), ...page });
  // The registry's live status, else the one the deployments list shows (read once, not polled here).
  const deployments = useGetDeploymentsQuery();

  return (
    <div className="registry">
      <div className="filters">
        <FilterSelect label="Kind" value={kind} options={KIND_OPTIONS} onChange={(v) => setFilter('kind', v)} testId="registry-kind" />
        <FilterField label="Search">
          <input type="search" value={search} maxLength={100} placeholder="name or description" onChange={(e) => setFilter('search', e.target.value)} data-testid="registry-search" />
        </FilterField>
      </div>
      <PagedQueryView
        query={registry}
        paging={paging}
        emptyText={q || kind ? 'No strategy matches' : 'No strategies yet'}
        loadingText="Loading strategies…"
        labels={{ prev: 'Previous', next: 'Next' }}
        testIds={{ range: 'registry-range', prev: 'registry-prev', next: 'registry-next' }}
      >
        {(items) => (
          <div className="table-scroll">
            <table className="grid-table compact" data-testid="registry-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Kind</th>
                  <th className="num">Version</th>
                  <th>Parameters</th>
                  <th>Latest backtest</th>
                  <th>Live</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} data-testid={`strategy-row-${s.id}`}>
                    <td>
                      <Link to={`${BASE}/view/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                      {s.description ? <div className="muted small ellipsis">{s.description}</div> : null}
                    </td>
                    <td>
                      <span className={`badge kind-${s.kind}`}>{s.kind === 'builtin' ? 'built-in' : 'rule'}</span>
                    </td>
                    <td className="num">v{s.latestVersion}</td>
                    <td className="mono small">{paramsSummary(s.params)}</td>
                    <td>
                      <LatestBacktest strategy={s} />
                    </td>
                    <td>
                      <LiveStatus live={s.live ?? liveOf(deployments.data, s.id)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedQueryView>
    </div>
  );
}
