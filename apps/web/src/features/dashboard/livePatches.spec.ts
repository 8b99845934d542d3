import type { AlertView, Page, PerformanceReport, PerformanceSnapshot } from '@meridian/contracts';
import { appendSnapshot, applyAlertEvent } from './livePatches';

const snap = (at: string): PerformanceSnapshot => ({ at, windowSec: 60, requestRatePerSec: 1, errorRatePct: 0, p50Ms: 1, p95Ms: 2, p99Ms: 3, eventLoopLagMs: 0 });

describe('appendSnapshot', () => {
  it('drops history older than the requested window', () => {
    const report: PerformanceReport = { current: snap('2026-01-01T00:00:00Z'), routes: [], memory: [], history: [snap('2026-01-01T00:00:00Z'), snap('2026-01-01T00:10:00Z')] };
    appendSnapshot(report, snap('2026-01-01T00:16:00Z'), 900);
    expect(report.history.map((s) => s.at)).toEqual(['2026-01-01T00:10:00Z', '2026-01-01T00:16:00Z']);
  });

  it('replaces rather than duplicates a snapshot with the same instant', () => {
    const report: PerformanceReport = { current: snap('2026-01-01T00:00:00Z'), routes: [], memory: [], history: [snap('2026-01-01T00:00:00Z')] };
    appendSnapshot(report, { ...snap('2026-01-01T00:00:00Z'), p95Ms: 99 }, 900);
    expect(report.history).toHaveLength(1);
    expect(report.history[0].p95Ms).toBe(99);
  });
});

describe('applyAlertEvent', () => {
  const alert = (id: string, status: AlertView['status']) => ({ id, status }) as AlertView;
  const page = (...items: AlertView[]): Page<AlertView> => ({ items, total: items.length, limit: 50, offset: 0 });

  it('keeps a resolved alert in an "all" list, updated in place', () => {
    const p = page(alert('a', 'active'));
    applyAlertEvent(p, { kind: 'resolved', alert: alert('a', 'resolved') }, 'all');
    expect(p.items).toEqual([alert('a', 'resolved')]);
  });

  it('ignores a raised alert the list already holds', () => {
    const p = page(alert('a', 'active'));
    applyAlertEvent(p, { kind: 'raised', alert: alert('a', 'active') }, 'active');
    expect(p.total).toBe(1);
  });
});
