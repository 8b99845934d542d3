import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AlertsQueryDto } from '@meridian/contracts/dto';
import { AlertsService } from './alerts.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('active')
  @ApiOperation({ summary: 'Alerts the platform raised itself (service or dependency down, latency breach, halt); status=all for history' })
  active(@Query() q: AlertsQueryDto) {
    return this.alerts.list(q.status ?? 'active', q.limit ?? 50, q.offset ?? 0);
  }
}
