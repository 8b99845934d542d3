import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RebalanceResponse } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { account, position } from '../execution/testData';
import { RebalancePanel } from './RebalancePanel';

const preview: RebalanceResponse = {
  accountId: 'acc-1',
  mode: 'preview',
  equity: '100000',
  orders: [
    { symbol: 'R_100', side: 'buy', quantity: '25', price: '1100', currentWeight: 0.022, targetWeight: 0.3, notional: '27500' },
    { symbol: 'R_50', side: 'sell', quantity: '125', price: '80', currentWeight: 0, targetWeight: -0.1, notional: '10000' },
    { symbol: 'R_10', side: 'sell', quantity: '0.1', price: '50', currentWeight: 0.00005, targetWeight: 0, notional: '5', skipped: 'notional 5 is below the minimum of 100' },
  ],
};
const executed: RebalanceResponse = {
  ...preview,
  mode: 'execute',
  orders: [
    { ...preview.orders[0], result: { orderId: 'ord-100', status: 'filled', rejectCheck: null, rejectReason: null } },
    { ...preview.orders[1], result: { orderId: 'ord-50', status: 'rejected', rejectCheck: 'max-position', rejectReason: 'Position would be -125, above the limit of 100' } },
    preview.orders[2],
  ],
};

function setup() {
  const calls = fakeGateway({
    'GET /api/portfolio/positions': { body: { account: account(), positions: [position('R_100'), position('R_10', { weight: 0.00005 })] } },
    'POST /api/portfolio/rebalance': (_req, body) => ({ body: (body as { mode: string }).mode === 'execute' ? executed : preview }),
  });
  renderWithStore(<RebalancePanel />, { session: sessionAs('trader') });
  return { rebalances: () => calls.filter((c) => c.key === 'POST /api/portfolio/rebalance').map((c) => c.body) };
}
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

afterEach(() => jest.restoreAllMocks());

describe('RebalancePanel', () => {
  it('previews the order plan with current against target weights and the skipped orders', async () => {
    const { rebalances } = setup();
    change('rebalance-symbol-0', 'r_100');
    change('rebalance-weight-0', '30');
    fireEvent.click(screen.getByTestId('rebalance-add'));
    change('rebalance-symbol-1', 'R_50');
    change('rebalance-weight-1', '-10');
    change('rebalance-min', '100');
    expect(screen.getByTestId('rebalance-total').textContent).toBe('20.00 % (40.00 % gross)');
    expect((screen.getByTestId('rebalance-execute') as HTMLButtonElement).disabled).toBe(true); // nothing previewed yet
    fireEvent.click(screen.getByTestId('rebalance-preview'));

    const plan = await screen.findByTestId('rebalance-plan');
    expect(rebalances()).toEqual([{ targets: [{ symbol: 'R_100', weight: 0.3 }, { symbol: 'R_50', weight: -0.1 }], minTradeNotional: '100', mode: 'preview' }]);
    const cells = (symbol: string) => [...within(plan).getByTestId(`rebalance-plan-row-${symbol}`).querySelectorAll('td')].map((td) => td.textContent);
    expect(cells('R_100')).toEqual(['R_100', 'buy', '25', '1,100', '27,500.00', '2.2 %', '30.0 %', '+27.8 %', 'to send']);
    expect(cells('R_50').slice(5, 8)).toEqual(['0.0 %', '-10.0 %', '-10.0 %']);
    expect(cells('R_10')[8]).toBe('skipped: notional 5 is below the minimum of 100');
    expect(screen.getByTestId('rebalance-summary').textContent).toContain('2 orders to send, 1 skipped · buy 27,500.00 · sell 10,000.00');

    // changing the targets makes the preview stale: execute waits for a new one
    change('rebalance-weight-0', '31');
    expect((screen.getByTestId('rebalance-execute') as HTMLButtonElement).disabled).toBe(true);
  });

  it('executes after a confirmation and shows what happened to each order', async () => {
    const { rebalances } = setup();
    change('rebalance-symbol-0', 'R_100');
    change('rebalance-weight-0', '30');
    fireEvent.click(screen.getByTestId('rebalance-preview'));
    await screen.findByTestId('rebalance-plan');

    fireEvent.click(screen.getByTestId('rebalance-execute'));
    expect(screen.getByRole('dialog', { name: 'Execute rebalance' }).textContent).toContain('Sends 2 orders');
    expect(rebalances()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('confirm-ok'));

    const result = await screen.findByTestId('rebalance-result');
    expect(rebalances()[1]).toEqual({ targets: [{ symbol: 'R_100', weight: 0.3 }], mode: 'execute' });
    expect(within(result).getByTestId('rebalance-result-row-R_100').textContent).toContain('ord-100');
    expect(within(result).getByTestId('rebalance-result-row-R_50').textContent).toContain('max-position: Position would be -125, above the limit of 100');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('loads the current weights as targets and checks the rows before asking', async () => {
    const { rebalances } = setup();
    await waitFor(() => expect((screen.getByTestId('rebalance-load') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('rebalance-load'));
    expect((screen.getByTestId('rebalance-symbol-0') as HTMLInputElement).value).toBe('R_100');
    expect((screen.getByTestId('rebalance-weight-0') as HTMLInputElement).value).toBe('2.2');
    expect((screen.getByTestId('rebalance-weight-1') as HTMLInputElement).value).toBe('0.01');

    change('rebalance-weight-1', '150');
    fireEvent.click(screen.getByTestId('rebalance-preview'));
    expect(screen.getByTestId('rebalance-error-1').textContent).toBe('from −100 to 100 %');
    expect(rebalances()).toHaveLength(0);
  });
});
