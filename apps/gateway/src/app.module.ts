import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ServiceRuntime } from '@meridian/service-kit';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CoreModule } from './core/core.module';
import { DataModule } from './data/data.module';
import type { GatewayConfig } from './core/gateway.config';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { ApiThrottlerGuard } from './http/api-throttler.guard';
import { FixedWindowThrottlerStorage } from './http/fixed-window-throttler.storage';
import { MaintenanceGuard } from './http/maintenance.guard';
import { PlatformModule } from './platform.module';
import { RuntimeConfigService } from './system/config/runtime-config.service';

@Module({})
export class AppModule {
  static register(runtime: ServiceRuntime, config: GatewayConfig, jwtSecret: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime, config),
        AuthModule.forRoot(jwtSecret),
        PlatformModule,
        DataModule,
        ThrottlerModule.forRootAsync({
          imports: [PlatformModule],
          inject: [RuntimeConfigService],
          useFactory: (settings: RuntimeConfigService) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: () => settings.current.rateLimit.perMinute }],
            storage: new FixedWindowThrottlerStorage(),
          }),
        }),
      ],
      providers: [
        // Order matters: who you are, then whether changes are paused, then how fast you may go.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: MaintenanceGuard },
        { provide: APP_GUARD, useClass: ApiThrottlerGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
