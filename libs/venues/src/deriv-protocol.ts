/**
 * The subset of Deriv's WebSocket API (options platform, public market-data socket) that the
 * venue speaks: message shapes, timeframe ↔ granularity, and error mapping.
 */
import type { Candle, Tick, Timeframe, VenueInstrument } from '@meridian/market-data';
import { TIMEFRAME_MS } from '@meridian/market-data';

/** Deriv's public market-data socket (no login; the app id goes in the query string). */
export const DERIV_PUBLIC_WS_URL = 'wss://api.derivws.com/trading/v1/options/ws/public';

/** Candle width in seconds (`granularity` of ticks_history) per timeframe. */
export const DERIV_GRANULARITY: Readonly<Record<Timeframe, number>> = Object.freeze({
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '1h': 3600,
  '1d': 86400,
});

export function granularityToTimeframe(granularity: number): Timeframe | undefined {
  return (Object.keys(DERIV_GRANULARITY) as Timeframe[]).find((tf) => DERIV_GRANULARITY[tf] === granularity);
}

/** Most candles Deriv returns for one ticks_history call; longer spans are paged. */
export const DERIV_MAX_CANDLES_PER_REQUEST = 5000;

export interface DerivErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** Any message from the server: every answer echoes `req_id` and names its `msg_type`. */
export interface DerivMessage {
  msg_type?: string;
  req_id?: number;
  echo_req?: Record<string, unknown>;
  error?: DerivErrorBody;
  subscription?: { id: string };
  [field: string]: unknown;
}

export interface DerivActiveSymbol {
  underlying_symbol: string;
  underlying_symbol_name?: string;
  underlying_symbol_type?: string;
  pip_size?: number | string;
  market?: string;
  submarket?: string;
  exchange_is_open?: number | boolean;
  is_trading_suspended?: number | boolean;
}

export interface DerivTick {
  epoch: number;
  quote: number | string;
  symbol: string;
  pip_size?: number | string;
  id?: string;
  ask?: number;
  bid?: number;
}

export interface DerivCandle {
  epoch: number;
  open: number | string;
  high: number | string;
  low: number | string;
  close: number | string;
}

/** Codes the venue explains in its own words; any other code gets a generic sentence. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Deriv does not know this symbol (or it is not offered to this app)',
  RateLimit: 'Deriv rate limit reached: too many calls of this kind in the last minute',
  AuthorizationRequired: 'this call needs an authenticated (OTP) trading connection; the public market-data socket cannot make it',
  InvalidAppID: 'Deriv rejected the app id; check DERIV_APP_ID',
  InputValidationFailed: 'Deriv rejected the request parameters',
  MarketIsClosed: 'the market of this symbol is closed',
  AlreadySubscribed: 'this connection is already subscribed to that stream',
  InvalidtoEpoch: 'the requested time range is not valid for Deriv',
  StreamingNotAllowed: 'Deriv does not stream this symbol',
  Timeout: 'Deriv did not answer in time',
  ConnectionClosed: 'the Deriv venue was closed before the call completed',
  // Trading (OTP REST endpoint and the authenticated socket).
  Unauthorized: 'Deriv rejected the API token; check DERIV_API_TOKEN (a PAT with the trade scope) and DERIV_APP_ID',
  ValidationError: 'Deriv rejected the request (check the account id and the app id)',
  AccountNotFound: 'Deriv does not know this trading account id',
  OtpRequestFailed: 'could not reach Deriv to obtain a trading socket URL (OTP)',
  InvalidOtpResponse: 'Deriv answered the OTP request without a usable socket URL',
  InvalidResponse: 'Deriv sent an answer the adapter cannot read',
  AnswerLost: 'the request was sent but its answer never arrived, so Deriv may or may not have carried it out',
  BuyOutcomeUnknown: 'the buy was sent but its answer was lost, and no matching contract is open on Deriv yet; it is kept unresolved in the intent journal and is not sent again',
  InsufficientBalance: 'the Deriv account balance is too low for this stake',
  PriceMoved: 'the price moved beyond the accepted maximum before Deriv filled the request',
  InvalidContractProposal: 'the proposal id is unknown or has expired; ask for a new proposal',
  ContractNotFound: 'Deriv does not know this contract for this account',
  ContractIsSold: 'the contract is already closed',
};

/** An error reply of the Deriv API (or a client-side failure of a call), with Deriv's code. */
export class DerivApiError extends Error {
  /** Deriv's error code, e.g. `InvalidSymbol`, `RateLimit`; client-side: `Timeout`, `ConnectionClosed`. */
  readonly code: string;
  /** The message text Deriv sent, unchanged. */
  readonly serverMessage: string;
  readonly msgType?: string;
  readonly reqId?: number;

  constructor(code: string, serverMessage: string, msgType?: string, reqId?: number) {
    const explanation = EXPLANATIONS[code] ?? `Deriv API error ${code}`;
    const call = msgType ? ` (${msgType})` : '';
    super(`${explanation}${call}${serverMessage ? `: ${serverMessage}` : ''}`);
    this.name = 'DerivApiError';
    this.code = code;
    this.serverMessage = serverMessage;
    this.msgType = msgType;
    this.reqId = reqId;
  }

  static fromReply(message: DerivMessage): DerivApiError {
    const error = message.error as DerivErrorBody;
    return new DerivApiError(String(error.code ?? 'UnknownError'), String(error.message ?? ''), message.msg_type, message.req_id);
  }

  /** True for a rate-limit reply, which the venue retries later instead of failing. */
  get isRateLimit(): boolean {
    return this.code === 'RateLimit';
  }
}

function truthy(value: number | boolean | undefined): boolean {
  return value === true || value === 1;
}

/** Decimals of a pip size given either as a size (0.01) or, as some tick replies do, a count (2). */
export function decimalsOfPip(pip: number | string | undefined): number | undefined {
  const value = Number(pip);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  if (value >= 1 && Number.isInteger(value)) return value; // already a count of decimals
  return Math.max(0, Math.round(-Math.log10(value)));
}

export function toVenueInstrument(s: DerivActiveSymbol): VenueInstrument {
  const decimals = decimalsOfPip(s.pip_size) ?? 2;
  return {
    symbol: s.underlying_symbol,
    displayName: s.underlying_symbol_name ?? s.underlying_symbol,
    decimals,
    pipSize: 1 / 10 ** decimals,
    type: s.underlying_symbol_type ?? s.market ?? 'unknown',
    tradingOpen: truthy(s.exchange_is_open) && !truthy(s.is_trading_suspended),
  };
}

export function toTick(t: DerivTick): Tick {
  return { symbol: t.symbol, epochMs: Number(t.epoch) * 1000, quote: Number(t.quote) };
}

export function toCandle(symbol: string, timeframe: Timeframe, c: DerivCandle): Candle {
  const openTimeMs = Number(c.epoch) * 1000;
  return Object.freeze({
    symbol,
    timeframe,
    openTimeMs,
    closeTimeMs: openTimeMs + TIMEFRAME_MS[timeframe],
    open: Number(c.open),
    high: Number(c.high),
    low: Number(c.low),
    close: Number(c.close),
    tickCount: 0, // Deriv's candles carry no tick count
  });
}

/** Adds `app_id` to the socket URL unless it already has one. */
export function withAppId(url: string, appId: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('app_id')) parsed.searchParams.set('app_id', appId);
  return parsed.toString();
}
