/**
 * The trading side of the local Deriv protocol server: accounts, proposals and multiplier
 * contracts, with one simple and consistent model so tests can predict every number.
 *
 * - A proposal is priced at the stake (`ask_price` = amount, no commission) and can be bought once.
 * - A contract enters at the symbol's current quote. Its profit at price p is
 *   stake · multiplier · (p / entry − 1), negated for MULTDOWN, rounded to cents.
 * - On every price: profit ≥ take profit → closed `won`; −profit ≥ stop loss → closed `lost`;
 *   −profit ≥ stake (stop out) → closed `lost` for 0. A closed contract is credited stake + profit.
 * - `sell` closes at the current quote (status `sold`) if the bid is at least the `price` given.
 * Money is decimal.js throughout; it goes on the wire as JSON numbers, as Deriv sends it.
 */
import Decimal from 'decimal.js';

export type ProtocolContractType = 'MULTUP' | 'MULTDOWN';
export type ProtocolContractStatus = 'open' | 'sold' | 'won' | 'lost';

export interface ProtocolTradingAccount {
  accountId: string;
  type: 'demo' | 'real';
  currency: string;
  /** Decimal string. */
  balance: string;
}

export interface ProtocolContract {
  contractId: number;
  accountId: string;
  symbol: string;
  contractType: ProtocolContractType;
  currency: string;
  stake: Decimal;
  multiplier: number;
  entrySpot: number;
  purchaseTime: number;
  buyTransactionId: number;
  takeProfit: Decimal | null;
  stopLoss: Decimal | null;
  currentSpot: number;
  currentSpotTime: number;
  status: ProtocolContractStatus;
  sellPrice?: Decimal;
  sellTime?: number;
  sellTransactionId?: number;
}

interface Proposal {
  id: string;
  accountId: string | null;
  symbol: string;
  contractType: ProtocolContractType;
  currency: string;
  stake: Decimal;
  multiplier: number;
  takeProfit: Decimal | null;
  stopLoss: Decimal | null;
}

export interface ProtocolError {
  code: string;
  message: string;
}

export type BookResult<T> = { ok: T } | { error: ProtocolError };

const CONTRACT_TYPES: readonly string[] = ['MULTUP', 'MULTDOWN'];

function err(code: string, message: string): { error: ProtocolError } {
  return { error: { code, message } };
}

/** A positive decimal from a JSON number or string, or null if it is not one. */
function positiveDecimal(value: unknown): Decimal | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  try {
    const d = new Decimal(value);
    return d.isFinite() && d.gt(0) ? d : null;
  } catch {
    return null;
  }
}

const money = (d: Decimal): number => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

export class ProtocolContractBook {
  private readonly accounts = new Map<string, { account: ProtocolTradingAccount; balance: Decimal }>();
  private readonly proposals = new Map<string, Proposal>();
  private readonly contracts = new Map<number, ProtocolContract>();
  private nextProposal = 1;
  private nextContractId = 250_000_001;
  private nextTransactionId = 500_000_001;

  constructor(accounts: readonly ProtocolTradingAccount[]) {
    for (const account of accounts) this.accounts.set(account.accountId, { account, balance: new Decimal(account.balance) });
  }

  account(accountId: string): ProtocolTradingAccount | undefined {
    const entry = this.accounts.get(accountId);
    return entry && { ...entry.account, balance: entry.balance.toFixed(2) };
  }

  contract(contractId: number): ProtocolContract | undefined {
    return this.contracts.get(contractId);
  }

  /** The symbol a pending proposal prices (the buy enters at that symbol's quote). */
  proposalSymbol(proposalId: string): string | undefined {
    return this.proposals.get(proposalId)?.symbol;
  }

  openContracts(accountId?: string): ProtocolContract[] {
    return [...this.contracts.values()].filter((c) => c.status === 'open' && (accountId === undefined || c.accountId === accountId));
  }

  /** `accountId` null: a public connection, which may price but not buy. */
  propose(accountId: string | null, body: Record<string, unknown>, spot: number, spotTime: number): BookResult<Record<string, unknown>> {
    const symbol = String(body.underlying_symbol ?? '');
    const contractType = String(body.contract_type ?? '');
    if (!CONTRACT_TYPES.includes(contractType)) return err('InputValidationFailed', `Contract type ${contractType} is not offered by this server (MULTUP, MULTDOWN).`);
    if (body.basis !== 'stake') return err('InputValidationFailed', 'Multipliers are priced by stake: basis must be "stake".');
    const stake = positiveDecimal(body.amount);
    if (!stake) return err('InputValidationFailed', 'Amount must be a positive number.');
    const multiplier = Number(body.multiplier);
    if (!Number.isInteger(multiplier) || multiplier <= 0) return err('InputValidationFailed', 'Multiplier must be a positive integer.');
    const currency = String(body.currency ?? '');
    const accountCurrency = accountId ? this.accounts.get(accountId)?.account.currency : undefined;
    if (accountCurrency && currency !== accountCurrency) return err('InvalidCurrency', `This account trades in ${accountCurrency}, not ${currency}.`);
    const limits = (body.limit_order ?? {}) as Record<string, unknown>;
    const takeProfit = limits.take_profit === undefined || limits.take_profit === null ? null : positiveDecimal(limits.take_profit);
    const stopLoss = limits.stop_loss === undefined || limits.stop_loss === null ? null : positiveDecimal(limits.stop_loss);
    if ((limits.take_profit != null && !takeProfit) || (limits.stop_loss != null && !stopLoss)) return err('InputValidationFailed', 'Take profit and stop loss must be positive amounts.');
    if (stopLoss && stopLoss.gt(stake)) return err('InputValidationFailed', `Stop loss cannot be more than the stake (${stake.toFixed(2)}).`);
    const proposal: Proposal = { id: `prop-${this.nextProposal++}`, accountId, symbol, contractType: contractType as ProtocolContractType, currency, stake, multiplier, takeProfit, stopLoss };
    this.proposals.set(proposal.id, proposal);
    return {
      ok: {
        id: proposal.id,
        ask_price: money(stake),
        commission: 0,
        payout: 0,
        spot,
        spot_time: spotTime,
        date_start: spotTime,
        multiplier,
        display_value: stake.toFixed(2),
        longcode: `Win ${multiplier}x your stake for every 1% ${contractType === 'MULTUP' ? 'rise' : 'fall'} in ${symbol}.`,
        limit_order: this.limitOrderBody(takeProfit, stopLoss, stake, spotTime),
      },
    };
  }

  buy(accountId: string, proposalId: string, maxPrice: unknown, spot: number, now: number): BookResult<Record<string, unknown>> {
    const proposal = this.proposals.get(proposalId);
    if (!proposal || (proposal.accountId !== null && proposal.accountId !== accountId)) return err('InvalidContractProposal', 'Proposal does not exist or has expired.');
    const price = positiveDecimal(maxPrice);
    if (!price || price.lt(proposal.stake)) return err('PriceMoved', `The price ${String(maxPrice)} is below the ask price ${proposal.stake.toFixed(2)}.`);
    const entry = this.accounts.get(accountId);
    if (!entry) return err('AuthorizationRequired', 'Please log in.');
    if (entry.balance.lt(proposal.stake)) return err('InsufficientBalance', `Your account balance (${entry.balance.toFixed(2)} ${entry.account.currency}) is insufficient to buy this contract (${proposal.stake.toFixed(2)}).`);
    this.proposals.delete(proposalId); // a proposal is bought at most once
    entry.balance = entry.balance.minus(proposal.stake);
    const contract: ProtocolContract = {
      contractId: this.nextContractId++,
      accountId,
      symbol: proposal.symbol,
      contractType: proposal.contractType,
      currency: proposal.currency,
      stake: proposal.stake,
      multiplier: proposal.multiplier,
      entrySpot: spot,
      purchaseTime: now,
      buyTransactionId: this.nextTransactionId++,
      takeProfit: proposal.takeProfit,
      stopLoss: proposal.stopLoss,
      currentSpot: spot,
      currentSpotTime: now,
      status: 'open',
    };
    this.contracts.set(contract.contractId, contract);
    return {
      ok: {
        balance_after: money(entry.balance),
        buy_price: money(contract.stake),
        contract_id: contract.contractId,
        longcode: this.longcode(contract),
        payout: 0,
        purchase_time: now,
        shortcode: this.shortcode(contract),
        start_time: now,
        transaction_id: contract.buyTransactionId,
      },
    };
  }

  /** `take_profit` / `stop_loss`: absent keeps the order, null cancels it. */
  update(accountId: string, contractId: number, limitOrder: Record<string, unknown>, now: number): BookResult<Record<string, unknown>> {
    const contract = this.owned(accountId, contractId);
    if ('error' in contract) return contract;
    const c = contract.ok;
    if (c.status !== 'open') return err('ContractIsSold', 'This contract has been sold.');
    let takeProfit = c.takeProfit;
    let stopLoss = c.stopLoss;
    if ('take_profit' in limitOrder) {
      takeProfit = limitOrder.take_profit === null ? null : positiveDecimal(limitOrder.take_profit);
      if (limitOrder.take_profit !== null && !takeProfit) return err('InputValidationFailed', 'Take profit must be a positive amount.');
    }
    if ('stop_loss' in limitOrder) {
      stopLoss = limitOrder.stop_loss === null ? null : positiveDecimal(limitOrder.stop_loss);
      if (limitOrder.stop_loss !== null && !stopLoss) return err('InputValidationFailed', 'Stop loss must be a positive amount.');
      if (stopLoss && stopLoss.gt(c.stake)) return err('InputValidationFailed', `Stop loss cannot be more than the stake (${c.stake.toFixed(2)}).`);
    }
    c.takeProfit = takeProfit;
    c.stopLoss = stopLoss;
    const body = this.limitOrderBody(takeProfit, stopLoss, c.stake, now);
    return { ok: { take_profit: body.take_profit ?? {}, stop_loss: body.stop_loss ?? {} } };
  }

  sell(accountId: string, contractId: number, minPrice: unknown, now: number): BookResult<Record<string, unknown>> {
    const contract = this.owned(accountId, contractId);
    if ('error' in contract) return contract;
    const c = contract.ok;
    if (c.status !== 'open') return err('ContractIsSold', 'This contract has been sold.');
    const bid = this.bid(c);
    const min = new Decimal(Number(minPrice) || 0);
    if (bid.lt(min)) return err('PriceMoved', `The contract is worth ${bid.toFixed(2)}, below the price ${min.toFixed(2)} asked for.`);
    this.close(c, 'sold', bid, now);
    return {
      ok: {
        balance_after: money(this.accounts.get(accountId)?.balance ?? new Decimal(0)),
        contract_id: c.contractId,
        reference_id: c.buyTransactionId,
        sold_for: money(bid),
        transaction_id: c.sellTransactionId,
      },
    };
  }

  portfolio(accountId: string): Array<Record<string, unknown>> {
    return this.openContracts(accountId).map((c) => ({
      app_id: 1,
      buy_price: money(c.stake),
      contract_id: c.contractId,
      contract_type: c.contractType,
      currency: c.currency,
      date_start: c.purchaseTime,
      expiry_time: c.purchaseTime + 365 * 86_400, // multipliers do not expire; Deriv still reports a far expiry
      longcode: this.longcode(c),
      payout: 0,
      purchase_time: c.purchaseTime,
      shortcode: this.shortcode(c),
      transaction_id: c.buyTransactionId,
      underlying_symbol: c.symbol,
    }));
  }

  openContractBody(accountId: string, contractId: number): BookResult<Record<string, unknown>> {
    const contract = this.owned(accountId, contractId);
    if ('error' in contract) return contract;
    return { ok: this.describe(contract.ok) };
  }

  /**
   * A new quote for a symbol: re-values its open contracts and closes those whose take profit,
   * stop loss or stop out is reached. Returns the contracts that were open before the quote.
   */
  onPrice(symbol: string, quote: number, epoch: number): ProtocolContract[] {
    const touched = [...this.contracts.values()].filter((c) => c.symbol === symbol && c.status === 'open');
    for (const c of touched) {
      c.currentSpot = quote;
      c.currentSpotTime = epoch;
      const profit = this.profit(c);
      if (c.takeProfit && profit.gte(c.takeProfit)) this.close(c, 'won', c.stake.plus(profit), epoch);
      else if (profit.negated().gte(c.stake)) this.close(c, 'lost', new Decimal(0), epoch);
      else if (c.stopLoss && profit.negated().gte(c.stopLoss)) this.close(c, 'lost', c.stake.plus(profit), epoch);
    }
    return touched;
  }

  /** The proposal_open_contract body of a contract. */
  describe(c: ProtocolContract): Record<string, unknown> {
    const profit = c.status === 'open' ? this.profit(c) : (c.sellPrice as Decimal).minus(c.stake);
    const bid = c.status === 'open' ? this.bid(c) : (c.sellPrice as Decimal);
    const sold = c.status !== 'open';
    return {
      contract_id: c.contractId,
      contract_type: c.contractType,
      currency: c.currency,
      underlying_symbol: c.symbol,
      buy_price: money(c.stake),
      bid_price: money(bid),
      current_spot: c.currentSpot,
      current_spot_time: c.currentSpotTime,
      entry_spot: c.entrySpot,
      entry_tick_time: c.purchaseTime,
      date_start: c.purchaseTime,
      purchase_time: c.purchaseTime,
      multiplier: c.multiplier,
      limit_order: this.limitOrderBody(c.takeProfit, c.stopLoss, c.stake, c.purchaseTime),
      profit: money(profit),
      profit_percentage: money(profit.div(c.stake).times(100)),
      is_sold: sold ? 1 : 0,
      is_valid_to_sell: sold ? 0 : 1,
      status: c.status,
      longcode: this.longcode(c),
      shortcode: this.shortcode(c),
      transaction_ids: { buy: c.buyTransactionId, ...(c.sellTransactionId ? { sell: c.sellTransactionId } : {}) },
      ...(sold ? { sell_price: money(c.sellPrice as Decimal), sell_time: c.sellTime, exit_spot: c.currentSpot, exit_spot_time: c.sellTime } : {}),
    };
  }

  private owned(accountId: string, contractId: number): BookResult<ProtocolContract> {
    const c = this.contracts.get(contractId);
    if (!c || c.accountId !== accountId) return err('ContractNotFound', `Contract ${contractId} not found for this account.`);
    return { ok: c };
  }

  private profit(c: ProtocolContract): Decimal {
    const move = new Decimal(c.currentSpot).div(c.entrySpot).minus(1);
    const raw = c.stake.times(c.multiplier).times(move);
    const signed = c.contractType === 'MULTUP' ? raw : raw.negated();
    return Decimal.max(signed, c.stake.negated()).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  }

  private bid(c: ProtocolContract): Decimal {
    return Decimal.max(c.stake.plus(this.profit(c)), 0);
  }

  private close(c: ProtocolContract, status: ProtocolContractStatus, sellPrice: Decimal, when: number): void {
    const price = Decimal.max(sellPrice, 0).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    c.status = status;
    c.sellPrice = price;
    c.sellTime = when;
    c.sellTransactionId = this.nextTransactionId++;
    const entry = this.accounts.get(c.accountId);
    if (entry) entry.balance = entry.balance.plus(price);
  }

  /** Deriv reports the stop loss and the stop out as negative amounts (losses). */
  private limitOrderBody(takeProfit: Decimal | null, stopLoss: Decimal | null, stake: Decimal, orderDate: number): Record<string, Record<string, unknown>> {
    return {
      ...(takeProfit ? { take_profit: { display_name: 'Take profit', order_amount: money(takeProfit), order_date: orderDate } } : {}),
      ...(stopLoss ? { stop_loss: { display_name: 'Stop loss', order_amount: -money(stopLoss), order_date: orderDate } } : {}),
      stop_out: { display_name: 'Stop out', order_amount: -money(stake), order_date: orderDate },
    };
  }

  private longcode(c: ProtocolContract): string {
    return `Win ${c.multiplier}x your stake for every 1% ${c.contractType === 'MULTUP' ? 'rise' : 'fall'} in ${c.symbol}.`;
  }

  private shortcode(c: ProtocolContract): string {
    return `${c.contractType}_${c.symbol}_${c.stake.toFixed(2)}_${c.multiplier}_${c.purchaseTime}_0_0.00_N1`;
  }
}
