import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BACKEND_SERVICES, SYSTEM_PATTERNS, servicePattern, type BackendService, type ComponentHealth, type HealthReport, type HealthStatus, type ServiceHealthReply } from '@meridian/contracts';
import { newRequestId, type Logger } from '@meridian/observability';
import { LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { AlertsService } from '../alerts/alerts.service';
import { GATEWAY_CONFIG, type GatewayConfig } from '../core/gateway.config';
import { RealtimeHub } from '../realtime/realtime-hub';
import { ServiceClients } from '../services/service-clients';

const PROBE_DEADLINE_MS = 700;
/** Consecutive failed probes before a service counts as down (one lost reply is not an outage). */
const FAILURES_TO_DOWN = 2;

/**
 * Probes every service and dependency on an interval. A service that stops answering is marked
 * down, its circuit is opened (callers fail fast) and an alert is raised; when it answers again
 * the circuit closes and the alert resolves. Every change goes out over the WebSocket.
 */
@Injectable()
export class HealthMonitorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly components = new Map<string, ComponentHealth>();
  private readonly failures = new Map<BackendService, number>();
  readonly replies = new Map<BackendService, ServiceHealthReply>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastBroadcast = 0;

  constructor(
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly services: ServiceClients,
    private readonly alerts: AlertsService,
    private readonly hub: RealtimeHub,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.healthIntervalMs);
    this.timer.unref();
  }

  /** Stops probing before the clients close (shutdown hooks run after destroy hooks). */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  report(): HealthReport {
    const components = [...this.components.values()];
    const status: HealthStatus = components.some((c) => c.status === 'down') ? 'down' : components.some((c) => c.status === 'degraded') ? 'degraded' : 'up';
    return { status, checkedAt: new Date().toISOString(), components };
  }

  /** One round of probes; overlapping rounds are skipped. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.round().finally(() => (this.running = null));
    await this.running;
  }

  private async round(): Promise<void> {
    try {
      let changed = false;
      const now = new Date().toISOString();
      const mem = process.memoryUsage();
      const deps = await this.runtime.dependencies();
      changed = this.set({ name: 'gateway', kind: 'service', status: deps.every((d) => d.status === 'up') ? 'up' : 'degraded', latencyMs: 0, version: this.runtime.version, checkedAt: now, detail: `rss ${(mem.rss / 1048576).toFixed(0)} MiB` }) || changed;
      for (const d of deps) changed = this.set({ name: d.name, kind: 'dependency', status: d.status, latencyMs: d.latencyMs, version: null, checkedAt: now, detail: d.detail }) || changed;
      const results = await Promise.all(BACKEND_SERVICES.map((s) => this.probe(s)));
      for (const c of results) changed = this.set(c) || changed;
      await this.reconcileAlerts();
      if (changed || Date.now() - this.lastBroadcast > 5_000) {
        this.lastBroadcast = Date.now();
        this.hub.publish('health', this.report());
      }
    } catch (err) {
      this.logger.error({ err }, 'health round failed');
    }
  }

  private async probe(service: BackendService): Promise<Omit<ComponentHealth, 'since'>> {
    const client = this.services.get(service);
    const started = performance.now();
    const checkedAt = new Date().toISOString();
    try {
      const reply = await client.rawSend<ServiceHealthReply>(servicePattern(service, SYSTEM_PATTERNS.health), {}, { requestId: newRequestId() }, PROBE_DEADLINE_MS);
      this.failures.set(service, 0);
      this.replies.set(service, reply);
      client.circuit.close();
      const badDeps = reply.dependencies.filter((d) => d.status !== 'up');
      return {
        name: service, kind: 'service', status: reply.status, latencyMs: Math.round((performance.now() - started) * 100) / 100, version: reply.version, checkedAt,
        detail: badDeps.length ? `its ${badDeps.map((d) => d.name).join(' and ')} ${badDeps.length > 1 ? 'are' : 'is'} down` : `rss ${(reply.memory.rssBytes / 1048576).toFixed(0)} MiB`,
      };
    } catch (err) {
      const failures = (this.failures.get(service) ?? 0) + 1;
      this.failures.set(service, failures);
      const previous = this.components.get(service);
      if (failures < FAILURES_TO_DOWN && previous && previous.status !== 'down') return { ...previous, checkedAt };
      client.circuit.open();
      this.replies.delete(service);
      return { name: service, kind: 'service', status: 'down', latencyMs: null, version: previous?.version ?? null, checkedAt, detail: (err as Error).message };
    }
  }

  private set(c: Omit<ComponentHealth, 'since'>): boolean {
    const previous = this.components.get(c.name);
    const changed = !previous || previous.status !== c.status;
    this.components.set(c.name, { ...c, since: changed ? c.checkedAt : previous!.since });
    if (changed && previous) this.logger.warn({ component: c.name, from: previous.status, to: c.status }, `${c.name} is ${c.status}`);
    return changed;
  }

  private async reconcileAlerts(): Promise<void> {
    for (const c of this.components.values()) {
      const key = `${c.kind}-down:${c.name}`;
      if (c.status === 'down') {
        await this.alerts.raise({
          key, severity: 'critical', source: 'health-monitor',
          title: `${c.name} is down`, message: `${c.name} did not pass its health check: ${c.detail ?? 'no answer'}`, details: { component: c.name, since: c.since },
        });
      } else {
        await this.alerts.resolve(key, `${c.name} is ${c.status} again`);
      }
    }
  }
}
