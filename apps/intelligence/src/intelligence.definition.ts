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
  // Scaled by replicas (see k8s/base/intelligence/hpa.yaml): every request is claimed by one.
  replicated: true,
};
