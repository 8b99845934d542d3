import type { ComponentHealth } from '@meridian/contracts';
import { QueryView } from '../../ui/QueryView';
import { formatMs, formatTime } from '../../ui/format';
import { useGetHealthQuery } from './dashboardApi';

export function HealthTile({ component }: { component: ComponentHealth }) {
  return (
    <div
      className={`tile health-tile status-border-${component.status}`}
      data-testid={`health-tile-${component.name}`}
      data-status={component.status}
      title={component.detail ?? `${component.name} is ${component.status}`}
    >
      <div className="tile-head">
        <span className={`dot status-${component.status}`} />
        <span className="tile-name">{component.name}</span>
        <span className="tile-kind">{component.kind}</span>
      </div>
      <div className={`tile-status status-text-${component.status}`}>{component.status.toUpperCase()}</div>
      <dl className="tile-facts">
        <dt>latency</dt>
        <dd className="num">{formatMs(component.latencyMs)}</dd>
        <dt>version</dt>
        <dd className="num">{component.version ?? '—'}</dd>
        <dt>since</dt>
        <dd className="num">{formatTime(component.since)}</dd>
      </dl>
      {component.detail && component.status !== 'up' ? <div className="tile-detail">{component.detail}</div> : null}
    </div>
  );
}

export function HealthTiles() {
  const health = useGetHealthQuery();
  return (
    <QueryView query={health} isEmpty={(r) => r.components.length === 0} emptyText="No components reported">
      {(report) => (
        <div className="health-grid">
          {report.components.map((c) => (
            <HealthTile key={c.name} component={c} />
          ))}
        </div>
      )}
    </QueryView>
  );
}
