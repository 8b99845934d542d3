import { useState } from 'react';
import { MAINTENANCE_TASKS, type MaintenanceTaskKind } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { Panel } from '../../ui/Panel';
import { ErrorNote, QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatNumber } from '../../ui/format';
import { useGetMaintenanceQuery, useSetMaintenanceMutation, type MaintenanceView } from './systemApi';

const TASK_LABELS: Record<MaintenanceTaskKind, string> = {
  'prune-logs': 'Prune logs',
  'prune-metrics': 'Prune metrics',
  'prune-alerts': 'Prune resolved alerts',
};
const RUN_TONE = { queued: 'muted', running: 'info', completed: 'up', failed: 'down' } as const;

function MaintenanceSwitch({ view, canEdit }: { view: MaintenanceView; canEdit: boolean }) {
  const [message, setMessage] = useState(view.state.message ?? '');
  const [setMaintenance, { isLoading, error }] = useSetMaintenanceMutation();
  const enabled = view.state.enabled;
  return (
    <div className="maintenance-switch">
      <div className="halt-state">
        <StatusBadge status={enabled ? 'maintenance on' : 'maintenance off'} tone={enabled ? 'degraded' : 'muted'} />
        {enabled ? (
          <span className="muted">
            {view.state.by ?? 'unknown'} since {formatDateTime(view.state.since)}
          </span>
        ) : null}
      </div>
      {canEdit ? (
        <div className="form-actions">
          <input
            className="grow"
            type="text"
            placeholder="Message shown to users"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            aria-label="Maintenance message"
          />
          <button
            className={`btn ${enabled ? 'btn-primary' : 'btn-warn'}`}
            disabled={isLoading}
            onClick={() => void setMaintenance({ enabled: !enabled, message: message.trim() || undefined })}
            data-testid="maintenance-toggle"
          >
            {enabled ? 'End maintenance' : 'Start maintenance'}
          </button>
        </div>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

function TaskRunner() {
  const [selected, setSelected] = useState<Record<MaintenanceTaskKind, boolean>>({ 'prune-logs': true, 'prune-metrics': false, 'prune-alerts': false });
  const [days, setDays] = useState<Record<MaintenanceTaskKind, string>>({ 'prune-logs': '30', 'prune-metrics': '30', 'prune-alerts': '90' });
  const [run, { isLoading, error }] = useSetMaintenanceMutation();
  const tasks = MAINTENANCE_TASKS.filter((t) => selected[t]).map((task) => ({ task, olderThanDays: Number(days[task]) }));
  const valid = tasks.length > 0 && tasks.every((t) => Number.isInteger(t.olderThanDays) && t.olderThanDays >= 0);
  const fieldErrors = error ? describeError(error).fieldErrors : {};

  return (
    <div className="task-runner">
      {MAINTENANCE_TASKS.map((t, i) => (
        <label key={t} className="task-row">
          <input type="checkbox" checked={selected[t]} onChange={(e) => setSelected({ ...selected, [t]: e.target.checked })} />
          <span className="task-name">{TASK_LABELS[t]}</span>
          <span className="muted">older than</span>
          <input
            type="number"
            min={0}
            className="num days-input"
            value={days[t]}
            onChange={(e) => setDays({ ...days, [t]: e.target.value })}
            aria-label={`${TASK_LABELS[t]}: days`}
          />
          <span className="muted">days</span>
          {fieldErrors[`tasks.${i}.olderThanDays`] ? <span className="field-error">{fieldErrors[`tasks.${i}.olderThanDays`]}</span> : null}
        </label>
      ))}
      <div className="form-actions">
        <button className="btn btn-primary btn-small" disabled={!valid || isLoading} onClick={() => void run({ tasks })} data-testid="run-tasks">
          {isLoading ? 'Queuing…' : 'Run selected tasks'}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

function RunsTable({ runs }: { runs: MaintenanceView['runs'] }) {
  if (runs.length === 0) return <div className="state state-empty">No maintenance runs yet</div>;
  return (
    <table className="grid-table" data-testid="maintenance-runs">
      <thead>
        <tr>
          <th>Task</th>
          <th className="num">Older than</th>
          <th>State</th>
          <th className="num">Rows removed</th>
          <th>Requested</th>
          <th>Finished</th>
          <th>Error</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id}>
            <td>{r.task}</td>
            <td className="num">{r.olderThanDays} d</td>
            <td>
              <StatusBadge status={r.state} tone={RUN_TONE[r.state]} />
            </td>
            <td className="num">{formatNumber(r.removed)}</td>
            <td className="mono">
              {formatDateTime(r.requestedAt)} <span className="muted">{r.requestedBy}</span>
            </td>
            <td className="mono">{formatDateTime(r.finishedAt)}</td>
            <td className="text-bad">{r.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MaintenancePanel() {
  const canEdit = useRoleAtLeast('admin');
  const maintenance = useGetMaintenanceQuery();
  // Poll only while some run is still in progress: the runs have no live channel.
  const busy = maintenance.data?.runs.some((r) => r.state === 'queued' || r.state === 'running') ?? false;
  useGetMaintenanceQuery(undefined, { pollingInterval: 2_000, skip: !busy });

  return (
    <>
      <Panel title="Maintenance mode">
        <QueryView query={maintenance}>{(view) => <MaintenanceSwitch key={String(view.state.enabled)} view={view} canEdit={canEdit} />}</QueryView>
      </Panel>
      {canEdit ? (
        <Panel title="Run tasks">
          <TaskRunner />
        </Panel>
      ) : null}
      <Panel title="Task runs">
        <QueryView query={maintenance}>{(view) => <RunsTable runs={view.runs} />}</QueryView>
      </Panel>
    </>
  );
}
