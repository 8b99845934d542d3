import { Module } from '@nestjs/common';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { MarketsModule } from '../markets/markets.module';
import { AlgoRunnerService } from './algo-runner.service';
import { derivTradingProviders } from './deriv/deriv-trading.providers';
import { TradingEventStore } from './event-store';
import { OrderReadModel } from './order-read-model';
import { PaperVenueService } from './paper-venue.service';
import { PortfolioService } from './portfolio.service';
import { RiskLimitsService } from './risk-limits.service';
import { loadTradingConfig, TRADING_CONFIG } from './trading-config';
import { TradingController } from './trading.controller';
import { TradingEngine } from './trading-engine.service';
import { TradingPublisher } from './trading-publisher';

/** F9 Execution and F8 Portfolio: the order management system, paper venue, algorithms, portfolio. */
@Module({
  imports: [MarketsModule],
  controllers: [TradingController],
  providers: [
    { provide: TRADING_CONFIG, inject: [SERVICE_RUNTIME], useFactory: (runtime: ServiceRuntime) => loadTradingConfig(runtime.env) },
    TradingEventStore,
    OrderReadModel,
    RiskLimitsService,
    TradingPublisher,
    TradingEngine,
    PaperVenueService,
    AlgoRunnerService,
    PortfolioService,
    // Orders of the Deriv account execute on Deriv (deriv/README.md); off without DERIV_API_TOKEN.
    ...derivTradingProviders,
  ],
  exports: [TradingEngine, TradingPublisher],
})
export class TradingModule {}
