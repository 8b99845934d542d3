import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import type { PerformanceReport, PerformanceSnapshot, RouteLatency } from '@meridian/contracts';
import type { Logger, ProcessMetrics } from '@meridian/observability';
import { LOGGER, METRICS } from '@meridian/service-kit';
import { AlertsService } from '../alerts/alerts.service';
import { HealthMonitorService } from '../health/health-monitor.service';
import { RealtimeHub } from '../realtime/realtime-hub';
import { RuntimeConfigService } from '../system/config/runtime-config.service';
import { MetricSampleEntity } from './metric-sample.entity';
import { RouteRates } from './route-rates';

const SAMPLE_EVERY_MS = 5_000;
const ms = (seconds: number | undefined) => Math.round((seconds ?? 0) * 1e6) / 1e3;

/**
 * Live performance from the gateway's own histograms: latency quantiles over a sliding window,
 * request and error rates per route, memory per service. Sampled every 5 s into PostgreSQL
 * (the dashboard's latency chart), checked against the alert thresholds, and pushed live.
 */
@Injectable()
export class PerformanceService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly rates = new RouteRates(60_000);
  private timer: NodeJS.Timeout | null = null;
  private latest: PerformanceSnapshot | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(METRICS) private readonly metrics: ProcessMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly config: RuntimeConfigService,
    private readonly alerts: AlertsService,
    private readonly health: HealthMonitorService,
    private readonly hub: RealtimeHub,
  ) {}

  onApplicationBootstrap(): void {
    void this.countNow().then((c) => this.rates.push(c));
    this.timer = setInterval(() => void this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async countNow() {
    const perRoute = new Map<string, { count: number; errors: number }>();
    const histogram = await this.metrics.httpDuration.get();
    for (const v of histogram.values) {
      if (v.metricName !== 'http_request_duration_seconds_count') continue;
      const key = `${v.labels.method} ${v.labels.route}`;
      const entry = perRoute.get(key) ?? { count: 0, errors: 0 };
      entry.count += v.value;
      if (Number(v.labels.status) >= 500) entry.errors += v.value;
      perRoute.set(key, entry);
    }
    return { at: Date.now(), perRoute };
  }

  async snapshot(): Promise<PerformanceSnapshot> {
    const all = await this.metrics.httpWindowAll.get();
    const q = (quantile: number) => all.values.find((v) => (v.labels as Record<string, unknown>).quantile === quantile)?.value;
    const { total, windowSec } = this.rates.rates();
    return {
      at: new Date().toISOString(),
      windowSec,
      requestRatePerSec: Math.round(total.rate * 100) / 100,
      errorRatePct: Math.round(total.errorPct * 100) / 100,
      p50Ms: ms(nan0(q(0.5))),
      p95Ms: ms(nan0(q(0.95))),
      p99Ms: ms(nan0(q(0.99))),
      eventLoopLagMs: Math.round((await this.metrics.eventLoopLagMs()) * 100) / 100,
    };
  }

  async routes(): Promise<RouteLatency[]> {
    const summary = await this.metrics.httpWindow.get();
    const { perRoute } = this.rates.rates();
    const byRoute = new Map<string, RouteLatency>();
    for (const v of summary.values) {
      const quantile = (v.labels as Record<string, unknown>).quantile;
      if (quantile === undefined) continue;
      const key = `${v.labels.method} ${v.labels.route}`;
      const r = byRoute.get(key) ?? { method: String(v.labels.method), route: String(v.labels.route), count: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, ratePerSec: 0, errorRatePct: 0 };
      const value = ms(nan0(v.value));
      if (quantile === 0.5) r.p50Ms = value;
      if (quantile === 0.95) r.p95Ms = value;
      if (quantile === 0.99) r.p99Ms = value;
      const rate = perRoute.get(key);
      r.count = rate?.count ?? 0;
      r.ratePerSec = Math.round((rate?.rate ?? 0) * 100) / 100;
      r.errorRatePct = Math.round((rate?.errorPct ?? 0) * 100) / 100;
      byRoute.set(key, r);
    }
    return [...byRoute.values()].sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
  }

  async report(historySec: number): Promise<PerformanceReport> {
    const current = this.latest ?? (await this.snapshot());
    const rows = await this.dataSource.getRepository(MetricSampleEntity).find({
      where: { at: MoreThanOrEqual(new Date(Date.now() - historySec * 1000)) },
      order: { at: 'ASC' },
      take: 5_000,
    });
    const mem = process.memoryUsage();
    const memory: PerformanceReport['memory'] = [{ service: 'gateway', rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, status: 'up' }];
    for (const c of this.health.report().components) {
      if (c.kind !== 'service' || c.name === 'gateway') continue;
      const reply = this.health.replies.get(c.name as 'execution');
      memory.push({ service: c.name as 'execution', rssBytes: reply?.memory.rssBytes ?? 0, heapUsedBytes: reply?.memory.heapUsedBytes ?? 0, status: c.status });
    }
    return {
      current,
      routes: await this.routes(),
      memory,
      history: rows.map((r) => ({
        at: r.at.toISOString(), windowSec: r.windowSec, requestRatePerSec: r.requestRate, errorRatePct: r.errorRatePct,
        p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, eventLoopLagMs: r.eventLoopLagMs,
      })),
    };
  }

  async sample(): Promise<void> {
    try {
      this.rates.push(await this.countNow());
      const s = await this.snapshot();
      this.latest = s;
      await this.dataSource.getRepository(MetricSampleEntity).insert({
        at: new Date(s.at), windowSec: s.windowSec, requestRate: s.requestRatePerSec, errorRatePct: s.errorRatePct,
        p50Ms: s.p50Ms, p95Ms: s.p95Ms, p99Ms: s.p99Ms, eventLoopLagMs: s.eventLoopLagMs,
      });
      this.hub.publish('metrics', s);
      await this.checkThresholds(s);
    } catch (err) {
      this.logger.warn({ err }, 'performance sample failed');
    }
  }

  private async checkThresholds(s: PerformanceSnapshot): Promise<void> {
    const { alerts } = this.config.current;
    const { total } = this.rates.rates();
    const enough = total.count >= alerts.minRequests;
    if (enough && s.p95Ms > alerts.latencyP95Ms) {
      await this.alerts.raise({ key: 'latency-p95', severity: 'warning', source: 'performance', title: 'API latency above threshold', message: `p95 ${s.p95Ms} ms exceeds ${alerts.latencyP95Ms} ms`, details: { p95Ms: s.p95Ms, thresholdMs: alerts.latencyP95Ms } });
    } else if (s.p95Ms <= alerts.latencyP95Ms) {
      await this.alerts.resolve('latency-p95', `p95 back to ${s.p95Ms} ms`);
    }
    if (enough && s.errorRatePct > alerts.errorRatePct) {
      await this.alerts.raise({ key: 'error-rate', severity: 'warning', source: 'performance', title: 'API error rate above threshold', message: `${s.errorRatePct}% of requests failed (threshold ${alerts.errorRatePct}%)`, details: { errorRatePct: s.errorRatePct } });
    } else if (s.errorRatePct <= alerts.errorRatePct) {
      await this.alerts.resolve('error-rate', `error rate back to ${s.errorRatePct}%`);
    }
  }

  /** Maintenance: samples older than the cutoff. */
  async prune(before: Date): Promise<number> {
    return (await this.dataSource.getRepository(MetricSampleEntity).delete({ at: LessThan(before) })).affected ?? 0;
  }
}

function nan0(v: number | undefined): number {
  return v === undefined || Number.isNaN(v) ? 0 : v;
}
