import type { Page, RunDetail, RunKind, RunStatus, RunSummary, StrategyView } from '@meridian/contracts';

// Pure cache updates for `simulation` channel events; the RTK Query lifecycles apply them to drafts.

/** GET /api/simulation/results filters (a page of summaries). */
export interface RunsArgs {
  kind?: RunKind;
  status?: RunStatus;
  strategyId?: string;
  limit: number;
  offset: number;
}

export const TERMINAL_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];
export const isTerminal = (status: RunStatus) => TERMINAL_STATUSES.includes(status);
export const isActive = (status: RunStatus) => status === 'queued' || status === 'running';

const STATUS_RANK: Record<RunStatus, number> = { queued: 0, running: 1, completed: 2, failed: 2, cancelled: 2 };

/**
 * Whether an event describes a later state of the run than the cached one. Events carry no
 * version: a run only moves forward (queued → running → finished; progress grows), so a late
 * event is one that would move it back.
 */
export function isNewer(cached: Pick<RunSummary, 'status' | 'progress'>, event: Pick<RunSummary, 'status' | 'progress'>): boolean {
  const a = STATUS_RANK[cached.status];
  const b = STATUS_RANK[event.status];
  if (a !== b) return b > a;
  if (a === 2) return cached.status === event.status; // a finished run stays finished as it was
  return event.progress >= cached.progress;
}

export function runMatches(run: RunSummary, args: RunsArgs): boolean {
  if (args.kind && run.kind !== args.kind) return false;
  if (args.status && run.status !== args.status) return false;
  if (args.strategyId && run.strategyId !== args.strategyId) return false;
  return true;
}

/**
 * A run event on one cached page (newest first): the run is replaced where it is (unless the
 * cached copy is further along), dropped when it no longer matches the status filter, and added
 * on top of the first page when it is new and `mine` (another user's runs reach admins too).
 */
export function applyRunEvent(page: Page<RunSummary>, run: RunSummary, args: RunsArgs, mine: boolean): void {
  const index = page.items.findIndex((r) => r.id === run.id);
  if (index >= 0 && !isNewer(page.items[index], run)) return;
  const belongs = runMatches(run, args);
  if (index >= 0 && !belongs) {
    page.items.splice(index, 1);
    page.total = Math.max(0, page.total - 1);
  } else if (index >= 0) {
    page.items[index] = run;
  } else if (belongs && mine && args.offset === 0) {
    page.items.unshift(run);
    page.total += 1;
    if (page.items.length > args.limit) page.items.length = args.limit;
  }
}

/**
 * A run event on a cached run detail: its summary fields move (status, progress, metrics, times).
 * Returns true when the run has just completed: its results (equity, trades, grid, ...) are not in
 * events and must be read again.
 */
export function applyRunToDetail(detail: RunDetail, run: RunSummary): boolean {
  if (detail.id !== run.id || !isNewer(detail, run)) return false;
  const completedNow = run.status === 'completed' && detail.status !== 'completed';
  detail.status = run.status;
  detail.progress = run.progress;
  detail.metrics = run.metrics;
  detail.error = run.error;
  detail.label = run.label;
  detail.startedAt = run.startedAt;
  detail.finishedAt = run.finishedAt;
  return completedNow;
}

/** A completed backtest becomes its strategy's latest backtest in a cached registry page. */
export function applyRunToRegistry(strategies: StrategyView[], run: RunSummary): void {
  if (run.kind !== 'backtest' || run.status !== 'completed' || !run.strategyId) return;
  for (const s of strategies) {
    if (s.id !== run.strategyId) continue;
    if (!s.latestBacktest || s.latestBacktest.id === run.id || s.latestBacktest.createdAt <= run.createdAt) s.latestBacktest = run;
  }
}
