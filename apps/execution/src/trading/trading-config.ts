import { z } from 'zod';
import { parseEnv } from '@meridian/service-kit';
import { Dec, type PaperFillModel } from '@meridian/trading';

const decimalText = z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal');

const tradingEnv = z.object({
  PAPER_SLIPPAGE_BPS: decimalText.default('1'),
  PAPER_LIQUIDITY_PER_TICK: decimalText.default('1000'),
  PAPER_FEE_BPS: decimalText.default('2'),
  PAPER_FEE_FIXED: decimalText.default('0'),
  PAPER_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(5),
  PAPER_STARTING_CASH: decimalText.default('100000'),
  EQUITY_SAMPLE_MS: z.coerce.number().int().min(200).max(3_600_000).default(10_000),
  TRADING_EVENTS_INTERVAL_MS: z.coerce.number().int().min(0).max(1_000).default(5),
  TRADING_FINISHED_ORDER_RETENTION_MS: z.coerce.number().int().min(0).max(86_400_000).default(10_000),
  TRADING_READ_MODEL_INTERVAL_MS: z.coerce.number().int().min(0).max(10_000).default(50),
});

export interface TradingConfig {
  fillModel: PaperFillModel;
  startingCash: Dec;
  currency: string;
  equitySampleMs: number;
  /** Order, fill and position events leave for the gateway at most once per this interval (0: each at once). */
  eventsIntervalMs: number;
  /** Finished orders stay in memory this long (and at least the longest duplicate window), then live in the read model only. */
  finishedOrderRetentionMs: number;
  /** Order views are written to the read model at most once per this interval (batched). */
  readModelIntervalMs: number;
}

export const TRADING_CONFIG = Symbol('TRADING_CONFIG');

export function loadTradingConfig(env: NodeJS.ProcessEnv): TradingConfig {
  const e = parseEnv(tradingEnv, env);
  return {
    fillModel: {
      slippageBps: new Dec(e.PAPER_SLIPPAGE_BPS),
      liquidityPerTick: new Dec(e.PAPER_LIQUIDITY_PER_TICK),
      feeBps: new Dec(e.PAPER_FEE_BPS),
      feeFixed: new Dec(e.PAPER_FEE_FIXED),
      latencyMs: e.PAPER_LATENCY_MS,
    },
    startingCash: new Dec(e.PAPER_STARTING_CASH),
    currency: 'USD',
    equitySampleMs: e.EQUITY_SAMPLE_MS,
    eventsIntervalMs: e.TRADING_EVENTS_INTERVAL_MS,
    finishedOrderRetentionMs: e.TRADING_FINISHED_ORDER_RETENTION_MS,
    readModelIntervalMs: e.TRADING_READ_MODEL_INTERVAL_MS,
  };
}
