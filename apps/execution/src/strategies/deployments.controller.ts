import { MessagePattern, Payload } from '@nestjs/microservices';
import { DEPLOYMENT_PATTERNS, type DeploymentSpec, type RequestContext } from '@meridian/contracts';
import { DeploymentControlDto, DeploymentIdDto, DeploymentSpecDto } from '@meridian/contracts/dto';
import { RpcController } from '@meridian/service-kit';
import { StrategyRunnerService } from './strategy-runner.service';

/** Deployed strategies over the transport: translate, delegate. */
@RpcController()
export class DeploymentsController {
  constructor(private readonly runner: StrategyRunnerService) {}

  @MessagePattern(DEPLOYMENT_PATTERNS.deploy)
  deploy(@Payload('data') spec: DeploymentSpecDto, @Payload('ctx') ctx: RequestContext) {
    return this.runner.deploy(spec as unknown as DeploymentSpec, ctx);
  }

  @MessagePattern(DEPLOYMENT_PATTERNS.list)
  list(@Payload('ctx') ctx: RequestContext) {
    return this.runner.list(ctx);
  }

  @MessagePattern(DEPLOYMENT_PATTERNS.control)
  control(@Payload('data') dto: DeploymentControlDto, @Payload('ctx') ctx: RequestContext) {
    return this.runner.control(dto.id, dto.action, ctx);
  }

  @MessagePattern(DEPLOYMENT_PATTERNS.live)
  live(@Payload('data') dto: DeploymentIdDto, @Payload('ctx') ctx: RequestContext) {
    return this.runner.live(dto.id, ctx);
  }
}
