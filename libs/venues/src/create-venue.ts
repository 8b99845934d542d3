import type { Clock, MarketVenue, Seed } from '@meridian/market-data';
import { DerivVenue, DerivVenueOptions } from './deriv-venue';
import { SimulatedVenue } from './simulated-venue';

export interface VenueConfig {
  /** DERIV_APP_ID: with one the venue is Deriv's live market data, without one the simulator. */
  derivAppId?: string;
  /** Override of Deriv's public socket URL (tests, proxies). */
  derivWsUrl?: string;
  /** Seed of the simulated venue. */
  seed?: Seed;
  /** Speed of the simulated venue (1 = real time). */
  speed?: number;
  /** How often the simulated venue releases due ticks (ms); smaller spreads bursts. */
  pollIntervalMs?: number;
  clock?: Clock;
  /** Further Deriv options (rate limits, backoff). */
  deriv?: Omit<DerivVenueOptions, 'appId' | 'url'>;
}

/**
 * The venue a service runs on: DerivVenue when an app id is configured, else a SimulatedVenue whose
 * description says that no app id was given.
 */
export function createVenueFromConfig(config: VenueConfig = {}): MarketVenue {
  const appId = config.derivAppId?.trim();
  if (appId) return new DerivVenue({ ...config.deriv, appId, url: config.derivWsUrl || undefined, clock: config.clock ?? config.deriv?.clock });
  return new SimulatedVenue({ seed: config.seed, speed: config.speed, clock: config.clock, pollIntervalMs: config.pollIntervalMs, note: 'no DERIV_APP_ID configured, so no live Deriv data' });
}
