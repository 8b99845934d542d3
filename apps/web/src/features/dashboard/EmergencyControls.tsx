import { useState } from 'react';
import type { EmergencyStopReport } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { QueryView } from '../../ui/QueryView';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { formatDateTime, formatNumber } from '../../ui/format';
import { useEmergencyStopMutation, useGetHaltQuery, useResumeMutation } from './dashboardApi';

/** Orders and algorithms cancelled by all services together, and the services that did not confirm. */
export function stopTotals(report: EmergencyStopReport): { orders: number; algorithms: number; failed: string[] } {
  return {
    orders: report.actions.reduce((n, a) => n + a.cancelledOrders, 0),
    algorithms: report.actions.reduce((n, a) => n + a.cancelledAlgorithms, 0),
    failed: report.actions.filter((a) => !a.ok).map((a) => a.service),
  };
}

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/** What each service did about the stop or resume: the totals, then one line per service. */
export function StopReport({ report, onDismiss }: { report: EmergencyStopReport; onDismiss: () => void }) {
  const totals = stopTotals(report);
  return (
    <div className="stop-report" data-testid="stop-report">
      <div className="stop-report-head">
        <span className="muted">
          {report.halt.halted ? 'Halted' : 'Resumed'} in <span className="mono">{report.durationMs} ms</span>
        </span>
        {report.halt.halted ? (
          <strong className="stop-totals" data-testid="stop-totals">
            Cancelled {plural(totals.orders, 'order')} and {plural(totals.algorithms, 'algorithm')}
          </strong>
        ) : null}
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {totals.failed.length ? (
        <div className="text-bad small" data-testid="stop-failed">
          Not confirmed by {totals.failed.join(', ')}: check {totals.failed.length === 1 ? 'that service' : 'those services'} before trusting the totals.
        </div>
      ) : null}
      <ul className="stop-actions">
        {report.actions.map((a) => (
          <li key={a.service} title={a.detail}>
            <span className={`dot status-${a.ok ? 'up' : 'down'}`} />
            <span className="stop-service">{a.service}</span>
            <span className="num muted">
              {formatNumber(a.cancelledOrders)} orders · {formatNumber(a.cancelledAlgorithms)} algos
            </span>
            <span className={`stop-detail ${a.ok ? 'muted' : 'text-bad'}`}>{a.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Halt state, and for admins the emergency stop / resume, each behind a reasoned confirmation. */
export function EmergencyControls() {
  const halt = useGetHaltQuery();
  const isAdmin = useRoleAtLeast('admin');
  const [stop, stopState] = useEmergencyStopMutation();
  const [resume, resumeState] = useResumeMutation();
  const [dialog, setDialog] = useState<'stop' | 'resume' | null>(null);
  const [report, setReport] = useState<EmergencyStopReport | null>(null);
  const active = dialog === 'stop' ? stopState : resumeState;

  const confirm = async (reason: string) => {
    const result = await (dialog === 'stop' ? stop({ reason }) : resume({ reason }));
    if ('data' in result && result.data) {
      setReport(result.data);
      setDialog(null);
    }
  };

  return (
    <div className="emergency">
      <QueryView query={halt}>
        {(h) => (
          <div className="halt-state">
            <span className={`badge ${h.halted ? 'status-down' : 'status-up'}`} data-testid="halt-state">
              {h.halted ? 'HALTED' : 'TRADING'}
            </span>
            {h.halted ? (
              <span className="muted">
                {h.reason} — {h.by ?? 'unknown'} at {formatDateTime(h.at)}
              </span>
            ) : (
              <span className="muted">All services accept orders</span>
            )}
            {isAdmin && !h.halted ? (
              <button type="button" className="btn btn-danger" onClick={() => setDialog('stop')} data-testid="emergency-stop">
                Emergency stop
              </button>
            ) : null}
            {isAdmin && h.halted ? (
              <button type="button" className="btn btn-primary" onClick={() => setDialog('resume')} data-testid="resume">
                Resume trading
              </button>
            ) : null}
            {!isAdmin ? <span className="muted small">Only admins can halt or resume trading.</span> : null}
          </div>
        )}
      </QueryView>
      {report ? <StopReport report={report} onDismiss={() => setReport(null)} /> : null}
      {dialog ? (
        <ReasonDialog
          title={dialog === 'stop' ? 'Emergency stop' : 'Resume trading'}
          description={
            dialog === 'stop'
              ? 'Halts trading on every service and cancels open orders and running algorithms. The result shows how many each service cancelled.'
              : 'Lifts the halt; services accept orders again.'
          }
          confirmLabel={dialog === 'stop' ? 'Halt trading' : 'Resume'}
          danger={dialog === 'stop'}
          busy={active.isLoading}
          error={active.error ? describeError(active.error).message : null}
          onConfirm={(reason) => void confirm(reason)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
