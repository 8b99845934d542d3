import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { DEPLOY_PATTERN, DEPLOYMENT_PATTERNS, DEPLOYMENT_REPORT_PATTERN, SIMULATION_PATTERNS, type DeploymentReport, type DeploymentView, type Page, type RuleValidation, type RunSummary, type StrategyView } from '@meridian/contracts';
import {
  ApiErrorDto, CreateStrategyDto, DeploymentControlDto, DeploymentIdDto, DeploymentReportDto, DeploymentViewDto, DeployStrategyDto, ParamSpecViewDto, RegistryQueryDto, RuleValidationDto, RunSummaryDto, StrategyBacktestDto,
  StrategyIdParamDto, StrategyPageDto, StrategyViewDto, ValidateRuleDto,
} from '@meridian/contracts/dto';
import { RequireRole } from '../auth/access.decorators';
import { ServiceClients } from '../services/service-clients';
import { ApiErrors } from '../http/api-docs';

const DEADLINE_MS = 10_000;

/** F6 Strategies: translated to the simulation service's message patterns. */
@ApiTags('strategies')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@ApiExtraModels(ParamSpecViewDto)
@Controller('strategies')
export class StrategiesController {
  constructor(private readonly services: ServiceClients) {}

  @Get('registry')
  @ApiOperation({ summary: 'Built-in and your rule strategies with versions, parameters, latest backtest and live status; filtered and paginated' })
  @ApiOkResponse({ type: StrategyPageDto })
  registry(@Query() q: RegistryQueryDto) {
    return this.services.send<Page<StrategyView>>('simulation', SIMULATION_PATTERNS.registry, q, DEADLINE_MS);
  }

  @Post('create')
  @RequireRole('trader')
  @ApiOperation({ summary: 'A new strategy, or a new immutable version of one of yours (validated and dry-compiled before it is saved)' })
  @ApiCreatedResponse({ type: StrategyViewDto })
  create(@Body() body: CreateStrategyDto) {
    return this.services.send<StrategyView>('simulation', SIMULATION_PATTERNS.createStrategy, body, DEADLINE_MS);
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Parse and type-check a rule document without saving it: the errors with their positions, and the rule printed back' })
  @ApiOkResponse({ type: RuleValidationDto })
  validate(@Body() body: ValidateRuleDto) {
    return this.services.send<RuleValidation>('simulation', SIMULATION_PATTERNS.validateRule, body, DEADLINE_MS);
  }

  @Post('backtest')
  @RequireRole('trader')
  @HttpCode(202)
  @ApiOperation({ summary: 'Backtest a strategy version over symbols and a period, as a queued job: the run id at once, progress on the WebSocket (simulation channel)' })
  @ApiAcceptedResponse({ type: RunSummaryDto, description: 'Queued' })
  backtest(@Body() body: StrategyBacktestDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.backtestStrategy, body, DEADLINE_MS);
  }

  @Post('deploy')
  @RequireRole('trader')
  @ApiOperation({ summary: 'Run a strategy version that has a finished backtest live in paper trading: its orders go through the risk checks, tagged with the strategy and version' })
  @ApiCreatedResponse({ type: DeploymentViewDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'No finished backtest of this version, or trading is halted' })
  deploy(@Body() body: DeployStrategyDto) {
    return this.services.send<DeploymentView>('simulation', DEPLOY_PATTERN, body, 35_000);
  }

  @Get('deployments')
  @ApiOperation({ summary: 'Your deployed strategies with their status, bars seen and orders placed' })
  @ApiOkResponse({ type: [DeploymentViewDto] })
  deployments() {
    return this.services.send<DeploymentView[]>('execution', DEPLOYMENT_PATTERNS.list, {}, DEADLINE_MS);
  }

  @Post('deployments/control')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start, pause or stop a deployed strategy (stop cancels its open orders)' })
  @ApiOkResponse({ type: DeploymentViewDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'The deployment is stopped, or trading is halted' })
  control(@Body() body: DeploymentControlDto) {
    return this.services.send<DeploymentView>('execution', DEPLOYMENT_PATTERNS.control, body, DEADLINE_MS);
  }

  @Get('deployments/report')
  @ApiOperation({ summary: 'A deployment\'s live results beside a backtest of the same strategy over the same period' })
  @ApiOkResponse({ type: DeploymentReportDto })
  report(@Query() q: DeploymentIdDto) {
    return this.services.send<DeploymentReport>('simulation', DEPLOYMENT_REPORT_PATTERN, q, 35_000);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One strategy with all its versions' })
  @ApiOkResponse({ type: StrategyViewDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  get(@Param() p: StrategyIdParamDto) {
    return this.services.send<StrategyView>('simulation', SIMULATION_PATTERNS.getStrategy, p, DEADLINE_MS);
  }
}
