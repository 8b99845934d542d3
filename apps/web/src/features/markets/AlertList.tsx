import type { InstrumentView, PriceAlertView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime } from '../../ui/format';
import { describeCondition } from './alertForm';
import { useDeletePriceAlertMutation, useGetPriceAlertsQuery } from './marketsApi';

const describeTrigger = (t: PriceAlertView['trigger']) => (t.mode === 'once' ? 'once' : `repeat, ${t.cooldownSec} s cooldown`);

/** The user's own alerts; fired counts move live as alert frames arrive. */
export function AlertList({ instruments }: { instruments: InstrumentView[] | undefined }) {
  const alerts = useGetPriceAlertsQuery();
  const canDelete = useRoleAtLeast('trader');
  const [remove, removal] = useDeletePriceAlertMutation();
  const decimalsOf = (symbol: string) => instruments?.find((i) => i.symbol === symbol)?.decimals ?? 2;

  return (
    <>
      {removal.error ? (
        <div className="state state-error" role="alert">
          {describeError(removal.error).message}
        </div>
      ) : null}
      <QueryView query={alerts} isEmpty={(list) => list.length === 0} emptyText="No price alerts yet">
        {(list) => (
          <div className="table-scroll">
            <table className="grid-table" data-testid="alert-list">
              <thead>
                <tr>
                  <th>Symbol</th>
                  <th>Condition</th>
                  <th>Trigger</th>
                  <th>Status</th>
                  <th className="num">Fired</th>
                  <th>Last fired</th>
                  <th>Note</th>
                  {canDelete ? <th /> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id} data-testid={`alert-row-${a.id}`}>
                    <td className="mono">{a.symbol}</td>
                    <td>{describeCondition(a.condition, decimalsOf(a.symbol))}</td>
                    <td className="muted">{describeTrigger(a.trigger)}</td>
                    <td>
                      <StatusBadge status={a.status} tone={a.status === 'active' ? 'up' : 'info'} />
                    </td>
                    <td className="num" data-testid={`alert-fired-${a.id}`}>
                      {a.firedCount}
                    </td>
                    <td className="mono nowrap">{formatDateTime(a.lastFiredAt)}</td>
                    <td className="muted" title={a.webhookUrl ? `webhook: ${a.webhookUrl}` : undefined}>
                      {a.note ?? ''}
                      {a.webhookUrl ? <span className="webhook-mark"> ↗ webhook</span> : null}
                    </td>
                    {canDelete ? (
                      <td className="actions-cell">
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={removal.isLoading && removal.originalArgs === a.id}
                          onClick={() => void remove(a.id)}
                          data-testid={`alert-delete-${a.id}`}
                        >
                          Delete
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </>
  );
}
