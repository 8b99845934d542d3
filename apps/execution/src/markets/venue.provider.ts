import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import type { MarketVenue } from '@meridian/market-data';
import { parseEnv, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { createVenueFromConfig } from '@meridian/venues';

export const MARKET_VENUE = Symbol('MARKET_VENUE');

const venueEnv = z.object({
  DERIV_APP_ID: z.string().regex(/^\d{1,10}$/, 'must be a numeric Deriv app id').optional(),
  DERIV_WS_URL: z.string().regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL').optional(),
  VENUE_SEED: z.coerce.number().int().optional(),
  VENUE_SPEED: z.coerce.number().min(0.01).max(1000).default(1),
});

/** Deriv when DERIV_APP_ID is set; otherwise the simulated venue (paper trading), which says so. */
export const venueProvider: Provider = {
  provide: MARKET_VENUE,
  inject: [SERVICE_RUNTIME],
  useFactory: (runtime: ServiceRuntime): MarketVenue => {
    const env = parseEnv(venueEnv, runtime.env);
    // Ticks leave within 20 ms of being due: a coarser poll releases them in bursts that the stream then fans out at once.
    const venue = createVenueFromConfig({ derivAppId: env.DERIV_APP_ID, derivWsUrl: env.DERIV_WS_URL, seed: env.VENUE_SEED, speed: env.VENUE_SPEED, pollIntervalMs: 20 });
    runtime.registerBacking({ part: 'venue', kind: venue.name === 'deriv' ? 'external' : 'embedded', description: venue.description });
    runtime.logger.info({ venue: venue.name }, `market venue: ${venue.description}`);
    return venue;
  },
};
