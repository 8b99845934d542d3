import { createVenueFromConfig } from './create-venue';
import { DerivVenue } from './deriv-venue';
import { SimulatedVenue } from './simulated-venue';
import { DerivProtocolServer } from './testing/deriv-protocol-server';

describe('createVenueFromConfig', () => {
  it('returns the simulated venue when no Deriv app id is configured, and says so', async () => {
    const venue = createVenueFromConfig({ seed: 'demo', speed: 10 });
    expect(venue).toBeInstanceOf(SimulatedVenue);
    expect(venue.name).toBe('simulated');
    expect(venue.description).toBe(
      'simulated venue: 11 Deriv-style synthetic indices (seed demo, speed ×10), paper trading — no DERIV_APP_ID configured, so no live Deriv data',
    );
    await venue.close();
    const blank = createVenueFromConfig({ derivAppId: '  ' });
    expect(blank).toBeInstanceOf(SimulatedVenue);
    await blank.close();
  });

  it('returns a Deriv venue on the configured socket when an app id is given', async () => {
    const server = await DerivProtocolServer.start();
    const venue = createVenueFromConfig({ derivAppId: '4242', derivWsUrl: server.url });
    try {
      expect(venue).toBeInstanceOf(DerivVenue);
      expect(venue.description).toBe(`Deriv venue: live ticks and candle history from ${server.url} (app id 4242), market data only, no trading`);
      expect((await venue.instruments()).length).toBeGreaterThan(0);
      expect(server.appIds).toEqual(['4242']);
    } finally {
      await venue.close();
      await server.close();
    }
  });

  it('defaults the Deriv venue to the public options socket of the current API', () => {
    const venue = new DerivVenue({ appId: '1' });
    expect(venue.url).toBe('wss://api.derivws.com/trading/v1/options/ws/public?app_id=1');
    return venue.close();
  });
});
