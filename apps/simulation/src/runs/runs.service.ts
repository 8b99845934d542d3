import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FlowProducer, type Queue } from 'bullmq';
import { TRADING_PATTERNS, type Page, type PositionsResponse, type RequestContext, type RunCompare, type RunDetail, type RunSummary } from '@meridian/contracts';
import type { MonteCarloDto, ResultsQueryDto, SimulationBacktestDto, StrategyBacktestDto } from '@meridian/contracts/dto';
import { RpcFailure } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { createQueue, LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { isAdmin, owner, StrategiesService } from '../strategies/strategies.service';
import { ruleRejection, validateRuleDocument } from '../strategies/strategy-catalog';
import { expandGrid, PERIODS_PER_YEAR, randomPoints, type BacktestConfig } from './backtest-work';
import { RunStore } from './run-store';
import { SimulationPlatform } from './simulation-platform';

export const RUNS_QUEUE = 'simulation-runs';
/** Grid points per chunk job: small enough that several workers share a grid, large enough to amortise loading. */
export const POINTS_PER_CHUNK = 10;

export type RunJob =
  | { type: 'backtest'; runId: string; ownerId: string }
  | { type: 'grid-chunk'; runId: string; ownerId: string; points: number[] }
  | { type: 'grid-finish'; runId: string; ownerId: string }
  | { type: 'walk-forward'; runId: string; ownerId: string }
  | { type: 'wf-window'; runId: string; ownerId: string; window: number }
  | { type: 'wf-finish'; runId: string; ownerId: string }
  | { type: 'monte-carlo'; runId: string; ownerId: string };

const bad = (message: string, field: string, rule: string) => new RpcFailure({ statusCode: 400, error: 'Bad Request', message, details: [{ field, rules: { [rule]: message } }] });

/**
 * F7 runs: each request is validated, stored as a run (its configuration is enough to reproduce
 * it) and queued on BullMQ; simulation workers (RunWorkerService, any number of replicas) do the
 * work and report progress. Grids fan out as chunk jobs under a parent that collects them.
 */
@Injectable()
export class RunsService implements OnModuleInit, OnApplicationShutdown {
  queue!: Queue<RunJob>;
  private flows!: FlowProducer;

  constructor(
    private readonly store: RunStore,
    private readonly strategies: StrategiesService,
    private readonly platform: SimulationPlatform,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    // A killed worker's job is retried once by another (stalled-job recovery), then failed with the reason.
    this.queue = createQueue<RunJob>(this.runtime, RUNS_QUEUE, { defaultJobOptions: { attempts: 2, backoff: { type: 'fixed', delay: 1_000 }, removeOnComplete: { count: 1_000 }, removeOnFail: { count: 5_000 } } });
    this.flows = new FlowProducer({ connection: { url: this.runtime.config.redisUrl, maxRetriesPerRequest: null }, prefix: this.runtime.config.namespace });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
    await this.flows?.close().catch(() => undefined);
  }

  async backtestStrategy(dto: StrategyBacktestDto, ctx: RequestContext): Promise<RunSummary> {
    return this.backtest({ ...dto }, ctx);
  }

  async backtest(dto: SimulationBacktestDto, ctx: RequestContext): Promise<RunSummary> {
    const who = owner(ctx);
    if (!dto.strategyId && !dto.rule) throw bad('give strategyId or rule', 'strategyId', 'required');
    if (dto.strategyId && dto.rule) throw bad('give strategyId or rule, not both', 'rule', 'exclusive');
    if (dto.from && dto.to && Date.parse(dto.from) >= Date.parse(dto.to)) throw bad('from must be before to', 'from', 'order');
    const timeframe = dto.timeframe ?? '1d';
    let label: string;
    let params: Record<string, number | boolean | string>;
    let schema;
    let strategyId: string | null = null;
    let version: number | null = null;
    let source: { rule: Record<string, unknown> } | { builtin: string } | null = null;
    if (dto.rule) {
      const v = validateRuleDocument(dto.rule);
      if (!v.parsed) throw ruleRejection(v);
      schema = v.parsed.definition.params;
      params = { ...(dto.params ?? {}) } as Record<string, number | boolean | string>;
      label = 'Unsaved rule';
    } else {
      const resolved = await this.strategies.resolve(dto.strategyId as string, dto.version, dto.params, ctx);
      schema = resolved.definition.params;
      params = { ...resolved.params } as Record<string, number | boolean | string>;
      label = resolved.label;
      strategyId = resolved.strategyId;
      version = resolved.version;
      source = resolved.source;
    }
    const config: BacktestConfig & { points?: Record<string, number | boolean | string>[] } = {
      strategyId,
      version,
      rule: dto.rule ?? (source && 'rule' in source ? source.rule : undefined),
      builtin: source && 'builtin' in source ? source.builtin : undefined,
      params,
      symbols: [...new Set(dto.symbols)],
      timeframe,
      from: dto.from,
      to: dto.to,
      initialCash: dto.initialCash ?? 100_000,
      feesBps: dto.feesBps ?? 0,
      feeFixed: dto.feeFixed ?? 0,
      slippageBps: dto.slippageBps ?? 0,
      periodsPerYear: PERIODS_PER_YEAR[timeframe] ?? 252,
      grid: dto.grid,
      random: dto.random ? { samples: dto.random.samples, seed: dto.random.seed ?? 1 } : undefined,
      walkForward: dto.walkForward ? { ...dto.walkForward, objective: dto.walkForward.objective ?? 'sharpe' } : undefined,
      lookaheadCheck: dto.lookaheadCheck ?? false,
    };
    const optimising = Boolean(dto.grid || dto.random);
    if (optimising) {
      try {
        const points = dto.grid ? expandGrid(params, dto.grid) : randomPoints(schema, params, config.random!.samples, config.random!.seed);
        for (const [k] of Object.entries(dto.grid ?? {})) if (!(k in schema)) throw new RangeError(`grid names "${k}", which is not a parameter of this strategy (${Object.keys(schema).join(', ')})`);
        config.points = points.map((p) => ({ ...p }) as Record<string, number | boolean | string>);
      } catch (err) {
        throw bad((err as Error).message, dto.grid ? 'grid' : 'random', 'points');
      }
    } else if (dto.walkForward) throw bad('walk-forward needs a grid (or random search) to optimise in-sample', 'grid', 'required');
    const kind = dto.walkForward ? 'walk-forward' : optimising ? 'grid' : 'backtest';
    const id = randomUUID();
    const run = await this.store.create({ id, kind, strategyId, strategyVersion: version, label: `${label}${kind === 'backtest' ? '' : ` (${kind}, ${config.points?.length} points)`} · ${config.symbols.join(', ')} ${timeframe}`, config: config as unknown as Record<string, unknown>, createdBy: who });
    await this.enqueueOrFail(run, config.walkForward ? config.walkForward.windows : (config.points?.length ?? 0), who);
    return run;
  }

  /** A run that could not be queued is failed with the reason, never left queued. */
  private async enqueueOrFail(run: RunSummary, points: number, who: string): Promise<void> {
    try {
      await this.enqueue(run, points, who);
    } catch (err) {
      await this.store.finish(run.id, 'failed', `could not be queued: ${(err as Error).message}`).catch(() => undefined);
      throw new RpcFailure({ statusCode: 503, error: 'Service Unavailable', message: 'The run could not be queued (Redis unavailable?); it was recorded as failed, retry shortly' });
    }
  }

  /** `units`: grid points, or walk-forward windows. */
  private async enqueue(run: RunSummary, units: number, who: string): Promise<void> {
    if (run.kind === 'walk-forward') {
      // One job per window, so more workers finish the analysis sooner; the parent assembles them.
      await this.flows.add({
        name: 'wf-finish',
        queueName: RUNS_QUEUE,
        data: { type: 'wf-finish', runId: run.id, ownerId: who } satisfies RunJob,
        opts: { jobId: `${run.id}-finish` },
        children: Array.from({ length: units }, (_, w) => ({
          name: 'wf-window',
          queueName: RUNS_QUEUE,
          data: { type: 'wf-window', runId: run.id, ownerId: who, window: w } satisfies RunJob,
          opts: { jobId: `${run.id}-wf-${w}`, failParentOnFailure: true, attempts: 2 },
        })),
      });
      return;
    }
    const points = units;
    if (run.kind === 'grid') {
      const chunks: number[][] = [];
      for (let i = 0; i < points; i += POINTS_PER_CHUNK) chunks.push(Array.from({ length: Math.min(POINTS_PER_CHUNK, points - i) }, (_, k) => i + k));
      await this.flows.add({
        name: 'grid-finish',
        queueName: RUNS_QUEUE,
        data: { type: 'grid-finish', runId: run.id, ownerId: who } satisfies RunJob,
        opts: { jobId: `${run.id}-finish` },
        children: chunks.map((c, i) => ({
          name: 'grid-chunk',
          queueName: RUNS_QUEUE,
          data: { type: 'grid-chunk', runId: run.id, ownerId: who, points: c } satisfies RunJob,
          opts: { jobId: `${run.id}-chunk-${i}`, failParentOnFailure: true, attempts: 2 },
        })),
      });
      return;
    }
    const type = run.kind === 'monte-carlo' ? 'monte-carlo' : 'backtest';
    await this.queue.add(type, { type, runId: run.id, ownerId: who } as RunJob, { jobId: run.id });
  }

  async monteCarlo(dto: MonteCarloDto, ctx: RequestContext): Promise<RunSummary> {
    const who = owner(ctx);
    const config: Record<string, unknown> = {
      source: dto.source,
      method: dto.method,
      paths: dto.paths ?? 10_000,
      steps: dto.steps ?? 252,
      seed: dto.seed ?? 1,
      blockLength: dto.blockLength ?? 5,
      lossThresholds: dto.lossThresholds ?? [0.1, 0.2, 0.3],
    };
    let label: string;
    if (dto.source === 'backtest') {
      if (dto.method !== 'trade-resample' && dto.method !== 'block-bootstrap') throw bad('a backtest is resampled with trade-resample or block-bootstrap', 'method', 'source');
      if (!dto.runId) throw bad('source backtest needs runId', 'runId', 'required');
      const base = await this.store.row(dto.runId);
      if (!base || (base.created_by !== who && !isAdmin(ctx))) throw new NotFoundException(`No run ${dto.runId} of yours`);
      if (base.kind !== 'backtest' || base.status !== 'completed') throw bad(`run ${dto.runId} is a ${base.status} ${base.kind}; a completed backtest is needed`, 'runId', 'completed');
      config.runId = dto.runId;
      label = `Monte Carlo (${dto.method}) of ${base.label}`;
    } else {
      if (dto.method !== 'gbm' && dto.method !== 'history-bootstrap') throw bad('a portfolio is simulated with gbm or history-bootstrap', 'method', 'source');
      // The positions as they are now become part of the run's configuration (reproducible later).
      const portfolio = await this.platform.execution.send<PositionsResponse>(TRADING_PATTERNS.positions, {}, ctx);
      const positions = portfolio.positions.filter((p) => Number(p.quantity) !== 0).map((p) => ({ symbol: p.symbol, quantity: Number(p.quantity), price: Number(p.lastPrice ?? p.averagePrice) }));
      if (positions.length === 0) throw bad('the portfolio has no open positions to simulate', 'source', 'positions');
      config.positions = positions;
      config.equity = Number(portfolio.account.equity);
      config.cash = Number(portfolio.account.cash);
      label = `Monte Carlo (${dto.method}) of the portfolio`;
    }
    const run = await this.store.create({ id: randomUUID(), kind: 'monte-carlo', strategyId: null, strategyVersion: null, label, config, createdBy: who });
    await this.enqueueOrFail(run, 0, who);
    return run;
  }

  async results(q: ResultsQueryDto, ctx: RequestContext): Promise<Page<RunSummary> | RunDetail | RunCompare> {
    const who = owner(ctx);
    if (q.id) return this.detail(q.id, ctx);
    if (q.ids) return { runs: await Promise.all(q.ids.split(',').map((id) => this.detail(id, ctx))) };
    return this.store.list({ owner: who, admin: isAdmin(ctx), kind: q.kind, status: q.status, strategyId: q.strategyId, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }

  async detail(id: string, ctx: RequestContext): Promise<RunDetail> {
    const run = await this.store.detail(id);
    if (!run || (run.createdBy !== owner(ctx) && !isAdmin(ctx))) throw new NotFoundException(`No run ${id} of yours`);
    return run;
  }

  /** Cancels a queued or running run: recorded at once, and the worker running it stops at its next check. */
  async cancel(id: string, ctx: RequestContext): Promise<RunSummary> {
    const run = await this.detail(id, ctx);
    if (run.status !== 'queued' && run.status !== 'running') throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: `Run ${id} is already ${run.status}` });
    await this.store.finish(id, 'cancelled', `cancelled by ${ctx.principal?.userId ?? 'request'}`);
    await this.runtime.redis.publish(`${this.runtime.config.namespace}:simulation:cancel`, id);
    const job = await this.queue.getJob(id);
    if (job && (await job.isWaiting())) await job.remove().catch(() => undefined);
    const summary = (await this.store.summary(id)) as RunSummary;
    this.platform.announce(summary, run.createdBy);
    this.logger.info({ runId: id }, 'run cancelled');
    return summary;
  }
}
