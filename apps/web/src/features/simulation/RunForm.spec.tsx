import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { page } from '../execution/testData';
import { instrument } from '../markets/testData';
import { RunForm } from './RunForm';
import { parseGridList, paramsAndGridOf } from './runForm';
import { run, strategy } from './testData';

afterEach(() => jest.restoreAllMocks());

function gateway() {
  const calls = fakeGateway({
    'GET /api/strategies/registry': { body: page([strategy('sma-crossover'), strategy('rsi-mean-reversion', { name: 'RSI mean reversion', params: {} })]) },
    'POST /api/simulation/backtest': { status: 202, body: run('9b2e6c1a-0000-4000-8000-000000000001', { kind: 'grid', status: 'queued', progress: 0 }) },
  });
  return (key: string) => calls.filter((c) => c.key === key).map((c) => c.body);
}

const instruments = [instrument('R_100'), instrument('R_50'), instrument('R_25')];

async function pickStrategy() {
  await screen.findByRole('option', { name: 'SMA crossover (builtin)' });
  fireEvent.change(screen.getByTestId('run-strategy'), { target: { value: 'sma-crossover' } });
}

describe('RunForm', () => {
  it('sends a grid walk-forward run: grid values parsed from comma lists and ranges, data, costs and the look-ahead check', async () => {
    const posts = gateway();
    const onStarted = jest.fn();
    renderWithStore(<RunForm instruments={instruments} onStarted={onStarted} />, { session: sessionAs('trader') });

    await pickStrategy();
    fireEvent.change(screen.getByTestId('run-grid-fast'), { target: { value: '5, 10,15, 10' } });
    fireEvent.change(screen.getByTestId('run-grid-slow'), { target: { value: '20:40:10' } });
    fireEvent.click(screen.getByTestId('run-symbol-R_100'));
    fireEvent.click(screen.getByTestId('run-symbol-R_50'));
    fireEvent.change(screen.getByTestId('run-timeframe'), { target: { value: '1h' } });
    fireEvent.change(screen.getByTestId('run-from'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByTestId('run-to'), { target: { value: '2025-07-01' } });
    fireEvent.change(screen.getByTestId('run-cash'), { target: { value: '50000' } });
    fireEvent.change(screen.getByTestId('run-fees'), { target: { value: '2.5' } });
    fireEvent.change(screen.getByTestId('run-slippage'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('run-wf-on'));
    fireEvent.change(screen.getByTestId('run-wf-windows'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('run-wf-objective'), { target: { value: 'calmar' } });
    fireEvent.click(screen.getByTestId('run-lookahead'));
    fireEvent.click(screen.getByTestId('run-submit'));

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(expect.objectContaining({ id: '9b2e6c1a-0000-4000-8000-000000000001' })));
    expect(posts('POST /api/simulation/backtest')).toEqual([
      {
        strategyId: 'sma-crossover',
        symbols: ['R_100', 'R_50'],
        timeframe: '1h',
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-07-01T00:00:00.000Z',
        initialCash: 50000,
        feesBps: 2.5,
        feeFixed: 0,
        slippageBps: 1,
        grid: { fast: [5, 10, 15], slow: [20, 30, 40] },
        walkForward: { windows: 3, inSampleBars: 250, outOfSampleBars: 60, objective: 'calmar' },
        lookaheadCheck: true,
      },
    ]);
  });

  it('sends an inline rule with parameter overrides and no grid', async () => {
    const posts = gateway();
    renderWithStore(<RunForm instruments={instruments} onStarted={jest.fn()} />, { session: sessionAs('trader') });

    fireEvent.click(screen.getByTestId('run-source-rule'));
    fireEvent.change(screen.getByTestId('run-rule'), {
      target: { value: JSON.stringify({ entry: 'close > sma(close, $n)', exit: 'close < sma(close, $n)', side: 'long', sizing: { type: 'quantity', value: 1 }, params: { n: 20 } }) },
    });
    fireEvent.change(await screen.findByTestId('run-param-n'), { target: { value: '25' } });
    fireEvent.click(screen.getByTestId('run-symbol-R_25'));
    fireEvent.click(screen.getByTestId('run-submit'));

    await waitFor(() => expect(posts('POST /api/simulation/backtest')).toHaveLength(1));
    expect(posts('POST /api/simulation/backtest')[0]).toEqual({
      // The rule's symbols default to the run's.
      rule: { entry: 'close > sma(close, $n)', exit: 'close < sma(close, $n)', side: 'long', sizing: { type: 'quantity', value: 1 }, params: { n: 20 }, symbols: ['R_25'] },
      params: { n: 25 },
      symbols: ['R_25'],
      timeframe: '1d',
      initialCash: 100000,
      feesBps: 0,
      feeFixed: 0,
      slippageBps: 0,
    });
  });

  it('refuses a grid value outside the parameter’s range or not a number, and sends nothing', async () => {
    const posts = gateway();
    renderWithStore(<RunForm instruments={instruments} onStarted={jest.fn()} />, { session: sessionAs('trader') });

    await pickStrategy();
    fireEvent.change(screen.getByTestId('run-grid-fast'), { target: { value: '5, ten' } });
    fireEvent.change(screen.getByTestId('run-grid-slow'), { target: { value: '5, 20' } });
    fireEvent.click(screen.getByTestId('run-submit'));

    expect(await screen.findByText('ten is not a number')).toBeTruthy();
    expect(screen.getByText('5 is outside 10–200')).toBeTruthy();
    expect(screen.getByText('Pick at least one symbol')).toBeTruthy();
    expect(posts('POST /api/simulation/backtest')).toHaveLength(0);
  });
});

describe('grid lists', () => {
  it('reads comma lists and from:to:step ranges, typed by the parameter schema', () => {
    expect(parseGridList('0.1:0.3:0.1, 0.5')).toEqual({ values: [0.1, 0.2, 0.3, 0.5] });
    expect(parseGridList('true, false', { type: 'boolean', default: true, description: '' })).toEqual({ values: [true, false] });
    expect(parseGridList('a, c', { type: 'enum', default: 'a', values: ['a', 'b'], description: '' })).toEqual({ error: 'c is not one of a, b' });
    expect(parseGridList('2.5', { type: 'integer', default: 2, min: 1, max: 5, description: '' })).toEqual({ error: '2.5 is not a whole number' });
  });

  it('caps the grid at 2,000 points', () => {
    const errors = {};
    paramsAndGridOf({ a: { value: '', grid: '1:100:1' }, b: { value: '', grid: '1:30:1' } }, {}, errors, true);
    expect(errors).toEqual({ grid: '3,000 grid points: at most 2,000' });
  });
});
