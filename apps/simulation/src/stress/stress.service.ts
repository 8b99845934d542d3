import { DataSource } from 'typeorm';
import { Injectable, NotFoundException } from '@nestjs/common';
import { TRADING_PATTERNS, type PositionsResponse, type RequestContext, type RiskLimitsResponse, type StressScenarioResult, type StressScenarioView, type StressTestResponse } from '@meridian/contracts';
import type { ScenarioDto, StressTestDto } from '@meridian/contracts/dto';
import { RpcFailure } from '@meridian/messaging';
import { runStressScenarios, stressBreaches, type RiskLimits, type StressPosition, type StressScenario } from '@meridian/montecarlo';
import { SimulationPlatform } from '../runs/simulation-platform';
import { RunStore } from '../runs/run-store';
import { isAdmin, owner } from '../strategies/strategies.service';

/** The standard set: what a risk desk looks at first. */
const STANDARD: { name: string; definition: Record<string, unknown> }[] = [
  { name: 'Worst 5-day window', definition: { kind: 'worst-window', days: 5 } },
  { name: 'Everything −10 %', definition: { kind: 'shock', moves: { '*': -0.1 } } },
  { name: 'Volatility ×2 (5 days)', definition: { kind: 'volatility', multiplier: 2, days: 5 } },
  { name: 'Correlations at one (5 days)', definition: { kind: 'correlation-one', days: 5 } },
];

const bad = (message: string, field: string) => new RpcFailure({ statusCode: 400, error: 'Bad Request', message, details: [{ field, rules: { scenario: message } }] });

/** A user's scenario definition → the library's scenario, or a 400 naming the field. */
export function toScenario(def: Record<string, unknown>, field: string): StressScenario {
  const num = (k: string, min: number, max: number) => {
    const v = def[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw bad(`${field}.${k} must be a number in [${min}, ${max}]`, `${field}.${k}`);
    return v;
  };
  switch (def.kind) {
    case 'shock': {
      const moves = def.moves as Record<string, unknown> | undefined;
      if (!moves || typeof moves !== 'object' || Object.keys(moves).length === 0) throw bad(`${field}.moves must map symbols (or '*') to fractional moves`, `${field}.moves`);
      const clean: Record<string, number> = {};
      for (const [k, v] of Object.entries(moves)) {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < -1 || v > 10) throw bad(`${field}.moves.${k} must be a fraction in [-1, 10]`, `${field}.moves.${k}`);
        if (k !== '*') clean[k] = v;
      }
      return { kind: 'shock', moves: clean, all: typeof moves['*'] === 'number' ? (moves['*'] as number) : undefined };
    }
    case 'volatility':
      return { kind: 'volatility', factor: num('multiplier', 0.1, 20), periods: def.days === undefined ? 5 : num('days', 1, 250) };
    case 'correlation-one':
      return { kind: 'correlation-one', periods: def.days === undefined ? 5 : num('days', 1, 250) };
    case 'worst-window':
      return { kind: 'historical-worst', periods: num('days', 1, 250), count: 1 };
    case 'date-range': {
      const from = Date.parse(String(def.from));
      const to = Date.parse(String(def.to));
      if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) throw bad(`${field}.from and ${field}.to must be ISO dates, from before to`, `${field}.from`);
      return { kind: 'historical-range', from, to };
    }
    default:
      throw bad(`${field}.kind must be shock, volatility, correlation-one, worst-window or date-range`, `${field}.kind`);
  }
}

/**
 * F7 stress tests: the current portfolio (from execution) or a backtest's final positions under
 * historical and hypothetical scenarios, with the risk limits each would breach.
 */
@Injectable()
export class StressService {
  constructor(private readonly dataSource: DataSource, private readonly platform: SimulationPlatform, private readonly runs: RunStore) {}

  async run(dto: StressTestDto, ctx: RequestContext): Promise<StressTestResponse> {
    const who = owner(ctx);
    const named: { name: string; definition: Record<string, unknown> }[] = [...(dto.standard === false ? [] : STANDARD), ...(dto.scenarios ?? [])];
    if (dto.scenarioIds?.length) {
      const saved = (await this.dataSource.query('SELECT * FROM stress_scenarios WHERE id = ANY($1) AND (created_by = $2 OR $3)', [dto.scenarioIds, who, isAdmin(ctx)])) as { id: string; name: string; definition: Record<string, unknown> }[];
      const missing = dto.scenarioIds.filter((id) => !saved.some((s) => s.id === id));
      if (missing.length) throw new NotFoundException(`No saved scenario ${missing.join(', ')} of yours`);
      named.push(...saved);
    }
    if (named.length === 0) throw bad('no scenarios: keep the standard set or give scenarios', 'scenarios');
    const scenarios = named.map((n, i) => ({ name: n.name, definition: n.definition, scenario: toScenario(n.definition, `scenarios[${i}].definition`) }));

    let positions: StressPosition[];
    let equity: number;
    let limits: RiskLimits = {};
    if (dto.source === 'portfolio') {
      const p = await this.platform.execution.send<PositionsResponse>(TRADING_PATTERNS.positions, {}, ctx);
      positions = p.positions.filter((x) => Number(x.quantity) !== 0).map((x) => ({ symbol: x.symbol, quantity: Number(x.quantity), price: Number(x.lastPrice ?? x.averagePrice) }));
      equity = Number(p.account.equity);
      const l = await this.platform.execution.send<RiskLimitsResponse>(TRADING_PATTERNS.getRiskLimits, {}, ctx);
      const account = l.current.find((v) => v.symbol === '*')?.limits;
      limits = {
        maxGrossExposure: account?.maxGrossExposure ? Number(account.maxGrossExposure) : undefined,
        maxDailyLoss: account?.maxDailyLoss ? Number(account.maxDailyLoss) : undefined,
      };
    } else {
      if (!dto.runId) throw bad('source backtest needs runId', 'runId');
      const run = await this.runs.row(dto.runId);
      if (!run || (run.created_by !== who && !isAdmin(ctx))) throw new NotFoundException(`No run ${dto.runId} of yours`);
      const trades = (run.result as { trades?: { symbol: string; direction: string; quantity: number; open: boolean; entryPrice: number; grossPnl: number }[] } | null)?.trades ?? [];
      positions = trades.filter((t) => t.open).map((t) => ({ symbol: t.symbol, quantity: t.direction === 'long' ? t.quantity : -t.quantity, price: t.entryPrice + t.grossPnl / (t.direction === 'long' ? t.quantity : -t.quantity) }));
      equity = Number((run.metrics as { finalEquity?: number } | null)?.finalEquity ?? 0);
    }
    if (positions.length === 0) throw bad(`the ${dto.source} has no open positions to stress`, 'source');

    const histories = await Promise.all(positions.map((p) => this.platform.candles(p.symbol, '1d', undefined, undefined, ctx)));
    const common = histories.reduce<number[] | null>((acc, h) => (acc ? acc.filter((t) => h.time.includes(t)) : [...h.time]), null) ?? [];
    const closes = Object.fromEntries(histories.map((h) => [h.symbol, common.map((t) => h.close[h.time.indexOf(t)])]));
    const history = { closes, times: common };

    const results: StressScenarioResult[] = [];
    for (const s of scenarios) {
      const needsHistory = s.scenario.kind !== 'shock';
      if (needsHistory && common.length < 2) {
        results.push({ name: s.name, kind: String(s.definition.kind), description: `not enough common daily history (${common.length} days) for this scenario`, pnl: 0, pnlPct: 0, positions: [], breaches: [] });
        continue;
      }
      for (const r of runStressScenarios(positions, history, [s.scenario])) {
        const breaches = stressBreaches(r, { positions, equity }, limits).map((b) => ({ limit: b.limit, value: b.value, threshold: b.threshold }));
        results.push({
          name: s.name,
          kind: String(s.definition.kind),
          description: r.label,
          pnl: r.totalPnl,
          pnlPct: equity ? r.totalPnl / equity : 0,
          positions: r.positions.map((p) => ({ symbol: p.symbol, quantity: p.quantity, price: p.price, pnl: p.pnl })),
          breaches,
        });
      }
    }
    return { source: dto.source, equity, scenarios: results };
  }

  async list(ctx: RequestContext): Promise<StressScenarioView[]> {
    const rows = (await this.dataSource.query('SELECT * FROM stress_scenarios WHERE created_by = $1 OR $2 ORDER BY created_at DESC', [owner(ctx), isAdmin(ctx)])) as { id: string; name: string; definition: Record<string, unknown>; created_by: string; created_at: Date }[];
    return rows.map((r) => ({ id: r.id, name: r.name, definition: r.definition, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
  }

  async save(dto: ScenarioDto, ctx: RequestContext): Promise<StressScenarioView> {
    toScenario(dto.definition, 'definition');
    const [r] = (await this.dataSource.query('INSERT INTO stress_scenarios (name, definition, created_by) VALUES ($1, $2::jsonb, $3) RETURNING *', [dto.name, JSON.stringify(dto.definition), owner(ctx)])) as { id: string; name: string; definition: Record<string, unknown>; created_by: string; created_at: Date }[];
    return { id: r.id, name: r.name, definition: r.definition, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() };
  }
}
