/**
 * Wire shapes of Deriv's trading calls (authenticated options socket) and their mapping to the
 * adapter's types. Deriv's new API sends many amounts as `number | string`, so every amount is
 * read through {@link decimalText}; a reply missing a field the adapter needs is an
 * `InvalidResponse` error rather than a silent `undefined`.
 */
import Decimal from 'decimal.js';
import { DerivApiError, DerivMessage } from './deriv-protocol';
import { ContractState, decimalText, directionOfContractType, VenueContract } from './deriv-trading-types';

type Amount = number | string;

export interface DerivLimitOrderEntry {
  display_name?: string;
  /** Money; Deriv reports stop loss and stop out as negative amounts (losses). */
  order_amount?: Amount | null;
  order_date?: number;
  value?: Amount;
}

export interface DerivLimitOrder {
  take_profit?: DerivLimitOrderEntry;
  stop_loss?: DerivLimitOrderEntry;
  stop_out?: DerivLimitOrderEntry;
}

export interface DerivProposal {
  id: string;
  ask_price: Amount;
  spot?: Amount;
  spot_time?: number;
  commission?: Amount;
  multiplier?: number;
  limit_order?: DerivLimitOrder;
}

export interface DerivBuyReceipt {
  contract_id: number;
  buy_price: Amount;
  purchase_time: number | string;
  start_time?: number | string;
  transaction_id: number;
  balance_after?: Amount;
  longcode?: string;
  shortcode?: string;
}

export interface DerivSellReceipt {
  contract_id?: number;
  sold_for?: Amount;
  balance_after?: Amount;
  transaction_id?: number;
  reference_id?: number;
}

export interface DerivPortfolioContract {
  contract_id: number;
  contract_type: string;
  currency: string;
  buy_price: Amount;
  purchase_time: number | string;
  underlying_symbol: string;
  transaction_id?: number;
  date_start?: number;
  expiry_time?: number;
  longcode?: string;
  payout?: Amount;
  app_id?: number;
}

export interface DerivOpenContract {
  contract_id: number;
  contract_type: string;
  currency: string;
  underlying_symbol?: string;
  buy_price?: Amount;
  bid_price?: Amount;
  profit?: Amount;
  entry_spot?: Amount;
  current_spot?: Amount;
  multiplier?: Amount;
  limit_order?: DerivLimitOrder;
  is_sold?: number | boolean;
  status?: string;
  purchase_time?: number | string;
  date_start?: number;
  sell_price?: Amount | null;
  sell_time?: number | string;
}

function invalid(msgType: string, what: string): DerivApiError {
  return new DerivApiError('InvalidResponse', what, msgType);
}

/** The object a reply carries under its msg_type (`reply.buy`, `reply.proposal` …). */
export function replyBody<T>(reply: DerivMessage, key: string): T {
  const body = reply[key];
  if (body === null || typeof body !== 'object') throw invalid(key, `the answer has no "${key}" object`);
  return body as T;
}

export function readProposal(reply: DerivMessage): { id: string; askPrice: string; spot?: string } {
  const p = replyBody<DerivProposal>(reply, 'proposal');
  const askPrice = decimalText(p.ask_price);
  if (typeof p.id !== 'string' || p.id === '' || askPrice === undefined) throw invalid('proposal', 'the proposal has no id or ask_price');
  return { id: p.id, askPrice, spot: decimalText(p.spot) };
}

export interface BuyReceipt {
  contractId: string;
  buyPrice: string;
  purchaseTimeMs: number;
  transactionId: string;
  balanceAfter?: string;
}

export function readBuyReceipt(reply: DerivMessage): BuyReceipt {
  const b = replyBody<DerivBuyReceipt>(reply, 'buy');
  const buyPrice = decimalText(b.buy_price);
  const purchase = Number(b.purchase_time ?? b.start_time);
  if (b.contract_id === undefined || b.contract_id === null || buyPrice === undefined || !Number.isFinite(purchase)) {
    throw invalid('buy', 'the buy receipt has no contract_id, buy_price or purchase_time');
  }
  return {
    contractId: String(b.contract_id),
    buyPrice,
    purchaseTimeMs: purchase * 1000,
    transactionId: String(b.transaction_id),
    balanceAfter: decimalText(b.balance_after),
  };
}

export function readSellReceipt(reply: DerivMessage): { soldFor: string; balanceAfter?: string; transactionId?: string } {
  const s = replyBody<DerivSellReceipt>(reply, 'sell');
  const soldFor = decimalText(s.sold_for);
  if (soldFor === undefined) throw invalid('sell', 'the sell receipt has no sold_for');
  return { soldFor, balanceAfter: decimalText(s.balance_after), transactionId: s.transaction_id === undefined ? undefined : String(s.transaction_id) };
}

/** A limit order amount as a positive decimal string; null when there is none. */
export function limitAmount(entry: DerivLimitOrderEntry | undefined): string | null {
  const text = decimalText(entry?.order_amount);
  return text === undefined ? null : new Decimal(text).abs().toFixed();
}

export function readUpdatedLimits(reply: DerivMessage): { takeProfit: string | null; stopLoss: string | null } {
  const u = replyBody<DerivLimitOrder>(reply, 'contract_update');
  return { takeProfit: limitAmount(u.take_profit), stopLoss: limitAmount(u.stop_loss) };
}

export function toVenueContract(c: DerivPortfolioContract): VenueContract {
  return {
    contractId: String(c.contract_id),
    symbol: c.underlying_symbol,
    contractType: c.contract_type,
    direction: directionOfContractType(c.contract_type),
    currency: c.currency,
    buyPrice: decimalText(c.buy_price) ?? '0',
    purchaseTimeMs: Number(c.purchase_time) * 1000,
    transactionId: c.transaction_id === undefined ? undefined : String(c.transaction_id),
  };
}

export function readPortfolio(reply: DerivMessage): VenueContract[] {
  const body = replyBody<{ contracts?: DerivPortfolioContract[] }>(reply, 'portfolio');
  if (!Array.isArray(body.contracts)) throw invalid('portfolio', 'the portfolio has no contracts list');
  return body.contracts.filter((c) => c && c.contract_id !== undefined && typeof c.underlying_symbol === 'string').map(toVenueContract);
}

export function toContractState(c: DerivOpenContract): ContractState {
  const multiplier = Number(c.multiplier);
  const purchase = Number(c.purchase_time ?? c.date_start);
  const sellTime = Number(c.sell_time);
  return {
    contractId: String(c.contract_id),
    symbol: c.underlying_symbol ?? '',
    contractType: c.contract_type,
    direction: directionOfContractType(c.contract_type),
    currency: c.currency,
    status: c.status ?? (c.is_sold ? 'sold' : 'open'),
    isSold: c.is_sold === 1 || c.is_sold === true,
    buyPrice: decimalText(c.buy_price) ?? '0',
    bidPrice: decimalText(c.bid_price),
    profit: decimalText(c.profit),
    entrySpot: decimalText(c.entry_spot),
    currentSpot: decimalText(c.current_spot),
    multiplier: Number.isFinite(multiplier) && multiplier > 0 ? multiplier : undefined,
    takeProfit: limitAmount(c.limit_order?.take_profit),
    stopLoss: limitAmount(c.limit_order?.stop_loss),
    stopOut: limitAmount(c.limit_order?.stop_out),
    purchaseTimeMs: Number.isFinite(purchase) ? purchase * 1000 : undefined,
    sellPrice: decimalText(c.sell_price),
    sellTimeMs: Number.isFinite(sellTime) ? sellTime * 1000 : undefined,
  };
}

export function readOpenContract(reply: DerivMessage): ContractState {
  const body = replyBody<DerivOpenContract>(reply, 'proposal_open_contract');
  if (body.contract_id === undefined || body.contract_id === null) throw invalid('proposal_open_contract', 'the answer names no contract_id');
  return toContractState(body);
}
