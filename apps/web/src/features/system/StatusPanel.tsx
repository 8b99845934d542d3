import type { ServiceStatus, SystemStatus } from '@meridian/contracts';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatDuration, formatNumber } from '../../ui/format';
import { useGetSystemStatusQuery } from './systemApi';

function PlatformSummary({ platform }: { platform: SystemStatus['platform'] }) {
  return (
    <dl className="facts-row" data-testid="platform-summary">
      <div>
        <dt>Version</dt>
        <dd className="mono">{platform.version}</dd>
      </div>
      <div>
        <dt>Environment</dt>
        <dd>{platform.environment}</dd>
      </div>
      <div>
        <dt>Config</dt>
        <dd className="mono">v{platform.configVersion}</dd>
      </div>
      <div>
        <dt>Trading</dt>
        <dd>{platform.halt.halted ? <StatusBadge status="halted" tone="down" /> : <StatusBadge status="running" tone="up" />}</dd>
      </div>
      <div>
        <dt>Maintenance</dt>
        <dd>{platform.maintenance.enabled ? <StatusBadge status="on" tone="degraded" /> : <StatusBadge status="off" tone="muted" />}</dd>
      </div>
    </dl>
  );
}

export function ServiceCard({ service }: { service: ServiceStatus }) {
  return (
    <article className="service-card" data-testid={`service-${service.service}`} data-reachable={service.reachable}>
      <header>
        <span className={`dot status-${service.reachable ? 'up' : 'down'}`} />
        <h3>{service.service}</h3>
        <StatusBadge status={service.reachable ? 'reachable' : 'unreachable'} tone={service.reachable ? 'up' : 'down'} />
        {service.halted ? <StatusBadge status="halted" tone="down" /> : null}
      </header>
      {service.error ? <div className="state state-error">{service.error}</div> : null}
      <dl className="kv">
        <dt>version</dt>
        <dd className="mono">{service.version ?? '—'}</dd>
        <dt>node</dt>
        <dd className="mono">{service.nodeVersion ?? '—'}</dd>
        <dt>pid</dt>
        <dd className="mono">{service.pid ?? '—'}</dd>
        <dt>uptime</dt>
        <dd className="mono">{formatDuration(service.uptimeSec)}</dd>
        <dt>started</dt>
        <dd className="mono">{formatDateTime(service.startedAt)}</dd>
      </dl>
      {service.backing.length > 0 ? (
        <table className="grid-table compact">
          <thead>
            <tr>
              <th>Part</th>
              <th>Kind</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {service.backing.map((b) => (
              <tr key={b.part}>
                <td>{b.part}</td>
                <td>
                  <StatusBadge status={b.kind} tone={b.kind === 'embedded' ? 'muted' : 'info'} />
                </td>
                <td>{b.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {service.queues.length > 0 ? (
        <table className="grid-table compact">
          <thead>
            <tr>
              <th>Queue</th>
              <th className="num">Waiting</th>
              <th className="num">Active</th>
              <th className="num">Delayed</th>
              <th className="num">Done</th>
              <th className="num">Failed</th>
            </tr>
          </thead>
          <tbody>
            {service.queues.map((q) => (
              <tr key={q.queue}>
                <td>
                  {q.queue} {q.paused ? <StatusBadge status="paused" tone="degraded" /> : null}
                </td>
                <td className="num">{formatNumber(q.waiting)}</td>
                <td className="num">{formatNumber(q.active)}</td>
                <td className="num">{formatNumber(q.delayed)}</td>
                <td className="num">{formatNumber(q.completed)}</td>
                <td className={`num ${q.failed > 0 ? 'text-bad' : ''}`}>{formatNumber(q.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}

export function StatusPanel() {
  const status = useGetSystemStatusQuery(undefined, { pollingInterval: 15_000 });
  return (
    <Panel title="Platform status" actions={<button className="btn btn-small" onClick={() => void status.refetch()}>Refresh</button>}>
      <QueryView query={status}>
        {(s) => (
          <>
            <PlatformSummary platform={s.platform} />
            {s.services.length === 0 ? (
              <div className="state state-empty">No services reported</div>
            ) : (
              <div className="service-grid">
                {s.services.map((svc) => (
                  <ServiceCard key={svc.service} service={svc} />
                ))}
              </div>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
