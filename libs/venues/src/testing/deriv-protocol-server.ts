/**
 * A local server speaking the subset of Deriv's API that DerivVenue and DerivTradingVenue use, for
 * tests of this library and of anything built on it. It listens on 127.0.0.1 on a free port, one
 * port for both:
 *
 * - HTTP `POST /trading/v1/options/accounts/{accountId}/otp` (Bearer token + `Deriv-App-ID` header
 *   or `app_id` query) → `{data: {url}}`, a one-time URL of `/trading/v1/options/ws/{demo|real}?otp=…`
 *   that the socket accepts once (401 at the upgrade otherwise).
 * - WebSocket, public (any other path): active_symbols, ticks (subscribe), ticks_history (style
 *   candles), forget, forget_all, ping, and proposal (pricing needs no login).
 * - WebSocket, authenticated (OTP URL): all of the above plus buy, contract_update, sell, portfolio
 *   and proposal_open_contract (with subscribe), on the contract model of {@link ProtocolContractBook}.
 *
 * Controls: emit ticks on demand (or on a timer; open contracts are re-valued and their
 * subscribers updated), drop every connection, answer the next request of a kind with an error
 * reply or a rate-limit reply, carry out the next request of a kind but lose its answer (and drop
 * that connection), and inspect what clients sent and which contracts are open.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { ProtocolContract, ProtocolContractBook, ProtocolTradingAccount } from './deriv-contract-book';

export type DerivRequestKind =
  | 'active_symbols'
  | 'ticks'
  | 'ticks_history'
  | 'forget'
  | 'forget_all'
  | 'ping'
  | 'proposal'
  | 'buy'
  | 'contract_update'
  | 'sell'
  | 'portfolio'
  | 'proposal_open_contract';

/** Calls that need an authenticated (OTP) socket. */
const AUTHENTICATED_KINDS: ReadonlySet<DerivRequestKind | 'unknown'> = new Set(['buy', 'contract_update', 'sell', 'portfolio', 'proposal_open_contract']);

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
  /** Bearer tokens the OTP endpoint accepts; default `['test-api-token']`. */
  apiTokens?: string[];
  /** App ids the OTP endpoint accepts; by default any non-empty one. */
  appIds?: string[];
  /** Trading accounts; default one demo account `DOT90000001` with 10 000 USD. */
  tradingAccounts?: Array<Partial<ProtocolTradingAccount> & { accountId: string }>;
}

export interface ReceivedRequest {
  kind: DerivRequestKind | 'unknown';
  connection: number;
  body: Record<string, unknown>;
}

/** One call of the OTP endpoint, with the HTTP status it was answered with. */
export interface OtpRequestRecord {
  accountId: string;
  authorization: string | null;
  appId: string | null;
  status: number;
}

interface ClientState {
  index: number;
  socket: WebSocket;
  /** subscription id → symbol */
  subscriptions: Map<string, string>;
  /** proposal_open_contract subscription id → contract id */
  contractSubscriptions: Map<string, number>;
  appId: string | null;
  /** The trading account of an OTP-authenticated socket; null on the public socket. */
  accountId: string | null;
}

interface IssuedOtp {
  accountId: string;
  appId: string;
  used: boolean;
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

export const DEFAULT_TEST_API_TOKEN = 'test-api-token';
export const DEFAULT_TEST_ACCOUNT_ID = 'DOT90000001';

const TRADING_SOCKET_PATH = /^\/trading\/v1\/options\/ws\/(demo|real)$/;
const OTP_PATH = /^\/trading\/v1\/options\/accounts\/([^/]+)\/otp$/;

export class DerivProtocolServer {
  /** Every request received, in order. */
  readonly received: ReceivedRequest[] = [];
  /** Every call of the OTP endpoint, in order. */
  readonly otpRequests: OtpRequestRecord[] = [];
  /** While true, pings get no answer (a dead connection as seen by the client's keep-alive). */
  ignorePings = false;
  private readonly clients = new Set<ClientState>();
  private readonly errors: ScheduledError[] = [];
  private readonly lostAnswers = new Map<DerivRequestKind, { remaining: number; keepConnection: boolean }>();
  private readonly symbols: ProtocolServerSymbol[];
  private readonly candles: NonNullable<DerivProtocolServerOptions['candles']>;
  private readonly nowSeconds: () => number;
  private readonly lastQuote = new Map<string, number>();
  private readonly apiTokens: Set<string>;
  private readonly allowedAppIds: Set<string> | null;
  private readonly otps = new Map<string, IssuedOtp>();
  /** The account an accepted upgrade request authenticated as (OTP checked in verifyClient). */
  private readonly upgradeAccounts = new WeakMap<IncomingMessage, string>();
  private readonly book: ProtocolContractBook;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private nextSubscription = 1;
  private nextTickId = 1;
  private nextOtp = 1;
  private connectionsSeen = 0;

  private constructor(
    private readonly http: Server,
    private readonly server: WebSocketServer,
    options: DerivProtocolServerOptions,
  ) {
    this.symbols = options.symbols ?? DEFAULT_SYMBOLS;
    this.candles = options.candles ?? defaultProtocolCandles;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
    this.apiTokens = new Set(options.apiTokens ?? [DEFAULT_TEST_API_TOKEN]);
    this.allowedAppIds = options.appIds ? new Set(options.appIds) : null;
    this.book = new ProtocolContractBook(
      (options.tradingAccounts ?? [{ accountId: DEFAULT_TEST_ACCOUNT_ID }]).map((a) => ({ type: 'demo', currency: 'USD', balance: '10000', ...a })),
    );
    http.on('request', (req, res) => this.handleHttp(req, res));
    server.on('connection', (socket, request) => this.accept(socket, request));
    if (options.tickIntervalMs) {
      this.tickTimer = setInterval(() => {
        for (const symbol of new Set(this.subscribedSymbols())) this.emitTick(symbol);
      }, options.tickIntervalMs);
    }
  }

  static async start(options: DerivProtocolServerOptions = {}): Promise<DerivProtocolServer> {
    const http = createServer();
    const ref: { self?: DerivProtocolServer } = {};
    // The OTP of a trading socket is checked at the upgrade, so a spent or unknown one gets a 401.
    const server = new WebSocketServer({ server: http, verifyClient: (info, done) => (ref.self ? ref.self.verifyUpgrade(info.req, done) : done(false, 503)) });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => resolve());
    });
    ref.self = new DerivProtocolServer(http, server, options);
    return ref.self;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** Socket URL shaped like Deriv's public one (pass it as DerivVenue's `url`). */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/trading/v1/options/ws/public`;
  }

  /** Base of the REST endpoints (pass it as DerivTradingVenue's `restBaseUrl`). */
  get restBaseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
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

  /** Connections opened with a one-time trading URL, open right now. */
  get tradingConnectionCount(): number {
    return [...this.clients].filter((c) => c.accountId !== null).length;
  }

  /**
   * Sends a tick to every subscription of `symbol` and re-values the open contracts on it (take
   * profit, stop loss and stop out close them; their proposal_open_contract subscribers get an
   * update). Returns how many tick messages were sent.
   */
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
    this.publishContracts(this.book.onPrice(symbol, q, epoch));
    return sent;
  }

  /** The current quote of a symbol (1000 until a tick says otherwise). */
  quote(symbol: string): number {
    return this.lastQuote.get(symbol) ?? 1000;
  }

  /** Contracts still open, of one account or of all. */
  openContracts(accountId?: string): ProtocolContract[] {
    return this.book.openContracts(accountId);
  }

  /** A contract in any state. */
  contract(contractId: number): ProtocolContract | undefined {
    return this.book.contract(contractId);
  }

  /** A trading account with its current balance (decimal string). */
  account(accountId = DEFAULT_TEST_ACCOUNT_ID): ProtocolTradingAccount | undefined {
    return this.book.account(accountId);
  }

  /**
   * Carries out the next `times` trading requests of `kind` (buy, sell, contract_update …) but never
   * answers them, and drops the connection they came on — as when the network fails right after a
   * buy went through. With `keepConnection` the connection stays up and the answer simply never
   * comes (the client's timeout fires).
   */
  loseNextAnswer(kind: DerivRequestKind, times = 1, options: { keepConnection?: boolean } = {}): void {
    const previous = this.lostAnswers.get(kind)?.remaining ?? 0;
    this.lostAnswers.set(kind, { remaining: previous + times, keepConnection: options.keepConnection ?? false });
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
    this.http.closeAllConnections(); // keep-alive connections of fetch would hold close() open
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private handleHttp(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = Date.now();
    const answer = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, code: string, message: string) =>
      answer(status, { errors: [{ status, code, message }], meta: { endpoint: url.pathname, method: req.method, timing: Date.now() - started } });
    const match = OTP_PATH.exec(url.pathname);
    if (!match) return fail(404, 'NotFound', 'No such endpoint.');
    if (req.method !== 'POST') return fail(405, 'MethodNotAllowed', 'Use POST.');
    const accountId = decodeURIComponent(match[1]);
    const authorization = req.headers.authorization ?? null;
    const appId = (req.headers['deriv-app-id'] as string | undefined) ?? url.searchParams.get('app_id');
    const record = (status: number) => this.otpRequests.push({ accountId, authorization, appId, status });
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null;
    if (!token || !this.apiTokens.has(token)) {
      record(401);
      return fail(401, 'Unauthorized', 'Invalid or missing authentication credentials');
    }
    if (!appId || (this.allowedAppIds && !this.allowedAppIds.has(appId))) {
      record(401);
      return fail(401, 'Unauthorized', appId ? `App id ${appId} is not registered for this token` : 'The Deriv-App-ID header is required with a personal access token');
    }
    const account = this.book.account(accountId);
    if (!account) {
      record(400);
      return fail(400, 'ValidationError', 'Invalid account ID format');
    }
    const otp = `otp-${this.nextOtp++}-${Math.random().toString(36).slice(2, 10)}`;
    this.otps.set(otp, { accountId, appId, used: false });
    record(200);
    answer(200, { data: { url: `ws://127.0.0.1:${this.port}/trading/v1/options/ws/${account.type}?otp=${otp}` } });
  }

  private verifyUpgrade(req: IncomingMessage, done: (ok: boolean, code?: number, message?: string) => void): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!TRADING_SOCKET_PATH.test(url.pathname)) return done(true); // the public socket needs no login
    const otp = this.otps.get(url.searchParams.get('otp') ?? '');
    if (!otp || otp.used) return done(false, 401, 'Invalid or expired OTP token');
    otp.used = true; // one time only
    this.upgradeAccounts.set(req, otp.accountId);
    done(true);
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const url = request.url ?? '';
    const accountId = this.upgradeAccounts.get(request) ?? null;
    const otp = accountId ? this.otps.get(new URL(url, 'ws://localhost').searchParams.get('otp') ?? '') : undefined;
    const client: ClientState = {
      index: this.connectionsSeen++,
      socket,
      subscriptions: new Map(),
      contractSubscriptions: new Map(),
      appId: otp?.appId ?? new URL(url, 'ws://localhost').searchParams.get('app_id'),
      accountId,
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
    if (AUTHENTICATED_KINDS.has(kind) && client.accountId === null) {
      reply({ msg_type: msgType, error: { code: 'AuthorizationRequired', message: 'Please log in.' } });
      return;
    }
    const lost = this.lostAnswers.get(kind);
    if (lost) {
      // Carry the request out, then lose the answer (and the connection with it, unless kept).
      if (--lost.remaining === 0) this.lostAnswers.delete(kind);
      this.handleTrading(client, kind, body, () => undefined);
      if (!lost.keepConnection) client.socket.terminate();
      return;
    }
    if (this.handleTrading(client, kind, body, reply)) return;
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
        const id = String(body.forget);
        const existed = client.subscriptions.delete(id) || client.contractSubscriptions.delete(id);
        reply({ msg_type: 'forget', forget: existed ? 1 : 0 });
        return;
      }
      case 'forget_all': {
        const types = [body.forget_all].flat().map(String);
        const ids: string[] = [];
        if (types.includes('proposal_open_contract')) {
          ids.push(...client.contractSubscriptions.keys());
          client.contractSubscriptions.clear();
        }
        if (types.some((t) => t !== 'proposal_open_contract')) {
          ids.push(...client.subscriptions.keys());
          client.subscriptions.clear();
        }
        reply({ msg_type: 'forget_all', forget_all: ids });
        return;
      }
    }
  }

  /** The trading calls; returns false for any other kind. */
  private handleTrading(client: ClientState, kind: DerivRequestKind, body: Record<string, unknown>, reply: (msg: Record<string, unknown>) => void): boolean {
    const now = this.nowSeconds();
    const account = client.accountId ?? '';
    const answer = (result: { ok: unknown } | { error: unknown }) => reply('error' in result ? { msg_type: kind, error: result.error } : { msg_type: kind, [kind]: result.ok });
    switch (kind) {
      case 'proposal': {
        const symbol = this.symbols.find((s) => s.underlying_symbol === body.underlying_symbol);
        if (!symbol) reply({ msg_type: kind, error: { code: 'InvalidSymbol', message: `Symbol ${String(body.underlying_symbol)} invalid.` } });
        else if (!symbol.exchange_is_open || symbol.is_trading_suspended) reply({ msg_type: kind, error: { code: 'MarketIsClosed', message: 'This market is presently closed.' } });
        else answer(this.book.propose(client.accountId, body, this.quote(symbol.underlying_symbol), now));
        return true;
      }
      case 'buy': {
        const proposalId = String(body.buy);
        const symbol = this.book.proposalSymbol(proposalId);
        answer(this.book.buy(account, proposalId, body.price, symbol ? this.quote(symbol) : 0, now));
        return true;
      }
      case 'contract_update':
        answer(this.book.update(account, Number(body.contract_id), (body.limit_order ?? {}) as Record<string, unknown>, now));
        return true;
      case 'sell': {
        const result = this.book.sell(account, Number(body.sell), body.price, now);
        answer(result);
        if ('ok' in result) {
          const sold = this.book.contract(Number(body.sell));
          if (sold) this.publishContracts([sold]);
        }
        return true;
      }
      case 'portfolio':
        reply({ msg_type: kind, portfolio: { contracts: this.book.portfolio(account) } });
        return true;
      case 'proposal_open_contract': {
        if (body.contract_id === undefined) {
          reply({ msg_type: kind, error: { code: 'InputValidationFailed', message: 'This server needs a contract_id.' } });
          return true;
        }
        const contractId = Number(body.contract_id);
        const result = this.book.openContractBody(account, contractId);
        if ('error' in result || body.subscribe !== 1 || result.ok.is_sold === 1) {
          answer(result); // a closed contract has nothing more to stream
          return true;
        }
        if ([...client.contractSubscriptions.values()].includes(contractId)) {
          reply({ msg_type: kind, error: { code: 'AlreadySubscribed', message: `You are already subscribed to contract ${contractId}.` } });
          return true;
        }
        const id = `poc-${this.nextSubscription++}`;
        client.contractSubscriptions.set(id, contractId);
        reply({ msg_type: kind, proposal_open_contract: result.ok, subscription: { id } });
        return true;
      }
      default:
        return false;
    }
  }

  /** Sends the state of each contract to its subscribers; a closed contract's stream ends. */
  private publishContracts(contracts: ProtocolContract[]): void {
    for (const contract of contracts) {
      const body = this.book.describe(contract);
      for (const client of this.clients) {
        for (const [id, contractId] of client.contractSubscriptions) {
          if (contractId !== contract.contractId) continue;
          this.send(client, {
            msg_type: 'proposal_open_contract',
            echo_req: { proposal_open_contract: 1, contract_id: contractId, subscribe: 1 },
            subscription: { id },
            proposal_open_contract: body,
          });
          if (contract.status !== 'open') client.contractSubscriptions.delete(id);
        }
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
  const kinds = ['active_symbols', 'ticks_history', 'ticks', 'forget_all', 'forget', 'ping', 'proposal_open_contract', 'proposal', 'buy', 'contract_update', 'sell', 'portfolio'] as const;
  for (const kind of kinds) {
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
