import { useState, type FormEvent } from 'react';
import type { InstrumentView, RiskLimitsResponse } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { FilterSelect } from '../../ui/FilterSelect';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { formatDateTime } from '../../ui/format';
import { useGetRiskLimitsQuery, useSetRiskLimitsMutation } from './portfolioApi';
import { changesOf, draftOf, formatLimit, LIMIT_FIELDS, scopeLabel, valuesOf, type LimitKey, type LimitsDraft } from './riskLimitsForm';

function CurrentLimits({ data, onEdit, canEdit }: { data: RiskLimitsResponse; onEdit: (symbol: string) => void; canEdit: boolean }) {
  if (data.current.length === 0) return <div className="state state-empty">No limits set: every pre-trade limit is off</div>;
  return (
    <div className="table-scroll">
      <table className="grid-table compact" data-testid="limits-current">
        <thead>
          <tr>
            <th>Scope</th>
            <th className="num">Version</th>
            {LIMIT_FIELDS.map((f) => (
              <th key={f.key} className="num">
                {f.label}
              </th>
            ))}
            <th>Changed</th>
            {canEdit ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {data.current.map((v) => (
            <tr key={v.symbol} data-testid={`limits-row-${v.symbol}`}>
              <td className="mono">{scopeLabel(v.symbol)}</td>
              <td className="num">v{v.version}</td>
              {LIMIT_FIELDS.map((f) => (
                <td key={f.key} className={`num ${v.limits[f.key] == null ? 'muted' : ''}`}>
                  {formatLimit(f, v.limits[f.key])}
                </td>
              ))}
              <td className="small nowrap" title={v.reason ?? undefined}>
                {v.changedBy} <span className="muted mono">{formatDateTime(v.createdAt)}</span>
              </td>
              {canEdit ? (
                <td className="actions-cell">
                  <button type="button" className="btn btn-small" onClick={() => onEdit(v.symbol)} data-testid={`limits-edit-${v.symbol}`}>
                    Edit
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LimitsForm({ data, instruments, scope, onScope }: { data: RiskLimitsResponse; instruments: InstrumentView[]; scope: string; onScope: (s: string) => void }) {
  const currentOf = (symbol: string) => data.current.find((v) => v.symbol === symbol);
  const [draft, setDraft] = useState<LimitsDraft>(() => draftOf(currentOf(scope)?.limits));
  const [loadedScope, setLoadedScope] = useState(scope);
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [save, { isLoading, error, reset }] = useSetRiskLimitsMutation();
  const server = error ? describeError(error) : null;
  const errorFor = (path: string) => localErrors[path] ?? server?.fieldErrors[path];
  if (scope !== loadedScope) {
    // A new scope was picked (here or by an Edit button): load its current values.
    setLoadedScope(scope);
    setDraft(draftOf(currentOf(scope)?.limits));
    setLocalErrors({});
  }
  const scopes = [...new Set(['*', ...data.current.map((v) => v.symbol), ...instruments.map((i) => i.symbol)])];
  const current = currentOf(scope);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = valuesOf(draft);
    if ('errors' in parsed) return setLocalErrors(parsed.errors);
    setLocalErrors({});
    const result = await save({ symbol: scope, limits: parsed.values, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    if ('data' in result && result.data) {
      const version = result.data.current.find((v) => v.symbol === scope)?.version;
      setSaved(`Saved ${scopeLabel(scope)}${version ? ` as v${version}` : ''}`);
      setReason('');
    }
  };
  const change = (key: LimitKey, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
    if (error) reset();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Edit risk limits" className="limits-form">
      <div className="filters">
        <FilterSelect
          label="Scope"
          value={scope}
          options={scopes.map((s) => ({ value: s, label: `${scopeLabel(s)}${currentOf(s) ? ` (v${currentOf(s)?.version})` : ''}` }))}
          onChange={onScope}
          testId="limits-scope"
        />
        <span className="muted small">
          {current ? `Editing v${current.version}; saving makes v${current.version + 1}.` : 'No limits for this scope yet.'} Blank = not checked.
          {scope !== '*' ? ' Symbol limits narrow the account-wide ones.' : ''}
        </span>
      </div>
      <div className="form-grid">
        {LIMIT_FIELDS.map((f) => {
          const message = errorFor(`limits.${f.key}`);
          return (
            <label key={f.key} className={`field ${message ? 'has-error' : ''}`}>
              <span>
                {f.label}
                {f.hint ? <em className="hint"> {f.hint}</em> : null}
              </span>
              <input
                type="text"
                inputMode="decimal"
                className="num"
                value={draft[f.key]}
                placeholder="no limit"
                onChange={(e) => change(f.key, e.target.value)}
                aria-invalid={Boolean(message)}
                data-testid={`limits-${f.key}`}
              />
              {message ? (
                <span className="field-error" data-testid={`limits-error-${f.key}`}>
                  {message}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
      <label className={`field ${errorFor('reason') ? 'has-error' : ''}`}>
        <span>
          Reason <em className="hint">kept in the audit trail</em>
        </span>
        <input type="text" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="why the change" data-testid="limits-reason" />
        {errorFor('reason') ? <span className="field-error">{errorFor('reason')}</span> : null}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isLoading} data-testid="limits-save">
          {isLoading ? 'Saving…' : 'Save limits'}
        </button>
        {saved ? (
          <span className="text-ok small" data-testid="limits-saved">
            {saved}
          </span>
        ) : null}
      </div>
      {server ? (
        <div className="state state-error" role="alert">
          {server.message}
        </div>
      ) : null}
    </form>
  );
}

function AuditHistory({ data }: { data: RiskLimitsResponse }) {
  if (data.history.length === 0) return <div className="state state-empty">No changes yet</div>;
  return (
    <div className="table-scroll limits-history">
      <table className="grid-table compact" data-testid="limits-history">
        <thead>
          <tr>
            <th>At</th>
            <th>Scope</th>
            <th className="num">Version</th>
            <th>By</th>
            <th>Reason</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {data.history.map((v, i) => {
            const changes = changesOf(data.history, i);
            return (
              <tr key={`${v.symbol}-${v.version}`}>
                <td className="mono nowrap">{formatDateTime(v.createdAt)}</td>
                <td className="mono">{scopeLabel(v.symbol)}</td>
                <td className="num">v{v.version}</td>
                <td>{v.changedBy}</td>
                <td>{v.reason ?? <span className="muted">—</span>}</td>
                <td className="small">{changes.length ? changes.join('; ') : <span className="muted">no change</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Versioned pre-trade limits: the current set per scope, an editor, and the audit trail. */
export function RiskLimitsEditor({ instruments }: { instruments?: InstrumentView[] }) {
  const limits = useGetRiskLimitsQuery();
  const canEdit = useRoleAtLeast('trader');
  const [scope, setScope] = useState('*');
  return (
    <div className="stack">
      <Panel title="Current limits">
        <QueryView query={limits} loadingText="Loading limits…">
          {(data) => <CurrentLimits data={data} canEdit={canEdit} onEdit={setScope} />}
        </QueryView>
      </Panel>
      {canEdit ? (
        <Panel title="Edit limits">
          <QueryView query={limits}>{(data) => <LimitsForm data={data} instruments={instruments ?? []} scope={scope} onScope={setScope} />}</QueryView>
        </Panel>
      ) : null}
      <Panel title="Audit trail">
        <QueryView query={limits}>{(data) => <AuditHistory data={data} />}</QueryView>
      </Panel>
    </div>
  );
}
