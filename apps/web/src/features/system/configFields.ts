import type { RuntimeSettings } from '@meridian/contracts';

type Group = keyof RuntimeSettings;
/** One number of RuntimeSettings: its group and a key of that group. */
export type SettingField = {
  [G in Group]: { group: G; key: keyof RuntimeSettings[G] & string; label: string; unit: string };
}[Group];

/** The editable runtime settings, grouped as RuntimeSettings groups them. */
export const SETTING_GROUPS: { group: Group; title: string; fields: SettingField[] }[] = [
  {
    group: 'alerts',
    title: 'Alert thresholds',
    fields: [
      { group: 'alerts', key: 'latencyP95Ms', label: 'p95 latency above', unit: 'ms' },
      { group: 'alerts', key: 'errorRatePct', label: 'Error rate above', unit: '%' },
      { group: 'alerts', key: 'minRequests', label: 'Minimum requests', unit: 'req' },
    ],
  },
  { group: 'rateLimit', title: 'Rate limit', fields: [{ group: 'rateLimit', key: 'perMinute', label: 'Requests per minute', unit: '/min' }] },
  {
    group: 'retention',
    title: 'Retention',
    fields: [
      { group: 'retention', key: 'logsDays', label: 'Logs', unit: 'days' },
      { group: 'retention', key: 'metricsDays', label: 'Metrics', unit: 'days' },
      { group: 'retention', key: 'alertsDays', label: 'Alerts', unit: 'days' },
    ],
  },
  { group: 'transport', title: 'Transport', fields: [{ group: 'transport', key: 'timeoutMs', label: 'Request timeout', unit: 'ms' }] },
];

export const fieldPath = (f: SettingField) => `${f.group}.${f.key}`;

export type SettingsDraft = Record<string, string>;

export function toDraft(settings: RuntimeSettings): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const g of SETTING_GROUPS)
    for (const f of g.fields) draft[fieldPath(f)] = String((settings[f.group] as Record<string, number>)[f.key]);
  return draft;
}

/** Numbers from the draft, or the fields that are not numbers. */
export function fromDraft(draft: SettingsDraft): { settings: RuntimeSettings } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, Record<string, number>> = {};
  for (const g of SETTING_GROUPS) {
    out[g.group] = {};
    for (const f of g.fields) {
      const raw = draft[fieldPath(f)]?.trim() ?? '';
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) errors[fieldPath(f)] = 'must be a number';
      else out[g.group][f.key] = value;
    }
  }
  return Object.keys(errors).length ? { errors } : { settings: out as unknown as RuntimeSettings };
}

/**
 * The server's field error for a path. Validation may name the field from the body root
 * (`settings.alerts.latencyP95Ms`) or from the settings (`alerts.latencyP95Ms`); accept both.
 */
export function serverErrorFor(fieldErrors: Record<string, string>, path: string): string | undefined {
  return fieldErrors[path] ?? fieldErrors[`settings.${path}`];
}
