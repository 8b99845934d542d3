import { MessagePattern, Payload } from '@nestjs/microservices';
import { DEPLOY_PATTERN, DEPLOYMENT_REPORT_PATTERN, SIMULATION_PATTERNS, type RequestContext } from '@meridian/contracts';
import {
  CreateStrategyDto,
  DeploymentIdDto,
  DeployStrategyDto,
  MonteCarloDto,
  RegistryQueryDto,
  ResultsQueryDto,
  RunIdDto,
  ScenarioDto,
  SimulationBacktestDto,
  StrategyBacktestDto,
  StrategyIdParamDto,
  StressTestDto,
  ValidateRuleDto,
} from '@meridian/contracts/dto';
import { RpcController } from '@meridian/service-kit';
import { DeploymentsService } from './deployments/deployments.service';
import { RunsService } from './runs/runs.service';
import { StrategiesService } from './strategies/strategies.service';
import { validateRuleDocument } from './strategies/strategy-catalog';
import { StressService } from './stress/stress.service';

/** F6 Strategies and F7 Simulation over the transport: translate, delegate. */
@RpcController()
export class SimulationController {
  constructor(
    private readonly strategies: StrategiesService,
    private readonly runs: RunsService,
    private readonly stress: StressService,
    private readonly deployments: DeploymentsService,
  ) {}

  @MessagePattern(SIMULATION_PATTERNS.registry)
  registry(@Payload('data') q: RegistryQueryDto, @Payload('ctx') ctx: RequestContext) {
    return this.strategies.registry(q, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.getStrategy)
  getStrategy(@Payload('data') p: StrategyIdParamDto, @Payload('ctx') ctx: RequestContext) {
    return this.strategies.get(p.id, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.createStrategy)
  createStrategy(@Payload('data') dto: CreateStrategyDto, @Payload('ctx') ctx: RequestContext) {
    return this.strategies.create(dto, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.validateRule)
  validate(@Payload('data') dto: ValidateRuleDto) {
    const { parsed: _parsed, ...validation } = validateRuleDocument(dto.rule);
    return validation;
  }

  @MessagePattern(SIMULATION_PATTERNS.backtestStrategy)
  backtestStrategy(@Payload('data') dto: StrategyBacktestDto, @Payload('ctx') ctx: RequestContext) {
    return this.runs.backtestStrategy(dto, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.backtest)
  backtest(@Payload('data') dto: SimulationBacktestDto, @Payload('ctx') ctx: RequestContext) {
    return this.runs.backtest(dto, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.results)
  results(@Payload('data') q: ResultsQueryDto, @Payload('ctx') ctx: RequestContext) {
    return this.runs.results(q, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.cancel)
  cancel(@Payload('data') p: RunIdDto, @Payload('ctx') ctx: RequestContext) {
    return this.runs.cancel(p.id, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.monteCarlo)
  monteCarlo(@Payload('data') dto: MonteCarloDto, @Payload('ctx') ctx: RequestContext) {
    return this.runs.monteCarlo(dto, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.stressTest)
  stressTest(@Payload('data') dto: StressTestDto, @Payload('ctx') ctx: RequestContext) {
    return this.stress.run(dto, ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.scenarios)
  scenarios(@Payload('ctx') ctx: RequestContext) {
    return this.stress.list(ctx);
  }

  @MessagePattern(SIMULATION_PATTERNS.saveScenario)
  saveScenario(@Payload('data') dto: ScenarioDto, @Payload('ctx') ctx: RequestContext) {
    return this.stress.save(dto, ctx);
  }

  @MessagePattern(DEPLOY_PATTERN)
  deploy(@Payload('data') dto: DeployStrategyDto, @Payload('ctx') ctx: RequestContext) {
    return this.deployments.deploy(dto, ctx);
  }

  @MessagePattern(DEPLOYMENT_REPORT_PATTERN)
  report(@Payload('data') dto: DeploymentIdDto, @Payload('ctx') ctx: RequestContext) {
    return this.deployments.report(dto.id, ctx);
  }
}
