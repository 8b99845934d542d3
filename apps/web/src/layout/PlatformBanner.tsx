import { useGetHaltQuery } from '../features/dashboard/dashboardApi';
import { useGetMaintenanceQuery } from '../features/system/systemApi';
import { formatDateTime } from '../ui/format';

/** Red strip across every page while trading is halted or the platform is in maintenance. */
export function PlatformBanner() {
  const { data: halt } = useGetHaltQuery();
  const { data: maintenance } = useGetMaintenanceQuery();
  return (
    <>
      {halt?.halted ? (
        <div className="banner banner-halt" role="alert" data-testid="halt-banner">
          <strong>TRADING HALTED</strong> — emergency stop{halt.by ? ` by ${halt.by}` : ''} at {formatDateTime(halt.at)}
          {halt.reason ? `: ${halt.reason}` : ''}
        </div>
      ) : null}
      {maintenance?.state.enabled ? (
        <div className="banner banner-maintenance" role="alert" data-testid="maintenance-banner">
          <strong>MAINTENANCE</strong>
          {maintenance.state.message ? ` — ${maintenance.state.message}` : ''}
          {maintenance.state.by ? ` (${maintenance.state.by}, since ${formatDateTime(maintenance.state.since)})` : ''}
        </div>
      ) : null}
    </>
  );
}
