import type { MarketStreamServerFrame } from '@meridian/contracts';
import { AUTH_REJECTED_CLOSE, type SocketLike } from './liveConnection';
import { MarketChannels } from './marketChannels';
import { MarketConnection, marketStreamUrlFor } from './marketConnection';

class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.({});
  }
  receive(frame: MarketStreamServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const channels = new MarketChannels();
  const onAuthRejected = jest.fn();
  const connection = new MarketConnection({
    channels,
    urlFor: (token) => `ws://test/api/markets/stream?access_token=${token}`,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    onAuthRejected,
    initialDelayMs: 100,
    maxDelayMs: 1000,
    pingIntervalMs: 0,
    random: () => 1,
  });
  return { sockets, channels, connection, onAuthRejected, last: () => sockets[sockets.length - 1] };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('MarketConnection', () => {
  it('opens only while there is a token and a listener, and closes when the last one leaves', () => {
    const t = setup();
    t.connection.setToken('jwt-1');
    expect(t.sockets).toHaveLength(0);

    const stop = t.channels.onTicks(['R_100'], () => undefined);
    expect(t.sockets).toHaveLength(1);
    expect(t.last().url).toBe('ws://test/api/markets/stream?access_token=jwt-1');
    expect(t.channels.status).toBe('connecting');

    stop();
    expect(t.last().closed).toBe(true);
    expect(t.channels.status).toBe('offline');
  });

  it('subscribes everything on open, then each change as it happens', () => {
    const t = setup();
    t.connection.setToken('jwt-1');
    const onTick = jest.fn();
    t.channels.onTicks(['R_100', 'R_50'], onTick);
    const stopCandles = t.channels.onCandles('R_100', '5m', () => undefined);
    t.last().open();
    expect(t.last().sent).toEqual([
      { type: 'subscribe', channel: 'ticks', symbols: ['R_100', 'R_50'] },
      { type: 'subscribe', channel: 'candles', symbols: ['R_100'], timeframe: '5m' },
    ]);
    expect(t.channels.status).toBe('live');

    t.channels.onTicks(['R_100'], () => undefined); // already subscribed: nothing to send
    stopCandles();
    t.channels.onCandles('R_10', '1m', () => undefined);
    expect(t.last().sent.slice(2)).toEqual([
      { type: 'unsubscribe', channel: 'candles', symbols: ['R_100'], timeframe: '5m' },
      { type: 'subscribe', channel: 'candles', symbols: ['R_10'], timeframe: '1m' },
    ]);

    t.last().receive({ type: 'tick', symbol: 'R_100', price: 1234.5, epochMs: 1 });
    t.last().receive({ type: 'tick', symbol: 'R_75', price: 1, epochMs: 1 });
    expect(onTick).toHaveBeenCalledTimes(1);
    expect(onTick).toHaveBeenCalledWith({ symbol: 'R_100', price: 1234.5, epochMs: 1 });
  });

  it('reconnects with growing delays and resubscribes', () => {
    const t = setup();
    t.connection.setToken('jwt-1');
    t.channels.onTicks(['R_100'], () => undefined);
    t.last().open();
    t.last().drop();
    expect(t.channels.status).toBe('reconnecting');

    jest.advanceTimersByTime(99);
    expect(t.sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(t.sockets).toHaveLength(2);
    t.last().drop();
    jest.advanceTimersByTime(199);
    expect(t.sockets).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(t.sockets).toHaveLength(3);

    t.last().open();
    expect(t.last().sent).toEqual([{ type: 'subscribe', channel: 'ticks', symbols: ['R_100'] }]);
  });

  it('reopens at once with a new token, and reports a 4401', () => {
    const t = setup();
    t.connection.setToken('jwt-1');
    t.channels.onAlert(() => undefined);
    t.last().drop(AUTH_REJECTED_CLOSE);
    expect(t.onAuthRejected).toHaveBeenCalledTimes(1);

    t.connection.setToken('jwt-2');
    expect(t.sockets).toHaveLength(2);
    expect(t.last().url).toContain('access_token=jwt-2');
    jest.advanceTimersByTime(10_000); // the pending retry of the old token is gone
    expect(t.sockets).toHaveLength(2);

    t.connection.setToken(null);
    expect(t.last().closed).toBe(true);
    expect(t.channels.status).toBe('offline');
  });
});

describe('marketStreamUrlFor', () => {
  it('uses wss on https pages and the page host', () => {
    expect(marketStreamUrlFor('a b', { protocol: 'https:', host: 'meridian.example' })).toBe('wss://meridian.example/api/markets/stream?access_token=a%20b');
  });
});
