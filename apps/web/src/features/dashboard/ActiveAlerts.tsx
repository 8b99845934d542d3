import { QueryView } from '../../ui/QueryView';
import { formatTime } from '../../ui/format';
import { useGetAlertsQuery } from './dashboardApi';

export const ACTIVE_ALERTS_ARGS = { status: 'active', limit: 50 } as const;

export function ActiveAlerts() {
  const alerts = useGetAlertsQuery(ACTIVE_ALERTS_ARGS);
  return (
    <QueryView query={alerts} isEmpty={(p) => p.items.length === 0} emptyText="No active alerts">
      {(page) => (
        <ul className="alert-list" data-testid="active-alerts">
          {page.items.map((a) => (
            <li key={a.id} className={`alert alert-${a.severity}`}>
              <div className="alert-head">
                <span className={`badge severity-${a.severity}`}>{a.severity}</span>
                <span className="alert-title">{a.title}</span>
                <span className="alert-time num">{formatTime(a.raisedAt)}</span>
              </div>
              <div className="alert-body">
                <span className="muted">{a.source}</span> · {a.message}
              </div>
            </li>
          ))}
          {page.total > page.items.length ? <li className="muted more">+{page.total - page.items.length} more</li> : null}
        </ul>
      )}
    </QueryView>
  );
}
