import { ALL_SERVICES, DEFAULT_PORTS, type ServiceName } from '@meridian/contracts';

/** What the deployment files must agree with about each process (ports come from the contracts). */
export interface ServiceSpec {
  name: ServiceName;
  port: number;
  live: string;
  ready: string;
  /** Scaled by a HorizontalPodAutoscaler (BullMQ workers). */
  autoscaled: boolean;
  /** Must never run as two pods at once (the Redis transport delivers every request to every replica). */
  singleton: boolean;
  /** Keys it reads from the Secret meridian-secrets; `optional` ones may be absent from it. */
  secrets: { required: string[]; optional: string[] };
}

const probePaths = (name: ServiceName) =>
  name === 'gateway' ? { live: '/api/health/live', ready: '/api/health/ready' } : { live: '/health/live', ready: '/health/ready' };

const SECRETS: Record<ServiceName, ServiceSpec['secrets']> = {
  // JWT_SECRET and ADMIN_PASSWORD have fallbacks in the gateway (generated, kept in its database / logged once).
  gateway: { required: ['DATABASE_URL', 'REDIS_URL'], optional: ['JWT_SECRET', 'ADMIN_PASSWORD'] },
  intelligence: { required: ['DATABASE_URL', 'REDIS_URL', 'NEO4J_PASSWORD'], optional: ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'PINECONE_API_KEY'] },
  execution: { required: ['DATABASE_URL', 'REDIS_URL'], optional: ['DERIV_API_TOKEN'] },
  simulation: { required: ['DATABASE_URL', 'REDIS_URL'], optional: [] },
};

export const SERVICES: ServiceSpec[] = ALL_SERVICES.map((name) => ({
  name,
  port: DEFAULT_PORTS[name],
  ...probePaths(name),
  autoscaled: name === 'intelligence' || name === 'simulation',
  singleton: name === 'execution',
  secrets: SECRETS[name],
}));

export const SECRET_NAME = 'meridian-secrets';

/** Environment variables that hold credentials: they may only come from a secretKeyRef. */
export const SECRET_ENV = /(SECRET|PASSWORD|TOKEN|API_KEY|DATABASE_URL|REDIS_URL)$/;
