import { MessagePattern, Payload } from '@nestjs/microservices';
import { MARKET_PATTERNS, type RequestContext } from '@meridian/contracts';
import { CorrelationQueryDto, CreatePriceAlertDto, LiveDataQueryDto, UuidParamDto } from '@meridian/contracts/dto';
import { RpcController } from '@meridian/service-kit';
import { MarketsService } from './markets.service';
import { PriceAlertsService } from './price-alerts.service';

@RpcController()
export class MarketsController {
  constructor(private readonly markets: MarketsService, private readonly alerts: PriceAlertsService) {}

  @MessagePattern(MARKET_PATTERNS.instruments)
  instruments() {
    return this.markets.instruments();
  }

  @MessagePattern(MARKET_PATTERNS.liveData)
  liveData(@Payload('data') q: LiveDataQueryDto) {
    return this.markets.liveData(q);
  }

  @MessagePattern(MARKET_PATTERNS.correlations)
  correlations(@Payload('data') q: CorrelationQueryDto) {
    return this.markets.correlations(q);
  }

  @MessagePattern(MARKET_PATTERNS.createAlert)
  createAlert(@Payload('data') body: CreatePriceAlertDto, @Payload('ctx') ctx: RequestContext) {
    return this.alerts.create(body, ctx);
  }

  @MessagePattern(MARKET_PATTERNS.listAlerts)
  listAlerts(@Payload('ctx') ctx: RequestContext) {
    return this.alerts.list(ctx);
  }

  @MessagePattern(MARKET_PATTERNS.deleteAlert)
  async deleteAlert(@Payload('data') p: UuidParamDto, @Payload('ctx') ctx: RequestContext) {
    await this.alerts.remove(p.id, ctx);
    return { deleted: p.id };
  }
}
