/** The deployable processes of Meridian. The gateway talks to the other three over Redis. */
export const BACKEND_SERVICES = ['intelligence', 'execution', 'simulation'] as const;
export type BackendService = (typeof BACKEND_SERVICES)[number];
export type ServiceName = 'gateway' | BackendService;
export const ALL_SERVICES: readonly ServiceName[] = ['gateway', ...BACKEND_SERVICES];

/** Default HTTP ports: the gateway's public API, and the services' probe/metrics ports. */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 3000,
  intelligence: 8000,
  execution: 8001,
  simulation: 8002,
};

export function isBackendService(name: string): name is BackendService {
  return (BACKEND_SERVICES as readonly string[]).includes(name);
}
