import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { BACKEND_SERVICES, type BackendService, type RequestContext } from '@meridian/contracts';
import { ServiceClient } from '@meridian/messaging';
import { currentContext, newRequestId } from '@meridian/observability';
import { createTransportClient } from '@meridian/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../core/gateway.config';
import { RuntimeConfigService } from '../system/config/runtime-config.service';

/** One Redis-transport client per backend service, each with its deadline and circuit breaker. */
@Injectable()
export class ServiceClients implements OnModuleInit, OnApplicationShutdown {
  private readonly clients = new Map<BackendService, ServiceClient>();

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig, runtimeConfig: RuntimeConfigService) {
    for (const service of BACKEND_SERVICES) {
      const proxy = createTransportClient(config);
      this.clients.set(service, new ServiceClient(service, proxy, () => runtimeConfig.current.transport.timeoutMs));
    }
  }

  async onModuleInit(): Promise<void> {
    // Connecting is lazy in Nest; connecting up front keeps the first request fast.
    await Promise.all([...this.clients.values()].map((c) => c.connect().catch(() => undefined)));
  }

  get(service: BackendService): ServiceClient {
    return this.clients.get(service)!;
  }

  all(): ServiceClient[] {
    return [...this.clients.values()];
  }

  /** Sends within the current request's context (request id and principal travel along). */
  send<T>(service: BackendService, pattern: string, data: unknown = {}, deadlineMs?: number): Promise<T> {
    return this.get(service).send<T>(pattern, data, contextForHop(), deadlineMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.all().map((c) => c.close()));
  }
}

export function contextForHop(): RequestContext {
  const ctx = currentContext();
  return ctx ? { requestId: ctx.requestId, principal: ctx.principal } : { requestId: newRequestId() };
}
