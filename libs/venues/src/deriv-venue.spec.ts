import type { Tick, VenueStatus } from '@meridian/market-data';
import { DerivApiError } from './deriv-protocol';
import { DerivVenue, DerivVenueOptions } from './deriv-venue';
import { DerivProtocolServer } from './testing/deriv-protocol-server';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

describe('DerivVenue against a local Deriv protocol server', () => {
  let server: DerivProtocolServer;
  let venue: DerivVenue;
  const errors: unknown[] = [];

  const makeVenue = (options: Partial<DerivVenueOptions> = {}) =>
    new DerivVenue({
      appId: '12345',
      url: server.url,
      reconnectBaseMs: 20,
      reconnectCapMs: 100,
      rateLimitRetryBaseMs: 20,
      rateLimitRetryCapMs: 60,
      requestTimeoutMs: 2000,
      random: () => 0.5,
      onError: (err) => errors.push(err),
      ...options,
    });

  beforeEach(async () => {
    errors.length = 0;
    server = await DerivProtocolServer.start();
    venue = makeVenue();
  });

  afterEach(async () => {
    await venue.close();
    await server.close();
  });

  it('lists instruments from active_symbols, connecting with the app id in the URL', async () => {
    const instruments = await venue.instruments();
    expect(server.requests('active_symbols')[0].body).toMatchObject({ active_symbols: 'brief', req_id: expect.any(Number) });
    expect(server.appIds).toEqual(['12345']);
    expect(instruments.find((i) => i.symbol === 'R_100')).toEqual({
      symbol: 'R_100',
      displayName: 'Volatility 100 Index',
      decimals: 2,
      pipSize: 0.01,
      type: 'stockindex',
      tradingOpen: true,
    });
    expect(instruments.find((i) => i.symbol === 'R_50')).toMatchObject({ decimals: 4, pipSize: 0.0001 });
    expect(instruments.find((i) => i.symbol === 'stpRNG')).toMatchObject({ decimals: 1, tradingOpen: false }); // suspended
    expect(venue.currentStatus).toEqual({ state: 'connected' });
  });

  it('maps ticks_history candles to Candle[] oldest first, with the granularity of the timeframe', async () => {
    const candles = await venue.candleHistory('R_100', '5m', T0, T0 + 60 * 60_000);
    const request = server.requests('ticks_history')[0].body;
    expect(request).toMatchObject({ ticks_history: 'R_100', style: 'candles', granularity: 300, start: T0 / 1000, count: 12 });
    expect(candles).toHaveLength(12);
    expect(candles[0]).toMatchObject({ symbol: 'R_100', timeframe: '5m', openTimeMs: T0, closeTimeMs: T0 + 300_000 });
    const k = T0 / 1000 / 300;
    expect(candles[0].open).toBe(1000 + (k % 10));
    expect(candles[0].close).toBe(1000 + ((k + 1) % 10));
    for (let i = 1; i < candles.length; i++) expect(candles[i].openTimeMs).toBe(candles[i - 1].openTimeMs + 300_000);
  });

  it('pages long spans in calls of at most 5000 candles', async () => {
    const candles = await venue.candleHistory('R_100', '1m', T0, T0 + 6000 * 60_000);
    expect(candles).toHaveLength(6000);
    expect(server.requests('ticks_history').map((r) => r.body.count)).toEqual([5000, 1000]);
    expect(new Set(candles.map((c) => c.openTimeMs)).size).toBe(6000);
    expect(await venue.candleHistory('R_100', '1d', T0, T0 + 3 * 86_400_000)).toHaveLength(4); // the day containing T0 and the next three
    expect(server.requests('ticks_history')[2].body.granularity).toBe(86400);
  });

  it('subscribes to ticks and delivers them with symbol, epoch in ms and quote', async () => {
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100'], (t) => ticks.push(t));
    expect(server.requests('ticks')[0].body).toMatchObject({ ticks: 'R_100', subscribe: 1 });
    expect(server.subscribedSymbols()).toEqual(['R_100']);
    server.emitTick('R_100', 1234.56, 1_736_157_600);
    server.emitTick('R_100', 1234.61, 1_736_157_601);
    await waitFor(() => ticks.length >= 3, 'ticks');
    // The subscribe answer carries the current tick, then the stream follows.
    expect(ticks.slice(1)).toEqual([
      { symbol: 'R_100', epochMs: 1_736_157_600_000, quote: 1234.56 },
      { symbol: 'R_100', epochMs: 1_736_157_601_000, quote: 1234.61 },
    ]);
  });

  it('shares one stream per symbol between subscribers and forgets it when the last one leaves', async () => {
    const a: Tick[] = [];
    const b: Tick[] = [];
    const stopA = await venue.subscribeTicks(['R_100'], (t) => a.push(t));
    const stopB = await venue.subscribeTicks(['R_100', 'R_50'], (t) => b.push(t));
    expect(server.requests('ticks').map((r) => r.body.ticks)).toEqual(['R_100', 'R_50']);
    await stopA();
    expect(server.requests('forget')).toHaveLength(0);
    server.emitTick('R_100', 1001);
    await waitFor(() => b.some((t) => t.quote === 1001), 'tick after the first unsubscribe');
    await stopB();
    await waitFor(() => server.subscribedSymbols().length === 0, 'forget of both streams');
    expect(server.requests('forget').map((r) => r.body.forget).sort()).toEqual(['sub-1', 'sub-2']);
    expect(a.some((t) => t.quote === 1001)).toBe(false);
  });

  it('forgets every tick stream with forget_all', async () => {
    await venue.subscribeTicks(['R_100', 'R_50'], () => undefined);
    await venue.forgetAllTicks();
    expect(server.requests('forget_all')[0].body).toMatchObject({ forget_all: 'ticks' });
    expect(server.subscribedSymbols()).toEqual([]);
  });

  it('reconnects with backoff after a dropped connection and re-subscribes, so ticks flow again', async () => {
    const statuses: VenueStatus[] = [];
    venue.onStatus((s) => statuses.push(s));
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100'], (t) => ticks.push(t));
    server.dropAllConnections();
    await waitFor(() => server.totalConnections === 2 && server.subscribedSymbols().length === 1, 're-subscription');
    expect(statuses[0]).toEqual({ state: 'connected' });
    expect(statuses[1]).toMatchObject({ state: 'reconnecting', attempt: 1, reason: expect.any(String) });
    expect(statuses.at(-1)).toEqual({ state: 'connected' });
    const resubscribe = server.requests('ticks').at(-1)!;
    expect(resubscribe).toMatchObject({ connection: 1, body: { ticks: 'R_100', subscribe: 1 } });
    server.emitTick('R_100', 2222.22, 1_736_157_700);
    await waitFor(() => ticks.some((t) => t.quote === 2222.22), 'a tick after the reconnect');
    expect(ticks.at(-1)).toEqual({ symbol: 'R_100', epochMs: 1_736_157_700_000, quote: 2222.22 });
  });

  it('keeps retrying with growing attempts while the server is unreachable', async () => {
    const statuses: VenueStatus[] = [];
    venue.onStatus((s) => statuses.push(s));
    await venue.instruments();
    const port = server.port;
    await server.close(); // connection refused from now on
    await waitFor(() => statuses.filter((s) => s.state === 'reconnecting').length >= 3, 'three reconnect attempts');
    const attempts = statuses.flatMap((s) => (s.state === 'reconnecting' ? [s.attempt] : []));
    expect(attempts.slice(0, 3)).toEqual([1, 2, 3]);
    expect(statuses.filter((s) => s.state === 'connected')).toHaveLength(1);
    expect(port).toBeGreaterThan(0);
    server = await DerivProtocolServer.start(); // for afterEach
  });

  it('maps an error reply to a DerivApiError with its code, rejects that call only, and keeps working', async () => {
    server.failNext('ticks_history', 'InvalidSymbol', 'Symbol R_999 invalid.');
    const failure = venue.candleHistory('R_999', '1m', T0, T0 + 60_000);
    await expect(failure).rejects.toBeInstanceOf(DerivApiError);
    await expect(failure).rejects.toMatchObject({ code: 'InvalidSymbol', serverMessage: 'Symbol R_999 invalid.', msgType: 'candles' });
    await expect(failure).rejects.toThrow(/does not know this symbol.*Symbol R_999 invalid\./);

    await expect(venue.subscribeTicks(['R_100', 'NOPE'], () => undefined)).rejects.toMatchObject({ code: 'InvalidSymbol' });
    await waitFor(() => server.subscribedSymbols().length === 0, 'rollback of the partial subscription');

    server.failNext('active_symbols', 'AuthorizationRequired', 'Please log in.');
    await expect(venue.instruments()).rejects.toThrow(/authenticated \(OTP\)/);
    server.failNext('active_symbols', 'SomethingNew', 'Odd.');
    await expect(venue.instruments()).rejects.toMatchObject({ code: 'SomethingNew', message: 'Deriv API error SomethingNew (active_symbols): Odd.' });

    expect(await venue.instruments()).toHaveLength(4);
  });

  it('retries a call later after a rate-limit reply, until it is answered', async () => {
    server.rateLimitNext('ticks_history', 2);
    const candles = await venue.candleHistory('R_100', '1m', T0, T0 + 5 * 60_000);
    expect(candles).toHaveLength(5);
    expect(server.requests('ticks_history')).toHaveLength(3);
  });

  it('gives up with the RateLimit error after too many rate-limit replies', async () => {
    await venue.close();
    venue = makeVenue({ rateLimitMaxRetries: 1 });
    server.rateLimitNext('active_symbols', 5);
    await expect(venue.instruments()).rejects.toMatchObject({ code: 'RateLimit' });
    expect(server.requests('active_symbols')).toHaveLength(2);
  });

  it('queues calls beyond the client-side budget instead of sending them', async () => {
    await venue.close();
    venue = makeVenue({ rateLimits: { history: 2, subscriptions: 1 }, rateLimitWindowMs: 400 });
    const started = Date.now();
    const calls = [0, 1, 2, 3].map((i) => venue.candleHistory('R_100', '1m', T0 + i * 60_000, T0 + (i + 1) * 60_000).then(() => Date.now() - started));
    await waitFor(() => server.requests('ticks_history').length === 2, 'the first two calls');
    expect(venue.queuedCalls('history')).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests('ticks_history')).toHaveLength(2);
    const times = await Promise.all(calls);
    expect(server.requests('ticks_history')).toHaveLength(4);
    expect(times[0]).toBeLessThan(300);
    expect(times[2]).toBeGreaterThanOrEqual(390);
    expect(times[3]).toBeGreaterThanOrEqual(390);
    // Budgets are per class: a subscription goes out at once while history calls wait.
    const queued = [1, 2, 3].map(() => venue.candleHistory('R_100', '1m', T0, T0 + 60_000).catch((err: unknown) => err));
    expect(venue.queuedCalls('history')).toBeGreaterThan(0);
    await venue.subscribeTicks(['R_50'], () => undefined);
    expect(venue.queuedCalls('history')).toBeGreaterThan(0);
    await venue.close();
    for (const result of await Promise.all(queued)) expect(result).toMatchObject({ code: 'ConnectionClosed' });
  });

  it('sends keep-alive pings', async () => {
    await venue.close();
    venue = makeVenue({ pingIntervalMs: 30 });
    await venue.instruments();
    await waitFor(() => server.requests('ping').length >= 2, 'two pings');
    expect(server.requests('ping')[0].body).toMatchObject({ ping: 1 });
    expect(server.totalConnections).toBe(1); // pongs came back, so no reconnect
  });

  it('drops and reopens a connection whose pings go unanswered', async () => {
    await venue.close();
    venue = makeVenue({ pingIntervalMs: 30 });
    const statuses: VenueStatus[] = [];
    venue.onStatus((s) => statuses.push(s));
    await venue.subscribeTicks(['R_100'], () => undefined);
    server.ignorePings = true;
    await waitFor(() => server.totalConnections >= 2, 'a new connection');
    server.ignorePings = false;
    await waitFor(() => server.subscribedSymbols().length === 1 && server.connectionCount === 1, 're-subscription');
    expect(statuses.some((s) => s.state === 'reconnecting')).toBe(true);
  });

  it('survives malformed server messages and subscriber exceptions', async () => {
    const ticks: Tick[] = [];
    await venue.subscribeTicks(['R_100'], () => {
      throw new Error('subscriber bug');
    });
    await venue.subscribeTicks(['R_100'], (t) => ticks.push(t));
    server.broadcastRaw('{not json');
    server.broadcastRaw(JSON.stringify({ msg_type: 'tick', tick: { symbol: 'R_100', epoch: 'soon', quote: 'n/a' } }));
    server.broadcastRaw(JSON.stringify({ msg_type: 'tick', req_id: 999_999, error: { code: 'Unexpected', message: 'for nobody' } }));
    server.emitTick('R_100', 1500);
    await waitFor(() => ticks.some((t) => t.quote === 1500), 'tick to the healthy subscriber');
    expect(errors.some((e) => e instanceof Error && e.message === 'subscriber bug')).toBe(true);
    expect(errors.some((e) => e instanceof Error && /unparseable/.test(e.message))).toBe(true);
    expect(errors.some((e) => e instanceof Error && /malformed tick/.test(e.message))).toBe(true);
    expect(errors.some((e) => e instanceof DerivApiError && e.code === 'Unexpected')).toBe(true);
    expect(ticks.every((t) => Number.isFinite(t.epochMs) && Number.isFinite(t.quote))).toBe(true);
  });

  it('close() rejects pending calls, closes the socket and reports closed', async () => {
    const statuses: VenueStatus[] = [];
    venue.onStatus((s) => statuses.push(s));
    await venue.subscribeTicks(['R_100'], () => undefined);
    await venue.close();
    expect(statuses.at(-1)).toEqual({ state: 'closed' });
    await waitFor(() => server.connectionCount === 0, 'the socket to close');
    await expect(venue.instruments()).rejects.toMatchObject({ code: 'ConnectionClosed' });
  });
});
