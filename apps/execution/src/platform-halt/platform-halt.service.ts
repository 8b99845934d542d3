import { DataSource } from 'typeorm';
import { Inject, Injectable } from '@nestjs/common';
import { currentContext, type Logger } from '@meridian/observability';
import { HaltStateService, LOGGER } from '@meridian/service-kit';
import type { HaltState } from '@meridian/contracts';
import { StrategyRunnerService } from '../strategies/strategy-runner.service';
import { TradingEngine } from '../trading/trading-engine.service';
import { HaltEventEntity } from './halt-event.entity';

export interface HaltActionReport {
  ok: true;
  detail: string;
  cancelledOrders: number;
  cancelledAlgorithms: number;
}

/**
 * Carries out the emergency stop inside execution: the halt is applied at once (so nothing new
 * passes the pre-trade checks), every open order and algorithm is cancelled, and it is recorded.
 */
@Injectable()
export class PlatformHaltService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly halt: HaltStateService,
    private readonly trading: TradingEngine,
    private readonly strategies: StrategyRunnerService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async apply(command: HaltState): Promise<HaltActionReport> {
    this.halt.apply(command);
    // Deployed strategies stop deciding first, so none places an order between the cancel and the halt record.
    const paused = command.halted ? await this.strategies.pauseAll(`emergency stop by ${command.by}: ${command.reason}`) : 0;
    const cancelled = command.halted ? await this.trading.cancelEverything(`emergency stop by ${command.by}: ${command.reason}`) : { orders: 0, algorithms: 0 };
    if (paused) this.logger.warn({ paused }, 'deployed strategies paused by the emergency stop');
    const cancelledOrders = cancelled.orders;
    const cancelledAlgorithms = cancelled.algorithms;
    await this.dataSource.getRepository(HaltEventEntity).insert({
      halted: command.halted,
      reason: command.reason,
      requestedBy: command.by,
      requestId: currentContext()?.requestId ?? null,
      cancelledOrders,
      cancelledAlgorithms,
      receivedAt: new Date(),
    });
    this.logger.warn({ halted: command.halted, by: command.by, cancelledOrders, cancelledAlgorithms }, command.halted ? 'emergency stop carried out' : 'halt lifted');
    return {
      ok: true,
      detail: command.halted ? `halt applied and recorded; cancelled ${cancelledOrders} open orders and ${cancelledAlgorithms} algorithms` : 'halt lifted and recorded',
      cancelledOrders,
      cancelledAlgorithms,
    };
  }
}
