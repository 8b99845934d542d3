import type { WalkForwardWindowView } from '@meridian/contracts';
import { formatNumber, formatSigned } from '../../ui/format';
import { formatParams, walkForwardEfficiency, walkForwardRows, type WalkForwardObjectiveKey } from './analysis';
import { metricDef } from './metrics';

const day = (iso: string) => iso.slice(0, 10);

/**
 * Each walk-forward window: the parameters chosen in-sample and the objective in-sample against
 * out-of-sample. The drop from one to the other is what overfitting looks like; a large one
 * (sign flipped, or more than half lost) is flagged.
 */
export function WalkForwardTable({ windows, objective }: { windows: WalkForwardWindowView[]; objective: WalkForwardObjectiveKey }) {
  const rows = walkForwardRows(windows, objective);
  const def = metricDef(objective);
  const efficiency = walkForwardEfficiency(rows);
  const severe = rows.filter((r) => r.severity === 'severe').length;
  return (
    <>
      <div className="wf-summary small" data-testid="wf-summary">
        Objective <strong>{def.label}</strong>. Out-of-sample / in-sample:{' '}
        <span className={`num ${efficiency !== null && efficiency < 0.5 ? 'text-bad' : ''}`}>{efficiency === null ? '—' : `${formatNumber(efficiency * 100, 0)} %`}</span>
        {severe ? <span className="text-bad"> · {severe} of {rows.length} windows lose more than half out of sample</span> : null}
      </div>
      <div className="table-scroll">
        <table className="grid-table compact wf-table" data-testid="wf-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>In-sample</th>
              <th>Out-of-sample</th>
              <th>Best parameters</th>
              <th className="num">IS {def.label}</th>
              <th className="num">OOS {def.label}</th>
              <th className="num">Drop</th>
              <th className="num">IS return</th>
              <th className="num">OOS return</th>
              <th className="num">OOS trades</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.window.index} className={`wf-${r.severity}`} data-testid={`wf-row-${r.window.index}`}>
                <td className="num">{r.window.index + 1}</td>
                <td className="mono nowrap">
                  {day(r.window.inSample.from)} → {day(r.window.inSample.to)}
                </td>
                <td className="mono nowrap">
                  {day(r.window.outOfSample.from)} → {day(r.window.outOfSample.to)}
                </td>
                <td className="mono">{formatParams(r.window.bestParams)}</td>
                <td className="num">{def.format(r.window.inSampleMetrics?.[objective])}</td>
                <td className="num">{def.format(r.window.outOfSampleMetrics?.[objective])}</td>
                <td className={`num wf-drop-cell ${r.drop !== null && r.drop < 0 ? 'text-bad' : ''}`} data-testid={`wf-drop-${r.window.index}`}>
                  {r.drop === null ? '—' : objective === 'totalReturn' ? `${formatSigned(r.drop * 100)} pp` : formatSigned(r.drop)}
                </td>
                <td className="num">{metricDef('totalReturn').format(r.window.inSampleMetrics?.totalReturn)}</td>
                <td className="num">{metricDef('totalReturn').format(r.window.outOfSampleMetrics?.totalReturn)}</td>
                <td className="num">{formatNumber(r.window.outOfSampleMetrics?.trades)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
