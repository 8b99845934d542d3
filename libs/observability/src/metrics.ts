import { Registry, collectDefaultMetrics, Histogram, Counter } from 'prom-client';
import { WindowedQuantiles } from './windowed-quantiles';

/**
 * One Prometheus registry per process: default process metrics (memory, event-loop lag, GC),
 * plus request latency as a histogram (for Prometheus) and sliding-window quantiles (for the
 * dashboard's live p50/p95/p99).
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpWindow: WindowedQuantiles<'method' | 'route'>;
  readonly httpWindowAll: WindowedQuantiles;
  readonly httpErrors: Counter<'method' | 'route'>;
  readonly rpcDuration: Histogram<'pattern' | 'outcome'>;

  constructor(service: string, readonly windowSec = 300) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpWindow = new WindowedQuantiles({
      name: 'http_request_duration_window_seconds',
      help: 'HTTP request latency quantiles over a sliding window',
      labelNames: ['method', 'route'],
      percentiles: [0.5, 0.95, 0.99],
      windowSec,
      registers: [this.registry],
    });
    this.httpWindowAll = new WindowedQuantiles({
      name: 'http_request_duration_window_all_seconds',
      help: 'HTTP request latency quantiles over a sliding window, all routes',
      percentiles: [0.5, 0.95, 0.99],
      windowSec,
      registers: [this.registry],
    });
    this.httpErrors = new Counter({
      name: 'http_request_errors_total',
      help: 'HTTP responses with status 5xx',
      labelNames: ['method', 'route'],
      registers: [this.registry],
    });
    this.rpcDuration = new Histogram({
      name: 'rpc_handler_duration_seconds',
      help: 'Redis transport handler latency by pattern',
      labelNames: ['pattern', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [this.registry],
    });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
    this.httpWindow.observe({ method, route }, seconds);
    this.httpWindowAll.observe(seconds);
    if (status >= 500) this.httpErrors.inc({ method, route });
  }

  async eventLoopLagMs(): Promise<number> {
    const metric = await this.registry.getSingleMetric('nodejs_eventloop_lag_p99_seconds')?.get();
    return (metric?.values[0]?.value ?? 0) * 1000;
  }
}
