import { useState } from 'react';
import type { ConfigVersionView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { PagerButtons } from '../../ui/Pager';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { formatDateTime } from '../../ui/format';
import { usePaging } from '../../ui/usePagedFilters';
import { useGetConfigHistoryQuery, useGetConfigQuery, useRollbackConfigMutation } from './systemApi';

const PAGE = 20;

export function ConfigHistory() {
  const { paging, page } = usePaging(PAGE);
  const history = useGetConfigHistoryQuery(page);
  const currentVersion = useGetConfigQuery().data?.version;
  const canEdit = useRoleAtLeast('admin');
  const [target, setTarget] = useState<ConfigVersionView | null>(null);
  const [rollback, rollbackState] = useRollbackConfigMutation();

  const confirm = async (comment: string) => {
    if (!target) return;
    const result = await rollback({ version: target.version, comment });
    if ('data' in result) setTarget(null);
  };

  return (
    <Panel
      title="Version history"
      actions={<PagerButtons paging={paging} total={history.data?.total} />}
    >
      <QueryView query={history} isEmpty={(p) => p.items.length === 0} emptyText="No versions yet">
        {(page) => (
          <table className="grid-table" data-testid="config-history">
            <thead>
              <tr>
                <th className="num">Version</th>
                <th>Changed by</th>
                <th>At</th>
                <th>Comment</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {page.items.map((v) => (
                <tr key={v.version} className={v.version === currentVersion ? 'row-current' : ''}>
                  <td className="num">
                    v{v.version}
                    {v.rolledBackFrom != null ? <span className="muted"> ↩ v{v.rolledBackFrom}</span> : null}
                  </td>
                  <td>{v.changedBy}</td>
                  <td className="mono">{formatDateTime(v.changedAt)}</td>
                  <td>{v.comment ?? <span className="muted">—</span>}</td>
                  <td className="actions-cell">
                    {v.version === currentVersion ? (
                      <span className="badge status-up">current</span>
                    ) : canEdit ? (
                      <button className="btn btn-small" onClick={() => setTarget(v)} data-testid={`rollback-${v.version}`}>
                        Rollback
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {target ? (
        <ReasonDialog
          title={`Roll back to v${target.version}`}
          description="Creates a new version with the settings of this one."
          confirmLabel="Roll back"
          busy={rollbackState.isLoading}
          error={rollbackState.error ? describeError(rollbackState.error).message : null}
          onConfirm={(comment) => void confirm(comment)}
          onCancel={() => setTarget(null)}
        />
      ) : null}
    </Panel>
  );
}
