import { platformVersion, type ServiceDefinition } from '@meridian/service-kit';
import { HaltEventEntity } from './platform-halt/halt-event.entity';
import { PlatformHaltModule } from './platform-halt/platform-halt.module';
import { CreateHaltEvents1764100000100 } from './migrations/1764100000100-create-halt-events';

/** The execution service: venues, market data, orders, risk and positions (see docs/architecture.md). */
export const executionDefinition: ServiceDefinition = {
  service: 'execution',
  version: platformVersion(),
  entities: [HaltEventEntity],
  migrations: [CreateHaltEvents1764100000100],
  imports: [PlatformHaltModule],
};
