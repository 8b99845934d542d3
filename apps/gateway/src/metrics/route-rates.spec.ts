import { RouteRates } from './route-rates';

const snap = (at: number, routes: Record<string, [number, number]>) => ({
  at,
  perRoute: new Map(Object.entries(routes).map(([k, [count, errors]]) => [k, { count, errors }])),
});

describe('RouteRates', () => {
  it('reports no rate before two snapshots exist', () => {
    const r = new RouteRates();
    r.push(snap(0, { 'GET /a': [10, 0] }));
    expect(r.rates().total.rate).toBe(0);
  });

  it('computes per-route and total rates and error percentages over the window', () => {
    const r = new RouteRates(60_000);
    r.push(snap(0, { 'GET /a': [100, 0], 'POST /b': [10, 1] }));
    r.push(snap(10_000, { 'GET /a': [300, 0], 'POST /b': [30, 5], 'GET /new': [5, 5] }));
    const { total, perRoute, windowSec } = r.rates();
    expect(windowSec).toBe(10);
    expect(perRoute.get('GET /a')).toEqual({ rate: 20, errorPct: 0, count: 200 });
    expect(perRoute.get('POST /b')).toEqual({ rate: 2, errorPct: 20, count: 20 });
    expect(perRoute.get('GET /new')).toEqual({ rate: 0.5, errorPct: 100, count: 5 });
    expect(total.count).toBe(225);
    expect(total.errorPct).toBeCloseTo((100 * 9) / 225, 12); // 4 new errors on /b, 5 on /new
  });

  it('forgets snapshots older than the window', () => {
    const r = new RouteRates(60_000);
    r.push(snap(0, { x: [0, 0] }));
    r.push(snap(30_000, { x: [1000, 0] }));
    r.push(snap(70_000, { x: [1100, 0] }));
    r.push(snap(100_000, { x: [1400, 0] }));
    // Oldest kept is t=30 s (70 s window to t=100 s would be too long): 400 requests in 70 s.
    expect(r.rates().total.rate).toBeCloseTo(400 / 70, 12);
  });
});
