import { Injectable } from '@nestjs/common';
import { DEPLOYMENT_PATTERNS, type DeploymentLive, type DeploymentReport, type DeploymentView, type RequestContext } from '@meridian/contracts';
import type { DeployStrategyDto } from '@meridian/contracts/dto';
import { runBacktest } from '@meridian/backtest';
import { TIMEFRAME_MS, type Timeframe } from '@meridian/market-data';
import { RpcFailure } from '@meridian/messaging';
import { backtestInput, PERIODS_PER_YEAR, toSymbolBars } from '../runs/backtest-work';
import { RunStore } from '../runs/run-store';
import { SimulationPlatform } from '../runs/simulation-platform';
import { StrategiesService } from '../strategies/strategies.service';

const DEPLOY_DEADLINE_MS = 30_000;

/**
 * F6 deploy: a strategy version with a finished backtest goes to execution, which runs it live in
 * paper trading; and the live report, which puts its live results beside a backtest of the same
 * strategy over the same period.
 */
@Injectable()
export class DeploymentsService {
  constructor(private readonly strategies: StrategiesService, private readonly runs: RunStore, private readonly platform: SimulationPlatform) {}

  async deploy(dto: DeployStrategyDto, ctx: RequestContext): Promise<DeploymentView> {
    const resolved = await this.strategies.resolve(dto.strategyId, dto.version, dto.params, ctx);
    const backtest = await this.runs.latestCompleted(resolved.strategyId as string, resolved.version as number);
    if (!backtest) {
      throw new RpcFailure({
        statusCode: 409,
        error: 'Conflict',
        message: `${resolved.label} has no finished backtest of version ${resolved.version}; backtest it before deploying it`,
        details: [{ field: 'strategyId', rules: { backtested: 'a completed backtest of this version' } }],
      });
    }
    return this.platform.execution.send<DeploymentView>(
      DEPLOYMENT_PATTERNS.deploy,
      {
        strategyId: resolved.strategyId,
        version: resolved.version,
        label: resolved.label,
        source: resolved.source,
        params: resolved.params,
        symbols: [...new Set(dto.symbols)],
        timeframe: dto.timeframe ?? '1m',
        backtestRunId: backtest.id,
        accountId: dto.accountId,
      },
      ctx,
      DEPLOY_DEADLINE_MS,
    );
  }

  async report(id: string, ctx: RequestContext): Promise<DeploymentReport> {
    const live = await this.platform.execution.send<DeploymentLive>(DEPLOYMENT_PATTERNS.live, { id }, ctx, DEPLOY_DEADLINE_MS);
    const d = live.deployment;
    const notes: string[] = [];
    const resolved = await this.strategies.resolve(d.strategyId, d.version, d.params, ctx);
    const warmup = resolved.definition.warmup(resolved.params);
    const barMs = TIMEFRAME_MS[d.timeframe as Timeframe];
    // The period in the venue's time (a demo venue may run faster than the clock): the bars it saw.
    const lastBar = d.lastBarAt ? Date.parse(d.lastBarAt) : null;
    const from = lastBar !== null ? lastBar - Math.max(0, d.barsSeen - 1) * barMs : Date.parse(d.startedAt);
    const to = lastBar !== null ? lastBar + barMs : Date.now();
    // The backtest starts early enough to warm its indicators up, and counts only trades opened in the period.
    const columns = await Promise.all(d.symbols.map((s) => this.platform.candles(s, d.timeframe, new Date(from - (warmup + 2) * barMs).toISOString(), new Date(to).toISOString(), ctx)));
    let backtest: DeploymentReport['backtest'] = { trades: 0, fills: 0, netPnl: 0, feesPaid: 0, error: null };
    if (columns.some((c) => c.time.length === 0)) backtest.error = `no stored ${d.timeframe} bars for the period yet`;
    else {
      try {
        const r = runBacktest(resolved.definition, resolved.params, backtestInput(columns.map(toSymbolBars), { initialCash: 100_000, feesBps: 0, feeFixed: 0, slippageBps: 0, periodsPerYear: PERIODS_PER_YEAR[d.timeframe] ?? 252 } as never));
        const inPeriod = [...r.trades, ...r.openTrades].filter((t) => t.entryTime >= from - barMs);
        backtest = {
          trades: inPeriod.length,
          fills: r.fills.filter((f) => f.time >= from - barMs).length,
          netPnl: inPeriod.reduce((s, t) => s + t.netPnl, 0),
          feesPaid: inPeriod.reduce((s, t) => s + t.fees, 0),
          error: null,
        };
      } catch (err) {
        backtest.error = (err as Error).message;
      }
    }
    notes.push('The backtest runs without fees or slippage; live fills pay the paper venue\'s fees and slippage, which is part of the drift.');
    const liveNet = live.realisedPnl + live.unrealisedPnl - live.feesPaid;
    const trades = live.fills.length ? Math.ceil(live.fills.length / 2) : 0;
    return {
      deployment: d,
      period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      live: { trades, fills: live.fills.length, netPnl: liveNet, feesPaid: live.feesPaid },
      backtest,
      drift: liveNet - backtest.netPnl,
      notes,
    };
  }
}
