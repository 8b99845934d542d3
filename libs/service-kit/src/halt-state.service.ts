import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { HaltState } from '@meridian/contracts';
import { NOT_HALTED, readHalt } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { LOGGER, REDIS, SERVICE_CONFIG } from './tokens';
import type { ServiceConfig } from './config';

/**
 * This process's view of the platform-wide halt (emergency stop). Read at start and on every
 * halt event; later modules (orders, strategies) ask `assertNotHalted()` before acting.
 */
@Injectable()
export class HaltStateService implements OnModuleInit {
  private state: HaltState = NOT_HALTED;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      this.state = await readHalt(this.redis, this.config.namespace);
    } catch (err) {
      this.logger.warn({ err }, 'could not read the platform halt at start; assuming not halted until the next event');
    }
  }

  get current(): HaltState {
    return this.state;
  }

  apply(state: HaltState): void {
    if (state.halted !== this.state.halted) this.logger.warn({ halt: state }, state.halted ? 'platform halted' : 'platform resumed');
    this.state = state;
  }
}
