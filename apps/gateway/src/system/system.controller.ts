import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiBearerAuth, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BACKEND_SERVICES, type BackendService, type Principal } from '@meridian/contracts';
import { ConfigChangeDto, ConfigRollbackDto, ConfigVersionPageDto, ConfigVersionViewDto, EmergencyStopDto, EmergencyStopReportDto, HaltStateDto, LogPageDto, LogQueryDto, MaintenanceDto, MaintenanceOverviewDto, MaintenanceTaskRunDto, PageQueryDto, ResumeDto, ServiceStatusDto, SystemStatusDto } from '@meridian/contracts/dto';
import { CurrentPrincipal, principalLabel, RequireRole } from '../auth/access.decorators';
import { IdParam } from '../http/params';
import { RuntimeConfigService } from './config/runtime-config.service';
import { PlatformHaltService } from './halt/platform-halt.service';
import { LogsService } from './logs/logs.service';
import { MaintenanceService } from './maintenance/maintenance.service';
import { SystemStatusService } from './status/system-status.service';
import { ApiErrors } from '../http/api-docs';

class ServiceParam {
  @IsIn(BACKEND_SERVICES as unknown as string[]) service: BackendService;
}

@ApiTags('system')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@Controller('system')
export class SystemController {
  constructor(
    private readonly statusService: SystemStatusService,
    private readonly config: RuntimeConfigService,
    private readonly logs: LogsService,
    private readonly maintenance: MaintenanceService,
    private readonly halt: PlatformHaltService,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'Versions, uptime, backing parts (embedded or external), queue depths, halt and maintenance' })
  @ApiOkResponse({ type: SystemStatusDto })
  status() {
    return this.statusService.status();
  }

  @Get('status/:service')
  @ApiParam({ name: 'service', enum: BACKEND_SERVICES })
  @ApiOperation({ summary: 'One service’s status, asked over the Redis transport (503 when it is down)' })
  @ApiOkResponse({ type: ServiceStatusDto })
  serviceStatus(@Param() p: ServiceParam) {
    return this.statusService.strictServiceStatus(p.service);
  }

  @Get('config')
  @ApiOperation({ summary: 'The runtime settings in force, with their version' })
  @ApiOkResponse({ type: ConfigVersionViewDto })
  currentConfig() {
    return this.config.view();
  }

  @Post('config')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Change the runtime settings (admin): a new version, recorded with who and when' })
  @ApiCreatedResponse({ type: ConfigVersionViewDto })
  changeConfig(@CurrentPrincipal() who: Principal, @Body() body: ConfigChangeDto) {
    return this.config.change(body.settings, principalLabel(who), body.comment);
  }

  @Get('config/history')
  @ApiOperation({ summary: 'Every version of the runtime settings, newest first' })
  @ApiOkResponse({ type: ConfigVersionPageDto })
  configHistory(@Query() q: PageQueryDto) {
    return this.config.history(q.limit ?? 50, q.offset ?? 0);
  }

  @Post('config/rollback')
  @RequireRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make an earlier version’s settings current again (admin), as a new version' })
  @ApiOkResponse({ type: ConfigVersionViewDto })
  rollback(@CurrentPrincipal() who: Principal, @Body() body: ConfigRollbackDto) {
    return this.config.rollback(body.version, principalLabel(who), body.comment);
  }

  @Get('logs')
  @ApiOperation({ summary: 'Recent structured logs of all services, newest first; filter by service, level, time and text' })
  @ApiOkResponse({ type: LogPageDto })
  queryLogs(@Query() q: LogQueryDto) {
    return this.logs.query(q);
  }

  @Get('maintenance')
  @ApiOperation({ summary: 'Maintenance mode and the latest maintenance task runs' })
  @ApiOkResponse({ type: MaintenanceOverviewDto })
  async maintenanceState() {
    return { state: this.maintenance.current, runs: await this.maintenance.runs() };
  }

  @Get('maintenance/runs/:id')
  @ApiOperation({ summary: 'One maintenance task run' })
  @ApiOkResponse({ type: MaintenanceTaskRunDto })
  maintenanceRun(@Param() p: IdParam) {
    return this.maintenance.run(p.id);
  }

  @Post('maintenance')
  @RequireRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch maintenance mode (mutations refused with 503 except for admins) and/or queue maintenance tasks (admin)' })
  @ApiOkResponse({ type: MaintenanceOverviewDto })
  async setMaintenance(@CurrentPrincipal() who: Principal, @Body() body: MaintenanceDto) {
    const by = principalLabel(who);
    const state = body.enabled === undefined ? this.maintenance.current : await this.maintenance.setMode(body.enabled, body.message ?? null, by);
    const runs = body.tasks?.length ? await this.maintenance.enqueue(body.tasks, by) : [];
    return { state, runs };
  }

  @Get('halt')
  @ApiOperation({ summary: 'Whether the platform is halted by an emergency stop' })
  @ApiOkResponse({ type: HaltStateDto })
  haltState() {
    return this.halt.current;
  }

  @Post('emergency-stop')
  @RequireRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Emergency stop (admin): halt the platform, cancel open work in execution, report what was done' })
  @ApiOkResponse({ type: EmergencyStopReportDto })
  emergencyStop(@CurrentPrincipal() who: Principal, @Body() body: EmergencyStopDto) {
    return this.halt.stop(body.reason, principalLabel(who));
  }

  @Post('resume')
  @RequireRole('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the emergency stop (admin)' })
  @ApiOkResponse({ type: EmergencyStopReportDto })
  resume(@CurrentPrincipal() who: Principal, @Body() body: ResumeDto) {
    return this.halt.resume(body.reason, principalLabel(who));
  }
}
