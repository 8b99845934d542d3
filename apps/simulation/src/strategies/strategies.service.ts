import { DataSource } from 'typeorm';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { Page, RequestContext, RunSummary, StrategyVersionView, StrategyView } from '@meridian/contracts';
import type { CreateStrategyDto, RegistryQueryDto } from '@meridian/contracts/dto';
import { RpcFailure } from '@meridian/messaging';
import { findBuiltin, type ParamSpec } from '@meridian/strategy';
import { RunStore } from '../runs/run-store';
import { builtinParams, builtins, ruleRejection, schemaView, validateRuleDocument, type ResolvedStrategy } from './strategy-catalog';

interface StrategyRow {
  id: string;
  name: string;
  description: string;
  kind: 'rule' | 'builtin';
  owner_id: string;
  created_at: Date;
}
interface VersionRow {
  strategy_id: string;
  version: number;
  definition: Record<string, unknown>;
  canonical: string | null;
  params: Record<string, number | boolean | string>;
  warmup_bars: number;
  created_by: string;
  created_at: Date;
}

const BUILTIN_EPOCH = new Date(0).toISOString();
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(s);

/**
 * F6 registry: the built-ins (from code, version 1) and users' strategies with immutable versions.
 * A version is validated and dry-compiled before it is saved.
 */
@Injectable()
export class StrategiesService {
  constructor(private readonly dataSource: DataSource, private readonly runs: RunStore) {}

  async registry(q: RegistryQueryDto, ctx: RequestContext): Promise<Page<StrategyView>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const text = q.q?.toLowerCase();
    const all: StrategyView[] = [];
    if (q.kind !== 'rule') {
      for (const b of builtins()) {
        if (text && !`${b.name} ${b.description}`.toLowerCase().includes(text)) continue;
        all.push(await this.builtinView(b.id));
      }
    }
    const rows = (await this.dataSource.query(
      `SELECT * FROM strategies WHERE (owner_id = $1 OR $2) ${q.kind ? 'AND kind = $3' : ''} ORDER BY created_at DESC`,
      q.kind ? [owner(ctx), isAdmin(ctx), q.kind] : [owner(ctx), isAdmin(ctx)],
    )) as StrategyRow[];
    for (const r of rows) {
      if (text && !`${r.name} ${r.description}`.toLowerCase().includes(text)) continue;
      all.push(await this.userView(r));
    }
    return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
  }

  async get(id: string, ctx: RequestContext): Promise<StrategyView> {
    if (!isUuid(id)) {
      if (!findBuiltin(id)) throw new NotFoundException(`No strategy ${id}`);
      return this.builtinView(id);
    }
    const [row] = (await this.dataSource.query('SELECT * FROM strategies WHERE id = $1', [id])) as StrategyRow[];
    if (!row || (row.owner_id !== owner(ctx) && !isAdmin(ctx))) throw new NotFoundException(`No strategy ${id} of yours`);
    return this.userView(row);
  }

  async create(dto: CreateStrategyDto, ctx: RequestContext): Promise<StrategyView> {
    const version = this.compileVersion(dto);
    const who = owner(ctx);
    // Inside the transaction only its own manager is used: with the embedded database (one
    // connection) a query outside it would wait for the transaction, which waits for the query.
    const id = await this.dataSource.transaction(async (m) => {
      let id = dto.strategyId;
      if (id) {
        const [row] = (await m.query('SELECT * FROM strategies WHERE id = $1 FOR UPDATE', [id])) as StrategyRow[];
        if (!row || row.owner_id !== who) throw new NotFoundException(`No strategy ${id} of yours`);
        if (row.kind !== dto.kind) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: `Strategy ${id} is a ${row.kind} strategy; a new version must be one too`, details: [{ field: 'kind', rules: { same: row.kind } }] });
      } else {
        if (!dto.name?.trim()) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: 'name is required for a new strategy', details: [{ field: 'name', rules: { required: 'a name' } }] });
        const [dup] = await m.query('SELECT id FROM strategies WHERE owner_id = $1 AND lower(name) = lower($2)', [who, dto.name.trim()]);
        if (dup) throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: `You already have a strategy named "${dto.name.trim()}"; send its strategyId to add a version` });
        [{ id }] = await m.query('INSERT INTO strategies (name, description, kind, owner_id) VALUES ($1, $2, $3, $4) RETURNING id', [dto.name.trim(), dto.description ?? '', dto.kind, who]);
      }
      await m.query(
        `INSERT INTO strategy_versions (strategy_id, version, definition, canonical, params, warmup_bars, created_by)
         SELECT $1, COALESCE(MAX(version), 0) + 1, $2::jsonb, $3, $4::jsonb, $5, $6 FROM strategy_versions WHERE strategy_id = $1`,
        [id, JSON.stringify(version.definition), version.canonical, JSON.stringify(version.params), version.warmupBars, who],
      );
      if (dto.description !== undefined && dto.strategyId) await m.query('UPDATE strategies SET description = $2 WHERE id = $1', [id, dto.description]);
      return id as string;
    });
    return this.get(id, ctx);
  }

  /** What a version stores, validated and dry-compiled (a rule that does not parse is a 400 naming its position). */
  private compileVersion(dto: Pick<CreateStrategyDto, 'kind' | 'rule' | 'builtin' | 'params'>) {
    if (dto.kind === 'rule') {
      if (!dto.rule) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: 'rule is required for a rule strategy', details: [{ field: 'rule', rules: { required: 'a rule document' } }] });
      const v = validateRuleDocument(dto.rule);
      if (!v.ok || !v.parsed) throw ruleRejection(v);
      const defaults = Object.fromEntries(Object.entries(v.parsed.definition.params).map(([k, spec]) => [k, (spec as ParamSpec).default]));
      return { definition: dto.rule, canonical: `entry: ${v.canonical?.entry}${v.canonical?.exit ? `\nexit: ${v.canonical.exit}` : ''}`, params: { ...defaults, ...(dto.params ?? {}) }, warmupBars: v.warmupBars ?? 0 };
    }
    if (!dto.builtin) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: 'builtin is required for a builtin strategy', details: [{ field: 'builtin', rules: { required: 'a built-in id' } }] });
    const { definition, params } = builtinParams(dto.builtin, dto.params);
    return { definition: { builtin: dto.builtin, params }, canonical: null, params: { ...params }, warmupBars: definition.warmup(params) };
  }

  /** The definition and parameters a run uses. */
  async resolve(strategyId: string, version: number | undefined, paramsOverride: Record<string, unknown> | undefined, ctx: RequestContext): Promise<ResolvedStrategy> {
    if (!isUuid(strategyId)) {
      const { definition, params } = builtinParams(strategyId, paramsOverride);
      return { definition, params, label: definition.name, strategyId, version: 1, source: { builtin: strategyId } };
    }
    const view = await this.get(strategyId, ctx);
    const v = version ? view.versions.find((x) => x.version === version) : view.versions[view.versions.length - 1];
    if (!v) throw new NotFoundException(`Strategy ${strategyId} has no version ${version}`);
    const resolved = this.fromVersion(view.kind, v, paramsOverride);
    const source = view.kind === 'rule' ? { rule: v.definition } : { builtin: String(v.definition.builtin) };
    return { ...resolved, label: `${view.name} v${v.version}`, strategyId, version: v.version, source };
  }

  fromVersion(kind: 'rule' | 'builtin', v: StrategyVersionView, paramsOverride?: Record<string, unknown>) {
    if (kind === 'builtin') return builtinParams(String(v.definition.builtin), { ...v.params, ...(paramsOverride ?? {}) });
    const validation = validateRuleDocument(v.definition);
    if (!validation.parsed) throw ruleRejection(validation);
    return { definition: validation.parsed.definition, params: { ...v.params, ...(paramsOverride ?? {}) } as Record<string, number | boolean | string> };
  }

  private async builtinView(id: string): Promise<StrategyView> {
    const b = findBuiltin(id)!;
    const defaults = Object.fromEntries(Object.entries(b.params).map(([k, spec]) => [k, (spec as ParamSpec).default]));
    return {
      id: b.id,
      name: b.name,
      kind: 'builtin',
      description: b.description,
      params: schemaView(b.params),
      latestVersion: 1,
      versions: [{ version: 1, definition: { builtin: b.id, params: defaults }, canonical: null, params: defaults, warmupBars: b.warmup(defaults), createdBy: 'meridian', createdAt: BUILTIN_EPOCH }],
      latestBacktest: await this.latestRun(b.id),
      live: null,
      ownerId: null,
      createdAt: BUILTIN_EPOCH,
    };
  }

  private async userView(r: StrategyRow): Promise<StrategyView> {
    const versions = (await this.dataSource.query('SELECT * FROM strategy_versions WHERE strategy_id = $1 ORDER BY version', [r.id])) as VersionRow[];
    const latest = versions[versions.length - 1];
    let params: StrategyView['params'] = {};
    if (latest) {
      try {
        params = schemaView(this.fromVersion(r.kind, toVersionView(latest)).definition.params);
      } catch {
        params = {};
      }
    }
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      description: r.description,
      params,
      latestVersion: latest?.version ?? 0,
      versions: versions.map(toVersionView),
      latestBacktest: await this.latestRun(r.id),
      live: null,
      ownerId: r.owner_id,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  private latestRun(strategyId: string): Promise<RunSummary | null> {
    return this.runs.latestFor(strategyId);
  }
}

function toVersionView(v: VersionRow): StrategyVersionView {
  return { version: v.version, definition: v.definition, canonical: v.canonical, params: v.params, warmupBars: v.warmup_bars, createdBy: v.created_by, createdAt: new Date(v.created_at).toISOString() };
}

export function owner(ctx: RequestContext): string {
  const id = ctx.principal?.userId;
  if (!id) throw new RpcFailure({ statusCode: 403, error: 'Forbidden', message: 'Strategies and runs belong to a user; the request carried none' });
  return id;
}

export function isAdmin(ctx: RequestContext): boolean {
  return ctx.principal?.role === 'admin';
}
