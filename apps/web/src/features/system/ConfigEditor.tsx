import { useState, type FormEvent } from 'react';
import type { ConfigVersionView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { formatDateTime } from '../../ui/format';
import { fieldPath, fromDraft, serverErrorFor, SETTING_GROUPS, toDraft, type SettingsDraft } from './configFields';
import { useGetConfigQuery, useSaveConfigMutation } from './systemApi';

export function ConfigForm({ current, canEdit }: { current: ConfigVersionView; canEdit: boolean }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(current.settings));
  const [comment, setComment] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [save, { isLoading, error, reset }] = useSaveConfigMutation();
  const server = error ? describeError(error) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = fromDraft(draft);
    if ('errors' in parsed) return setLocalErrors(parsed.errors);
    setLocalErrors({});
    const result = await save({ settings: parsed.settings, comment: comment.trim() || undefined });
    if ('data' in result) setComment('');
  };
  const update = (path: string, value: string) => {
    setDraft((d) => ({ ...d, [path]: value }));
    if (error) reset();
  };

  return (
    <form className="config-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Runtime settings">
      <div className="muted small">
        Version <span className="mono">v{current.version}</span> by {current.changedBy} at {formatDateTime(current.changedAt)}
        {current.comment ? ` — “${current.comment}”` : ''}
        {current.rolledBackFrom != null ? ` (rollback from v${current.rolledBackFrom})` : ''}
      </div>
      <div className="config-groups">
        {SETTING_GROUPS.map((g) => (
          <fieldset key={g.group} className="config-group" disabled={!canEdit}>
            <legend>{g.title}</legend>
            {g.fields.map((f) => {
              const path = fieldPath(f);
              const fieldError = localErrors[path] ?? (server ? serverErrorFor(server.fieldErrors, path) : undefined);
              return (
                <label key={path} className={`field field-inline ${fieldError ? 'has-error' : ''}`}>
                  <span>{f.label}</span>
                  <span className="input-unit">
                    <input
                      type="text"
                      inputMode="decimal"
                      className="num"
                      value={draft[path] ?? ''}
                      onChange={(e) => update(path, e.target.value)}
                      aria-invalid={Boolean(fieldError)}
                      data-testid={`config-${path}`}
                    />
                    <em>{f.unit}</em>
                  </span>
                  {fieldError ? (
                    <span className="field-error" data-testid={`config-error-${path}`}>
                      {fieldError}
                    </span>
                  ) : null}
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      {canEdit ? (
        <div className="form-actions">
          <label className="field field-grow">
            <span>Comment</span>
            <input type="text" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Why this change" />
            {server?.fieldErrors.comment ? <span className="field-error">{server.fieldErrors.comment}</span> : null}
          </label>
          <button type="submit" className="btn btn-primary" disabled={isLoading} data-testid="config-save">
            {isLoading ? 'Saving…' : 'Save as new version'}
          </button>
        </div>
      ) : (
        <div className="muted small">Read-only: only admins change runtime settings.</div>
      )}
      {server ? (
        <div className="state state-error" role="alert" data-testid="config-error">
          {server.message}
        </div>
      ) : null}
    </form>
  );
}

export function ConfigEditor() {
  const config = useGetConfigQuery();
  const canEdit = useRoleAtLeast('admin');
  return (
    <Panel title="Runtime settings">
      {/* key: a new version (saved here, rolled back, or changed elsewhere) resets the form */}
      <QueryView query={config}>{(c) => <ConfigForm key={c.version} current={c} canEdit={canEdit} />}</QueryView>
    </Panel>
  );
}
