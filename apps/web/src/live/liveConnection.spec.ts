import { WS_CHANNELS, type WsServerFrame } from '@meridian/contracts';
import type { LiveStatus } from '../app/uiSlice';
import { LiveChannels } from './liveChannels';
import { AUTH_REJECTED_CLOSE, LiveConnection, liveUrlFor, type SocketLike } from './liveConnection';

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
  // what the server would do
  open() {
    this.onopen?.({});
  }
  receive(frame: WsServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const statuses: LiveStatus[] = [];
  const channels = new LiveChannels();
  const onAuthRejected = jest.fn();
  const connection = new LiveConnection({
    channels,
    urlFor: (token) => `ws://test/api/ws?access_token=${token}`,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    onStatus: (s) => statuses.push(s),
    onAuthRejected,
    initialDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 1, // the top of each backoff window, so the delays are predictable
  });
  return { sockets, statuses, channels, connection, onAuthRejected, last: () => sockets[sockets.length - 1] };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('LiveConnection', () => {
  it('subscribes to every channel once the socket opens and reports live', () => {
    const t = setup();
    t.connection.connect('jwt-1');
    t.last().open();

    expect(t.last().url).toBe('ws://test/api/ws?access_token=jwt-1');
    expect(t.last().sent).toEqual([{ type: 'subscribe', channels: [...WS_CHANNELS] }]);
    expect(WS_CHANNELS).toContain('trading'); // orders, fills and positions of the user's accounts
    expect(t.statuses).toEqual(['connecting', 'live']);
  });

  it('hands event frames to the channel listeners', () => {
    const t = setup();
    const onMetrics = jest.fn();
    t.channels.on('metrics', onMetrics);
    t.connection.connect('jwt-1');
    t.last().open();

    t.last().receive({ type: 'heartbeat', ts: 1 });
    t.last().receive({ type: 'event', channel: 'metrics', data: { p95Ms: 12 } as never, ts: 2 });

    expect(onMetrics).toHaveBeenCalledWith({ p95Ms: 12 }, 2);
  });

  it('reconnects with growing delays after the socket drops', () => {
    const t = setup();
    t.connection.connect('jwt-1');
    t.last().drop();
    expect(t.statuses.at(-1)).toBe('reconnecting');

    jest.advanceTimersByTime(99);
    expect(t.sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(t.sockets).toHaveLength(2);

    t.last().drop();
    jest.advanceTimersByTime(199);
    expect(t.sockets).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(t.sockets).toHaveLength(3);

    t.last().open(); // success resets the backoff
    t.last().drop();
    jest.advanceTimersByTime(100);
    expect(t.sockets).toHaveLength(4);
  });

  it('reconnects at once with a new token, closing the old socket', () => {
    const t = setup();
    t.connection.connect('jwt-1');
    t.last().open();
    const first = t.last();

    t.connection.connect('jwt-2');

    expect(first.closed).toBe(true);
    expect(t.sockets).toHaveLength(2);
    expect(t.last().url).toContain('access_token=jwt-2');
    first.drop(); // the late close of the replaced socket must not schedule anything
    jest.advanceTimersByTime(10_000);
    expect(t.sockets).toHaveLength(2);
  });

  it('reports a 4401 close so the token can be refreshed', () => {
    const t = setup();
    t.connection.connect('jwt-1');
    t.last().drop(AUTH_REJECTED_CLOSE);
    expect(t.onAuthRejected).toHaveBeenCalledTimes(1);
  });

  it('stays closed after disconnect', () => {
    const t = setup();
    t.connection.connect('jwt-1');
    t.last().open();
    t.connection.disconnect();
    jest.advanceTimersByTime(60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.statuses.at(-1)).toBe('offline');
  });
});

describe('liveUrlFor', () => {
  it('uses wss on https pages and the page host', () => {
    expect(liveUrlFor('a b', { protocol: 'https:', host: 'meridian.example:8443' })).toBe('wss://meridian.example:8443/api/ws?access_token=a%20b');
    expect(liveUrlFor('t', { protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/api/ws?access_token=t');
  });
});
