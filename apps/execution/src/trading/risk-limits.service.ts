import { DataSource } from 'typeorm';
import { Injectable } from '@nestjs/common';
import type { RiskLimitsResponse, RiskLimitsValues, RiskLimitsVersion } from '@meridian/contracts';
import { Dec, mergeLimits, type RiskLimits } from '@meridian/trading';

/** The limits a new paper account starts with (version 1, by "system"); every field can be changed. */
export const DEFAULT_RISK_LIMITS: RiskLimitsValues = {
  maxOrderQuantity: '10000',
  maxOrderNotional: '250000',
  priceCollarPct: '0.1',
  maxPosition: '50000',
  maxGrossExposure: '500000',
  maxOpenOrders: 500,
  maxDailyLoss: '25000',
  duplicateWindowMs: null,
};

interface Row {
  account_id: string;
  symbol: string;
  version: number;
  limits: RiskLimitsValues;
  changed_by: string;
  reason: string | null;
  created_at: Date;
}

const toVersion = (r: Row): RiskLimitsVersion => ({
  accountId: r.account_id,
  symbol: r.symbol,
  version: r.version,
  limits: r.limits,
  changedBy: r.changed_by,
  reason: r.reason,
  createdAt: new Date(r.created_at).toISOString(),
});

export function toRiskLimits(v: RiskLimitsValues | undefined): RiskLimits {
  if (!v) return {};
  const d = (x: string | null | undefined) => (x === null || x === undefined ? undefined : new Dec(x));
  return {
    maxOrderQuantity: d(v.maxOrderQuantity),
    maxOrderNotional: d(v.maxOrderNotional),
    priceCollarPct: d(v.priceCollarPct),
    maxPosition: d(v.maxPosition),
    maxGrossExposure: d(v.maxGrossExposure),
    maxOpenOrders: v.maxOpenOrders ?? undefined,
    maxDailyLoss: d(v.maxDailyLoss),
    duplicateWindowMs: v.duplicateWindowMs || undefined,
  };
}

/**
 * Versioned, audited pre-trade limits per account and instrument ('*' = the whole account). Every
 * change is a new row; the newest version of each scope is cached for the order path.
 */
@Injectable()
export class RiskLimitsService {
  private readonly current = new Map<string, Map<string, RiskLimitsVersion>>();
  /** limitsFor's answers; cleared whenever a version is loaded. */
  private readonly merged = new Map<string, RiskLimits>();
  /** The longest duplicate-order window of any scope (finished orders stay in memory at least this long). */
  private longestWindow: number | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async load(): Promise<void> {
    const rows = (await this.dataSource.query(
      'SELECT DISTINCT ON (account_id, symbol) * FROM risk_limits ORDER BY account_id, symbol, version DESC',
    )) as Row[];
    this.current.clear();
    this.merged.clear();
    this.longestWindow = null;
    for (const r of rows) this.remember(toVersion(r));
  }

  /** The limits that apply to an order of this account in this symbol (parsed once per version, not per order). */
  limitsFor(accountId: string, symbol: string): RiskLimits {
    const key = `${accountId}\u0000${symbol}`;
    const cached = this.merged.get(key);
    if (cached) return cached;
    const scopes = this.current.get(accountId);
    const limits = mergeLimits(toRiskLimits(scopes?.get('*')?.limits), toRiskLimits(scopes?.get(symbol)?.limits));
    this.merged.set(key, limits);
    return limits;
  }

  /** The longest duplicate-order window configured anywhere, in ms (0 when none is). */
  longestDuplicateWindowMs(): number {
    if (this.longestWindow !== null) return this.longestWindow;
    let longest = 0;
    for (const scopes of this.current.values()) for (const v of scopes.values()) longest = Math.max(longest, v.limits.duplicateWindowMs ?? 0);
    this.longestWindow = longest;
    return longest;
  }

  async ensureDefaults(accountId: string): Promise<void> {
    if (this.current.get(accountId)?.has('*')) return;
    await this.dataSource.query(
      `INSERT INTO risk_limits (account_id, symbol, version, limits, changed_by, reason) VALUES ($1, '*', 1, $2::jsonb, 'system', 'defaults of a new account') ON CONFLICT DO NOTHING`,
      [accountId, JSON.stringify(DEFAULT_RISK_LIMITS)],
    );
    await this.reloadAccount(accountId);
  }

  async set(accountId: string, symbol: string, limits: RiskLimitsValues, changedBy: string, reason: string | null): Promise<RiskLimitsResponse> {
    const clean = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) as RiskLimitsValues;
    await this.dataSource.query(
      `INSERT INTO risk_limits (account_id, symbol, version, limits, changed_by, reason)
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3::jsonb, $4, $5 FROM risk_limits WHERE account_id = $1 AND symbol = $2`,
      [accountId, symbol, JSON.stringify(clean), changedBy, reason],
    );
    await this.reloadAccount(accountId);
    return this.describe(accountId);
  }

  async describe(accountId: string): Promise<RiskLimitsResponse> {
    const rows = (await this.dataSource.query('SELECT * FROM risk_limits WHERE account_id = $1 ORDER BY created_at DESC, version DESC LIMIT 500', [accountId])) as Row[];
    return { accountId, current: [...(this.current.get(accountId)?.values() ?? [])], history: rows.map(toVersion) };
  }

  private async reloadAccount(accountId: string): Promise<void> {
    const rows = (await this.dataSource.query(
      'SELECT DISTINCT ON (symbol) * FROM risk_limits WHERE account_id = $1 ORDER BY symbol, version DESC',
      [accountId],
    )) as Row[];
    this.current.delete(accountId);
    this.merged.clear();
    this.longestWindow = null;
    for (const r of rows) this.remember(toVersion(r));
  }

  private remember(v: RiskLimitsVersion): void {
    const scopes = this.current.get(v.accountId) ?? new Map<string, RiskLimitsVersion>();
    scopes.set(v.symbol, v);
    this.current.set(v.accountId, scopes);
  }
}
