import { Module } from '@nestjs/common';
import { MarketsModule } from '../markets/markets.module';
import { TradingModule } from '../trading/trading.module';
import { DeploymentsController } from './deployments.controller';
import { StrategyRunnerService } from './strategy-runner.service';

/** F6 live: deployed strategies run in paper trading through the order management system. */
@Module({ imports: [MarketsModule, TradingModule], controllers: [DeploymentsController], providers: [StrategyRunnerService], exports: [StrategyRunnerService] })
export class StrategiesModule {}
