import { Registry, Summary } from 'prom-client';
import { WindowedQuantiles } from './windowed-quantiles';

/** Nearest-rank quantile of the raw values: what the buckets approximate. */
const nearestRank = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1];

describe('WindowedQuantiles', () => {
  it('gives each quantile within 1 % of the nearest-rank value, per label set', async () => {
    const w = new WindowedQuantiles({ name: 't_seconds', help: 'h', labelNames: ['route'], percentiles: [0.5, 0.95, 0.99], windowSec: 300 });
    const a: number[] = [];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const v = 0.0002 * Math.exp((x / 2 ** 31) * 8); // 0.2 ms .. 0.6 s, heavy tail
      a.push(v);
      w.observe({ route: '/a' }, v);
    }
    w.observe({ route: '/b' }, 0.5);
    const { values } = await w.get();
    for (const q of [0.5, 0.95, 0.99]) {
      const got = values.find((v) => v.labels.route === '/a' && v.labels.quantile === q)!.value;
      expect(Math.abs(got / nearestRank(a, q) - 1)).toBeLessThanOrEqual(0.0101);
    }
    expect(values.find((v) => v.labels.route === '/b' && v.labels.quantile === 0.99)!.value).toBeCloseTo(0.5, 2);
    expect(values.find((v) => v.metricName === 't_seconds_count' && v.labels.route === '/a')!.value).toBe(5000);
    expect(values.find((v) => v.metricName === 't_seconds_sum' && v.labels.route === '/a')!.value).toBeCloseTo(a.reduce((s, v) => s + v, 0), 9);
  });

  it('forgets values older than the window, slice by slice, but keeps the running sum and count', async () => {
    let now = 1_000_000;
    const w = new WindowedQuantiles({ name: 'w_seconds', help: 'h', percentiles: [0.5], windowSec: 10, slices: 5 }, () => now);
    for (let i = 0; i < 100; i++) w.observe(1);
    now += 6_000;
    for (let i = 0; i < 10; i++) w.observe(0.01);
    const median = async () => (await w.get()).values.find((v) => v.labels.quantile === 0.5)!.value;
    expect(await median()).toBeCloseTo(1, 1); // both slices inside the window: 100 × 1 s, 10 × 10 ms
    now += 6_000; // the first slice has left the window
    expect(await median()).toBeCloseTo(0.01, 3);
    now += 20_000; // everything has
    expect(Number.isNaN(await median())).toBe(true);
    expect((await w.get()).values.find((v) => v.metricName === 'w_seconds_count')!.value).toBe(110);
  });

  it('is exposed on /metrics as a summary, like the prom-client summary it replaces', async () => {
    const registry = new Registry();
    const w = new WindowedQuantiles({ name: 'x_seconds', help: 'latency', labelNames: ['method'], percentiles: [0.5, 0.99], windowSec: 60, registers: [registry] });
    w.observe({ method: 'GET' }, 0.002);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE x_seconds summary');
    const median = Number(/x_seconds\{quantile="0.5",method="GET"\} (\S+)/.exec(text)?.[1]);
    expect(Math.abs(median / 0.002 - 1)).toBeLessThanOrEqual(0.01);
    expect(text).toContain('x_seconds_count{method="GET"} 1');
    // Same exposition shape as prom-client's own summary.
    const reference = new Registry();
    new Summary({ name: 'x_seconds', help: 'latency', labelNames: ['method'], percentiles: [0.5, 0.99], registers: [reference] }).observe({ method: 'GET' }, 0.002);
    const lines = (t: string) => t.split('\n').map((l) => l.replace(/ [^ ]+$/, ''));
    expect(lines(text)).toEqual(lines(await reference.metrics()));
    w.reset();
    expect((await w.get()).values).toEqual([]);
  });
});
