import { DataSource } from 'typeorm';
import { Inject, Injectable } from '@nestjs/common';
import { currentContext, type Logger } from '@meridian/observability';
import { HaltStateService, LOGGER } from '@meridian/service-kit';
import type { HaltState } from '@meridian/contracts';
import { HaltEventEntity } from './halt-event.entity';

export interface HaltActionReport {
  ok: true;
  detail: string;
  cancelledOrders: number;
  cancelledAlgorithms: number;
}

/**
 * Carries out the emergency stop inside execution: the halt is applied at once (so nothing new
 * passes), recorded, and the open work is cancelled. Execution has no order book yet, so the
 * counts are what exists today: zero; the order module plugs its cancel-all in here.
 */
@Injectable()
export class PlatformHaltService {
  constructor(private readonly dataSource: DataSource, private readonly halt: HaltStateService, @Inject(LOGGER) private readonly logger: Logger) {}

  async apply(command: HaltState): Promise<HaltActionReport> {
    this.halt.apply(command);
    const cancelledOrders = 0;
    const cancelledAlgorithms = 0;
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
      detail: command.halted ? 'halt applied and recorded; no open orders or algorithms to cancel' : 'halt lifted and recorded',
      cancelledOrders,
      cancelledAlgorithms,
    };
  }
}
