import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { ActiveAlerts } from './ActiveAlerts';
import { useGetPerformanceQuery } from './dashboardApi';
import { EmergencyControls } from './EmergencyControls';
import { HealthTiles } from './HealthTiles';
import { LatencyChart } from './LatencyChart';
import { MemoryTable } from './MemoryTable';
import { RouteLatencyTable } from './RouteLatencyTable';
import { TrafficSummary } from './TrafficSummary';

/** Fifteen minutes of history: enough to see a trend, small enough to patch live. */
export const PERFORMANCE_ARGS = { historySec: 900 } as const;

export function DashboardPage() {
  const performance = useGetPerformanceQuery(PERFORMANCE_ARGS);
  return (
    <div className="dashboard">
      <Panel title="Service health" className="span-2">
        <HealthTiles />
      </Panel>
      <Panel title="Trading" className="span-1">
        <EmergencyControls />
      </Panel>
      <Panel title="Traffic" className="span-full">
        <QueryView query={performance}>{(p) => <TrafficSummary current={p.current} />}</QueryView>
      </Panel>
      <Panel title="Latency (15 min)" className="span-2">
        <QueryView query={performance} isEmpty={(p) => p.history.length === 0} emptyText="No latency history yet">
          {(p) => <LatencyChart history={p.history} />}
        </QueryView>
      </Panel>
      <Panel title="Active alerts" className="span-1">
        <ActiveAlerts />
      </Panel>
      <Panel title="Latency by route" className="span-2">
        <QueryView query={performance}>{(p) => <RouteLatencyTable routes={p.routes} />}</QueryView>
      </Panel>
      <Panel title="Memory" className="span-1">
        <QueryView query={performance}>{(p) => <MemoryTable memory={p.memory} />}</QueryView>
      </Panel>
    </div>
  );
}
