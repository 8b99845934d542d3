import { platformVersion, type ServiceDefinition } from '@meridian/service-kit';

/**
 * The intelligence service. Its feature modules arrive with their issues; today it answers health and
 * status over the Redis transport, owns its schema, and obeys the platform halt.
 */
export const intelligenceDefinition: ServiceDefinition = {
  service: 'intelligence',
  version: platformVersion(),
  entities: [],
  migrations: [],
  imports: [],
};
