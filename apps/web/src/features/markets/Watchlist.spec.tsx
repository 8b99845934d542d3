import { act, screen, waitFor } from '@testing-library/react';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { instrument, quote, quotes, tickFrame } from './testData';
import { Watchlist } from './Watchlist';

afterEach(() => jest.restoreAllMocks());

function renderWatchlist() {
  fakeGateway({
    'GET /api/markets/live-data': { body: quotes(quote('R_100', 1234.5), quote('R_50', 87.1234, { decimals: 4 })) },
    'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50', true, 4), instrument('SPY', false)] },
  });
  return renderWithStore(<Watchlist selected="R_100" onSelect={() => undefined} />, { session: sessionAs('viewer') });
}

describe('Watchlist', () => {
  it('shows each price with the decimals of its instrument, imported instruments without a price', async () => {
    renderWatchlist();
    expect((await screen.findByTestId('quote-R_100')).textContent).toBe('1,234.50');
    expect(screen.getByTestId('quote-R_50').textContent).toBe('87.1234');
    expect(await screen.findByTestId('watch-row-SPY')).toBeTruthy();
    expect(screen.getByTestId('quote-SPY').textContent).toBe('—');
  });

  it('a tick frame patches the quote and sets the flash direction', async () => {
    const { live } = renderWatchlist();
    const cell = await screen.findByTestId('quote-R_100');
    expect(cell.getAttribute('data-direction')).toBeNull();
    // the quotes entry listens once its data is in
    await waitFor(() => expect(live.markets.interest()).toBeGreaterThan(0));

    act(() => live.markets.deliver(tickFrame('R_100', 1240.25, 2_000)));
    // the store notifies subscribers batched (RTK's autoBatchEnhancer), so wait for the render
    await waitFor(() => expect(screen.getByTestId('quote-R_100').textContent).toBe('1,240.25'));
    expect(screen.getByTestId('quote-R_100').getAttribute('data-direction')).toBe('up');
    expect(screen.getByTestId('quote-R_100').querySelector('.flash-up')).toBeTruthy();

    act(() => live.markets.deliver(tickFrame('R_100', 1239, 3_000)));
    await waitFor(() => expect(screen.getByTestId('quote-R_100').getAttribute('data-direction')).toBe('down'));
    expect(screen.getByTestId('quote-R_100').querySelector('.flash-down')).toBeTruthy();
    expect(screen.getByTestId('quote-R_50').getAttribute('data-direction')).toBeNull();
  });

  it('shows the error when the quotes cannot be read', async () => {
    fakeGateway({
      'GET /api/markets/live-data': { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'down', service: 'execution' } },
      'GET /api/markets/instruments': { body: [] },
    });
    renderWithStore(<Watchlist selected={null} onSelect={() => undefined} />, { session: sessionAs('viewer') });
    expect((await screen.findByRole('alert')).textContent).toContain('execution is unavailable');
  });
});
