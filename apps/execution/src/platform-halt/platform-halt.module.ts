import { Module } from '@nestjs/common';
import { StrategiesModule } from '../strategies/strategies.module';
import { TradingModule } from '../trading/trading.module';
import { PlatformHaltController } from './platform-halt.controller';
import { PlatformHaltService } from './platform-halt.service';

@Module({ imports: [TradingModule, StrategiesModule], controllers: [PlatformHaltController], providers: [PlatformHaltService] })
export class PlatformHaltModule {}
