import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AlertPageDto, AlertsQueryDto } from '@meridian/contracts/dto';
import { AlertsService } from './alerts.service';
import { ApiErrors } from '../http/api-docs';

@ApiTags('dashboard')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get('active')
  @ApiOperation({ summary: 'Alerts the platform raised itself (service or dependency down, latency breach, halt); status=all for history' })
  @ApiOkResponse({ type: AlertPageDto })
  active(@Query() q: AlertsQueryDto) {
    return this.alerts.list(q.status ?? 'active', q.limit ?? 50, q.offset ?? 0);
  }
}
