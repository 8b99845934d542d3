import { Get, Header, Inject, ServiceUnavailableException, Controller, type Type } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { EVENTS, SYSTEM_PATTERNS, servicePattern, type BackendService, type Envelope, type HaltState } from '@meridian/contracts';
import { HaltStateService } from './halt-state.service';
import { RpcController } from './rpc';
import { SERVICE_RUNTIME } from './tokens';
import type { ServiceRuntime } from './service-runtime';

/**
 * The handlers every backend service has: health and status over the transport (per-service
 * patterns, since a pub/sub request must be answered once), and the halt event.
 */
export function createSystemController(service: BackendService): Type<unknown> {
  @RpcController()
  class SystemMessagesController {
    constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime, private readonly halt: HaltStateService) {}

    @MessagePattern(servicePattern(service, SYSTEM_PATTERNS.health))
    health() {
      return this.runtime.health();
    }

    @MessagePattern(servicePattern(service, SYSTEM_PATTERNS.status))
    status() {
      return this.runtime.status(this.halt.current.halted);
    }

    @EventPattern(EVENTS.haltChanged)
    haltChanged(@Payload() envelope: Envelope<HaltState>) {
      if (envelope?.data && typeof envelope.data.halted === 'boolean') this.halt.apply(envelope.data);
    }
  }
  Object.defineProperty(SystemMessagesController, 'name', { value: `${service}SystemMessagesController` });
  return SystemMessagesController;
}

/** HTTP probes and Prometheus metrics on the service's own port. */
@Controller()
export class ProbesController {
  constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime) {}

  @Get('health/live')
  live() {
    return { status: 'up', service: this.runtime.service, uptimeSec: Math.round(process.uptime()) };
  }

  @Get('health/ready')
  async ready() {
    const dependencies = await this.runtime.dependencies();
    const body = { status: dependencies.every((d) => d.status === 'up') ? 'up' : 'down', service: this.runtime.service, dependencies };
    if (body.status !== 'up') throw new ServiceUnavailableException(body);
    return body;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics() {
    return this.runtime.metrics.registry.metrics();
  }
}
