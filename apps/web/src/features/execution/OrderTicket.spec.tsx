import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CreateOrderResult } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs, type FakeRoute } from '../../../test/render';
import { instrument, quote, quotes } from '../markets/testData';
import { OrderTicket } from './OrderTicket';
import { apiError, order } from './testData';
import { emptyTicket, ticketBodyOf } from './ticketForm';

const instruments = [instrument('R_100'), instrument('R_50'), instrument('SPY', false)];
const placed = (status: CreateOrderResult['order']['status'] = 'accepted'): CreateOrderResult => ({ order: order('0b9f3c1e-1111-4222-8333-444455556666', { status }), related: [], duplicate: false });
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = () => fireEvent.click(screen.getByTestId('ticket-submit'));

function renderTicket(createOrder: FakeRoute) {
  const calls = fakeGateway({
    'GET /api/markets/live-data': { body: quotes(quote('R_100', 1234.5)) },
    'POST /api/orders/create': createOrder,
  });
  renderWithStore(<OrderTicket instruments={instruments} />, { session: sessionAs('trader') });
  const creates = () => calls.filter((c) => c.key === 'POST /api/orders/create');
  return { calls, creates };
}

afterEach(() => jest.restoreAllMocks());

describe('OrderTicket', () => {
  it('sends a limit order with its bracket and flags, and shows the order id and status', async () => {
    const { creates } = renderTicket(() => ({ status: 201, body: placed() }));
    await waitFor(() => expect(screen.getByTestId('ticket-last').textContent).toBe('1,234.50')); // "—" until the quotes arrive

    change('ticket-quantity', '2');
    change('ticket-limitPrice', '1250');
    fireEvent.click(screen.getByTestId('ticket-reduceOnly'));
    fireEvent.click(screen.getByTestId('ticket-bracketOn'));
    change('ticket-takeProfit', '1300');
    change('ticket-stopLoss', '1200');
    expect(screen.getByTestId('ticket-submit').textContent).toBe('Buy 2 R_100');
    submit();

    expect((await screen.findByTestId('ticket-order-id')).textContent).toBe('0b9f3c1e-1111-4222-8333-444455556666');
    expect(screen.getByTestId('ticket-placed').textContent).toContain('accepted');
    expect(creates()).toHaveLength(1);
    expect(creates()[0].body).toEqual({
      symbol: 'R_100',
      side: 'buy',
      type: 'limit',
      quantity: '2',
      limitPrice: '1250',
      timeInForce: 'GTC',
      reduceOnly: true,
      bracket: { takeProfit: '1300', stopLoss: '1200' },
      clientOrderId: expect.stringMatching(/^web-[A-Za-z0-9._:-]{1,60}$/),
    });
    // only live instruments are offered
    expect([...screen.getByTestId('ticket-symbol').querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['R_100', 'R_50']);
  });

  it('sends an algo order with its schedule and no price', async () => {
    const { creates } = renderTicket(() => ({ status: 201, body: placed() }));
    fireEvent.click(screen.getByTestId('ticket-side-sell'));
    change('ticket-symbol', 'R_50');
    change('ticket-type', 'algo');
    expect(screen.queryByTestId('ticket-bracketOn')).toBeNull(); // no bracket or OCO on an algo
    change('ticket-quantity', '10');
    change('ticket-durationSec', '600');
    change('ticket-slices', '12');
    change('ticket-timeInForce', 'DAY');
    submit();

    await screen.findByTestId('ticket-placed');
    expect(creates()[0].body).toEqual({
      symbol: 'R_50',
      side: 'sell',
      type: 'algo',
      quantity: '10',
      timeInForce: 'DAY',
      algo: { kind: 'twap', durationSec: 600, slices: 12 },
      clientOrderId: expect.stringMatching(/^web-/),
    });
  });

  it('keeps the client order id when the same ticket is retried after no answer, and never sends a double click twice', async () => {
    let answer: 'down' | 'up' = 'down';
    const { creates } = renderTicket(() =>
      answer === 'down' ? { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'timeout', service: 'execution' } } : { status: 201, body: placed() },
    );
    change('ticket-quantity', '1');
    change('ticket-limitPrice', '1230');
    submit();
    submit(); // the double click: the first is still in flight

    const failed = await screen.findByTestId('ticket-failed');
    expect(failed.textContent).toContain('execution is unavailable');
    expect(creates()).toHaveLength(1);
    const firstId = (creates()[0].body as { clientOrderId: string }).clientOrderId;
    expect(failed.textContent).toContain(firstId);

    answer = 'up';
    fireEvent.click(screen.getByTestId('ticket-retry'));
    await screen.findByTestId('ticket-placed');
    expect(creates()).toHaveLength(2);
    expect((creates()[1].body as { clientOrderId: string }).clientOrderId).toBe(firstId);

    // a new submit after the answer is a new order with a new id
    change('ticket-quantity', '1');
    submit();
    await waitFor(() => expect(creates()).toHaveLength(3));
    expect((creates()[2].body as { clientOrderId: string }).clientOrderId).not.toBe(firstId);
  });

  it('shows the risk check and its reason prominently when the order is refused (422)', async () => {
    const { creates } = renderTicket(() =>
      apiError(422, 'Refused by max-order-quantity: Quantity 50 is above the limit of 10', [
        { field: 'check', message: 'max-order-quantity' },
        { field: 'orderId', message: 'o-refused-1' },
      ]),
    );
    change('ticket-quantity', '50');
    change('ticket-limitPrice', '1230');
    submit();

    const refused = await screen.findByTestId('ticket-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('ticket-refused-check').textContent).toBe('max-order-quantity');
    expect(screen.getByTestId('ticket-refused-reason').textContent).toBe('Quantity 50 is above the limit of 10');
    expect(refused.textContent).toContain('o-refused-1');
    expect(screen.queryByTestId('ticket-retry')).toBeNull();

    // the refused order exists under that id: sending the ticket again must not reuse it
    submit();
    await waitFor(() => expect(creates()).toHaveLength(2));
    const ids = creates().map((c) => (c.body as { clientOrderId: string }).clientOrderId);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('names the check from the message when the details carry rules instead of messages', async () => {
    renderTicket(() => apiError(422, 'Refused by price-collar: Limit 2000 is 62 % from the last price 1234.5', [{ field: 'check', rules: { check: 'price-collar' } }]));
    change('ticket-quantity', '1');
    change('ticket-limitPrice', '2000');
    submit();
    expect((await screen.findByTestId('ticket-refused-check')).textContent).toBe('price-collar');
    expect(screen.getByTestId('ticket-refused-reason').textContent).toBe('Limit 2000 is 62 % from the last price 1234.5');
  });

  it('shows the field errors of a 400 next to their fields, and the others below the form', async () => {
    renderTicket(() =>
      apiError(400, 'Invalid input: limitPrice (isPositiveDecimal); bracket.stopLoss (isPositiveDecimal); clientOrderId (matches)', [
        { field: 'limitPrice', rules: { isPositiveDecimal: 'limitPrice must be a positive decimal such as "1.5"' } },
        { field: 'bracket.stopLoss', rules: { isPositiveDecimal: 'stopLoss must be a positive decimal such as "1.5"' } },
        { field: 'clientOrderId', rules: { matches: 'clientOrderId must be 1–64 letters, digits or . _ : -' } },
      ]),
    );
    change('ticket-quantity', '1');
    change('ticket-limitPrice', '1230');
    fireEvent.click(screen.getByTestId('ticket-bracketOn'));
    change('ticket-stopLoss', '1100');
    submit();

    expect((await screen.findByTestId('ticket-error-limitPrice')).textContent).toBe('limitPrice must be a positive decimal such as "1.5"');
    expect(screen.getByTestId('ticket-error-bracket.stopLoss').textContent).toBe('stopLoss must be a positive decimal such as "1.5"');
    expect(screen.getByTestId('ticket-limitPrice').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('ticket-failed').textContent).toContain('clientOrderId: clientOrderId must be 1–64');
    expect(screen.queryByTestId('ticket-retry')).toBeNull(); // a 400 is an answer: nothing to retry blindly
    expect(screen.queryByTestId('ticket-error-quantity')).toBeNull();
  });

  it('checks the ticket before sending it', () => {
    const { creates } = renderTicket(() => ({ status: 201, body: placed() }));
    change('ticket-type', 'stop-limit');
    change('ticket-limitPrice', '-3');
    fireEvent.click(screen.getByTestId('ticket-bracketOn'));
    change('ticket-takeProfit', '1100');
    change('ticket-stopLoss', '1200');
    submit();

    expect(screen.getByTestId('ticket-error-quantity').textContent).toBe('required');
    expect(screen.getByTestId('ticket-error-limitPrice').textContent).toBe('must be a positive number such as 1.5');
    expect(screen.getByTestId('ticket-error-stopPrice').textContent).toBe('required');
    expect(screen.getByTestId('ticket-error-bracket.takeProfit').textContent).toBe('a buy takes profit above its stop-loss');
    expect(creates()).toHaveLength(0);

    change('ticket-quantity', '1'); // fixing a field clears its message
    expect(screen.queryByTestId('ticket-error-quantity')).toBeNull();
  });
});

describe('ticketBodyOf', () => {
  const base = { ...emptyTicket('R_100'), quantity: '3' };

  it('sends a trailing percentage as a fraction, exactly', () => {
    expect(ticketBodyOf({ ...base, type: 'trailing-stop', trailMode: 'percent', trail: '2.5' })).toEqual({
      body: { symbol: 'R_100', side: 'buy', type: 'trailing-stop', quantity: '3', timeInForce: 'GTC', trailPercent: '0.025' },
    });
    expect(ticketBodyOf({ ...base, type: 'trailing-stop', trail: '4' })).toMatchObject({ body: { trailAmount: '4' } });
  });

  it('adds the OCO leg with the prices of its type', () => {
    const parsed = ticketBodyOf({ ...base, limitPrice: '1200', ocoOn: true, ocoType: 'stop-limit', ocoStopPrice: '1100', ocoLimitPrice: '1095' });
    expect(parsed).toMatchObject({ body: { oco: { type: 'stop-limit', limitPrice: '1095', stopPrice: '1100' } } });
  });

  it('needs a limit price and a display quantity for an iceberg, and a future expiry for GTD', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const parsed = ticketBodyOf({ ...base, type: 'algo', algoKind: 'iceberg', displayQuantity: '5', timeInForce: 'GTD', expireAt: '2020-01-01T00:00' }, now);
    expect(parsed).toEqual({ errors: { limitPrice: 'required', 'algo.displayQuantity': 'cannot be more than the quantity', expireAt: 'must be in the future' } });

    const ok = ticketBodyOf({ ...base, type: 'algo', algoKind: 'iceberg', limitPrice: '.5', displayQuantity: '1' }, now);
    expect(ok).toMatchObject({ body: { limitPrice: '0.5', algo: { kind: 'iceberg', displayQuantity: '1' } } });
  });

  it('wants one VWAP volume per slice', () => {
    const parsed = ticketBodyOf({ ...base, type: 'algo', algoKind: 'vwap', slices: '3', volumeProfile: '3, 1' });
    expect(parsed).toEqual({ errors: { 'algo.volumeProfile': 'one value per slice: 3 expected, 2 given' } });
    expect(ticketBodyOf({ ...base, type: 'algo', algoKind: 'vwap', slices: '3', volumeProfile: '3 1 2' })).toMatchObject({
      body: { algo: { kind: 'vwap', durationSec: 300, slices: 3, volumeProfile: [3, 1, 2] } },
    });
  });
});
