import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QueueEvents, type Job, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BacktestMetricsView, MonteCarloView, RequestContext, RunSummary, WalkForwardWindowView } from '@meridian/contracts';
import { BacktestCancelledError, checkLookahead, runBacktestAsync, unionTimeline, type BacktestInput, type BacktestResult } from '@meridian/backtest';
import { gbmParametersFromCloses, simulate, type MonteCarloConfig, type MonteCarloModel, type MonteCarloResult } from '@meridian/montecarlo';
import type { Logger } from '@meridian/observability';
import { z } from 'zod';
import { createWorker, LOGGER, parseEnv, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import type { ParamValues, StrategyDefinition } from '@meridian/strategy';
import { builtinParams, validateRuleDocument } from '../strategies/strategy-catalog';
import { backtestInput, dataVersion, equityView, metricsView, objectiveValue, sliceInput, toSymbolBars, tradesView, type BacktestConfig } from './backtest-work';
import { RunStore } from './run-store';
import { RUNS_QUEUE, RunsService, type RunJob } from './runs.service';
import { SimulationPlatform } from './simulation-platform';

const workerEnv = z.object({ SIM_JOB_LOCK_MS: z.coerce.number().int().min(2_000).max(600_000).default(30_000) });

type StoredConfig = BacktestConfig & { points?: Record<string, number | boolean | string>[] };

/** Stops the work of a run whose cancel was recorded (checked between chunks of bars). */
class RunCancelled extends Error {}

/**
 * The simulation worker: takes runs off the BullMQ queue (one at a time per process; more replicas
 * take more), loads their bars from execution, runs the engine, reports progress and stores the
 * result. A run whose job exhausts its attempts, or whose worker vanished, is marked failed with
 * the reason; a cancelled one stops at its next progress check.
 */
@Injectable()
export class RunWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<RunJob> | null = null;
  private events: QueueEvents | null = null;
  private subscriber: Redis | null = null;
  private readonly cancelled = new Set<string>();

  constructor(
    private readonly store: RunStore,
    private readonly platform: SimulationPlatform,
    private readonly runs: RunsService,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ns = this.runtime.config.namespace;
    this.subscriber = this.runtime.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel, runId: string) => this.cancelled.add(runId));
    await this.subscriber.subscribe(`${ns}:simulation:cancel`).catch((err) => this.logger.warn({ err }, 'could not subscribe to run cancels yet'));
    // A job whose worker died is noticed once its lock expires; it is retried once, then failed.
    const { SIM_JOB_LOCK_MS: lockDuration } = parseEnv(workerEnv, this.runtime.env);
    this.worker = createWorker<RunJob>(this.runtime, RUNS_QUEUE, (job) => this.process(job), { lockDuration, stalledInterval: Math.max(1_000, Math.floor(lockDuration / 2)), maxStalledCount: 1 });
    this.events = new QueueEvents(RUNS_QUEUE, { connection: { url: this.runtime.config.redisUrl, maxRetriesPerRequest: null }, prefix: ns });
    this.events.on('error', () => undefined);
    // Any simulation process records a failure, also of a job whose worker died (stalled too often).
    this.events.on('failed', ({ jobId, failedReason }) => void this.recordFailure(jobId, failedReason));
    const orphans = await this.store.failOrphans(async (runId) => (await this.queueJob(runId)) !== null);
    if (orphans) this.logger.warn({ orphans }, 'runs whose jobs were lost were marked failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    await this.events?.close().catch(() => undefined);
    this.subscriber?.disconnect();
  }

  /** The run's job while it still has one to do (not completed, not failed for good). */
  private async queueJob(runId: string): Promise<Job | null> {
    for (const id of [runId, `${runId}-finish`]) {
      const job = await this.runs.queue.getJob(id);
      if (job && !(await job.isCompleted()) && !(await job.isFailed())) return job;
    }
    return null;
  }

  private async recordFailure(jobId: string, reason: string): Promise<void> {
    const runId = jobId.slice(0, 36);
    const run = await this.store.summary(runId).catch(() => null);
    if (!run || (run.status !== 'running' && run.status !== 'queued')) return;
    const job = await this.queueJob(runId).catch(() => null);
    // Not final while a retry is pending.
    if (job && job.id === jobId && (await job.isWaiting().catch(() => false))) return;
    await this.store.finish(runId, 'failed', reason || 'the job failed');
    await this.announce(runId);
  }

  private async process(job: Job<RunJob>): Promise<unknown> {
    const { runId } = job.data;
    if (!(await this.store.start(runId))) return { skipped: 'cancelled before it started' };
    await this.announce(runId);
    try {
      switch (job.data.type) {
        case 'backtest':
          return await this.backtest(runId);
        case 'grid-chunk':
          return await this.gridChunk(runId, job.data.points);
        case 'grid-finish':
          return await this.gridFinish(runId);
        case 'walk-forward':
        case 'wf-finish':
          return await this.walkForwardFinish(runId);
        case 'wf-window':
          return await this.walkForwardWindow(runId, job.data.window);
        case 'monte-carlo':
          return await this.monteCarlo(runId);
      }
    } catch (err) {
      if (err instanceof RunCancelled || err instanceof BacktestCancelledError) {
        this.cancelled.delete(runId);
        return { cancelled: true };
      }
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) {
        await this.store.finish(runId, 'failed', describe(err));
        await this.announce(runId);
      }
      throw err;
    }
  }

  // ---- the kinds of work ----

  private async backtest(runId: string): Promise<unknown> {
    const { config, ctx } = await this.load(runId);
    const { definition, params } = this.strategyOf(config);
    const { input, version } = await this.data(runId, config, ctx);
    const result = await this.run(runId, definition, params, input, (f) => f);
    let lookahead = null;
    if (config.lookaheadCheck) {
      const report = checkLookahead(definition, params, input);
      lookahead = { checked: true, differences: report.differences.length, details: report.differences.slice(0, 20).map((d) => `step ${d.step} (cut ${d.cut}): ${JSON.stringify(d.full)} vs ${JSON.stringify(d.truncated)}`) };
    }
    await this.store.complete(runId, { metrics: metricsView(result.metrics), result: { equity: equityView(result), trades: tradesView(result), lookahead }, dataVersion: version });
    await this.announce(runId);
    return { trades: result.trades.length };
  }

  private async gridChunk(runId: string, points: number[]): Promise<unknown> {
    const { config, ctx } = await this.load(runId);
    const { input, version } = await this.data(runId, config, ctx);
    await this.store.setDataVersion(runId, version);
    const all = config.points ?? [];
    const results = [];
    for (const i of points) {
      this.checkCancelled(runId);
      try {
        const { definition, params } = this.strategyOf(config, all[i]);
        const r = await runBacktestAsync(definition, params, input, { isCancelled: () => this.cancelled.has(runId) });
        results.push({ point: i, params: all[i], metrics: metricsView(r.metrics) });
      } catch (err) {
        if (err instanceof BacktestCancelledError) throw err;
        results.push({ point: i, params: all[i], metrics: null, error: describe(err) });
      }
    }
    await this.store.savePoints(runId, results);
    const done = await this.store.pointCount(runId);
    await this.store.progress(runId, Math.min(0.99, done / Math.max(1, all.length)));
    await this.announce(runId);
    return { points: results.length };
  }

  private async gridFinish(runId: string): Promise<unknown> {
    const points = await this.store.points(runId);
    const best = points.filter((p) => p.metrics).sort((a, b) => objectiveValue(b.metrics, 'sharpe') - objectiveValue(a.metrics, 'sharpe'))[0];
    const row = await this.store.row(runId);
    await this.store.complete(runId, { metrics: best?.metrics ?? null, result: { grid: points }, dataVersion: row?.data_version ?? null });
    await this.announce(runId);
    return { points: points.length };
  }

  /**
   * One walk-forward window: optimise the grid in-sample, test the best point out-of-sample.
   * Window w starts w × outOfSampleBars into the data, so the windows roll forward.
   */
  private async walkForwardWindow(runId: string, w: number): Promise<unknown> {
    const { config, ctx } = await this.load(runId);
    const wf = config.walkForward!;
    const { input, version } = await this.data(runId, config, ctx);
    await this.store.setDataVersion(runId, version);
    const timeline = unionTimeline(input.symbols.map((s) => s.time));
    const needed = wf.inSampleBars + wf.windows * wf.outOfSampleBars;
    if (timeline.length < needed) throw new Error(`walk-forward needs ${needed} bars (${wf.inSampleBars} in-sample + ${wf.windows} × ${wf.outOfSampleBars}); the data has ${timeline.length}`);
    const points = config.points ?? [];
    const at = (i: number) => (i < timeline.length ? timeline[i] : timeline[timeline.length - 1] + 1);
    const isFrom = w * wf.outOfSampleBars;
    const isTo = isFrom + wf.inSampleBars;
    const oosTo = isTo + wf.outOfSampleBars;
    const inSample = sliceInput(input, at(isFrom), at(isTo));
    let best: { params: ParamValues; metrics: BacktestMetricsView | null } = { params: points[0] ?? config.params, metrics: null };
    for (const p of points) {
      this.checkCancelled(runId);
      const { definition, params } = this.strategyOf(config, p);
      const r = await runBacktestAsync(definition, params, inSample, { isCancelled: () => this.cancelled.has(runId) }).catch((err) => {
        if (err instanceof BacktestCancelledError) throw err;
        return null;
      });
      const m = r ? metricsView(r.metrics) : null;
      if (objectiveValue(m, wf.objective) > objectiveValue(best.metrics, wf.objective)) best = { params, metrics: m };
    }
    // The out-of-sample run starts early enough to warm its indicators up on in-sample bars.
    const { definition, params } = this.strategyOf(config, best.params as Record<string, number | boolean | string>);
    const warm = Math.min(isTo, definition.warmup(params));
    const oos = await runBacktestAsync(definition, params, sliceInput(input, at(isTo - warm), at(oosTo)), { isCancelled: () => this.cancelled.has(runId) }).catch((err) => {
      if (err instanceof BacktestCancelledError) throw err;
      return null;
    });
    const window: WalkForwardWindowView = {
      index: w,
      inSample: { from: new Date(at(isFrom)).toISOString(), to: new Date(at(isTo - 1)).toISOString() },
      outOfSample: { from: new Date(at(isTo)).toISOString(), to: new Date(at(oosTo - 1)).toISOString() },
      bestParams: best.params as Record<string, number | boolean | string>,
      inSampleMetrics: best.metrics,
      outOfSampleMetrics: oos ? metricsView(oos.metrics) : null,
    };
    await this.store.saveWindow(runId, window);
    await this.progress(runId, (await this.store.pointCount(runId)) / wf.windows);
    return { window: w };
  }

  private async walkForwardFinish(runId: string): Promise<unknown> {
    const windows = await this.store.windows(runId);
    const row = await this.store.row(runId);
    await this.store.complete(runId, { metrics: windows[windows.length - 1]?.outOfSampleMetrics ?? null, result: { walkForward: windows }, dataVersion: row?.data_version ?? null });
    await this.announce(runId);
    return { windows: windows.length };
  }

  private async monteCarlo(runId: string): Promise<unknown> {
    const { config: raw, ctx } = await this.load(runId);
    const c = raw as unknown as { source: string; method: string; paths: number; steps: number; seed: number; blockLength: number; lossThresholds: number[]; runId?: string; positions?: { symbol: string; quantity: number; price: number }[]; cash?: number };
    let model: MonteCarloModel;
    let steps = c.steps;
    if (c.source === 'backtest') {
      const base = await this.store.row(c.runId as string);
      const result = base?.result as { trades?: { netPnl: number; open: boolean }[]; equity?: { equity: number[] } } | null;
      const initialEquity = Number((base?.metrics as BacktestMetricsView | null)?.initialCash ?? 100_000);
      if (c.method === 'trade-resample') {
        const pnls = (result?.trades ?? []).filter((t) => !t.open).map((t) => t.netPnl);
        if (pnls.length === 0) throw new Error('the backtest has no closed trades to resample');
        model = { kind: 'trades', pnls, initialEquity, method: 'bootstrap' };
      } else {
        const eq = result?.equity?.equity ?? [];
        const returns = eq.slice(1).map((v, i) => v / eq[i] - 1);
        if (returns.length < 2) throw new Error('the backtest has too few equity points to bootstrap');
        model = { kind: 'returns', returns, blockLength: c.blockLength, initialEquity };
      }
    } else {
      const positions = c.positions ?? [];
      const history = await Promise.all(positions.map((p) => this.platform.candles(p.symbol, '1d', undefined, undefined, ctx)));
      const closes = Object.fromEntries(history.map((h) => [h.symbol, h.close]));
      if (history.some((h) => h.close.length < 3)) throw new Error(`too little daily history for ${history.filter((h) => h.close.length < 3).map((h) => h.symbol).join(', ')}`);
      if (c.method === 'gbm') {
        const fit = gbmParametersFromCloses(closes, 252);
        model = {
          kind: 'gbm',
          assets: fit.symbols.map((s, i) => ({ symbol: s, value: positions.find((p) => p.symbol === s)!.quantity * positions.find((p) => p.symbol === s)!.price, drift: fit.drift[i], volatility: fit.volatility[i] })),
          correlation: fit.correlation,
          cash: c.cash ?? 0,
          nearestCorrelation: true,
        };
      } else {
        const n = Math.min(...history.map((h) => h.close.length));
        const returns = Object.fromEntries(history.map((h) => {
          const cl = h.close.slice(-n);
          return [h.symbol, cl.slice(1).map((v, i) => v / cl[i] - 1)];
        }));
        model = { kind: 'portfolio-returns', returns, holdings: Object.fromEntries(positions.map((p) => [p.symbol, p.quantity * p.price])), cash: c.cash ?? 0, blockLength: c.blockLength };
      }
    }
    const mc: MonteCarloConfig = { model, paths: c.paths, steps, seed: c.seed, lossThresholds: c.lossThresholds };
    const started = performance.now();
    const result = simulate(mc);
    steps = result.steps;
    await this.store.complete(runId, { metrics: null, result: { monteCarlo: monteCarloView(result, performance.now() - started) }, dataVersion: null });
    await this.announce(runId);
    return { paths: result.paths };
  }

  // ---- helpers ----

  private async load(runId: string): Promise<{ config: StoredConfig; ctx: RequestContext }> {
    const row = await this.store.row(runId);
    if (!row) throw new Error(`run ${runId} is gone`);
    // The run's owner, so execution answers with their data.
    return { config: row.config as unknown as StoredConfig, ctx: { requestId: `run-${runId}`, principal: { kind: 'user', id: row.created_by, userId: row.created_by, role: 'trader' } as RequestContext['principal'] } };
  }

  private strategyOf(config: StoredConfig, point?: Record<string, number | boolean | string>): { definition: StrategyDefinition; params: ParamValues } {
    const params = point ?? config.params;
    if (config.rule) {
      const v = validateRuleDocument(config.rule);
      if (!v.parsed) throw new Error(`the rule no longer parses: ${v.errors[0]?.message}`);
      return { definition: v.parsed.definition, params };
    }
    if (config.builtin) return builtinParams(config.builtin, params);
    throw new Error('the run names neither a rule nor a built-in strategy');
  }

  /** Bars of the last few runs: a grid's chunks (and a walk-forward's windows) read them once per worker. */
  private readonly bars = new Map<string, Promise<{ input: BacktestInput; version: string }>>();

  private data(runId: string, config: StoredConfig, ctx: RequestContext): Promise<{ input: BacktestInput; version: string }> {
    const key = runId;
    let loaded = this.bars.get(key);
    if (!loaded) {
      loaded = this.loadData(config, ctx);
      loaded.catch(() => this.bars.delete(key));
      this.bars.set(key, loaded);
      while (this.bars.size > 4) this.bars.delete(this.bars.keys().next().value as string);
    }
    return loaded;
  }

  private async loadData(config: StoredConfig, ctx: RequestContext): Promise<{ input: BacktestInput; version: string }> {
    const columns = await Promise.all(config.symbols.map((s) => this.platform.candles(s, config.timeframe, config.from, config.to, ctx)));
    const empty = columns.filter((c) => c.time.length === 0).map((c) => c.symbol);
    if (empty.length) throw new Error(`no ${config.timeframe} bars stored for ${empty.join(', ')} in that period (import history or pick another timeframe)`);
    return { input: backtestInput(columns.map(toSymbolBars), config), version: dataVersion(columns) };
  }

  private async run(runId: string, definition: StrategyDefinition, params: ParamValues, input: BacktestInput, scale: (f: number) => number): Promise<BacktestResult> {
    return runBacktestAsync(definition, params, input, {
      progressEvery: 20_000,
      isCancelled: () => this.cancelled.has(runId),
      onProgress: (p) => void this.progress(runId, scale(p.fraction)),
    });
  }

  private async progress(runId: string, fraction: number): Promise<void> {
    await this.store.progress(runId, Math.min(0.99, fraction)).catch(() => undefined);
    await this.announce(runId);
  }

  private checkCancelled(runId: string): void {
    if (this.cancelled.has(runId)) throw new RunCancelled();
  }

  private async announce(runId: string): Promise<void> {
    const run: RunSummary | null = await this.store.summary(runId).catch(() => null);
    if (run) this.platform.announce(run, run.createdBy);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function monteCarloView(r: MonteCarloResult, elapsedMs: number): MonteCarloView {
  const dist = (d: MonteCarloResult['finalReturn']) => ({
    percentiles: Object.fromEntries(d.percentiles.map((p) => [String(p.probability), p.value])),
    histogram: { edges: Array.from(d.histogram.edges), counts: Array.from(d.histogram.counts) },
  });
  const bands = r.equityBands ? r.equityBands.values.map((v) => Array.from(v, (x) => x / r.initialEquity)) : [];
  return {
    paths: r.paths,
    steps: r.steps,
    seed: r.seed,
    percentiles: r.equityBands ? [...r.equityBands.probabilities] : [],
    bands,
    maxDrawdown: dist(r.maxDrawdown),
    finalReturn: dist(r.finalReturn),
    lossProbabilities: r.lossProbabilities.map((l) => ({ threshold: l.threshold, probability: l.finalLoss, drawdownProbability: l.maxDrawdown })),
    elapsedMs: Math.round(elapsedMs),
  };
}
