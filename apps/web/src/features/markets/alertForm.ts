import type { PriceAlertCondition, PriceAlertView } from '@meridian/contracts';
import type { CreatePriceAlertBody } from './marketsApi';

export type ConditionKind = PriceAlertCondition['kind'];
export type MoveDirection = 'up' | 'down' | 'either';
export type TriggerMode = PriceAlertView['trigger']['mode'];

/** The form as typed: strings until submitted. */
export interface AlertDraft {
  symbol: string;
  kind: ConditionKind;
  level: string;
  percent: string;
  windowSec: string;
  direction: MoveDirection;
  mode: TriggerMode;
  cooldownSec: string;
  webhookUrl: string;
  note: string;
}

export const emptyAlertDraft = (symbol = ''): AlertDraft => ({
  symbol,
  kind: 'above',
  level: '',
  percent: '',
  windowSec: '300',
  direction: 'either',
  mode: 'once',
  cooldownSec: '300',
  webhookUrl: '',
  note: '',
});

/** The fields each condition kind needs, by their path in the request body. */
export const CONDITION_FIELDS: Record<ConditionKind, readonly ('condition.level' | 'condition.percent' | 'condition.windowSec' | 'condition.direction')[]> = {
  above: ['condition.level'],
  below: ['condition.level'],
  cross: ['condition.level', 'condition.direction'],
  percentMove: ['condition.percent', 'condition.windowSec', 'condition.direction'],
};

export const CONDITION_LABELS: Record<ConditionKind, string> = {
  above: 'Price above',
  below: 'Price below',
  cross: 'Price crosses',
  percentMove: 'Moves by %',
};

type Parsed = { body: CreatePriceAlertBody } | { errors: Record<string, string> };

function numberIn(value: string, errors: Record<string, string>, path: string, opts: { positive?: boolean; integer?: boolean; min?: number } = {}): number {
  const text = value.trim();
  const n = Number(text);
  if (!text || !Number.isFinite(n)) errors[path] = 'must be a number';
  else if (opts.integer && !Number.isInteger(n)) errors[path] = 'must be a whole number';
  else if (opts.positive && n <= 0) errors[path] = 'must be greater than 0';
  else if (opts.min !== undefined && n < opts.min) errors[path] = `must be at least ${opts.min}`;
  return n;
}

/** Builds the POST /api/markets/alerts body for the condition kind, or the field errors. */
export function alertBodyOf(draft: AlertDraft): Parsed {
  const errors: Record<string, string> = {};
  if (!draft.symbol) errors.symbol = 'pick a symbol';

  let condition: PriceAlertCondition;
  switch (draft.kind) {
    case 'above':
    case 'below':
      condition = { kind: draft.kind, level: numberIn(draft.level, errors, 'condition.level', { positive: true }) };
      break;
    case 'cross':
      condition = { kind: 'cross', level: numberIn(draft.level, errors, 'condition.level', { positive: true }), direction: draft.direction };
      break;
    case 'percentMove':
      condition = {
        kind: 'percentMove',
        percent: numberIn(draft.percent, errors, 'condition.percent', { positive: true }),
        windowSec: numberIn(draft.windowSec, errors, 'condition.windowSec', { positive: true, integer: true }),
        direction: draft.direction,
      };
      break;
  }

  const trigger: PriceAlertView['trigger'] =
    draft.mode === 'once' ? { mode: 'once' } : { mode: 'repeat', cooldownSec: numberIn(draft.cooldownSec, errors, 'trigger.cooldownSec', { integer: true, min: 0 }) };

  const webhookUrl = draft.webhookUrl.trim();
  if (webhookUrl && !/^https?:\/\/\S+$/i.test(webhookUrl)) errors.webhookUrl = 'must be an http(s) URL';
  const note = draft.note.trim();

  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      symbol: draft.symbol,
      condition,
      trigger,
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** The server's message for a form field: by its full path, or by its last segment. */
export function serverAlertErrorFor(fieldErrors: Record<string, string>, path: string): string | undefined {
  return fieldErrors[path] ?? fieldErrors[path.slice(path.lastIndexOf('.') + 1)];
}

/** One line describing a condition, for the list. */
export function describeCondition(c: PriceAlertCondition, decimals = 2): string {
  const dir = (d?: MoveDirection) => (d && d !== 'either' ? ` ${d}` : '');
  switch (c.kind) {
    case 'above':
      return `above ${c.level.toFixed(decimals)}`;
    case 'below':
      return `below ${c.level.toFixed(decimals)}`;
    case 'cross':
      return `crosses${dir(c.direction)} ${c.level.toFixed(decimals)}`;
    case 'percentMove':
      return `moves${dir(c.direction)} ${c.percent} % in ${c.windowSec} s`;
  }
}
