import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { TRADING_PATTERNS, type AccountsResponse, type EquityPoint, type PositionsResponse, type RebalanceResponse, type RiskLimitsResponse, type RiskMetricsResponse } from '@meridian/contracts';
import {
  AccountQueryDto, AccountsResponseDto, EquityPointDto, EquityQueryDto, PositionsResponseDto, RebalanceDto, RebalanceResponseDto, RiskLimitsResponseDto, RiskMetricsQueryDto, RiskMetricsResponseDto, SetRiskLimitsDto,
} from '@meridian/contracts/dto';
import { RequireRole } from '../auth/access.decorators';
import { ServiceClients } from '../services/service-clients';
import { ApiErrors } from '../http/api-docs';

/** Risk metrics read history, and an executed rebalance places one order per symbol: they may take longer than a lookup. */
const COMPUTE_DEADLINE_MS = 10_000;

/** F8 Portfolio: translated to execution's message patterns. */
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly services: ServiceClients) {}

  @Get('accounts')
  @ApiOperation({ summary: 'Your accounts (the paper account, and a Deriv account where configured) with cash, equity and P&L' })
  @ApiOkResponse({ type: AccountsResponseDto })
  accounts() {
    return this.services.send<AccountsResponse>('execution', TRADING_PATTERNS.accounts);
  }

  @Get('positions')
  @ApiOperation({ summary: 'Your account (cash, equity, P&L) and positions marked to live prices' })
  @ApiOkResponse({ type: PositionsResponseDto })
  positions(@Query() q: AccountQueryDto) {
    return this.services.send<PositionsResponse>('execution', TRADING_PATTERNS.positions, q);
  }

  @Get('equity')
  @ApiOperation({ summary: 'The equity curve: samples of equity and cash, oldest first' })
  @ApiOkResponse({ type: [EquityPointDto] })
  equity(@Query() q: EquityQueryDto) {
    return this.services.send<EquityPoint[]>('execution', TRADING_PATTERNS.equity, q);
  }

  @Get('risk-metrics')
  @ApiOperation({ summary: 'Exposure, leverage, weights, volatility, VaR and CVaR (95/99 %, one day), beta, drawdown, Sharpe and Sortino (PerformanceAnalytics conventions)' })
  @ApiOkResponse({ type: RiskMetricsResponseDto })
  riskMetrics(@Query() q: RiskMetricsQueryDto) {
    return this.services.send<RiskMetricsResponse>('execution', TRADING_PATTERNS.riskMetrics, q, COMPUTE_DEADLINE_MS);
  }

  @Get('risk-limits')
  @ApiOperation({ summary: 'Your pre-trade risk limits: the current version of each scope and the audit trail' })
  @ApiOkResponse({ type: RiskLimitsResponseDto })
  riskLimits(@Query() q: AccountQueryDto) {
    return this.services.send<RiskLimitsResponse>('execution', TRADING_PATTERNS.getRiskLimits, q);
  }

  @Post('risk-limits')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: "Set the limits of a scope ('*' = the account, or one symbol): a new version, recorded with who and why" })
  @ApiOkResponse({ type: RiskLimitsResponseDto })
  setRiskLimits(@Body() body: SetRiskLimitsDto) {
    return this.services.send<RiskLimitsResponse>('execution', TRADING_PATTERNS.setRiskLimits, body);
  }

  @Post('rebalance')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Target weights in, the orders that reach them out: a preview, or executed through the risk checks' })
  @ApiOkResponse({ type: RebalanceResponseDto })
  rebalance(@Body() body: RebalanceDto) {
    return this.services.send<RebalanceResponse>('execution', TRADING_PATTERNS.rebalance, body, COMPUTE_DEADLINE_MS);
  }
}
