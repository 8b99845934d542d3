import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeGateway, renderWithStore, sessionAs } from '../../../test/render';
import { page } from '../execution/testData';
import { RunDetailView } from './RunDetailView';
import { applyRunEvent, isNewer } from './runPatches';
import { RunsList } from './RunsList';
import { metrics, OWNER, run, runDetail, simulationFrame } from './testData';

// lightweight-charts needs a real canvas: the charts are replaced by their data.
jest.mock('./charts', () => ({
  EquityCurveChart: ({ points }: { points: { value: number }[] }) => <div data-testid="run-equity-chart">{points.map((p) => p.value).join(',')}</div>,
  DrawdownChart: ({ points }: { points: { value: number }[] }) => <div data-testid="run-drawdown-chart">{points.map((p) => p.value).join(',')}</div>,
  OverlayChart: () => null,
  FanChart: () => null,
}));

afterEach(() => jest.restoreAllMocks());

const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '22222222-0000-4000-8000-000000000002';

const progressOf = (id: string) => screen.getByTestId(`run-progress-${id}`).getAttribute('aria-valuenow');

describe('RunsList', () => {
  it('moves progress bars and statuses from simulation events, and puts the user’s new runs on top', async () => {
    const calls = fakeGateway({
      'GET /api/simulation/results': { body: page([run(R1, { progress: 0.2 }), run(R2, { status: 'completed', progress: 1, metrics: metrics(), finishedAt: '2026-01-01T09:00:00.000Z' })]) },
    });
    const { live } = renderWithStore(<RunsList />, { session: sessionAs('trader') });
    await screen.findByTestId(`run-row-${R1}`);
    expect(progressOf(R1)).toBe('20');
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ limit: '25', offset: '0' });
    await waitFor(() => expect(live.listenerCount('simulation')).toBe(1));

    act(() => live.deliver(simulationFrame({ kind: 'run', ownerId: OWNER, run: run(R1, { progress: 0.65 }) })));
    await waitFor(() => expect(progressOf(R1)).toBe('65'));
    expect(within(screen.getByTestId(`run-progress-${R1}`)).getByText('65 %')).toBeTruthy();

    // A late event (less progress) does not move the bar back.
    act(() => live.deliver(simulationFrame({ kind: 'run', ownerId: OWNER, run: run(R1, { progress: 0.4 }) })));
    expect(progressOf(R1)).toBe('65');

    const R3 = '33333333-0000-4000-8000-000000000003';
    act(() => {
      live.deliver(simulationFrame({ kind: 'run', ownerId: OWNER, run: run(R1, { status: 'completed', progress: 1, metrics: metrics({ totalReturn: 0.0834 }), finishedAt: '2026-01-01T10:05:00.000Z' }) }));
      live.deliver(simulationFrame({ kind: 'run', ownerId: OWNER, run: run(R3, { status: 'queued', progress: 0, createdAt: '2026-01-01T10:06:00.000Z' }) }));
      live.deliver(simulationFrame({ kind: 'run', ownerId: 'u-other', run: run('44444444-0000-4000-8000-000000000004', { createdBy: 'u-other' }) }));
    });

    await waitFor(() => expect(screen.queryByTestId(`run-progress-${R1}`)).toBeNull());
    const row = screen.getByTestId(`run-row-${R1}`);
    expect(within(row).getByText('completed')).toBeTruthy();
    expect(within(row).getByText('8.34 %')).toBeTruthy();
    expect(screen.getAllByTestId(/^run-row-/).map((r) => r.getAttribute('data-testid'))).toEqual([`run-row-${R3}`, `run-row-${R1}`, `run-row-${R2}`]);
    expect(within(screen.getByTestId(`run-progress-${R3}`)).getByText('queued')).toBeTruthy();
    expect(screen.getByTestId('runs-range').textContent).toBe('1–3 of 3');
  });

  it('cancels a running run and shows the answer’s status', async () => {
    const calls = fakeGateway({
      'GET /api/simulation/results': { body: page([run(R1)]) },
      'POST /api/simulation/cancel': (_req, body) => ({ body: run((body as { id: string }).id, { status: 'cancelled', progress: 0.3, finishedAt: '2026-01-01T10:01:00.000Z' }) }),
    });
    renderWithStore(<RunsList />, { session: sessionAs('trader') });

    fireEvent.click(await screen.findByTestId(`run-cancel-${R1}`));

    await waitFor(() => expect(within(screen.getByTestId(`run-row-${R1}`)).getByText('cancelled')).toBeTruthy());
    expect(calls.filter((c) => c.key === 'POST /api/simulation/cancel').map((c) => c.body)).toEqual([{ id: R1 }]);
    expect(screen.queryByTestId(`run-cancel-${R1}`)).toBeNull();
  });

  it('shows viewers the runs without the cancel button', async () => {
    fakeGateway({ 'GET /api/simulation/results': { body: page([run(R1)]) } });
    renderWithStore(<RunsList />, { session: sessionAs('viewer') });
    await screen.findByTestId(`run-row-${R1}`);
    expect(screen.queryByTestId(`run-cancel-${R1}`)).toBeNull();
  });
});

describe('RunDetailView', () => {
  it('follows a run’s progress live and reads its results again once it completes', async () => {
    let completed = false;
    const calls = fakeGateway({
      'GET /api/simulation/results': () => ({
        body: completed
          ? runDetail(R1, {
              status: 'completed',
              progress: 1,
              metrics: metrics(),
              equity: { time: [1_767_225_600_000, 1_767_312_000_000], equity: [100_000, 112_000], drawdown: [0, -0.05] },
              trades: [],
            })
          : runDetail(R1),
      }),
    });
    const { live } = renderWithStore(<RunDetailView id={R1} />, { session: sessionAs('trader') });
    await screen.findByTestId(`run-progress-${R1}`);
    expect(calls[0].url.searchParams.get('id')).toBe(R1);
    await waitFor(() => expect(live.listenerCount('simulation')).toBe(1));

    act(() => live.deliver(simulationFrame({ kind: 'run', ownerId: OWNER, run: run(R1, { progress: 0.9 }) })));
    await waitFor(() => expect(progressOf(R1)).toBe('90'));
    expect(calls).toHaveLength(1);

    completed = true;
    act(() => live.deliver(simulationFrame({ kind: 'run', ownerId: OWNER, run: run(R1, { status: 'completed', progress: 1, metrics: metrics() }) })));

    expect((await screen.findByTestId('run-equity-chart')).textContent).toBe('100000,112000');
    expect(screen.getByTestId('run-drawdown-chart').textContent).toBe('0,-5');
    expect(screen.getByTestId('metric-sharpe').textContent).toBe('1.25');
    expect(calls).toHaveLength(2);
  });
});

describe('run patches', () => {
  it('orders run states: forward only, a finished run stays as it finished', () => {
    expect(isNewer({ status: 'running', progress: 0.5 }, { status: 'running', progress: 0.6 })).toBe(true);
    expect(isNewer({ status: 'running', progress: 0.5 }, { status: 'queued', progress: 0 })).toBe(false);
    expect(isNewer({ status: 'cancelled', progress: 0.5 }, { status: 'completed', progress: 1 })).toBe(false);
    expect(isNewer({ status: 'running', progress: 0.9 }, { status: 'failed', progress: 0.1 })).toBe(true);
  });

  it('drops a run from a status-filtered page when it leaves that status', () => {
    const list = page([run(R1)]);
    applyRunEvent(list, run(R1, { status: 'completed', progress: 1 }), { status: 'running', limit: 25, offset: 0 }, true);
    expect(list).toMatchObject({ items: [], total: 0 });
  });
});
