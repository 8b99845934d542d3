import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CorrelationResponse } from '@meridian/contracts';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { CorrelationPanel } from './CorrelationPanel';
import { instrument } from './testData';

jest.mock('./RollingChart', () => ({
  RollingChart: ({ rolling }: { rolling: { points: unknown[] } }) => <div data-testid="rolling-chart">{rolling.points.length} points</div>,
}));

const matrix: CorrelationResponse = {
  symbols: ['R_100', 'R_50', 'SPY'],
  matrix: [
    [1, 0.42, -0.8],
    [0.42, 1, 0.05],
    [-0.8, 0.05, 1],
  ],
  observations: 250,
  timeframe: '1d',
  from: null,
  to: null,
};

afterEach(() => jest.restoreAllMocks());

describe('CorrelationPanel', () => {
  it('renders the matrix as coloured cells with their values and the observations', async () => {
    const calls = fakeGateway({
      'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50'), instrument('SPY', false)] },
      'GET /api/markets/correlations': { body: matrix },
    });
    renderWithStore(<CorrelationPanel />, { session: sessionAs('viewer') });

    const cell = await screen.findByTestId('corr-R_100-SPY');
    expect(cell.textContent).toBe('-0.80');
    expect(cell.style.background).toBe('rgb(34, 90, 149)'); // 80 % of the way to blue
    expect(screen.getByTestId('corr-R_50-R_100').textContent).toBe('0.42');
    expect(screen.getByTestId('corr-SPY-SPY').textContent).toBe('1.00');
    expect(screen.getByTestId('corr-SPY-SPY').style.background).toBe('rgb(203, 52, 48)');
    expect(screen.getAllByRole('cell')).toHaveLength(9);
    expect(screen.getByTestId('corr-observations').textContent).toContain('250 observations');
    // the default pick: the live symbols and the imported one, daily
    expect(Object.fromEntries(calls.find((c) => c.key === 'GET /api/markets/correlations')!.url.searchParams)).toEqual({
      symbols: 'R_100,R_50,SPY',
      timeframe: '1d',
    });
    expect(screen.queryByTestId('rolling-chart')).toBeNull();
  });

  it('asks for a rolling window with exactly two symbols and draws it', async () => {
    const calls = fakeGateway({
      'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50'), instrument('SPY', false)] },
      'GET /api/markets/correlations': (req) => {
        const two = new URL(req.url).searchParams.get('symbols') === 'R_100,SPY';
        return {
          body: two
            ? { ...matrix, symbols: ['R_100', 'SPY'], matrix: [[1, -0.8], [-0.8, 1]], rolling: { window: 20, points: [{ time: 0, value: null }, { time: 86_400_000, value: 0.3 }] } }
            : matrix,
        };
      },
    });
    renderWithStore(<CorrelationPanel />, { session: sessionAs('viewer') });
    fireEvent.click(await screen.findByTestId('corr-pick-R_50'));

    expect((await screen.findByTestId('rolling-chart')).textContent).toBe('2 points');
    await waitFor(() => expect(screen.queryByTestId('corr-R_50-R_50')).toBeNull());
    const last = calls.filter((c) => c.key === 'GET /api/markets/correlations').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ symbols: 'R_100,SPY', timeframe: '1d', window: '20' });
  });

  it('needs two symbols before asking', async () => {
    const calls = fakeGateway({
      'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50')] },
      'GET /api/markets/correlations': { body: { ...matrix, symbols: ['R_100', 'R_50'], matrix: [[1, 0.4], [0.4, 1]] } },
    });
    renderWithStore(<CorrelationPanel />, { session: sessionAs('viewer') });
    await screen.findByTestId('corr-R_100-R_50');
    const asked = calls.length;

    fireEvent.click(screen.getByTestId('corr-pick-R_50'));

    expect(screen.getByText('Pick at least two symbols')).toBeTruthy();
    expect(screen.queryByTestId('correlation-heatmap')).toBeNull();
    expect(calls).toHaveLength(asked);
  });
});
