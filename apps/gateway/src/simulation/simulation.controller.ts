import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { SIMULATION_PATTERNS, type Page, type RunCompare, type RunDetail, type RunSummary, type StressScenarioView, type StressTestResponse } from '@meridian/contracts';
import { MonteCarloDto, ResultsQueryDto, RunIdDto, ScenarioDto, SimulationBacktestDto, StressTestDto } from '@meridian/contracts/dto';
import { RequireRole } from '../auth/access.decorators';
import { ServiceClients } from '../services/service-clients';

const DEADLINE_MS = 10_000;
/** A stress test reads the portfolio and daily history from execution, then computes: allow it time. */
const STRESS_DEADLINE_MS = 30_000;

/** F7 Simulation: translated to the simulation service's message patterns. */
@ApiTags('simulation')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('simulation')
export class SimulationController {
  constructor(private readonly services: ServiceClients) {}

  @Post('backtest')
  @RequireRole('trader')
  @HttpCode(202)
  @ApiOperation({ summary: 'A backtest with any configuration, a grid or random search, or a walk-forward analysis, as a queued job (the run id at once)' })
  backtest(@Body() body: SimulationBacktestDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.backtest, body, DEADLINE_MS);
  }

  @Get('results')
  @ApiOperation({ summary: 'Your runs, filtered and paginated; with id one run in full; with ids several runs to compare' })
  results(@Query() q: ResultsQueryDto) {
    return this.services.send<Page<RunSummary> | RunDetail | RunCompare>('simulation', SIMULATION_PATTERNS.results, q, DEADLINE_MS);
  }

  @Post('cancel')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a queued or running run' })
  cancel(@Body() body: RunIdDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.cancel, body, DEADLINE_MS);
  }

  @Post('monte-carlo')
  @RequireRole('trader')
  @HttpCode(202)
  @ApiOperation({ summary: 'Monte Carlo of a backtest (trade resampling, block bootstrap) or of the portfolio (correlated GBM, history bootstrap), seeded, as a queued job' })
  monteCarlo(@Body() body: MonteCarloDto) {
    return this.services.send<RunSummary>('simulation', SIMULATION_PATTERNS.monteCarlo, body, DEADLINE_MS);
  }

  @Post('stress-test')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'The portfolio or a backtest under historical and hypothetical scenarios: P&L per position and in total, and the risk limits breached' })
  stressTest(@Body() body: StressTestDto) {
    return this.services.send<StressTestResponse>('simulation', SIMULATION_PATTERNS.stressTest, body, STRESS_DEADLINE_MS);
  }

  @Get('scenarios')
  @ApiOperation({ summary: 'Your saved stress scenarios' })
  scenarios() {
    return this.services.send<StressScenarioView[]>('simulation', SIMULATION_PATTERNS.scenarios, {}, DEADLINE_MS);
  }

  @Post('scenarios')
  @RequireRole('trader')
  @ApiOperation({ summary: 'Save a stress scenario for reuse' })
  saveScenario(@Body() body: ScenarioDto) {
    return this.services.send<StressScenarioView>('simulation', SIMULATION_PATTERNS.saveScenario, body, DEADLINE_MS);
  }
}
