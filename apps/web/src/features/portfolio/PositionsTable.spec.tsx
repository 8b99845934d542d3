import { act, screen, waitFor } from '@testing-library/react';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { account, ACCOUNT, OWNER, position, tradingFrame } from '../execution/testData';
import { quote, quotes, tickFrame } from '../markets/testData';
import { AccountSummary } from './AccountSummary';
import { PositionsTable } from './PositionsTable';
import { livePosition } from './positionPatches';
import { useLivePortfolio } from './useLivePortfolio';

/** The overview's account and positions, on the live hook. */
function Harness() {
  const portfolio = useLivePortfolio();
  if (!portfolio.data) return null;
  return (
    <>
      <AccountSummary portfolio={portfolio.data} />
      <PositionsTable portfolio={portfolio.data} />
    </>
  );
}

const long = position('R_100'); // 2 @ 1000, the server marked it at 1100: +200
const short = position('R_50', { quantity: '-3', averagePrice: '80', lastPrice: '82', marketValue: '-246', unrealisedPnl: '-6', weight: -0.00246 });

function setup() {
  fakeGateway({
    'GET /api/portfolio/positions': { body: { account: account({ unrealisedPnl: '194', equity: '100194' }), positions: [long, short] } },
    'GET /api/markets/live-data': { body: quotes(quote('R_100', 1100), quote('R_50', 82)) },
  });
  return renderWithStore(<Harness />, { session: sessionAs('trader') });
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

afterEach(() => jest.restoreAllMocks());

describe('positions with live P&L', () => {
  it('recomputes unrealised P&L and equity from each quote, green for a gain and red for a loss', async () => {
    const { live } = setup();
    await screen.findByTestId('pos-row-R_100');
    expect(text('pos-pnl-R_100')).toBe('+200.00');
    expect(text('pos-pnl-R_50')).toBe('-6.00');
    expect(screen.getByTestId('pos-pnl-R_50').className).toContain('text-bad');
    await waitFor(() => expect(live.markets.interest()).toBeGreaterThan(0)); // the quotes listen to ticks

    act(() => live.markets.deliver(tickFrame('R_100', 1150, 2_000)));
    await waitFor(() => expect(text('pos-pnl-R_100')).toBe('+300.00')); // (1150 − 1000) × 2
    expect(screen.getByTestId('pos-pnl-R_100').className).toContain('text-ok');
    expect(text('pos-last-R_100')).toBe('1,150.00');
    expect(text('account-unrealised')).toBe('+294.00');
    expect(text('account-equity')).toBe('100,294.00');

    act(() => live.markets.deliver(tickFrame('R_50', 78, 2_000))); // the short gains as the price falls
    await waitFor(() => expect(text('pos-pnl-R_50')).toBe('+6.00')); // (78 − 80) × −3
    expect(screen.getByTestId('pos-pnl-R_50').className).toContain('text-ok');
    expect(text('pos-pnl-total')).toBe('+306.00');
  });

  it('takes a position event of the account at once and marks it at the latest quote', async () => {
    const { live } = setup();
    await screen.findByTestId('pos-row-R_100');
    await waitFor(() => expect(live.listenerCount('trading')).toBe(1));

    act(() => {
      live.deliver(tradingFrame({ kind: 'position', ownerId: OWNER, accountId: ACCOUNT, position: position('R_100', { quantity: '4', averagePrice: '1080', updatedAt: '2026-01-01T10:05:00.000Z' }) }));
      live.deliver(tradingFrame({ kind: 'position', ownerId: 'u-other', accountId: 'acc-other', position: position('R_10') }));
    });

    await waitFor(() => expect(text('pos-pnl-R_100')).toBe('+80.00')); // (1100 − 1080) × 4
    expect(screen.queryByTestId('pos-row-R_10')).toBeNull();
  });
});

describe('livePosition', () => {
  it('falls back to the server figures without a quote', () => {
    expect(livePosition(long, undefined)).toMatchObject({ last: 1100, unrealisedPnl: 200, marketValue: 2200, live: false });
    expect(livePosition(position('X', { lastPrice: null, marketValue: null, unrealisedPnl: null }), undefined)).toMatchObject({ last: null, unrealisedPnl: null });
    expect(livePosition(short, 90)).toMatchObject({ unrealisedPnl: -30, marketValue: -270, live: true });
  });
});
