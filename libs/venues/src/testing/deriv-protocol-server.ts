/**
 * A local server speaking the subset of Deriv's WebSocket API that DerivVenue uses, for tests of
 * this library and of anything built on it: active_symbols, ticks (subscribe), ticks_history
 * (style candles), forget, forget_all, ping. It listens on 127.0.0.1 on a free port.
 *
 * Controls: emit ticks on demand (or on a timer), drop every connection, answer the next request of
 * a kind with an error reply or a rate-limit reply, and inspect what clients sent.
 */
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

export type DerivRequestKind = 'active_symbols' | 'ticks' | 'ticks_history' | 'forget' | 'forget_all' | 'ping';

export interface ProtocolServerSymbol {
  underlying_symbol: string;
  underlying_symbol_name: string;
  underlying_symbol_type: string;
  pip_size: number;
  market: string;
  submarket: string;
  exchange_is_open: 0 | 1;
  is_trading_suspended: 0 | 1;
}

export interface ProtocolCandle {
  epoch: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface DerivProtocolServerOptions {
  /** Symbols of active_symbols; defaults to a few synthetic indices. */
  symbols?: ProtocolServerSymbol[];
  /** Emit a tick to every subscription this often (ms); by default ticks are only sent by {@link DerivProtocolServer.emitTick}. */
  tickIntervalMs?: number;
  /** Candles of ticks_history; by default a deterministic zig-zag around 1000. */
  candles?: (symbol: string, granularity: number, startEpoch: number, endEpoch: number) => ProtocolCandle[];
  /** Seconds "now" for `end: 'latest'` and tick epochs; defaults to the wall clock. */
  nowSeconds?: () => number;
}

export interface ReceivedRequest {
  kind: DerivRequestKind | 'unknown';
  connection: number;
  body: Record<string, unknown>;
}

interface ClientState {
  index: number;
  socket: WebSocket;
  /** subscription id → symbol */
  subscriptions: Map<string, string>;
  appId: string | null;
}

interface ScheduledError {
  kind: DerivRequestKind;
  code: string;
  message: string;
  remaining: number;
}

const DEFAULT_SYMBOLS: ProtocolServerSymbol[] = [
  { underlying_symbol: 'R_100', underlying_symbol_name: 'Volatility 100 Index', underlying_symbol_type: 'stockindex', pip_size: 0.01, market: 'synthetic_index', submarket: 'random_index', exchange_is_open: 1, is_trading_suspended: 0 },
  { underlying_symbol: 'R_50', underlying_symbol_name: 'Volatility 50 Index', underlying_symbol_type: 'stockindex', pip_size: 0.0001, market: 'synthetic_index', submarket: 'random_index', exchange_is_open: 1, is_trading_suspended: 0 },
  { underlying_symbol: '1HZ100V', underlying_symbol_name: 'Volatility 100 (1s) Index', underlying_symbol_type: 'stockindex', pip_size: 0.01, market: 'synthetic_index', submarket: 'random_index', exchange_is_open: 1, is_trading_suspended: 0 },
  { underlying_symbol: 'stpRNG', underlying_symbol_name: 'Step Index', underlying_symbol_type: 'stockindex', pip_size: 0.1, market: 'synthetic_index', submarket: 'step_index', exchange_is_open: 1, is_trading_suspended: 1 },
];

/** Deterministic candles: a zig-zag that depends on the epoch only, so any page agrees with any other. */
export function defaultProtocolCandles(_symbol: string, granularity: number, startEpoch: number, endEpoch: number): ProtocolCandle[] {
  const out: ProtocolCandle[] = [];
  for (let epoch = Math.ceil(startEpoch / granularity) * granularity; epoch <= endEpoch; epoch += granularity) {
    const k = epoch / granularity;
    const open = 1000 + (k % 10);
    const close = 1000 + ((k + 1) % 10);
    out.push({ epoch, open, high: Math.max(open, close) + 0.5, low: Math.min(open, close) - 0.5, close });
  }
  return out;
}

export class DerivProtocolServer {
  /** Every request received, in order. */
  readonly received: ReceivedRequest[] = [];
  /** While true, pings get no answer (a dead connection as seen by the client's keep-alive). */
  ignorePings = false;
  private readonly clients = new Set<ClientState>();
  private readonly errors: ScheduledError[] = [];
  private readonly symbols: ProtocolServerSymbol[];
  private readonly candles: NonNullable<DerivProtocolServerOptions['candles']>;
  private readonly nowSeconds: () => number;
  private readonly lastQuote = new Map<string, number>();
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private nextSubscription = 1;
  private nextTickId = 1;
  private connectionsSeen = 0;

  private constructor(
    private readonly server: WebSocketServer,
    options: DerivProtocolServerOptions,
  ) {
    this.symbols = options.symbols ?? DEFAULT_SYMBOLS;
    this.candles = options.candles ?? defaultProtocolCandles;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
    server.on('connection', (socket, request) => this.accept(socket, request.url ?? ''));
    if (options.tickIntervalMs) {
      this.tickTimer = setInterval(() => {
        for (const symbol of new Set(this.subscribedSymbols())) this.emitTick(symbol);
      }, options.tickIntervalMs);
    }
  }

  static async start(options: DerivProtocolServerOptions = {}): Promise<DerivProtocolServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new DerivProtocolServer(server, options);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Socket URL shaped like Deriv's public one (pass it as DerivVenue's `url`). */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/trading/v1/options/ws/public`;
  }

  /** Connections open right now. */
  get connectionCount(): number {
    return this.clients.size;
  }

  /** Connections accepted since start. */
  get totalConnections(): number {
    return this.connectionsSeen;
  }

  /** app_id query parameter of each open connection. */
  get appIds(): Array<string | null> {
    return [...this.clients].map((c) => c.appId);
  }

  /** Requests received of one kind. */
  requests(kind: DerivRequestKind): ReceivedRequest[] {
    return this.received.filter((r) => r.kind === kind);
  }

  /** Symbols with a live subscription, one entry per subscription (all connections). */
  subscribedSymbols(): string[] {
    return [...this.clients].flatMap((c) => [...c.subscriptions.values()]);
  }

  /** Sends a tick to every subscription of `symbol`; returns how many were sent. */
  emitTick(symbol: string, quote?: number, epochSeconds?: number): number {
    const q = quote ?? (this.lastQuote.get(symbol) ?? 1000) + 0.01;
    this.lastQuote.set(symbol, q);
    const epoch = epochSeconds ?? this.nowSeconds();
    let sent = 0;
    for (const client of this.clients) {
      for (const [id, s] of client.subscriptions) {
        if (s !== symbol) continue;
        this.send(client, { msg_type: 'tick', echo_req: { ticks: symbol, subscribe: 1 }, subscription: { id }, tick: this.tickBody(symbol, q, epoch) });
        sent++;
      }
    }
    return sent;
  }

  /** Sends raw text to every connection (for malformed-message tests). */
  broadcastRaw(text: string): void {
    for (const client of this.clients) if (client.socket.readyState === WebSocket.OPEN) client.socket.send(text);
  }

  /** Terminates every connection (as if the network dropped); clients must reconnect. */
  dropAllConnections(): void {
    for (const client of this.clients) client.socket.terminate();
  }

  /** Answers the next `times` requests of `kind` with an error reply of `code`. */
  failNext(kind: DerivRequestKind, code = 'InvalidSymbol', message?: string, times = 1): void {
    this.errors.push({ kind, code, message: message ?? defaultErrorMessage(code), remaining: times });
  }

  /** Answers the next `times` requests of `kind` with Deriv's rate-limit reply. */
  rateLimitNext(kind: DerivRequestKind, times = 1): void {
    this.failNext(kind, 'RateLimit', 'You have reached the rate limit for ' + kind + '.', times);
  }

  async close(): Promise<void> {
    clearInterval(this.tickTimer);
    for (const client of this.clients) client.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, url: string): void {
    const client: ClientState = {
      index: this.connectionsSeen++,
      socket,
      subscriptions: new Map(),
      appId: new URL(url, 'ws://localhost').searchParams.get('app_id'),
    };
    this.clients.add(client);
    socket.on('message', (data) => this.handle(client, data.toString()));
    socket.on('close', () => this.clients.delete(client));
    socket.on('error', () => this.clients.delete(client));
  }

  private handle(client: ClientState, text: string): void {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      this.send(client, { msg_type: 'error', error: { code: 'BadRequest', message: 'Invalid JSON.' } });
      return;
    }
    const kind = kindOf(body);
    this.received.push({ kind, connection: client.index, body });
    const reqId = body.req_id;
    const reply = (msg: Record<string, unknown>) => this.send(client, { echo_req: body, ...msg, ...(reqId !== undefined ? { req_id: reqId } : {}) });
    if (kind === 'unknown') {
      reply({ msg_type: 'error', error: { code: 'UnrecognisedRequest', message: 'Unrecognised request.' } });
      return;
    }
    const msgType = kind === 'ticks' ? 'tick' : kind === 'ticks_history' ? 'candles' : kind;
    const scheduled = this.errors.find((e) => e.kind === kind && e.remaining > 0);
    if (scheduled) {
      scheduled.remaining--;
      if (scheduled.remaining === 0) this.errors.splice(this.errors.indexOf(scheduled), 1);
      reply({ msg_type: msgType, error: { code: scheduled.code, message: scheduled.message } });
      return;
    }
    switch (kind) {
      case 'ping':
        if (this.ignorePings) return;
        reply({ msg_type: 'ping', ping: 'pong' });
        return;
      case 'active_symbols':
        reply({ msg_type: 'active_symbols', active_symbols: this.symbols });
        return;
      case 'ticks': {
        const symbol = String(body.ticks);
        if (!this.symbols.some((s) => s.underlying_symbol === symbol)) {
          reply({ msg_type: 'tick', error: { code: 'InvalidSymbol', message: `Symbol ${symbol} invalid.` } });
          return;
        }
        const quote = this.lastQuote.get(symbol) ?? 1000;
        if (body.subscribe !== 1) {
          reply({ msg_type: 'tick', tick: this.tickBody(symbol, quote, this.nowSeconds()) });
          return;
        }
        if ([...client.subscriptions.values()].includes(symbol)) {
          reply({ msg_type: 'tick', error: { code: 'AlreadySubscribed', message: `You are already subscribed to ${symbol}.` } });
          return;
        }
        const id = `sub-${this.nextSubscription++}`;
        client.subscriptions.set(id, symbol);
        reply({ msg_type: 'tick', subscription: { id }, tick: this.tickBody(symbol, quote, this.nowSeconds()) });
        return;
      }
      case 'ticks_history': {
        const symbol = String(body.ticks_history);
        if (!this.symbols.some((s) => s.underlying_symbol === symbol)) {
          reply({ msg_type: 'candles', error: { code: 'InvalidSymbol', message: `Symbol ${symbol} invalid.` } });
          return;
        }
        const granularity = Number(body.granularity ?? 60);
        const end = body.end === 'latest' || body.end === undefined ? this.nowSeconds() : Number(body.end);
        const count = Math.min(5000, Number(body.count ?? 5000));
        const start = Math.max(Number(body.start ?? 0), end - count * granularity);
        const candles = this.candles(symbol, granularity, start, end).slice(-count);
        reply({ msg_type: 'candles', candles, pip_size: 2 });
        return;
      }
      case 'forget': {
        const existed = client.subscriptions.delete(String(body.forget));
        reply({ msg_type: 'forget', forget: existed ? 1 : 0 });
        return;
      }
      case 'forget_all': {
        const ids = [...client.subscriptions.keys()];
        client.subscriptions.clear();
        reply({ msg_type: 'forget_all', forget_all: ids });
        return;
      }
    }
  }

  private tickBody(symbol: string, quote: number, epoch: number): Record<string, unknown> {
    const pip = this.symbols.find((s) => s.underlying_symbol === symbol)?.pip_size ?? 0.01;
    return { epoch, quote, symbol, pip_size: Math.round(-Math.log10(pip)), id: `tick-${this.nextTickId++}`, ask: quote, bid: quote };
  }

  private send(client: ClientState, message: Record<string, unknown>): void {
    if (client.socket.readyState === WebSocket.OPEN) client.socket.send(JSON.stringify(message));
  }
}

function kindOf(body: Record<string, unknown>): DerivRequestKind | 'unknown' {
  for (const kind of ['active_symbols', 'ticks_history', 'ticks', 'forget_all', 'forget', 'ping'] as const) {
    if (body[kind] !== undefined) return kind;
  }
  return 'unknown';
}

function defaultErrorMessage(code: string): string {
  switch (code) {
    case 'InvalidSymbol':
      return 'Symbol is invalid.';
    case 'RateLimit':
      return 'You have reached the rate limit for this call.';
    case 'AuthorizationRequired':
      return 'Please log in.';
    default:
      return `Error ${code}.`;
  }
}
