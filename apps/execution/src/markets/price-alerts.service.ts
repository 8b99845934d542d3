import { ForbiddenException, Inject, Injectable, NotFoundException, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue, Worker } from 'bullmq';
import { DataSource, Not } from 'typeorm';
import { MARKET_CHANNELS, type PriceAlertFired, type PriceAlertView, type RequestContext } from '@meridian/contracts';
import { PriceAlert, type AlertRule, type Tick } from '@meridian/market-data';
import type { Logger } from '@meridian/observability';
import { createQueue, createWorker, LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { PriceAlertEntity, PriceAlertFiringEntity } from './market-data.entities';
import type { CreatePriceAlertDto } from '@meridian/contracts/dto';

interface WebhookJob {
  firingId: string;
  url: string;
  payload: PriceAlertFired;
}

const WEBHOOK_QUEUE = 'execution-webhooks';
const WEBHOOK_TIMEOUT_MS = 5_000;

function toView(a: PriceAlertEntity): PriceAlertView {
  return {
    id: a.id, ownerId: a.ownerId, symbol: a.symbol, condition: a.condition, trigger: a.trigger, webhookUrl: a.webhookUrl, note: a.note,
    status: a.status === 'spent' ? 'spent' : 'active', createdAt: a.createdAt.toISOString(), lastFiredAt: a.lastFiredAt?.toISOString() ?? null, firedCount: a.firedCount,
  };
}

function toRule(a: PriceAlertEntity): AlertRule {
  const c = a.condition;
  const condition = c.kind === 'percentMove' ? { kind: c.kind, percent: c.percent, windowMs: c.windowSec * 1000, direction: c.direction } : c;
  const trigger = a.trigger.mode === 'repeat' ? { mode: 'repeat' as const, cooldownMs: a.trigger.cooldownSec * 1000 } : { mode: 'once' as const };
  return { id: a.id, symbol: a.symbol, condition, trigger };
}

/**
 * Price alerts: persisted, evaluated on every tick (pure evaluators from market-data), each firing
 * recorded, announced on Redis for the gateway (WebSocket and the platform's alert list), and
 * delivered to a webhook through a BullMQ job with retries.
 */
@Injectable()
export class PriceAlertsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly evaluators = new Map<string, PriceAlert>();
  private queue!: Queue<WebhookJob>;
  private worker!: Worker<WebhookJob>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(PriceAlertEntity);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const a of await this.repo.findBy({ status: 'active' })) this.evaluators.set(a.id, new PriceAlert(toRule(a)));
    this.queue = createQueue<WebhookJob>(this.runtime, WEBHOOK_QUEUE, { defaultJobOptions: { attempts: 6, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 } });
    this.worker = createWorker<WebhookJob>(this.runtime, WEBHOOK_QUEUE, (job) => this.deliver(job.data, job.attemptsMade + 1, job.opts.attempts ?? 1), { concurrency: 4 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async create(cmd: CreatePriceAlertDto, ctx: RequestContext): Promise<PriceAlertView> {
    const ownerId = requireOwner(ctx);
    const saved = await this.repo.save(this.repo.create({
      ownerId, symbol: cmd.symbol, condition: cmd.condition, trigger: cmd.trigger, webhookUrl: cmd.webhookUrl ?? null, note: cmd.note ?? null, status: 'active',
    }));
    this.evaluators.set(saved.id, new PriceAlert(toRule(saved)));
    return toView(saved);
  }

  async list(ctx: RequestContext): Promise<PriceAlertView[]> {
    return (await this.repo.find({ where: { ownerId: requireOwner(ctx), status: Not('deleted') }, order: { createdAt: 'DESC' } })).map(toView);
  }

  async remove(id: string, ctx: RequestContext): Promise<void> {
    const alert = await this.repo.findOneBy({ id });
    if (!alert || alert.status === 'deleted' || alert.ownerId !== requireOwner(ctx)) throw new NotFoundException(`No price alert ${id}`);
    await this.repo.update({ id }, { status: 'deleted' });
    this.evaluators.delete(id);
  }

  /** Called for every tick: cheap when nothing fires. */
  onTick(tick: Tick): void {
    for (const evaluator of this.evaluators.values()) {
      if (evaluator.rule.symbol !== tick.symbol) continue;
      const result = evaluator.evaluateTick(tick);
      if (!result.fired) continue;
      if (!evaluator.active) this.evaluators.delete(evaluator.rule.id);
      void this.recordFiring(evaluator.rule.id, tick, !evaluator.active).catch((err) => this.logger.error({ err, alertId: evaluator.rule.id }, 'could not record a price alert firing'));
    }
  }

  private async recordFiring(alertId: string, tick: Tick, spent: boolean): Promise<void> {
    const alert = await this.repo.findOneBy({ id: alertId });
    if (!alert || alert.status === 'deleted') return;
    const message = describeFiring(alert, tick.quote);
    const firing = await this.dataSource.transaction(async (m) => {
      await m.update(PriceAlertEntity, { id: alertId }, { lastFiredAt: new Date(tick.epochMs), firedCount: () => 'fired_count + 1', ...(spent ? { status: 'spent' as const } : {}) });
      return m.save(PriceAlertFiringEntity, m.create(PriceAlertFiringEntity, {
        alertId, price: String(tick.quote), firedAt: new Date(tick.epochMs), message, webhookState: alert.webhookUrl ? 'pending' : null,
      }));
    });
    const payload: PriceAlertFired = { alertId, ownerId: alert.ownerId, symbol: tick.symbol, price: tick.quote, epochMs: tick.epochMs, message };
    this.logger.info({ alertId, symbol: tick.symbol, price: tick.quote }, `price alert fired: ${message}`);
    await this.runtime.redis.publish(`${this.runtime.config.namespace}:${MARKET_CHANNELS.alertsFired}`, JSON.stringify(payload)).catch(() => undefined);
    if (alert.webhookUrl) await this.queue.add('deliver', { firingId: firing.id, url: alert.webhookUrl, payload }, { jobId: `firing-${firing.id}` });
  }

  private async deliver(job: WebhookJob, attempt: number, maxAttempts: number): Promise<void> {
    const firings = this.dataSource.getRepository(PriceAlertFiringEntity);
    try {
      const res = await fetch(job.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Meridian-Alerts/1', 'X-Meridian-Event': 'price-alert.fired' },
        body: JSON.stringify(job.payload),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: 'manual',
      });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
      await firings.update({ id: job.firingId }, { webhookState: 'delivered', webhookAttempts: attempt, webhookError: null });
    } catch (err) {
      const last = attempt >= maxAttempts;
      await firings.update({ id: job.firingId }, { webhookState: last ? 'failed' : 'pending', webhookAttempts: attempt, webhookError: (err as Error).message });
      throw err;
    }
  }
}

function requireOwner(ctx: RequestContext): string {
  if (!ctx.principal?.userId) throw new ForbiddenException('Price alerts belong to a user; the request carried none');
  return ctx.principal.userId;
}

export function describeFiring(alert: Pick<PriceAlertEntity, 'symbol' | 'condition'>, price: number): string {
  const c = alert.condition;
  switch (c.kind) {
    case 'above':
      return `${alert.symbol} at ${price} is above ${c.level}`;
    case 'below':
      return `${alert.symbol} at ${price} is below ${c.level}`;
    case 'cross':
      return `${alert.symbol} crossed ${c.level} (now ${price})`;
    case 'percentMove':
      return `${alert.symbol} moved ${c.percent}% within ${c.windowSec} s (now ${price})`;
  }
}
