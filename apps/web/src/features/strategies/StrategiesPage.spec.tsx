import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { page } from '../execution/testData';
import { instrument } from '../markets/testData';
import { metrics, run, strategy } from '../simulation/testData';
import { diffLines } from './versionDiff';

afterEach(() => jest.restoreAllMocks());

const RULE_ID = '5d0c1f7e-0000-4000-8000-000000000009';
const RUN_ID = '9b2e6c1a-0000-4000-8000-000000000001';

const ruleStrategy = strategy(RULE_ID, {
  name: 'RSI dip',
  kind: 'rule',
  description: 'Buy RSI dips',
  params: { n: { type: 'integer', default: 14, min: 1, max: 56, description: '$n' } },
  latestVersion: 2,
  ownerId: 'u-trader',
  live: { status: 'running', deploymentId: 'd-1' },
  latestBacktest: run('aaaaaaaa-0000-4000-8000-00000000000a', { status: 'completed', progress: 1, metrics: metrics({ totalReturn: 0.153, sharpe: 1.87, maxDrawdown: 0.061 }) }),
  versions: [
    { version: 1, definition: { entry: 'rsi(close, $n) < 30', exit: 'rsi(close, $n) > 70', side: 'long', sizing: { type: 'quantity', value: 1 }, params: { n: 14 } }, canonical: null, params: { n: 14 }, warmupBars: 14, createdBy: 'u-trader', createdAt: '2026-01-01T00:00:00.000Z' },
    { version: 2, definition: { entry: 'rsi(close, $n) < 25', exit: 'rsi(close, $n) > 70', side: 'long', sizing: { type: 'quantity', value: 1 }, params: { n: 14 } }, canonical: null, params: { n: 14 }, warmupBars: 14, createdBy: 'u-trader', createdAt: '2026-01-02T00:00:00.000Z' },
  ],
});

function gateway() {
  const calls = fakeGateway({
    'GET /api/auth/me': { body: sessionAs('trader').user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50')] },
    'GET /api/strategies/registry': { body: page([strategy('sma-crossover'), ruleStrategy], { total: 60, limit: 25 }) },
    [`GET /api/strategies/${RULE_ID}`]: { body: ruleStrategy },
    'POST /api/strategies/backtest': { status: 202, body: run(RUN_ID, { status: 'queued', progress: 0 }) },
  });
  return { calls, last: (key: string) => calls.filter((c) => c.key === key).at(-1) };
}

describe('Strategies page', () => {
  it('lists the registry with versions, parameters, latest backtest metrics and live status; filters and pages through it', async () => {
    const { last } = gateway();
    renderWithStore(<AppRoutes />, { route: '/strategies', session: sessionAs('trader') });

    const row = await screen.findByTestId(`strategy-row-${RULE_ID}`, {}, { timeout: 5000 });
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['RSI dipBuy RSI dips', 'rule', 'v2', 'n 14 (1–56)', '15.3 % · Sharpe 1.87 · DD 6.1 %', 'running']);
    expect(within(screen.getByTestId('strategy-row-sma-crossover')).getByText('never')).toBeTruthy();
    expect(screen.getByTestId('registry-range').textContent).toBe('1–2 of 60');

    fireEvent.change(screen.getByTestId('registry-kind'), { target: { value: 'rule' } });
    fireEvent.change(screen.getByTestId('registry-search'), { target: { value: 'rsi' } });
    await waitFor(() => expect(Object.fromEntries(last('GET /api/strategies/registry')!.url.searchParams)).toEqual({ kind: 'rule', q: 'rsi', limit: '25', offset: '0' }));
    fireEvent.click(screen.getByTestId('registry-next'));
    await waitFor(() => expect(last('GET /api/strategies/registry')!.url.searchParams.get('offset')).toBe('25'));
  });

  it('shows a strategy’s versions side by side and opens the deploy form', async () => {
    gateway();
    renderWithStore(<AppRoutes />, { route: `/strategies/view/${RULE_ID}`, session: sessionAs('trader') });

    const diff = await screen.findByTestId('version-diff', {}, { timeout: 5000 });
    const changed = [...diff.querySelectorAll('tr.diff-changed')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(changed).toEqual([['"entry": "rsi(close, $n) < 30",', '"entry": "rsi(close, $n) < 25",']]);
    expect(screen.getByTestId('diff-summary').textContent).toBe('1 changed line');

    const deploy = screen.getByTestId('strategy-deploy') as HTMLButtonElement;
    expect(deploy.disabled).toBe(false);
    expect(screen.queryByTestId('deploy-form')).toBeNull();
    fireEvent.click(deploy);
    expect(await screen.findByTestId('deploy-form')).toBeTruthy();
    expect(screen.getByTestId('strategy-edit').getAttribute('href')).toBe(`/strategies/builder?strategy=${RULE_ID}`);
  });

  it('starts a backtest from the strategy and links to the run in Simulation', async () => {
    const { calls } = gateway();
    renderWithStore(<AppRoutes />, { route: `/strategies/view/${RULE_ID}`, session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('strategy-backtest', {}, { timeout: 5000 }));
    fireEvent.click(await screen.findByTestId('bt-symbol-R_50'));
    fireEvent.change(screen.getByTestId('bt-version'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('bt-param-n'), { target: { value: '10' } });
    fireEvent.change(screen.getByTestId('bt-fees'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByTestId('bt-submit'));

    const link = await screen.findByTestId('bt-run-link');
    expect(link.getAttribute('href')).toBe(`/simulation/runs/${RUN_ID}`);
    expect(calls.filter((c) => c.key === 'POST /api/strategies/backtest').map((c) => c.body)).toEqual([
      { strategyId: RULE_ID, version: 1, params: { n: 10 }, symbols: ['R_50'], timeframe: '1d', initialCash: 100000, feesBps: 1.5, feeFixed: 0, slippageBps: 0 },
    ]);
  });
});

describe('diffLines', () => {
  it('pairs removed and added lines as changes and keeps common lines aligned', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'd', 'e'])).toEqual([
      { kind: 'same', left: 'a', right: 'a' },
      { kind: 'changed', left: 'b', right: 'B' },
      { kind: 'same', left: 'c', right: 'c' },
      { kind: 'same', left: 'd', right: 'd' },
      { kind: 'added', left: null, right: 'e' },
    ]);
  });
});
