import type { AlertView, HealthReport, PerformanceReport, PerformanceSnapshot, WsServerFrame } from '@meridian/contracts';
import { createAppStore } from '../../app/store';
import { LiveChannels } from '../../live/liveChannels';
import { fakeGateway, sessionAs } from '../../../test/render';
import { dashboardApi } from './dashboardApi';

const health = (status: HealthReport['status']): HealthReport => ({
  status,
  checkedAt: '2026-01-01T00:00:00.000Z',
  components: [
    { name: 'execution', kind: 'service', status, latencyMs: 3, version: '0.1.0', checkedAt: '2026-01-01T00:00:00.000Z', since: '2026-01-01T00:00:00.000Z' },
  ],
});
const snapshot = (at: string, p95Ms: number): PerformanceSnapshot => ({
  at,
  windowSec: 60,
  requestRatePerSec: 10,
  errorRatePct: 0,
  p50Ms: 5,
  p95Ms,
  p99Ms: p95Ms * 2,
  eventLoopLagMs: 1,
});
const alert = (id: string, status: AlertView['status']): AlertView => ({
  id,
  key: `k-${id}`,
  severity: 'warning',
  source: 'gateway',
  title: `alert ${id}`,
  message: 'm',
  status,
  raisedAt: '2026-01-01T00:00:00.000Z',
  resolvedAt: null,
  details: {},
});
const event = (frame: Omit<Extract<WsServerFrame, { type: 'event' }>, 'type' | 'ts'>): WsServerFrame => ({ type: 'event', ts: Date.now(), ...frame });

/** Lets the cache lifecycle reach its `await cacheDataLoaded`. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const live = new LiveChannels();
  const store = createAppStore({ session: sessionAs('viewer'), live });
  return { live, store };
}

afterEach(() => jest.restoreAllMocks());

describe('live frames patch the query cache', () => {
  it('replaces the cached health report when a health frame arrives', async () => {
    fakeGateway({ 'GET /api/health/system': { body: health('up') } });
    const { live, store } = setup();
    const sub = store.dispatch(dashboardApi.endpoints.getHealth.initiate());
    await sub;
    await settle();

    live.deliver(event({ channel: 'health', data: health('down') }));

    expect(dashboardApi.endpoints.getHealth.select()(store.getState()).data?.components[0].status).toBe('down');
    sub.unsubscribe();
  });

  it('appends a metrics snapshot to the history and makes it current', async () => {
    const report: PerformanceReport = {
      current: snapshot('2026-01-01T00:00:10.000Z', 40),
      routes: [],
      memory: [],
      history: [snapshot('2026-01-01T00:00:00.000Z', 30), snapshot('2026-01-01T00:00:10.000Z', 40)],
    };
    fakeGateway({ 'GET /api/metrics/performance': { body: report } });
    const { live, store } = setup();
    const sub = store.dispatch(dashboardApi.endpoints.getPerformance.initiate({ historySec: 900 }));
    await sub;
    await settle();

    live.deliver(event({ channel: 'metrics', data: snapshot('2026-01-01T00:00:20.000Z', 55) }));

    const data = dashboardApi.endpoints.getPerformance.select({ historySec: 900 })(store.getState()).data;
    expect(data?.current.p95Ms).toBe(55);
    expect(data?.history.map((s) => s.p95Ms)).toEqual([30, 40, 55]);
    sub.unsubscribe();
  });

  it('adds raised alerts to the active list and removes resolved ones', async () => {
    fakeGateway({ 'GET /api/alerts/active': { body: { items: [alert('a1', 'active')], total: 1, limit: 50, offset: 0 } } });
    const { live, store } = setup();
    const args = { status: 'active', limit: 50 } as const;
    const sub = store.dispatch(dashboardApi.endpoints.getAlerts.initiate(args));
    await sub;
    await settle();

    live.deliver(event({ channel: 'alerts', data: { kind: 'raised', alert: alert('a2', 'active') } }));
    live.deliver(event({ channel: 'alerts', data: { kind: 'resolved', alert: alert('a1', 'resolved') } }));

    const page = dashboardApi.endpoints.getAlerts.select(args)(store.getState()).data;
    expect(page?.items.map((a) => a.id)).toEqual(['a2']);
    expect(page?.total).toBe(1);
    sub.unsubscribe();
  });

  it('replaces the halt state on a system halt frame', async () => {
    fakeGateway({ 'GET /api/system/halt': { body: { halted: false, reason: null, by: null, at: null } } });
    const { live, store } = setup();
    const sub = store.dispatch(dashboardApi.endpoints.getHalt.initiate());
    await sub;
    await settle();

    const halt = { halted: true, reason: 'venue down', by: 'ops', at: '2026-01-01T00:00:00.000Z' };
    live.deliver(event({ channel: 'system', data: { kind: 'halt', halt } }));

    expect(dashboardApi.endpoints.getHalt.select()(store.getState()).data).toEqual(halt);
    sub.unsubscribe();
  });

  it('stops listening once the cache entry is gone', async () => {
    fakeGateway({ 'GET /api/health/system': { body: health('up') } });
    const { live, store } = setup();
    const sub = store.dispatch(dashboardApi.endpoints.getHealth.initiate());
    await sub;
    await settle();
    expect(live.listenerCount('health')).toBe(1);

    store.dispatch(dashboardApi.util.resetApiState());
    await settle();

    expect(live.listenerCount('health')).toBe(0);
  });
});
