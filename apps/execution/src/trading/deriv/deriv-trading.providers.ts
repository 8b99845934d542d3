import type { Provider } from '@nestjs/common';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { DerivBridgeService } from './deriv-bridge.service';
import { DERIV_TRADING_CONFIG, loadDerivTradingConfig } from './deriv-trading-config';

/** The Deriv bridge's providers, added to TradingModule (it needs the engine and the publisher). */
export const derivTradingProviders: Provider[] = [
  { provide: DERIV_TRADING_CONFIG, inject: [SERVICE_RUNTIME], useFactory: (runtime: ServiceRuntime) => loadDerivTradingConfig(runtime.env) },
  DerivBridgeService,
];
