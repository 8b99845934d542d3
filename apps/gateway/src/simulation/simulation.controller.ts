import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { SIMULATION_PATTERNS, type Page, type RunCompare, type RunDetail, type RunSummary, type StressScenarioView, type StressTestResponse } from '@meridian/contracts';
import {
  ApiErrorDto, MonteCarloDto, ResultsQueryDto, RunCompareDto, RunDetailDto, RunIdDto, RunSummaryDto, RunSummaryPageDto, ScenarioDto, SimulationBacktestDto, StressScenarioViewDto, StressTestDto, StressTestResponseDto,
} from '@meridian/contracts/dto';
import { RequireRole } from '../auth/access.decorators';
import { ServiceClients } from '../services/service-clients';
import { ApiErrors } from '../http/api-docs';

const DEADLINE_MS = 10_000;
/** A stress test reads the portfolio and daily history from execution, then computes: allow it time. */
const STRESS_DEADLINE_MS = 30_000;

/** F7 Simulation: translated to the simulation service's message patterns. */
@ApiTags('simulation')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@ApiExtraModels(RunSummaryPageDto, RunDetailDto, RunCompareDto)
@Controller('simulation')
export class SimulationController {
  constructor(private readonly services: ServiceClients) {}

  @Post('backtest')
  @RequireRole('trader')
  @HttpCode(202)
  @ApiOperation({ summary: 'A backtest with any configuration, a grid or random search, or a walk-forward analysis, as a queued job (the run id at once)' })
  @ApiAcceptedResponse({ type: RunSummaryDto, description: 'Queued: follow it on the WebSocket (simulation channel) or in results' })
  backtest(@Body() body: SimulationBacktestDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.backtest, body, DEADLINE_MS);
  }

  @Get('results')
  @ApiOperation({ summary: 'Your runs, filtered and paginated; with id one run in full; with ids several runs to compare' })
  @ApiOkResponse({
    description: 'Without id or ids: a page of run summaries (RunSummaryPageDto); with id: that run in full (RunDetailDto); with ids: the runs in full (RunCompareDto)',
    schema: { oneOf: [{ $ref: getSchemaPath(RunSummaryPageDto) }, { $ref: getSchemaPath(RunDetailDto) }, { $ref: getSchemaPath(RunCompareDto) }] },
  })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'A run asked for by id is not yours or does not exist' })
  results(@Query() q: ResultsQueryDto) {
    return this.services.send<Page<RunSummary> | RunDetail | RunCompare>('simulation', SIMULATION_PATTERNS.results, q, DEADLINE_MS);
  }

  @Post('cancel')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a queued or running run' })
  @ApiOkResponse({ type: RunSummaryDto, description: 'The run, cancelled' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'The run has already finished' })
  cancel(@Body() body: RunIdDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.cancel, body, DEADLINE_MS);
  }

  @Post('monte-carlo')
  @RequireRole('trader')
  @HttpCode(202)
  @ApiOperation({ summary: 'Monte Carlo of a backtest (trade resampling, block bootstrap) or of the portfolio (correlated GBM, history bootstrap), seeded, as a queued job' })
  @ApiAcceptedResponse({ type: RunSummaryDto, description: 'Queued: follow it on the WebSocket (simulation channel) or in results' })
  monteCarlo(@Body() body: MonteCarloDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.monteCarlo, body, DEADLINE_MS);
  }

  @Post('stress-test')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'The portfolio or a backtest under historical and hypothetical scenarios: P&L per position and in total, and the risk limits breached' })
  @ApiOkResponse({ type: StressTestResponseDto })
  stressTest(@Body() body: StressTestDto) {
    return this.services.send<StressTestResponse>('simulation', SIMULATION_PATTERNS.stressTest, body, STRESS_DEADLINE_MS);
  }

  @Get('scenarios')
  @ApiOperation({ summary: 'Your saved stress scenarios' })
  @ApiOkResponse({ type: [StressScenarioViewDto] })
  scenarios() {
    return this.services.send<StressScenarioView[]>('simulation', SIMULATION_PATTERNS.scenarios, {}, DEADLINE_MS);
  }

  @Post('scenarios')
  @RequireRole('trader')
  @ApiOperation({ summary: 'Save a stress scenario for reuse' })
  @ApiCreatedResponse({ type: StressScenarioViewDto })
  saveScenario(@Body() body: ScenarioDto) {
    return this.services.send<StressScenarioView>('simulation', SIMULATION_PATTERNS.saveScenario, body, DEADLINE_MS);
  }
}
