import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DeploymentReport, DeploymentView } from '@meridian/contracts';
import { AppRoutes } from '../../app/AppRoutes';
import { fakeGateway, renderWithStore, sessionAs, type FakeReply, type FakeRoute } from '../../../test/render';
import { OWNER, page, tradingFrame } from '../execution/testData';
import { instrument } from '../markets/testData';
import { metrics, run, strategy } from '../simulation/testData';
import { DeploymentsPanel } from './DeploymentsPanel';
import { deployBodyOf, emptyDeployDraft, liveOf } from './deployDraft';

afterEach(() => jest.restoreAllMocks());

const RULE_ID = '5d0c1f7e-0000-4000-8000-000000000009';
const BACKTEST_ID = 'aaaaaaaa-0000-4000-8000-00000000000a';
const D_RUNNING = 'd0000000-0000-4000-8000-000000000001';
const D_PAUSED = 'd0000000-0000-4000-8000-000000000002';
const D_STOPPED = 'd0000000-0000-4000-8000-000000000003';

const ruleStrategy = strategy(RULE_ID, {
  name: 'Tick follower',
  kind: 'rule',
  params: {},
  latestVersion: 2,
  ownerId: 'u-trader',
  latestBacktest: run(BACKTEST_ID, { status: 'completed', progress: 1, strategyId: RULE_ID, strategyVersion: 1, metrics: metrics() }),
  versions: [1, 2].map((version) => ({
    version,
    definition: { symbols: ['R_100'], entry: 'close > prev(close, 1)', exit: 'close < prev(close, 1)', side: 'long', sizing: { type: 'quantity', value: 1 } },
    canonical: null,
    params: {},
    warmupBars: 2,
    createdBy: 'u-trader',
    createdAt: `2026-01-0${version}T00:00:00.000Z`,
  })),
});

const deployment = (id: string, extra: Partial<DeploymentView> = {}): DeploymentView => ({
  id,
  strategyId: RULE_ID,
  version: 1,
  label: 'Tick follower',
  tag: `strategy:${RULE_ID}:v1:${id.slice(0, 8)}`,
  accountId: 'acc-1',
  symbols: ['R_100'],
  timeframe: '1m',
  params: {},
  status: 'running',
  statusReason: null,
  backtestRunId: BACKTEST_ID,
  barsSeen: 42,
  ordersPlaced: 7,
  lastBarAt: '2026-01-03T10:41:00.000Z',
  createdAt: '2026-01-03T10:00:00.000Z',
  startedAt: '2026-01-03T10:00:00.000Z',
  updatedAt: '2026-01-03T10:41:00.000Z',
  ...extra,
});

const report = (id: string): DeploymentReport => ({
  deployment: deployment(id),
  period: { from: '2026-01-03T10:00:00.000Z', to: '2026-01-03T10:42:00.000Z' },
  live: { trades: 4, fills: 7, netPnl: 12.5, feesPaid: 0.7 },
  backtest: { trades: 5, fills: 9, netPnl: 20, feesPaid: 0, error: null },
  drift: -7.5,
  notes: ['The backtest runs without fees or slippage.'],
});

function gateway(extra: Record<string, FakeReply | FakeRoute> = {}) {
  const calls = fakeGateway({
    'GET /api/auth/me': { body: sessionAs('trader').user },
    'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } },
    'GET /api/system/maintenance': { body: { state: { enabled: false, message: null, by: null, since: null }, runs: [] } },
    'GET /api/markets/instruments': { body: [instrument('R_100'), instrument('R_50')] },
    'GET /api/strategies/registry': { body: page([ruleStrategy]) },
    [`GET /api/strategies/${RULE_ID}`]: { body: ruleStrategy },
    'GET /api/strategies/deployments': { body: [] },
    ...extra,
  });
  return { calls, bodies: (key: string) => calls.filter((c) => c.key === key).map((c) => c.body) };
}

describe('deploy form', () => {
  it('starts on the latest version with its symbols and 1m bars; sends only what was chosen', () => {
    const draft = emptyDeployDraft(ruleStrategy);
    expect(draft).toEqual({ version: '', symbols: ['R_100'], timeframe: '1m' });
    expect(deployBodyOf(ruleStrategy, draft)).toEqual({ body: { strategyId: RULE_ID, symbols: ['R_100'], timeframe: '1m' } });
    expect(deployBodyOf(ruleStrategy, { version: '1', symbols: ['R_50', 'R_100', 'R_50'], timeframe: '5m' })).toEqual({
      body: { strategyId: RULE_ID, version: 1, symbols: ['R_50', 'R_100'], timeframe: '5m' },
    });
    expect(deployBodyOf(ruleStrategy, { version: '', symbols: [], timeframe: '1m' })).toEqual({ errors: { symbols: 'Pick at least one symbol' } });
  });

  it('deploys from the strategy page after a confirmation and links to the deployment in Live', async () => {
    const created = deployment(D_RUNNING, { version: 1, symbols: ['R_50'], timeframe: '5m' });
    const { bodies } = gateway({ 'POST /api/strategies/deploy': { status: 201, body: created } });
    renderWithStore(<AppRoutes />, { route: `/strategies/view/${RULE_ID}`, session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('strategy-deploy', {}, { timeout: 5000 }));
    fireEvent.click(await screen.findByTestId('deploy-symbol-R_100')); // off: the rule's symbol
    fireEvent.click(screen.getByTestId('deploy-symbol-R_50'));
    fireEvent.change(screen.getByTestId('deploy-version'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('deploy-timeframe'), { target: { value: '5m' } });
    fireEvent.click(screen.getByTestId('deploy-submit'));

    // Nothing is sent before the confirmation.
    expect(screen.getByTestId('deploy-confirm-text').textContent).toBe('Tick follower v1 will trade R_50 on every closed 5m bar in your paper account.');
    expect(bodies('POST /api/strategies/deploy')).toEqual([]);
    fireEvent.click(screen.getByTestId('confirm-ok'));

    const link = await screen.findByTestId('deploy-live-link');
    expect(link.getAttribute('href')).toBe(`/strategies/live?deployment=${D_RUNNING}`);
    expect(screen.getByTestId('deploy-done').textContent).toContain(created.tag);
    expect(bodies('POST /api/strategies/deploy')).toEqual([{ strategyId: RULE_ID, version: 1, symbols: ['R_50'], timeframe: '5m' }]);
  });

  it('asks for a symbol before confirming', async () => {
    const { bodies } = gateway();
    renderWithStore(<AppRoutes />, { route: `/strategies/view/${RULE_ID}`, session: sessionAs('trader') });
    fireEvent.click(await screen.findByTestId('strategy-deploy', {}, { timeout: 5000 }));
    fireEvent.click(await screen.findByTestId('deploy-symbol-R_100'));
    fireEvent.click(screen.getByTestId('deploy-submit'));
    expect(screen.getByText('Pick at least one symbol')).toBeTruthy();
    expect(screen.queryByTestId('confirm-ok')).toBeNull();
    expect(bodies('POST /api/strategies/deploy')).toEqual([]);
  });

  it('shows the 409 of a version without a completed backtest as the API words it', async () => {
    const message = 'Tick follower has no finished backtest of version 2; backtest it before deploying it';
    gateway({
      'POST /api/strategies/deploy': {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message, details: [{ field: 'strategyId', rules: { backtested: 'a completed backtest of this version' } }] },
      },
    });
    renderWithStore(<AppRoutes />, { route: `/strategies/view/${RULE_ID}`, session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId('strategy-deploy', {}, { timeout: 5000 }));
    // The latest version (2) has no backtest of its own: the form says so before asking.
    expect((await screen.findByTestId('deploy-hint')).textContent).toContain('completed backtest of v2');
    fireEvent.click(screen.getByTestId('deploy-submit'));
    fireEvent.click(screen.getByTestId('confirm-ok'));

    expect((await screen.findByTestId('deploy-error')).textContent).toBe(message);
    expect(screen.queryByTestId('deploy-done')).toBeNull();
    expect(screen.queryByTestId('confirm-ok')).toBeNull();
  });
});

describe('Live deployments', () => {
  const list = () => [
    deployment(D_RUNNING),
    deployment(D_PAUSED, { status: 'paused', statusReason: 'emergency stop: drill', barsSeen: 10, ordersPlaced: 2 }),
    deployment(D_STOPPED, { status: 'stopped', statusReason: 'stopped by u-trader' }),
  ];
  const controlled = (req: Request, body: unknown): FakeReply => {
    const { id, action } = body as { id: string; action: string };
    if (id === D_STOPPED) return { status: 409, body: { statusCode: 409, error: 'Conflict', message: `Deployment ${id} is stopped; deploy again to run it` } };
    return { body: deployment(id, { status: action === 'start' ? 'running' : action === 'pause' ? 'paused' : 'stopped', statusReason: action === 'start' ? null : `${action}d by u-trader` }) };
  };

  it('lists deployments with status, counters and where their orders are; start, pause and stop them', async () => {
    // The fake keeps the state the control answers leave, as the API does.
    let current = list();
    const { bodies } = gateway({
      'GET /api/strategies/deployments': () => ({ body: current }),
      'POST /api/strategies/deployments/control': (req, body) => {
        const reply = controlled(req, body);
        const next = reply.body as DeploymentView;
        if (!reply.status) current = current.map((d) => (d.id === next.id ? next : d));
        return reply;
      },
    });
    renderWithStore(<AppRoutes />, { route: '/strategies/live', session: sessionAs('trader') });

    const running = await screen.findByTestId(`deployment-row-${D_RUNNING}`, {}, { timeout: 5000 });
    expect(screen.getByTestId(`deployment-status-${D_RUNNING}`).textContent).toBe('running');
    expect(screen.getByTestId(`deployment-bars-${D_RUNNING}`).textContent).toBe('42');
    expect(screen.getByTestId(`deployment-orders-${D_RUNNING}`).textContent).toBe('7');
    expect(screen.getByTestId(`deployment-reason-${D_PAUSED}`).textContent).toBe('emergency stop: drill');
    expect(screen.getByTestId(`deployment-tag-${D_RUNNING}`).textContent).toBe(`strategy:${RULE_ID}:v1:d0000000`);
    expect(screen.getByTestId(`deployment-orders-link-${D_RUNNING}`).getAttribute('href')).toBe('/execution/trade');
    expect(screen.getByTestId(`deployment-fills-link-${D_RUNNING}`).getAttribute('href')).toBe('/execution/fills');

    // What each state offers: a running one pauses or stops, a paused one starts or stops, a stopped one nothing.
    expect(within(running).queryByTestId(`deployment-start-${D_RUNNING}`)).toBeNull();
    expect(screen.queryByTestId(`deployment-pause-${D_PAUSED}`)).toBeNull();
    expect(within(screen.getByTestId(`deployment-row-${D_STOPPED}`)).queryByText(/^(Start|Pause|Stop)$/)).toBeNull();

    fireEvent.click(screen.getByTestId(`deployment-pause-${D_RUNNING}`));
    await waitFor(() => expect(screen.getByTestId(`deployment-status-${D_RUNNING}`).textContent).toBe('paused'));
    fireEvent.click(screen.getByTestId(`deployment-start-${D_PAUSED}`));
    await waitFor(() => expect(bodies('POST /api/strategies/deployments/control')).toHaveLength(2));

    // Stop is final: it asks first.
    fireEvent.click(await screen.findByTestId(`deployment-stop-${D_PAUSED}`));
    expect(bodies('POST /api/strategies/deployments/control')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() =>
      expect(bodies('POST /api/strategies/deployments/control')).toEqual([
        { id: D_RUNNING, action: 'pause' },
        { id: D_PAUSED, action: 'start' },
        { id: D_PAUSED, action: 'stop' },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId('confirm-ok')).toBeNull());
    await waitFor(() => expect(screen.getByTestId(`deployment-status-${D_PAUSED}`).textContent).toBe('stopped'));
  });

  it('shows a refused control action (409) as the API words it', async () => {
    // A list that is out of date: the API stopped it meanwhile.
    gateway({ 'GET /api/strategies/deployments': { body: [deployment(D_STOPPED, { status: 'paused' })] }, 'POST /api/strategies/deployments/control': controlled });
    renderWithStore(<AppRoutes />, { route: '/strategies/live', session: sessionAs('trader') });
    fireEvent.click(await screen.findByTestId(`deployment-start-${D_STOPPED}`, {}, { timeout: 5000 }));
    expect((await screen.findByTestId('deployments-error')).textContent).toContain(`Deployment ${D_STOPPED} is stopped; deploy again to run it`);
  });

  it('shows the live report beside the backtest of the same period, with the drift', async () => {
    const { calls } = gateway({ 'GET /api/strategies/deployments': { body: list() }, 'GET /api/strategies/deployments/report': { body: report(D_RUNNING) } });
    renderWithStore(<AppRoutes />, { route: `/strategies/live?deployment=${D_RUNNING}`, session: sessionAs('trader') });

    await screen.findByTestId('deployment-report', {}, { timeout: 5000 });
    expect(calls.find((c) => c.key === 'GET /api/strategies/deployments/report')!.url.searchParams.get('id')).toBe(D_RUNNING);
    const row = (key: string) => [...screen.getByTestId(`report-row-${key}`).querySelectorAll('th, td')].map((c) => c.textContent);
    expect(row('trades')).toEqual(['Trades', '4', '5', '-1']);
    expect(row('netPnl')).toEqual(['Net P&L', '+12.50', '+20.00', '-7.50']);
    expect(row('feesPaid')).toEqual(['Fees paid', '0.70', '0.00', '+0.70']);
    expect(screen.getByTestId('report-drift').textContent).toBe('-7.50');
    expect(screen.getByTestId('report-notes').textContent).toContain('without fees');
    expect(screen.getByTestId(`deployment-report-${D_RUNNING}`).getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps the list live from the trading channel: counters and status change, a new deployment comes on top, an older state is ignored', async () => {
    const { calls } = gateway({ 'GET /api/strategies/deployments': { body: list() } });
    const { live } = renderWithStore(<DeploymentsPanel />, { session: sessionAs('trader') });
    await screen.findByTestId(`deployment-row-${D_RUNNING}`);
    await waitFor(() => expect(live.listenerCount('trading')).toBe(1));
    const base = deployment(D_RUNNING);
    const later = (minutes: number) => new Date(Date.parse(base.updatedAt) + minutes * 60_000).toISOString();
    const NEW_ID = 'd0000000-0000-4000-8000-000000000009';
    act(() => {
      live.deliver(tradingFrame({ kind: 'deployment', ownerId: OWNER, deployment: { ...base, barsSeen: 43, ordersPlaced: 8, updatedAt: later(1) } }));
      live.deliver(tradingFrame({ kind: 'deployment', ownerId: OWNER, deployment: deployment(NEW_ID, { label: 'Fresh one', updatedAt: later(1) }) }));
      // Out of order: an older state of the running one arrives late and changes nothing.
      live.deliver(tradingFrame({ kind: 'deployment', ownerId: OWNER, deployment: { ...base, barsSeen: 40 } }));
    });
    await waitFor(() => expect(screen.getByTestId(`deployment-bars-${D_RUNNING}`).textContent).toBe('43'));
    expect(screen.getByTestId(`deployment-orders-${D_RUNNING}`).textContent).toBe('8');
    const rows = screen.getAllByTestId(/^deployment-row-/).map((r) => r.getAttribute('data-testid'));
    expect(rows[0]).toBe(`deployment-row-${NEW_ID}`);
    act(() => {
      live.deliver(tradingFrame({ kind: 'deployment', ownerId: OWNER, deployment: { ...base, status: 'paused', statusReason: 'emergency stop: drill', barsSeen: 43, updatedAt: later(2) } }));
    });
    await waitFor(() => expect(screen.getByTestId(`deployment-status-${D_RUNNING}`).textContent).toBe('paused'));
    expect(screen.getByTestId(`deployment-reason-${D_RUNNING}`).textContent).toBe('emergency stop: drill');
    // Events, not polling: the list was read once.
    expect(calls.filter((c) => c.key === 'GET /api/strategies/deployments')).toHaveLength(1);
  });

  it('derives a strategy’s live status from its deployments: running before paused before stopped', () => {
    expect(liveOf(list(), RULE_ID)).toEqual({ status: 'running', deploymentId: D_RUNNING });
    expect(liveOf(list().slice(1), RULE_ID)).toEqual({ status: 'paused', deploymentId: D_PAUSED });
    expect(liveOf(list(), 'sma-crossover')).toBeNull();
  });
});
