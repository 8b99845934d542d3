import { fireEvent, screen, within } from '@testing-library/react';
import type { RiskLimitsResponse, RiskLimitsVersion } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { instrument } from '../markets/testData';
import { RiskLimitsEditor } from './RiskLimitsEditor';

const version = (symbol: string, v: number, limits: RiskLimitsVersion['limits'], reason: string | null = null): RiskLimitsVersion => ({
  accountId: 'acc-1',
  symbol,
  version: v,
  limits,
  changedBy: 'trader@meridian.dev',
  reason,
  createdAt: `2026-01-0${v}T10:00:00.000Z`,
});
const v1 = version('*', 1, { maxOrderQuantity: '10', priceCollarPct: '0.1' }, 'initial');
const v2 = version('*', 2, { maxOrderQuantity: '20', priceCollarPct: '0.1', maxOpenOrders: 50 }, 'more room');
const limits: RiskLimitsResponse = { accountId: 'acc-1', current: [v2], history: [v2, v1] };

afterEach(() => jest.restoreAllMocks());

describe('RiskLimitsEditor', () => {
  it('shows the current limits per scope and what each version changed', async () => {
    fakeGateway({ 'GET /api/portfolio/risk-limits': { body: limits } });
    renderWithStore(<RiskLimitsEditor />, { session: sessionAs('trader') });

    const row = await screen.findByTestId('limits-row-*');
    expect(row.textContent).toContain('Account (all symbols)');
    expect(row.textContent).toContain('10 %'); // the collar, sent as a fraction, shown in percent
    const history = screen.getByTestId('limits-history');
    expect(history.textContent).toContain('Max order quantity: 10 → 20; Max open orders: — → 50');
    expect(history.textContent).toContain('more room');
  });

  it('saves a new version for a symbol with the reason, the collar as a fraction and blanks as null', async () => {
    const saved: RiskLimitsResponse = { ...limits, current: [v2, version('R_100', 1, { maxPosition: '5', priceCollarPct: '0.05' }, 'thin book')] };
    const calls = fakeGateway({ 'GET /api/portfolio/risk-limits': { body: limits }, 'POST /api/portfolio/risk-limits': { status: 201, body: saved } });
    renderWithStore(<RiskLimitsEditor instruments={[instrument('R_100')]} />, { session: sessionAs('trader') });

    fireEvent.change(await screen.findByTestId('limits-scope'), { target: { value: 'R_100' } });
    fireEvent.change(screen.getByTestId('limits-maxPosition'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('limits-priceCollarPct'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('limits-reason'), { target: { value: 'thin book' } });
    fireEvent.click(screen.getByTestId('limits-save'));

    expect((await screen.findByTestId('limits-saved')).textContent).toBe('Saved R_100 as v1');
    expect(calls.find((c) => c.key === 'POST /api/portfolio/risk-limits')?.body).toEqual({
      symbol: 'R_100',
      reason: 'thin book',
      limits: {
        maxOrderQuantity: null,
        maxOrderNotional: null,
        priceCollarPct: '0.05',
        maxPosition: '5',
        maxGrossExposure: null,
        maxOpenOrders: null,
        maxDailyLoss: null,
        duplicateWindowMs: null,
      },
    });
    // the answer replaced the cached limits
    expect(within(await screen.findByTestId('limits-row-R_100')).getByText('5 %')).toBeTruthy();
  });

  it('starts from the current values of the scope, and checks them before saving', async () => {
    const calls = fakeGateway({ 'GET /api/portfolio/risk-limits': { body: limits } });
    renderWithStore(<RiskLimitsEditor />, { session: sessionAs('trader') });
    expect(((await screen.findByTestId('limits-maxOrderQuantity')) as HTMLInputElement).value).toBe('20');

    fireEvent.change(screen.getByTestId('limits-maxOpenOrders'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByTestId('limits-save'));
    expect(screen.getByTestId('limits-error-maxOpenOrders').textContent).toBe('a whole number from 0 to 1,000,000');
    expect(calls.filter((c) => c.key === 'POST /api/portfolio/risk-limits')).toHaveLength(0);
  });
});
