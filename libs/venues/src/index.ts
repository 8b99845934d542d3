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
export { DerivTradingVenue, DEFAULT_DERIV_TRADING_RATE_LIMITS } from './deriv-trading';
export type { DerivTradingOptions, DerivTradingCallClass, DerivTradingRateLimits, LostBuyResolution } from './deriv-trading';
export { requestTradingSocketUrl, DERIV_REST_BASE_URL } from './deriv-otp';
export type { DerivOtpRequest } from './deriv-otp';
export { InMemoryIntentJournal, matchLostBuys, contractFitsIntent } from './deriv-intent-journal';
export type { BuyIntent, BuySent, IntentJournal, JournalEntry, InMemoryJournalRecord, LostBuyMatch, LostBuyMatchOptions } from './deriv-intent-journal';
export { reconcileContracts } from './deriv-reconcile';
export type { StoredContract, ContractDifference, ReconciledField } from './deriv-reconcile';
export { CONTRACT_TYPE_FOR_DIRECTION, directionOfContractType } from './deriv-trading-types';
export type {
  PositionDirection,
  MultiplierContractType,
  OpenPositionRequest,
  OpenedPosition,
  LimitsUpdate,
  UpdatedLimits,
  ClosedPosition,
  ContractStatus,
  VenueContract,
  ContractState,
} from './deriv-trading-types';
export { DEFAULT_TEST_API_TOKEN, DEFAULT_TEST_ACCOUNT_ID } from './testing/deriv-protocol-server';
export type { OtpRequestRecord } from './testing/deriv-protocol-server';
export type { ProtocolContract, ProtocolTradingAccount, ProtocolContractType, ProtocolContractStatus } from './testing/deriv-contract-book';
