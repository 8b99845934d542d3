import type { AlgoKind, AlgoParams, OrderSideName, OrderTypeName, TimeInForceName } from '@meridian/contracts';
import type { DescribedError } from '../../api/apiError';
import { isPositiveDecimal, normaliseDecimal, shiftDecimal } from '../../ui/decimal';
import type { CreateOrderBody } from './executionApi';

export type TicketType = OrderTypeName | 'algo';
export type OcoType = 'limit' | 'stop' | 'stop-limit';

/** The ticket as typed: strings until submitted. */
export interface TicketDraft {
  symbol: string;
  side: OrderSideName;
  type: TicketType;
  quantity: string;
  limitPrice: string;
  stopPrice: string;
  trailMode: 'amount' | 'percent';
  /** A price distance, or a percentage (2 = 2 %) with trailMode 'percent'. */
  trail: string;
  timeInForce: TimeInForceName;
  /** A datetime-local value (local time), for GTD. */
  expireAt: string;
  reduceOnly: boolean;
  postOnly: boolean;
  bracketOn: boolean;
  takeProfit: string;
  stopLoss: string;
  ocoOn: boolean;
  ocoType: OcoType;
  ocoLimitPrice: string;
  ocoStopPrice: string;
  algoKind: AlgoKind;
  durationSec: string;
  slices: string;
  /** VWAP: relative volumes, one per slice, separated by commas or spaces. */
  volumeProfile: string;
  displayQuantity: string;
  tag: string;
}

export const emptyTicket = (symbol = ''): TicketDraft => ({
  symbol,
  side: 'buy',
  type: 'limit',
  quantity: '',
  limitPrice: '',
  stopPrice: '',
  trailMode: 'amount',
  trail: '',
  timeInForce: 'GTC',
  expireAt: '',
  reduceOnly: false,
  postOnly: false,
  bracketOn: false,
  takeProfit: '',
  stopLoss: '',
  ocoOn: false,
  ocoType: 'stop',
  ocoLimitPrice: '',
  ocoStopPrice: '',
  algoKind: 'twap',
  durationSec: '300',
  slices: '10',
  volumeProfile: '',
  displayQuantity: '',
  tag: '',
});

export const TYPE_LABELS: Record<TicketType, string> = {
  market: 'Market',
  limit: 'Limit',
  stop: 'Stop',
  'stop-limit': 'Stop limit',
  'trailing-stop': 'Trailing stop',
  algo: 'Algo (TWAP / VWAP / iceberg)',
};

/** Which price fields a ticket shows, by type (and algo kind). */
export function needsOf(draft: Pick<TicketDraft, 'type' | 'algoKind'>) {
  const { type, algoKind } = draft;
  return {
    limitPrice: type === 'limit' || type === 'stop-limit' || type === 'algo',
    /** Iceberg slices rest at a limit; TWAP/VWAP may have one (optional). */
    limitRequired: type === 'limit' || type === 'stop-limit' || (type === 'algo' && algoKind === 'iceberg'),
    stopPrice: type === 'stop' || type === 'stop-limit',
    trail: type === 'trailing-stop',
    postOnly: type === 'limit' || type === 'stop-limit',
    schedule: type === 'algo' && algoKind !== 'iceberg',
    volumeProfile: type === 'algo' && algoKind === 'vwap',
    displayQuantity: type === 'algo' && algoKind === 'iceberg',
  };
}

/** Everything of the body but the client order id, which the submit adds. */
export type TicketBody = Omit<CreateOrderBody, 'clientOrderId'>;
export type ParsedTicket = { body: TicketBody } | { errors: Record<string, string> };

const MUST_BE_DECIMAL = 'must be a positive number such as 1.5';

function decimalIn(value: string, errors: Record<string, string>, path: string, required = true): string | undefined {
  const text = normaliseDecimal(value);
  if (!text) {
    if (required) errors[path] = 'required';
    return undefined;
  }
  if (!isPositiveDecimal(text)) {
    errors[path] = MUST_BE_DECIMAL;
    return undefined;
  }
  return text;
}

function integerIn(value: string, errors: Record<string, string>, path: string, min: number, max: number): number | undefined {
  const text = value.trim();
  const n = Number(text);
  if (!text || !Number.isInteger(n) || n < min || n > max) {
    errors[path] = `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
    return undefined;
  }
  return n;
}

/**
 * The POST /api/orders/create body for the ticket, or the errors by field path (the same paths
 * as the API's 400 details, so both show at the same field).
 */
export function ticketBodyOf(draft: TicketDraft, now = Date.now()): ParsedTicket {
  const errors: Record<string, string> = {};
  const needs = needsOf(draft);
  if (!draft.symbol) errors.symbol = 'pick a symbol';
  const quantity = decimalIn(draft.quantity, errors, 'quantity');
  const body: TicketBody = { symbol: draft.symbol, side: draft.side, type: draft.type, quantity: quantity ?? '', timeInForce: draft.timeInForce };

  if (needs.limitPrice) {
    const limitPrice = decimalIn(draft.limitPrice, errors, 'limitPrice', needs.limitRequired);
    if (limitPrice) body.limitPrice = limitPrice;
  }
  if (needs.stopPrice) body.stopPrice = decimalIn(draft.stopPrice, errors, 'stopPrice');
  if (needs.trail) {
    const path = draft.trailMode === 'amount' ? 'trailAmount' : 'trailPercent';
    const trail = decimalIn(draft.trail, errors, path);
    if (trail && draft.trailMode === 'amount') body.trailAmount = trail;
    else if (trail && Number(trail) >= 100) errors.trailPercent = 'must be below 100 %';
    else if (trail) body.trailPercent = shiftDecimal(trail, -2);
  }
  if (draft.timeInForce === 'GTD') {
    const at = draft.expireAt ? new Date(draft.expireAt) : null;
    if (!at || Number.isNaN(at.getTime())) errors.expireAt = 'pick the expiry of a GTD order';
    else if (at.getTime() <= now) errors.expireAt = 'must be in the future';
    else body.expireAt = at.toISOString();
  }
  if (draft.reduceOnly) body.reduceOnly = true;
  if (draft.postOnly && needs.postOnly) body.postOnly = true;

  if (draft.bracketOn) {
    const takeProfit = decimalIn(draft.takeProfit, errors, 'bracket.takeProfit', false);
    const stopLoss = decimalIn(draft.stopLoss, errors, 'bracket.stopLoss', false);
    if (!draft.takeProfit.trim() && !draft.stopLoss.trim()) errors['bracket.takeProfit'] = 'give a take-profit, a stop-loss or both';
    if (takeProfit && stopLoss) {
      const [tp, sl] = [Number(takeProfit), Number(stopLoss)];
      if (draft.side === 'buy' && tp <= sl) errors['bracket.takeProfit'] = 'a buy takes profit above its stop-loss';
      if (draft.side === 'sell' && tp >= sl) errors['bracket.takeProfit'] = 'a sell takes profit below its stop-loss';
    }
    body.bracket = { ...(takeProfit ? { takeProfit } : {}), ...(stopLoss ? { stopLoss } : {}) };
  }

  if (draft.ocoOn) {
    const oco: NonNullable<TicketBody['oco']> = { type: draft.ocoType };
    if (draft.ocoType !== 'stop') oco.limitPrice = decimalIn(draft.ocoLimitPrice, errors, 'oco.limitPrice');
    if (draft.ocoType !== 'limit') oco.stopPrice = decimalIn(draft.ocoStopPrice, errors, 'oco.stopPrice');
    body.oco = oco;
  }

  if (draft.type === 'algo') {
    const algo: AlgoParams = { kind: draft.algoKind };
    if (needs.schedule) {
      algo.durationSec = integerIn(draft.durationSec, errors, 'algo.durationSec', 1, 86_400);
      algo.slices = integerIn(draft.slices, errors, 'algo.slices', 1, 1000);
    }
    if (needs.volumeProfile && draft.volumeProfile.trim()) {
      const values = draft.volumeProfile.split(/[\s,;]+/).filter(Boolean).map(Number);
      if (values.some((v) => !Number.isFinite(v) || v < 0) || !values.some((v) => v > 0)) {
        errors['algo.volumeProfile'] = 'non-negative numbers, at least one above 0';
      } else if (algo.slices !== undefined && values.length !== algo.slices) {
        errors['algo.volumeProfile'] = `one value per slice: ${algo.slices} expected, ${values.length} given`;
      } else {
        algo.volumeProfile = values;
      }
    }
    if (needs.displayQuantity) {
      const shown = decimalIn(draft.displayQuantity, errors, 'algo.displayQuantity');
      if (shown && quantity && Number(shown) > Number(quantity)) errors['algo.displayQuantity'] = 'cannot be more than the quantity';
      algo.displayQuantity = shown;
    }
    body.algo = algo;
  }

  const tag = draft.tag.trim();
  if (tag.length > 120) errors.tag = 'at most 120 characters';
  else if (tag) body.tag = tag;

  return Object.keys(errors).length ? { errors } : { body };
}

/** A client order id the API accepts (1–64 of A-Z a-z 0-9 . _ : -). */
export function newClientOrderId(): string {
  const uuid =
    globalThis.crypto?.randomUUID?.() ??
    // randomUUID needs a secure context; getRandomValues does not.
    Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `web-${uuid}`;
}

/**
 * Whether an answer settles a submit. A definite answer (the order, or a refusal of it) means a
 * new submit is a new order; no answer, a 5xx or a timeout leave it unknown whether the order was
 * created, so a retry must reuse the client order id and the API returns the existing order.
 */
export function isSettled(status: number | null): boolean {
  return status !== null && status < 500 && status !== 408 && status !== 429;
}

/** A 422 of the pre-trade risk checks: "Refused by <check>: <reason>", the check and order id in details. */
export interface RiskRefusal {
  check: string;
  reason: string;
  orderId: string | null;
}

export function riskRefusalOf(error: DescribedError): RiskRefusal | null {
  if (error.status !== 422) return null;
  const match = /^Refused by ([^:]+):\s*([\s\S]*)$/.exec(error.message);
  const check = error.fieldErrors.check ?? match?.[1]?.trim() ?? 'risk check';
  return { check, reason: match ? match[2] : error.message, orderId: error.fieldErrors.orderId ?? null };
}
