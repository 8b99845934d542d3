import { screen } from '@testing-library/react';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { instrument, quote, quotes } from './testData';

jest.mock('./CandleCanvas', () => ({ CandleCanvas: () => <div data-testid="candle-chart" /> }));
jest.mock('./RollingChart', () => ({ RollingChart: () => <div data-testid="rolling-chart" /> }));

afterEach(() => jest.restoreAllMocks());

describe('Markets correlations tab', () => {
  it('renders with live and imported instruments', async () => {
    fakeGateway({
      'GET /api/auth/me': { body: sessionAs('admin').user },
      'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
      'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
      'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50'), instrument('AAA', false), instrument('BBB', false)] },
      'GET /api/markets/alerts': { body: [] },
      'GET /api/markets/live-data': { body: quotes(quote('R_100', 1)) },
      'GET /api/markets/correlations': { body: { symbols: ['AAA', 'BBB'], matrix: [[1, 0.5], [0.5, 1]], observations: 299, timeframe: '1d', from: null, to: null } },
    });
    renderWithStore(<AppRoutes />, { route: '/markets/correlations', session: sessionAs('admin') });
    expect(await screen.findByTestId('corr-AAA-BBB', {}, { timeout: 5000 })).toBeTruthy();
  });
});
