import { platformVersion, type ServiceDefinition } from '@meridian/service-kit';

/**
 * The simulation service. Its feature modules arrive with their issues; today it answers health and
 * status over the Redis transport, owns its schema, and obeys the platform halt.
 */
export const simulationDefinition: ServiceDefinition = {
  service: 'simulation',
  version: platformVersion(),
  entities: [],
  migrations: [],
  imports: [],
};
