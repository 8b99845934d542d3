import { DataSource } from 'typeorm';
import { Injectable } from '@nestjs/common';
import type { BacktestMetricsView, GridPointView, Page, RunDetail, RunKind, RunStatus, RunSummary, WalkForwardWindowView } from '@meridian/contracts';

interface RunRow {
  id: string;
  kind: RunKind;
  status: RunStatus;
  progress: number;
  strategy_id: string | null;
  strategy_version: number | null;
  label: string;
  config: Record<string, unknown>;
  data_version: string | null;
  metrics: BacktestMetricsView | null;
  result: Partial<Pick<RunDetail, 'equity' | 'trades' | 'grid' | 'walkForward' | 'monteCarlo' | 'lookahead'>> | null;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function summary(r: RunRow): RunSummary {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: r.progress,
    strategyId: r.strategy_id,
    strategyVersion: r.strategy_version,
    label: r.label,
    metrics: r.metrics,
    error: r.error,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

export interface NewRun {
  id: string;
  kind: RunKind;
  strategyId: string | null;
  strategyVersion: number | null;
  label: string;
  config: Record<string, unknown>;
  createdBy: string;
}

/** Runs and their results in PostgreSQL: the record a run is reproduced and compared from. */
@Injectable()
export class RunStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(run: NewRun): Promise<RunSummary> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO simulation_runs (id, kind, status, strategy_id, strategy_version, label, config, created_by) VALUES ($1, $2, 'queued', $3, $4, $5, $6::jsonb, $7) RETURNING *`,
      [run.id, run.kind, run.strategyId, run.strategyVersion, run.label, JSON.stringify(run.config), run.createdBy],
    )) as RunRow[];
    return summary(row);
  }

  async row(id: string): Promise<RunRow | undefined> {
    const [row] = (await this.dataSource.query('SELECT * FROM simulation_runs WHERE id = $1', [id])) as RunRow[];
    return row;
  }

  async summary(id: string): Promise<RunSummary | null> {
    const row = await this.row(id);
    return row ? summary(row) : null;
  }

  async detail(id: string): Promise<RunDetail | null> {
    const row = await this.row(id);
    if (!row) return null;
    const result = row.result ?? {};
    let grid = result.grid ?? null;
    if (row.kind === 'grid' && !grid) grid = await this.points(id);
    return {
      ...summary(row),
      config: row.config,
      dataVersion: row.data_version,
      equity: result.equity ?? null,
      trades: result.trades ?? [],
      grid,
      walkForward: result.walkForward ?? null,
      monteCarlo: result.monteCarlo ?? null,
      lookahead: result.lookahead ?? null,
    };
  }

  /** Moves a queued (or retried) run to running; false when it was cancelled meanwhile. */
  async start(id: string): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE simulation_runs SET status = 'running', started_at = COALESCE(started_at, now()), error = NULL WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    )) as unknown[];
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected]; an INSERT or SELECT with the rows.
    const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
    return rows.length > 0;
  }

  async progress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE simulation_runs SET progress = $2 WHERE id = $1 AND status = 'running'`, [id, progress]);
  }

  async complete(id: string, fields: { metrics: BacktestMetricsView | null; result: RunRow['result']; dataVersion: string | null }): Promise<void> {
    await this.dataSource.query(
      `UPDATE simulation_runs SET status = 'completed', progress = 1, metrics = $2::jsonb, result = $3::jsonb, data_version = $4, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(fields.metrics), JSON.stringify(fields.result), fields.dataVersion],
    );
  }

  async finish(id: string, status: 'failed' | 'cancelled', error: string): Promise<void> {
    await this.dataSource.query(`UPDATE simulation_runs SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`, [id, status, error]);
  }

  async setDataVersion(id: string, dataVersion: string): Promise<void> {
    await this.dataSource.query('UPDATE simulation_runs SET data_version = $2 WHERE id = $1', [id, dataVersion]);
  }

  async savePoints(id: string, points: { point: number; params: Record<string, unknown>; metrics: BacktestMetricsView | null; error?: string }[]): Promise<void> {
    if (points.length === 0) return;
    const values: string[] = [];
    const params: unknown[] = [id];
    for (const p of points) {
      const b = params.length;
      values.push(`($1, $${b + 1}, $${b + 2}::jsonb, $${b + 3}::jsonb, $${b + 4})`);
      params.push(p.point, JSON.stringify(p.params), JSON.stringify(p.metrics), p.error ?? null);
    }
    await this.dataSource.query(`INSERT INTO simulation_run_points (run_id, point, params, metrics, error) VALUES ${values.join(', ')} ON CONFLICT (run_id, point) DO UPDATE SET metrics = EXCLUDED.metrics, error = EXCLUDED.error`, params);
  }

  async points(id: string): Promise<GridPointView[]> {
    const rows = (await this.dataSource.query('SELECT params, metrics, error FROM simulation_run_points WHERE run_id = $1 ORDER BY point', [id])) as { params: GridPointView['params']; metrics: BacktestMetricsView | null; error: string | null }[];
    return rows.map((r) => ({ params: r.params, metrics: r.metrics, ...(r.error ? { error: r.error } : {}) }));
  }

  /** A walk-forward window's result (kept in the points table, one row per window). */
  async saveWindow(id: string, window: WalkForwardWindowView): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO simulation_run_points (run_id, point, params, metrics) VALUES ($1, $2, $3::jsonb, $4::jsonb) ON CONFLICT (run_id, point) DO UPDATE SET params = EXCLUDED.params, metrics = EXCLUDED.metrics`,
      [id, window.index, JSON.stringify(window.bestParams), JSON.stringify(window)],
    );
  }

  async windows(id: string): Promise<WalkForwardWindowView[]> {
    const rows = (await this.dataSource.query('SELECT metrics FROM simulation_run_points WHERE run_id = $1 ORDER BY point', [id])) as { metrics: WalkForwardWindowView }[];
    return rows.map((r) => r.metrics);
  }

  async pointCount(id: string): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM simulation_run_points WHERE run_id = $1', [id]);
    return n;
  }

  async list(q: { owner: string; admin: boolean; kind?: RunKind; status?: RunStatus; strategyId?: string; limit: number; offset: number }): Promise<Page<RunSummary>> {
    const where = ['(created_by = $1 OR $2)'];
    const params: unknown[] = [q.owner, q.admin];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.kind) add('kind = ?', q.kind);
    if (q.status) add('status = ?', q.status);
    if (q.strategyId) add('strategy_id = ?', q.strategyId);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM simulation_runs WHERE ${where.join(' AND ')}`, params);
    const rows = (await this.dataSource.query(
      `SELECT id, kind, status, progress, strategy_id, strategy_version, label, metrics, error, created_by, created_at, started_at, finished_at, '{}'::jsonb AS config, NULL AS data_version, NULL AS result
         FROM simulation_runs WHERE ${where.join(' AND ')} ORDER BY created_at DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    )) as RunRow[];
    return { items: rows.map(summary), total, limit: q.limit, offset: q.offset };
  }

  /** The newest completed backtest of a strategy version (a deployment needs one). */
  async latestCompleted(strategyId: string, version: number): Promise<RunSummary | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, kind, status, progress, strategy_id, strategy_version, label, metrics, error, created_by, created_at, started_at, finished_at, '{}'::jsonb AS config, NULL AS data_version, NULL AS result
         FROM simulation_runs WHERE strategy_id = $1 AND strategy_version = $2 AND kind = 'backtest' AND status = 'completed' ORDER BY created_at DESC LIMIT 1`,
      [strategyId, version],
    )) as RunRow[];
    return row ? summary(row) : null;
  }

  async latestFor(strategyId: string): Promise<RunSummary | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, kind, status, progress, strategy_id, strategy_version, label, metrics, error, created_by, created_at, started_at, finished_at, '{}'::jsonb AS config, NULL AS data_version, NULL AS result
         FROM simulation_runs WHERE strategy_id = $1 AND kind = 'backtest' ORDER BY created_at DESC LIMIT 1`,
      [strategyId],
    )) as RunRow[];
    return row ? summary(row) : null;
  }

  /** Runs left running by a process that died (their job is gone): failed with the reason. */
  async failOrphans(isActive: (id: string) => Promise<boolean>): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT id FROM simulation_runs WHERE status IN ('queued', 'running')`)) as { id: string }[];
    let n = 0;
    for (const { id } of rows) {
      if (await isActive(id)) continue;
      await this.finish(id, 'failed', 'its job was lost (the worker stopped and the job is gone); run it again');
      n++;
    }
    return n;
  }
}
