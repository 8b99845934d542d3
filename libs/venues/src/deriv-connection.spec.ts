import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { DerivConnection, DerivConnectionOptions } from './deriv-connection';
import { DerivMessage } from './deriv-protocol';

/** A scripted server: `answer` decides what each request gets back (any number of frames, at once). */
async function scriptedServer(answer: (request: Record<string, unknown>, socket: WebSocket) => void) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const paths: string[] = [];
  wss.on('connection', (socket, req) => {
    paths.push(req.url ?? '');
    socket.on('message', (data) => answer(JSON.parse(data.toString()) as Record<string, unknown>, socket));
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    paths,
    dropAll: () => wss.clients.forEach((c) => c.terminate()),
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

function connection(url: string, overrides: Partial<DerivConnectionOptions<'c'>> = {}) {
  const unsolicited: DerivMessage[] = [];
  const conn = new DerivConnection<'c'>({
    url,
    pingIntervalMs: 60_000,
    requestTimeoutMs: 1000,
    reconnectBaseMs: 10,
    reconnectCapMs: 20,
    rateLimits: { c: 100 },
    rateLimitWindowMs: 60_000,
    rateLimitRetryBaseMs: 10,
    rateLimitRetryCapMs: 20,
    rateLimitMaxRetries: 3,
    random: () => 0.5,
    onStatus: () => undefined,
    onUnsolicited: (m) => unsolicited.push(m),
    onReconnected: () => undefined,
    onError: () => undefined,
    ...overrides,
  });
  return { conn, unsolicited };
}

describe('DerivConnection', () => {
  let server: Awaited<ReturnType<typeof scriptedServer>>;
  let conn: DerivConnection<'c'> | undefined;

  afterEach(async () => {
    await conn?.close();
    await server.close();
  });

  it('runs onAnswer before stream messages that arrive in the same read', async () => {
    server = await scriptedServer((req, socket) => {
      // Answer and first stream message back to back, as Deriv may send them.
      socket.send(JSON.stringify({ msg_type: 'tick', req_id: req.req_id, subscription: { id: 's1' }, tick: { quote: 1 } }));
      socket.send(JSON.stringify({ msg_type: 'tick', subscription: { id: 's1' }, tick: { quote: 2 } }));
    });
    const order: string[] = [];
    const made = connection(server.url, { onUnsolicited: (m) => order.push(`stream ${(m.tick as { quote: number }).quote}`) });
    conn = made.conn;
    await conn.call({ ticks: 'R_100', subscribe: 1 }, { cls: 'c', onAnswer: (m) => order.push(`answer ${(m.tick as { quote: number }).quote}`) });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['answer 1', 'stream 2']);
  });

  it('fails an unrepeatable call with AnswerLost when the socket drops after sending, and does not resend it', async () => {
    let buys = 0;
    server = await scriptedServer((req, socket) => {
      if (req.buy) {
        buys++;
        socket.terminate();
      } else socket.send(JSON.stringify({ msg_type: 'portfolio', req_id: req.req_id, portfolio: { contracts: [] } }));
    });
    conn = connection(server.url).conn;
    await expect(conn.call({ buy: 'p1', price: 10 }, { cls: 'c', repeatable: false })).rejects.toMatchObject({ code: 'AnswerLost', msgType: 'buy' });
    // A repeatable read after the drop goes out on the new socket.
    expect(await conn.call({ portfolio: 1 }, { cls: 'c' })).toMatchObject({ msg_type: 'portfolio' });
    expect(buys).toBe(1);
  });

  it('on a timeout fails an unrepeatable call that was sent with AnswerLost, a repeatable one with Timeout', async () => {
    server = await scriptedServer(() => undefined); // never answers
    conn = connection(server.url, { requestTimeoutMs: 50 }).conn;
    await expect(conn.call({ buy: 'p1', price: 10 }, { cls: 'c', repeatable: false })).rejects.toMatchObject({ code: 'AnswerLost' });
    await expect(conn.call({ portfolio: 1 }, { cls: 'c' })).rejects.toMatchObject({ code: 'Timeout' });
  });

  it('does not retry an unrepeatable call after a rate-limit reply', async () => {
    let calls = 0;
    server = await scriptedServer((req, socket) => {
      calls++;
      socket.send(JSON.stringify({ msg_type: 'buy', req_id: req.req_id, error: { code: 'RateLimit', message: 'Slow down.' } }));
    });
    conn = connection(server.url).conn;
    await expect(conn.call({ buy: 'p1', price: 10 }, { cls: 'c', repeatable: false })).rejects.toMatchObject({ code: 'RateLimit' });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
  });

  it('asks refreshUrl for a new URL on every reconnect', async () => {
    server = await scriptedServer((req, socket) => socket.send(JSON.stringify({ msg_type: 'portfolio', req_id: req.req_id, portfolio: {} })));
    let fresh = 0;
    conn = connection(`${server.url}/first`, { refreshUrl: async () => `${server.url}/fresh-${++fresh}` }).conn;
    await conn.call({ portfolio: 1 }, { cls: 'c' });
    server.dropAll();
    await new Promise((r) => setTimeout(r, 50));
    await conn.call({ portfolio: 1 }, { cls: 'c' });
    expect(server.paths).toEqual(['/first', '/fresh-1']);
  });
});
