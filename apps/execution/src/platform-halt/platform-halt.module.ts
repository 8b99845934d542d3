import { Module } from '@nestjs/common';
import { TradingModule } from '../trading/trading.module';
import { PlatformHaltController } from './platform-halt.controller';
import { PlatformHaltService } from './platform-halt.service';

@Module({ imports: [TradingModule], controllers: [PlatformHaltController], providers: [PlatformHaltService] })
export class PlatformHaltModule {}
