import { useState, type FormEvent, type ReactNode } from 'react';
import type { InstrumentView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { FormField, InstrumentSelect, TextInput } from '../../ui/FormField';
import {
  alertBodyOf,
  CONDITION_FIELDS,
  CONDITION_LABELS,
  emptyAlertDraft,
  serverAlertErrorFor,
  type AlertDraft,
  type ConditionKind,
  type MoveDirection,
  type TriggerMode,
} from './alertForm';
import { useCreatePriceAlertMutation } from './marketsApi';

/** Form of a new price alert; field errors, the client's or the API's 400, show next to their fields. */
export function AlertForm({ instruments }: { instruments: InstrumentView[] }) {
  const live = instruments.filter((i) => i.live);
  const [draft, setDraft] = useState<AlertDraft>(() => emptyAlertDraft(live[0]?.symbol ?? ''));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [create, { isLoading, error, reset }] = useCreatePriceAlertMutation();
  const server = error ? describeError(error) : null;
  const needs = CONDITION_FIELDS[draft.kind];

  const update = <K extends keyof AlertDraft>(key: K, value: AlertDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setCreated(null);
    if (error) reset();
  };
  const errorFor = (path: string) => localErrors[path] ?? (server ? serverAlertErrorFor(server.fieldErrors, path) : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = alertBodyOf(draft);
    if ('errors' in parsed) return setLocalErrors(parsed.errors);
    setLocalErrors({});
    const result = await create(parsed.body);
    if ('data' in result && result.data) {
      setCreated(result.data.id);
      setDraft((d) => ({ ...emptyAlertDraft(d.symbol), kind: d.kind, mode: d.mode }));
    }
  };

  const field = (path: string, label: string, control: ReactNode, hint?: string) => (
    <FormField label={label} hint={hint} error={errorFor(path)} errorTestId={`alert-error-${path}`}>
      {control}
    </FormField>
  );
  const text = (path: string, key: 'level' | 'percent' | 'windowSec' | 'cooldownSec' | 'webhookUrl' | 'note', extra: { numeric?: boolean; placeholder?: string } = {}) => (
    <TextInput value={draft[key]} onChange={(v) => update(key, v)} {...extra} invalid={Boolean(errorFor(path))} testId={`alert-${key}`} />
  );

  return (
    <form className="alert-form" onSubmit={(e) => void submit(e)} noValidate aria-label="New price alert">
      <div className="form-grid">
        {field(
          'symbol',
          'Symbol',
          <InstrumentSelect instruments={live} value={draft.symbol} onChange={(s) => update('symbol', s)} testId="alert-symbol" />,
        )}
        {field(
          'condition.kind',
          'Condition',
          <select value={draft.kind} onChange={(e) => update('kind', e.target.value as ConditionKind)} data-testid="alert-kind">
            {(Object.keys(CONDITION_LABELS) as ConditionKind[]).map((k) => (
              <option key={k} value={k}>
                {CONDITION_LABELS[k]}
              </option>
            ))}
          </select>,
        )}
        {needs.includes('condition.level') ? field('condition.level', 'Level', text('condition.level', 'level', { numeric: true })) : null}
        {needs.includes('condition.percent') ? field('condition.percent', 'Move', text('condition.percent', 'percent', { numeric: true }), '%') : null}
        {needs.includes('condition.windowSec') ? field('condition.windowSec', 'Within', text('condition.windowSec', 'windowSec', { numeric: true }), 'seconds') : null}
        {needs.includes('condition.direction')
          ? field(
              'condition.direction',
              'Direction',
              <select value={draft.direction} onChange={(e) => update('direction', e.target.value as MoveDirection)} data-testid="alert-direction">
                <option value="either">either</option>
                <option value="up">up</option>
                <option value="down">down</option>
              </select>,
            )
          : null}
        {field(
          'trigger.mode',
          'Trigger',
          <select value={draft.mode} onChange={(e) => update('mode', e.target.value as TriggerMode)} data-testid="alert-mode">
            <option value="once">Once</option>
            <option value="repeat">Repeat</option>
          </select>,
        )}
        {draft.mode === 'repeat' ? field('trigger.cooldownSec', 'Cooldown', text('trigger.cooldownSec', 'cooldownSec', { numeric: true }), 'seconds') : null}
        {field('webhookUrl', 'Webhook URL', text('webhookUrl', 'webhookUrl', { placeholder: 'https://… (optional)' }))}
        {field('note', 'Note', text('note', 'note', { placeholder: 'optional' }))}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isLoading || live.length === 0} data-testid="alert-submit">
          {isLoading ? 'Creating…' : 'Create alert'}
        </button>
        {created ? (
          <span className="text-ok small" data-testid="alert-created">
            Alert created
          </span>
        ) : null}
      </div>
      {server ? (
        <div className="state state-error" role="alert" data-testid="alert-form-error">
          {server.message}
        </div>
      ) : null}
    </form>
  );
}
