export { SimulatedVenue } from './simulated-venue';
export type { SimulatedVenueOptions } from './simulated-venue';
export { DerivVenue, DEFAULT_DERIV_RATE_LIMITS } from './deriv-venue';
export type { DerivVenueOptions, DerivRateLimits } from './deriv-venue';
export type { DerivCallClass } from './deriv-connection';
export {
  DerivApiError,
  DERIV_GRANULARITY,
  DERIV_PUBLIC_WS_URL,
  DERIV_MAX_CANDLES_PER_REQUEST,
  granularityToTimeframe,
} from './deriv-protocol';
export { ReplayVenue, candleTicks } from './replay-venue';
export type { ReplayVenueOptions, ReplayTickMode, CandleLoader } from './replay-venue';
export { createVenueFromConfig } from './create-venue';
export type { VenueConfig } from './create-venue';
export { SlidingWindowRateLimiter } from './rate-limiter';
export { DerivProtocolServer, defaultProtocolCandles } from './testing/deriv-protocol-server';
export type { DerivProtocolServerOptions, DerivRequestKind, ProtocolCandle, ProtocolServerSymbol, ReceivedRequest } from './testing/deriv-protocol-server';
