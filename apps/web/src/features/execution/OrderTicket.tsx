import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ALGO_KINDS, TIME_IN_FORCE_NAMES, type CreateOrderResult, type InstrumentView, type OrderSideName } from '@meridian/contracts';
import { describeError, type DescribedError } from '../../api/apiError';
import { FormField, InstrumentSelect, TextInput } from '../../ui/FormField';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDecimal, formatNumber } from '../../ui/format';
import { useGetMarketQuotesQuery } from '../markets/marketsApi';
import { useCreateOrderMutation } from './executionApi';
import { statusLabel, statusTone } from './orderFormat';
import {
  emptyTicket,
  isSettled,
  needsOf,
  newClientOrderId,
  riskRefusalOf,
  ticketBodyOf,
  TYPE_LABELS,
  type OcoType,
  type RiskRefusal,
  type TicketDraft,
  type TicketType,
} from './ticketForm';

type Outcome =
  | { kind: 'placed'; result: CreateOrderResult }
  | { kind: 'refused'; refusal: RiskRefusal }
  | { kind: 'failed'; error: DescribedError; clientOrderId: string | null };

/** Field paths the ticket shows errors at; a 400 naming any other field is listed under the form. */
const SHOWN_FIELDS = new Set([
  'symbol',
  'side',
  'type',
  'quantity',
  'limitPrice',
  'stopPrice',
  'trailAmount',
  'trailPercent',
  'timeInForce',
  'expireAt',
  'bracket.takeProfit',
  'bracket.stopLoss',
  'oco.type',
  'oco.limitPrice',
  'oco.stopPrice',
  'algo.kind',
  'algo.durationSec',
  'algo.slices',
  'algo.volumeProfile',
  'algo.displayQuantity',
  'tag',
]);

const TIF_HINTS: Record<string, string> = {
  GTC: 'good till cancelled',
  GTD: 'good till a date',
  DAY: 'until the end of the UTC day',
  IOC: 'fill what you can now, cancel the rest',
  FOK: 'fill all now or nothing',
};

/**
 * The order ticket. Each submit carries a client order id; a retry of the same ticket after no
 * answer (network, 5xx) reuses it, so a double click or a retry can never place two orders.
 */
export function OrderTicket({ instruments }: { instruments: InstrumentView[] }) {
  const tradable = instruments.some((i) => i.live) ? instruments.filter((i) => i.live) : instruments;
  const [draft, setDraft] = useState<TicketDraft>(() => emptyTicket(tradable[0]?.symbol ?? ''));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [create, { isLoading }] = useCreateOrderMutation();
  const quotes = useGetMarketQuotesQuery();
  /** The id of the submit whose answer is still unknown, and the body it was for. */
  const pending = useRef<{ key: string; clientOrderId: string } | null>(null);
  const inFlight = useRef(false);

  const needs = needsOf(draft);
  const instrument = instruments.find((i) => i.symbol === draft.symbol);
  const quote = quotes.data?.quotes.find((q) => q.symbol === draft.symbol);
  const decimals = quote?.decimals ?? instrument?.decimals ?? 2;
  const serverErrors = outcome?.kind === 'failed' ? outcome.error.fieldErrors : {};
  const errorFor = (path: string) => localErrors[path] ?? serverErrors[path];
  const otherServerErrors = Object.entries(serverErrors).filter(([path]) => !SHOWN_FIELDS.has(path));

  const update = <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (localErrors[key as string]) setLocalErrors(({ [key as string]: _gone, ...rest }) => rest);
    if (outcome && outcome.kind !== 'placed') setOutcome(null);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (inFlight.current) return; // a second click before the first is answered
    const parsed = ticketBodyOf(draft);
    if ('errors' in parsed) {
      setLocalErrors(parsed.errors);
      return;
    }
    setLocalErrors({});
    const key = JSON.stringify(parsed.body);
    if (pending.current?.key !== key) pending.current = { key, clientOrderId: newClientOrderId() };
    const clientOrderId = pending.current.clientOrderId;

    inFlight.current = true;
    setOutcome(null);
    try {
      const result = await create({ ...parsed.body, clientOrderId });
      if ('data' in result && result.data) {
        pending.current = null;
        setOutcome({ kind: 'placed', result: result.data });
        setDraft((d) => ({ ...d, quantity: '' })); // the next order is a new decision
        return;
      }
      const error = describeError(result.error);
      const settled = isSettled(error.status);
      if (settled) pending.current = null;
      const refusal = riskRefusalOf(error);
      setOutcome(refusal ? { kind: 'refused', refusal } : { kind: 'failed', error, clientOrderId: settled ? null : clientOrderId });
    } finally {
      inFlight.current = false;
    }
  };

  const field = (path: string, label: ReactNode, control: ReactNode, hint?: string) => (
    <FormField label={label} hint={hint} error={errorFor(path)} errorTestId={`ticket-error-${path}`}>
      {control}
    </FormField>
  );
  const text = (path: string, key: keyof TicketDraft, extra: { placeholder?: string; numeric?: boolean } = { numeric: true }) => (
    <TextInput value={draft[key] as string} onChange={(v) => update(key, v as never)} {...extra} invalid={Boolean(errorFor(path))} testId={`ticket-${key}`} />
  );
  const check = (key: 'reduceOnly' | 'postOnly' | 'bracketOn' | 'ocoOn', label: string, title?: string) => (
    <label className="toggle" title={title}>
      <input type="checkbox" checked={draft[key]} onChange={(e) => update(key, e.target.checked)} data-testid={`ticket-${key}`} />
      {label}
    </label>
  );

  const referencePrice = Number(draft.limitPrice) || quote?.price || null;
  const notional = referencePrice && Number(draft.quantity) > 0 ? referencePrice * Number(draft.quantity) : null;

  return (
    <form className={`ticket ticket-${draft.side}`} onSubmit={(e) => void submit(e)} noValidate aria-label="Order ticket">
      <div className="ticket-head">
        <div className="segmented side-toggle" role="group" aria-label="Side">
          {(['buy', 'sell'] as OrderSideName[]).map((side) => (
            <button
              key={side}
              type="button"
              className={`seg side-${side} ${draft.side === side ? 'active' : ''}`}
              aria-pressed={draft.side === side}
              onClick={() => update('side', side)}
              data-testid={`ticket-side-${side}`}
            >
              {side === 'buy' ? 'Buy' : 'Sell'}
            </button>
          ))}
        </div>
        <div className="ticket-last" title="Last price from the market stream">
          <span className="muted small">Last</span>{' '}
          <span className="num" data-testid="ticket-last">
            {quote ? formatNumber(quote.price, decimals) : '—'}
          </span>
        </div>
      </div>

      <div className="ticket-grid">
        {field(
          'symbol',
          'Symbol',
          <InstrumentSelect instruments={tradable} value={draft.symbol} onChange={(s) => update('symbol', s)} testId="ticket-symbol" />,
        )}
        {field(
          'type',
          'Type',
          <select value={draft.type} onChange={(e) => update('type', e.target.value as TicketType)} data-testid="ticket-type">
            {(Object.keys(TYPE_LABELS) as TicketType[]).map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>,
        )}
        {field('quantity', 'Quantity', text('quantity', 'quantity'))}
        {needs.limitPrice
          ? field(
              'limitPrice',
              <>
                Limit price
                {quote ? (
                  <button type="button" className="link-btn" onClick={() => update('limitPrice', quote.price.toFixed(decimals))} data-testid="ticket-use-last">
                    use last
                  </button>
                ) : null}
              </>,
              text('limitPrice', 'limitPrice', { numeric: true, placeholder: needs.limitRequired ? undefined : 'optional' }),
            )
          : null}
        {needs.stopPrice ? field('stopPrice', 'Stop price', text('stopPrice', 'stopPrice'), 'trigger') : null}
        {needs.trail ? (
          <>
            {field(
              draft.trailMode === 'amount' ? 'trailAmount' : 'trailPercent',
              'Trail',
              <div className="input-unit">
                {text(draft.trailMode === 'amount' ? 'trailAmount' : 'trailPercent', 'trail')}
                <select value={draft.trailMode} onChange={(e) => update('trailMode', e.target.value as TicketDraft['trailMode'])} aria-label="Trail unit" data-testid="ticket-trailMode">
                  <option value="amount">price</option>
                  <option value="percent">%</option>
                </select>
              </div>,
            )}
          </>
        ) : null}
        {field(
          'timeInForce',
          'Time in force',
          <select value={draft.timeInForce} onChange={(e) => update('timeInForce', e.target.value as TicketDraft['timeInForce'])} data-testid="ticket-timeInForce">
            {TIME_IN_FORCE_NAMES.map((tif) => (
              <option key={tif} value={tif} title={TIF_HINTS[tif]}>
                {tif} — {TIF_HINTS[tif]}
              </option>
            ))}
          </select>,
        )}
        {draft.timeInForce === 'GTD'
          ? field('expireAt', 'Expires', <input type="datetime-local" value={draft.expireAt} onChange={(e) => update('expireAt', e.target.value)} data-testid="ticket-expireAt" />)
          : null}
      </div>

      {draft.type === 'algo' ? (
        <fieldset className="ticket-section">
          <legend>Algorithm</legend>
          <div className="ticket-grid">
            {field(
              'algo.kind',
              'Kind',
              <select value={draft.algoKind} onChange={(e) => update('algoKind', e.target.value as TicketDraft['algoKind'])} data-testid="ticket-algoKind">
                {ALGO_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k.toUpperCase()}
                  </option>
                ))}
              </select>,
            )}
            {needs.schedule ? field('algo.durationSec', 'Duration', text('algo.durationSec', 'durationSec'), 'seconds') : null}
            {needs.schedule ? field('algo.slices', 'Slices', text('algo.slices', 'slices'), 'child orders') : null}
            {needs.displayQuantity ? field('algo.displayQuantity', 'Display qty', text('algo.displayQuantity', 'displayQuantity'), 'shown at a time') : null}
          </div>
          {needs.volumeProfile
            ? field(
                'algo.volumeProfile',
                'Volume profile',
                text('algo.volumeProfile', 'volumeProfile', { placeholder: 'optional, e.g. 3 2 1 1 2 3 (default U-shaped)' }),
                'relative volume per slice',
              )
            : null}
        </fieldset>
      ) : null}

      <div className="ticket-options">
        {check('reduceOnly', 'Reduce only', 'Refused unless it shrinks the position')}
        {needs.postOnly ? check('postOnly', 'Post only', 'Refused if it would trade at once (maker only)') : null}
        {draft.type !== 'algo' ? check('bracketOn', 'Bracket TP / SL') : null}
        {draft.type !== 'algo' ? check('ocoOn', 'OCO leg', 'A second order; the first fill of either cancels the other') : null}
      </div>

      {draft.bracketOn && draft.type !== 'algo' ? (
        <fieldset className="ticket-section">
          <legend>Bracket (placed when the entry fills)</legend>
          <div className="ticket-grid">
            {field('bracket.takeProfit', 'Take profit', text('bracket.takeProfit', 'takeProfit'), 'limit')}
            {field('bracket.stopLoss', 'Stop loss', text('bracket.stopLoss', 'stopLoss'), 'stop')}
          </div>
        </fieldset>
      ) : null}

      {draft.ocoOn && draft.type !== 'algo' ? (
        <fieldset className="ticket-section">
          <legend>OCO leg (same symbol, side and quantity)</legend>
          <div className="ticket-grid">
            {field(
              'oco.type',
              'Type',
              <select value={draft.ocoType} onChange={(e) => update('ocoType', e.target.value as OcoType)} data-testid="ticket-ocoType">
                <option value="limit">Limit</option>
                <option value="stop">Stop</option>
                <option value="stop-limit">Stop limit</option>
              </select>,
            )}
            {draft.ocoType !== 'stop' ? field('oco.limitPrice', 'Limit price', text('oco.limitPrice', 'ocoLimitPrice')) : null}
            {draft.ocoType !== 'limit' ? field('oco.stopPrice', 'Stop price', text('oco.stopPrice', 'ocoStopPrice')) : null}
          </div>
        </fieldset>
      ) : null}

      {field('tag', 'Tag', text('tag', 'tag', { placeholder: 'optional' }))}

      <div className="form-actions ticket-actions">
        <button type="submit" className={`btn btn-block btn-${draft.side}`} disabled={isLoading || !draft.symbol} data-testid="ticket-submit">
          {isLoading ? 'Sending…' : `${draft.side === 'buy' ? 'Buy' : 'Sell'} ${draft.quantity.trim() || ''} ${draft.symbol}`.replace(/\s+/g, ' ')}
        </button>
      </div>
      <div className="muted small ticket-notional" data-testid="ticket-notional">
        {notional ? `≈ ${formatNumber(notional, 2)} notional` : '\u00a0'}
      </div>

      {outcome?.kind === 'placed' ? <PlacedNote result={outcome.result} /> : null}
      {outcome?.kind === 'refused' ? (
        <div className="risk-refusal" role="alert" data-testid="ticket-refused">
          <div className="risk-refusal-head">
            Refused by risk check <span className="mono risk-check" data-testid="ticket-refused-check">{outcome.refusal.check}</span>
          </div>
          <div data-testid="ticket-refused-reason">{outcome.refusal.reason}</div>
          {outcome.refusal.orderId ? <div className="muted small mono">order {outcome.refusal.orderId} (rejected)</div> : null}
        </div>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <div className="state state-error" role="alert" data-testid="ticket-failed">
          {outcome.error.message}
          {otherServerErrors.length ? (
            <ul className="import-details">
              {otherServerErrors.map(([path, message]) => (
                <li key={path}>
                  {path}: {message}
                </li>
              ))}
            </ul>
          ) : null}
          {outcome.clientOrderId ? (
            <div className="retry-note">
              The order may or may not have reached the venue. Retrying is safe: it reuses client order id{' '}
              <span className="mono">{outcome.clientOrderId}</span>, so it cannot place a second order.{' '}
              <button type="button" className="btn btn-small" onClick={() => void submit()} disabled={isLoading} data-testid="ticket-retry">
                Retry
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function PlacedNote({ result }: { result: CreateOrderResult }) {
  const { order } = result;
  return (
    <div className={`ticket-placed ${order.status === 'rejected' ? 'ticket-placed-bad' : ''}`} data-testid="ticket-placed">
      <div>
        {result.duplicate ? 'Already placed' : 'Order placed'}: <span className="mono" data-testid="ticket-order-id">{order.id}</span>{' '}
        <StatusBadge status={statusLabel(order.status)} tone={statusTone(order.status)} />
      </div>
      <div className="muted small">
        {order.side} {formatDecimal(order.quantity)} {order.symbol}
        {Number(order.filledQuantity) > 0 ? ` · filled ${formatDecimal(order.filledQuantity)} @ ${formatDecimal(order.averagePrice)}` : ''}
        {result.duplicate ? ' · this client order id was already used: nothing new was created' : ''}
      </div>
      {order.rejectReason ? (
        <div className="text-bad small">
          {order.rejectCheck ? `${order.rejectCheck}: ` : ''}
          {order.rejectReason}
        </div>
      ) : null}
      {result.related.map((r) => (
        <div key={r.id} className="muted small">
          linked {r.role} order <span className="mono">{r.id}</span> ({statusLabel(r.status)})
        </div>
      ))}
    </div>
  );
}
