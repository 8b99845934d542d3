import { MARKET_TIMEFRAMES, type DeploymentStatus, type DeploymentView, type MarketTimeframe, type StrategyView } from '@meridian/contracts';
import { MAX_SYMBOLS, type FieldErrors } from '../simulation/runForm';
import type { DeployStrategyBody } from './strategiesApi';

// The deploy form as typed, the body it sends, and what the Live panel derives from deployments.

export interface DeployDraft {
  /** '' = the latest version. */
  version: string;
  symbols: string[];
  timeframe: MarketTimeframe;
}

const isSymbolList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The symbols a version names (a rule names its symbols; a built-in names none). */
export function versionSymbols(strategy: StrategyView, version?: number): string[] {
  const v = strategy.versions.find((x) => x.version === (version ?? strategy.latestVersion));
  const symbols = v?.definition.symbols;
  return isSymbolList(symbols) ? symbols : [];
}

/** The form starts on the latest version, its symbols and 1m bars (the API's default). */
export const emptyDeployDraft = (strategy: StrategyView): DeployDraft => ({ version: '', symbols: versionSymbols(strategy), timeframe: '1m' });

/** POST /api/strategies/deploy from the form, or the errors by field. */
export function deployBodyOf(strategy: StrategyView, draft: DeployDraft): { body: DeployStrategyBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.symbols.length === 0) errors.symbols = 'Pick at least one symbol';
  else if (draft.symbols.length > MAX_SYMBOLS) errors.symbols = `At most ${MAX_SYMBOLS} symbols`;
  if (!(MARKET_TIMEFRAMES as readonly string[]).includes(draft.timeframe)) errors.timeframe = `One of ${MARKET_TIMEFRAMES.join(', ')}`;
  if (draft.version && !strategy.versions.some((v) => String(v.version) === draft.version)) errors.version = 'Not a version of this strategy';
  if (Object.keys(errors).length) return { errors };
  const body: DeployStrategyBody = { strategyId: strategy.id, symbols: [...new Set(draft.symbols)], timeframe: draft.timeframe };
  if (draft.version) body.version = Number(draft.version);
  return { body };
}

export const STATUS_TONES: Record<DeploymentStatus, string> = { running: 'up', paused: 'degraded', stopped: 'muted' };

/** The deployment that stands for a strategy's live status: a running one, else a paused one, else the newest. */
export function liveOf(deployments: readonly DeploymentView[] | undefined, strategyId: string): StrategyView['live'] {
  const own = (deployments ?? []).filter((d) => d.strategyId === strategyId);
  if (own.length === 0) return null;
  const rank: Record<DeploymentStatus, number> = { running: 0, paused: 1, stopped: 2 };
  const best = [...own].sort((a, b) => rank[a.status] - rank[b.status] || b.createdAt.localeCompare(a.createdAt))[0];
  return { status: best.status, deploymentId: best.id };
}

/** What the control buttons offer in each state (a stopped deployment is final: deploy again to run it). */
export const ACTIONS_BY_STATUS: Record<DeploymentStatus, ('start' | 'pause' | 'stop')[]> = {
  running: ['pause', 'stop'],
  paused: ['start', 'stop'],
  stopped: [],
};
