import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BackendService } from '@meridian/contracts';
import { HaltStateService } from './halt-state.service';
import { RpcContextInterceptor, RpcErrorFilter } from './rpc';
import type { ServiceRuntime } from './service-runtime';
import { createSystemController, ProbesController } from './system.controller';
import { DATABASE, LOGGER, METRICS, REDIS, SERVICE_CONFIG, SERVICE_RUNTIME } from './tokens';

/** Gives every module of a service its runtime parts by token, plus the standard handlers. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    const values = [
      { provide: SERVICE_RUNTIME, useValue: runtime },
      { provide: SERVICE_CONFIG, useValue: runtime.config },
      { provide: REDIS, useValue: runtime.redis },
      { provide: LOGGER, useValue: runtime.logger },
      { provide: METRICS, useValue: runtime.metrics },
      { provide: DATABASE, useValue: runtime.database },
      { provide: DataSource, useValue: runtime.database.dataSource },
    ];
    return {
      module: ServiceKitModule,
      controllers: [createSystemController(runtime.service as BackendService), ProbesController],
      providers: [...values, HaltStateService, RpcContextInterceptor, RpcErrorFilter],
      exports: [...values.map((v) => v.provide), HaltStateService, RpcContextInterceptor, RpcErrorFilter],
    };
  }
}
