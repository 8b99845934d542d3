import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorDto, GatewayLivenessDto, GatewayReadinessDto, HealthReportDto } from '@meridian/contracts/dto';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { Public } from '../auth/access.decorators';
import { HealthMonitorService } from './health-monitor.service';

@ApiTags('dashboard')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly monitor: HealthMonitorService, @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness of the gateway process' })
  @ApiOkResponse({ type: GatewayLivenessDto })
  live(): GatewayLivenessDto {
    return { status: 'up', service: 'gateway', uptimeSec: Math.round(process.uptime()) };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the gateway reaches its database and Redis (503 otherwise)' })
  @ApiOkResponse({ type: GatewayReadinessDto })
  @ApiServiceUnavailableResponse({ type: ApiErrorDto, description: 'A dependency is down' })
  async ready(): Promise<GatewayReadinessDto> {
    const dependencies = await this.runtime.dependencies();
    const body = { status: dependencies.every((d) => d.status === 'up') ? 'up' : 'down', service: 'gateway', dependencies };
    if (body.status !== 'up') throw new ServiceUnavailableException({ ...body, message: 'gateway is not ready: a dependency is down' });
    return body;
  }

  @Get('system')
  @ApiOkResponse({ type: HealthReportDto })
  @ApiOperation({ summary: 'Every service and dependency: status, latency, version (updated each second)' })
  system() {
    return this.monitor.report();
  }
}
