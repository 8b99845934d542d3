import { platformVersion, type ServiceDefinition } from '@meridian/service-kit';
import { HaltEventEntity } from './platform-halt/halt-event.entity';
import { PlatformHaltModule } from './platform-halt/platform-halt.module';
import { CreateHaltEvents1764100000100 } from './migrations/1764100000100-create-halt-events';
import { CreateHistoryImports1764100000300 } from './migrations/1764100000300-create-history-imports';
import { HistoryImportEntity, HistoryImportRowEntity } from './history-import/history-import.entity';
import { HistoryImportModule } from './history-import/history-import.module';
import { CreateMarketData1764100000200 } from './migrations/1764100000200-create-market-data';
import { marketEntities } from './markets/market-data.entities';
import { MarketsModule } from './markets/markets.module';
import { CreateTrading1764100000400 } from './migrations/1764100000400-create-trading';
import { CreateDerivIntents1764100000500 } from './migrations/1764100000500-create-deriv-intents';
import { TradingModule } from './trading/trading.module';
import { CreateDeployments1764100000600 } from './migrations/1764100000600-create-deployments';
import { CreateOrderViews1764100000700 } from './migrations/1764100000700-create-order-views';
import { StrategiesModule } from './strategies/strategies.module';

/** The execution service: venues, market data, orders, risk and positions (see docs/architecture.md). */
export const executionDefinition: ServiceDefinition = {
  service: 'execution',
  version: platformVersion(),
  entities: [HaltEventEntity, ...marketEntities, HistoryImportEntity, HistoryImportRowEntity],
  migrations: [CreateHaltEvents1764100000100, CreateMarketData1764100000200, CreateHistoryImports1764100000300, CreateTrading1764100000400, CreateDerivIntents1764100000500, CreateDeployments1764100000600, CreateOrderViews1764100000700],
  imports: [PlatformHaltModule, MarketsModule, HistoryImportModule, TradingModule, StrategiesModule],
};
