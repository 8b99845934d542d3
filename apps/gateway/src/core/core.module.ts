import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATABASE, LOGGER, METRICS, REDIS, SERVICE_CONFIG, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';

/** The gateway's process-wide parts (config, database, Redis, logger, metrics), by token. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: ServiceRuntime, config: GatewayConfig): DynamicModule {
    const values = [
      { provide: SERVICE_RUNTIME, useValue: runtime },
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: GATEWAY_CONFIG, useValue: config },
      { provide: REDIS, useValue: runtime.redis },
      { provide: LOGGER, useValue: runtime.logger },
      { provide: METRICS, useValue: runtime.metrics },
      { provide: DATABASE, useValue: runtime.database },
      { provide: DataSource, useValue: runtime.database.dataSource },
    ];
    return { module: CoreModule, providers: values, exports: values.map((v) => v.provide) };
  }
}
