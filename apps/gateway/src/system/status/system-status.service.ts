import { Inject, Injectable } from '@nestjs/common';
import { BACKEND_SERVICES, SYSTEM_PATTERNS, servicePattern, type BackendService, type ServiceStatus, type SystemStatus } from '@meridian/contracts';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { ServiceClients } from '../../services/service-clients';
import { RuntimeConfigService } from '../config/runtime-config.service';
import { PlatformHaltService } from '../halt/platform-halt.service';
import { MaintenanceService } from '../maintenance/maintenance.service';

/** Asks every service for its status; one that does not answer is listed as unreachable, with why. */
@Injectable()
export class SystemStatusService {
  constructor(
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    private readonly services: ServiceClients,
    private readonly halt: PlatformHaltService,
    private readonly maintenance: MaintenanceService,
    private readonly config: RuntimeConfigService,
  ) {}

  async status(): Promise<SystemStatus> {
    const services = await Promise.all([this.runtime.status(this.halt.current.halted), ...BACKEND_SERVICES.map((s) => this.serviceStatus(s))]);
    return {
      platform: {
        version: this.runtime.version,
        environment: this.runtime.config.nodeEnv,
        halt: this.halt.current,
        maintenance: this.maintenance.current,
        configVersion: this.config.currentVersion,
      },
      services,
    };
  }

  async serviceStatus(service: BackendService): Promise<ServiceStatus> {
    try {
      return await this.services.send<ServiceStatus>(service, servicePattern(service, SYSTEM_PATTERNS.status));
    } catch (err) {
      return {
        service, reachable: false, version: null, nodeVersion: null, pid: null, startedAt: null, uptimeSec: null,
        backing: [], queues: [], halted: null, error: (err as Error).message,
      };
    }
  }

  /** One service, strictly: 503 when it cannot be reached (integrators can tell down from empty). */
  strictServiceStatus(service: BackendService): Promise<ServiceStatus> {
    return this.services.send<ServiceStatus>(service, servicePattern(service, SYSTEM_PATTERNS.status));
  }
}
