import { MessagePattern, Payload } from '@nestjs/microservices';
import { CANDLE_COLUMNS_PATTERN, MARKET_PATTERNS, type RequestContext } from '@meridian/contracts';
import { CandleColumnsQueryDto, CorrelationQueryDto, CreatePriceAlertDto, LiveDataQueryDto, ReplayStartDto, UuidParamDto } from '@meridian/contracts/dto';
import { RpcController } from '@meridian/service-kit';
import { MarketsService } from './markets.service';
import { PriceAlertsService } from './price-alerts.service';
import { ReplayService } from './replay.service';

@RpcController()
export class MarketsController {
  constructor(private readonly markets: MarketsService, private readonly alerts: PriceAlertsService, private readonly replays: ReplayService) {}

  /** Stored candles as columns, for the simulation service's backtests. */
  @MessagePattern(CANDLE_COLUMNS_PATTERN)
  candleColumns(@Payload('data') q: CandleColumnsQueryDto) {
    return this.markets.candleColumns(q);
  }

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

  @MessagePattern(MARKET_PATTERNS.replayStart)
  startReplay(@Payload('data') body: ReplayStartDto, @Payload('ctx') ctx: RequestContext) {
    return this.replays.start(body, ctx);
  }

  @MessagePattern(MARKET_PATTERNS.replayList)
  listReplays() {
    return this.replays.list();
  }

  @MessagePattern(MARKET_PATTERNS.replayStop)
  stopReplay(@Payload('data') p: UuidParamDto) {
    return this.replays.stop(p.id);
  }

  @MessagePattern(MARKET_PATTERNS.deleteAlert)
  async deleteAlert(@Payload('data') p: UuidParamDto, @Payload('ctx') ctx: RequestContext) {
    await this.alerts.remove(p.id, ctx);
    return { deleted: p.id };
  }
}
