import { NotFoundException } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TRADING_PATTERNS, type AccountsResponse, type OrderView, type Page, type RequestContext } from '@meridian/contracts';
import {
  AccountQueryDto,
  AmendOrderDto,
  CancelOrdersDto,
  CreateOrderDto,
  EquityQueryDto,
  FillsQueryDto,
  OrderIdParamDto,
  OrderStatusQueryDto,
  RebalanceDto,
  RiskMetricsQueryDto,
  SetRiskLimitsDto,
} from '@meridian/contracts/dto';
import { RpcController } from '@meridian/service-kit';
import { isOpen } from '@meridian/trading';
import { OrderReadModel } from './order-read-model';
import { PortfolioService } from './portfolio.service';
import { RiskLimitsService } from './risk-limits.service';
import { TradingEngine } from './trading-engine.service';

/** F9 Execution and F8 Portfolio over the transport: translate, delegate. */
@RpcController()
export class TradingController {
  constructor(
    private readonly engine: TradingEngine,
    private readonly readModel: OrderReadModel,
    private readonly portfolio: PortfolioService,
    private readonly limits: RiskLimitsService,
  ) {}

  @MessagePattern(TRADING_PATTERNS.createOrder)
  create(@Payload('data') dto: CreateOrderDto, @Payload('ctx') ctx: RequestContext) {
    return this.engine.createOrder(dto, ctx);
  }

  @MessagePattern(TRADING_PATTERNS.orderStatus)
  async status(@Payload('data') q: OrderStatusQueryDto, @Payload('ctx') ctx: RequestContext): Promise<Page<OrderView>> {
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const account = this.engine.findAccount(ctx, q.accountId);
    if (!account) return { items: [], total: 0, limit, offset };
    if (q.id || q.clientOrderId) {
      const one = q.id ? await this.engine.findOrderView(q.id) : await this.engine.findOrderViewByClientId(account.id, q.clientOrderId as string);
      if (!one || one.accountId !== account.id) throw new NotFoundException(`No order ${q.id ?? q.clientOrderId} in this account`);
      return { items: [one], total: 1, limit, offset };
    }
    const status = q.status ?? 'open';
    const state = this.engine.state;
    const parent = q.parentId ? state.orders.get(q.parentId) : undefined;
    // Open orders, and the children of an algorithm still in memory, are all in memory; the rest
    // of the history is in the read model.
    if (status !== 'open' && !parent) {
      const page = await this.readModel.list({ accountId: account.id, status, symbol: q.symbol, side: q.side, parentId: q.parentId, role: q.role, tag: q.tag, limit, offset });
      return { ...page, limit, offset };
    }
    const pool = parent ? state.childrenOf(parent.id).filter((o) => o.accountId === account.id) : q.parentId ? [] : state.openOrders({ accountId: account.id });
    const orders = pool.filter(
      (o) =>
        (status === 'all' || (status === 'open' ? isOpen(o) : o.status === status)) &&
        (!q.symbol || o.symbol === q.symbol) &&
        (!q.side || o.side === q.side) &&
        (!q.role || o.role === q.role) &&
        (!q.tag || o.tag === q.tag),
    );
    orders.sort((a, b) => b.createdAt - a.createdAt || b.version - a.version);
    return { items: orders.slice(offset, offset + limit).map((o) => this.engine.view(o)), total: orders.length, limit, offset };
  }

  @MessagePattern(TRADING_PATTERNS.getOrder)
  async get(@Payload('data') p: OrderIdParamDto, @Payload('ctx') ctx: RequestContext) {
    const order = await this.engine.findOrderView(p.id);
    const account = order && this.engine.state.accounts.get(order.accountId);
    if (!order || !account || (account.ownerId !== ctx.principal?.userId && ctx.principal?.role !== 'admin')) throw new NotFoundException(`No order ${p.id} of yours`);
    return order;
  }

  @MessagePattern(TRADING_PATTERNS.amendOrder)
  amend(@Payload('data') dto: AmendOrderDto, @Payload('ctx') ctx: RequestContext) {
    return this.engine.amend(dto, ctx);
  }

  @MessagePattern(TRADING_PATTERNS.cancel)
  cancel(@Payload('data') dto: CancelOrdersDto, @Payload('ctx') ctx: RequestContext) {
    return this.engine.cancel(dto, ctx);
  }

  @MessagePattern(TRADING_PATTERNS.fills)
  fills(@Payload('data') q: FillsQueryDto, @Payload('ctx') ctx: RequestContext) {
    return this.portfolio.fills(ctx, q);
  }

  @MessagePattern(TRADING_PATTERNS.accounts)
  accounts(@Payload('ctx') ctx: RequestContext): AccountsResponse {
    const owner = ctx.principal?.userId;
    const mine = [...this.engine.state.accounts.values()].filter((a) => a.ownerId === owner || ctx.principal?.role === 'admin');
    return { accounts: mine.map((a) => ({ ...this.portfolio.accountView(a), venue: a.venue })) };
  }

  @MessagePattern(TRADING_PATTERNS.positions)
  positions(@Payload('data') q: AccountQueryDto, @Payload('ctx') ctx: RequestContext) {
    return this.portfolio.positions(ctx, q.accountId);
  }

  @MessagePattern(TRADING_PATTERNS.equity)
  equity(@Payload('data') q: EquityQueryDto, @Payload('ctx') ctx: RequestContext) {
    return this.portfolio.equityCurve(ctx, q);
  }

  @MessagePattern(TRADING_PATTERNS.riskMetrics)
  riskMetrics(@Payload('data') q: RiskMetricsQueryDto, @Payload('ctx') ctx: RequestContext) {
    return this.portfolio.riskMetrics(ctx, q);
  }

  @MessagePattern(TRADING_PATTERNS.getRiskLimits)
  async getLimits(@Payload('data') q: AccountQueryDto, @Payload('ctx') ctx: RequestContext) {
    const account = await this.engine.resolveAccount(ctx, q.accountId);
    return this.limits.describe(account.id);
  }

  @MessagePattern(TRADING_PATTERNS.setRiskLimits)
  async setLimits(@Payload('data') dto: SetRiskLimitsDto, @Payload('ctx') ctx: RequestContext) {
    const account = await this.engine.resolveAccount(ctx, dto.accountId);
    return this.limits.set(account.id, dto.symbol ?? '*', dto.limits, ctx.principal?.userId ?? 'unknown', dto.reason ?? null);
  }

  @MessagePattern(TRADING_PATTERNS.rebalance)
  rebalance(@Payload('data') dto: RebalanceDto, @Payload('ctx') ctx: RequestContext) {
    return this.portfolio.rebalance(ctx, dto);
  }
}
