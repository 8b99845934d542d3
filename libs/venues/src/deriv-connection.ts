/**
 * One resilient WebSocket to Deriv: request/response matching by `req_id`, a client-side rate
 * limiter per call class, retries after rate-limit replies, keep-alive pings, and reconnects with
 * exponential backoff and full jitter. Subscription bookkeeping lives in the venue.
 *
 * Calls are repeatable by default (reads: sent again after a reconnect, retried after a rate-limit
 * reply). A call marked `repeatable: false` (a buy, a sell) is never sent twice: a rate-limit reply
 * fails it, and once it has been written to a socket, a drop, a timeout or close() fails it with
 * `AnswerLost`, because the server may have carried it out — the caller must find out what happened.
 */
import type { VenueStatus } from '@meridian/market-data';
import { backoffDelayMs } from '@meridian/resilience';
import WebSocket from 'ws';
import { DerivApiError, DerivMessage } from './deriv-protocol';
import { SlidingWindowRateLimiter } from './rate-limiter';

/** Calls counted against separate client-side budgets (of the market-data venue). */
export type DerivCallClass = 'history' | 'subscriptions' | 'other';

export interface DerivConnectionOptions<C extends string = DerivCallClass> {
  /** Full socket URL, app id included. */
  url: string;
  /**
   * A fresh URL for every reconnect. Authenticated trading sockets need it: their URL carries a
   * one-time password that the server accepts once. A rejection is reported to `onError` and
   * the reconnect is tried again after the usual backoff.
   */
  refreshUrl?: () => Promise<string>;
  pingIntervalMs: number;
  requestTimeoutMs: number;
  reconnectBaseMs: number;
  reconnectCapMs: number;
  rateLimits: Readonly<Record<C, number>>;
  rateLimitWindowMs: number;
  rateLimitRetryBaseMs: number;
  rateLimitRetryCapMs: number;
  rateLimitMaxRetries: number;
  random: () => number;
  onStatus: (status: VenueStatus) => void;
  /** Messages that answer no pending call (tick streams). */
  onUnsolicited: (message: DerivMessage) => void;
  /** The socket is open again after a drop (not called for the first connection). */
  onReconnected: () => void;
  onError: (err: unknown) => void;
}

export interface CallOptions<C extends string = DerivCallClass> {
  /** `null` = not rate limited (ping). */
  cls: C | null;
  /**
   * Calls bound to the connection (forget, forget_all): if the connection is lost they resolve with
   * `null` instead of being sent again, since their subscriptions died with it.
   */
  connectionBound?: boolean;
  /**
   * `false` for calls with an effect that must not happen twice (buy, sell). Such a call is never
   * retried after a rate-limit reply, and once written to a socket it is never sent again: a
   * drop, a timeout or close() before its answer fails it with `AnswerLost`. Default `true`.
   */
  repeatable?: boolean;
  /**
   * Called synchronously with the successful answer, before any later message is handled (the
   * promise resolves a microtask later, by which time messages that arrived in the same network
   * read may have been dispatched). Subscriptions register their id here so the stream messages
   * right behind the answer are routed, and delivered, in order. A throw fails the call.
   */
  onAnswer?: (message: DerivMessage) => void;
}

interface Call<C extends string> {
  payload: Record<string, unknown>;
  options: CallOptions<C>;
  resolve: (message: DerivMessage | null) => void;
  reject: (err: unknown) => void;
  state: 'queued' | 'waiting' | 'sent' | 'retry-wait' | 'done';
  reqId?: number;
  rateLimitRetries: number;
  cancelQueued?: () => void;
  timeout?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
}

export class DerivConnection<C extends string = DerivCallClass> {
  private readonly limiter: SlidingWindowRateLimiter<C>;
  private readonly calls = new Set<Call<C>>();
  private readonly sent = new Map<number, Call<C>>();
  private waiting: Call<C>[] = [];
  private socket: WebSocket | null = null;
  /** A fresh URL is being fetched for the next socket. */
  private resolvingUrl = false;
  private socketsOpened = 0;
  private open = false;
  private everConnected = false;
  private attempt = 0;
  private nextReqId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pingOutstanding = false;
  private closed = false;

  constructor(private readonly options: DerivConnectionOptions<C>) {
    this.limiter = new SlidingWindowRateLimiter({ budgets: options.rateLimits, windowMs: options.rateLimitWindowMs });
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Calls of a class waiting for client-side budget. */
  queued(cls: C): number {
    return this.limiter.queued(cls);
  }

  /** Opens the socket if it is not open or opening (calls do this on their own). */
  connect(): void {
    if (this.closed || this.socket || this.reconnectTimer || this.resolvingUrl) return;
    this.openSocket();
  }

  /** Sends a request and resolves with its answer; rejects with {@link DerivApiError} on an error reply. */
  call(payload: Record<string, unknown>, options: CallOptions<C>): Promise<DerivMessage | null> {
    if (this.closed) return Promise.reject(new DerivApiError('ConnectionClosed', '', Object.keys(payload)[0]));
    return new Promise((resolve, reject) => {
      const call: Call<C> = { payload, options, resolve, reject, state: 'queued', rateLimitRetries: 0 };
      this.calls.add(call);
      this.enqueue(call);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.stopPing();
    this.limiter.close();
    for (const call of [...this.calls]) {
      this.fail(call, isUnrepeatableInFlight(call) ? answerLost(call, 'the connection was closed before the answer arrived') : new DerivApiError('ConnectionClosed', '', Object.keys(call.payload)[0]));
    }
    const socket = this.socket;
    this.socket = null;
    this.open = false;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        if (socket.readyState === WebSocket.OPEN) {
          socket.close(1000, 'client closing');
          // Do not wait for a server that never answers the close frame.
          const force = setTimeout(() => socket.terminate(), 1000);
          socket.once('close', () => clearTimeout(force));
        } else {
          socket.terminate();
        }
      });
    }
    this.options.onStatus({ state: 'closed' });
  }

  private enqueue(call: Call<C>): void {
    call.state = 'queued';
    const { cls } = call.options;
    if (cls === null) {
      this.dispatch(call);
    } else {
      call.cancelQueued = this.limiter.schedule(cls, () => this.dispatch(call));
    }
  }

  /** The call has budget: send it now, or when the socket is open. */
  private dispatch(call: Call<C>): void {
    call.cancelQueued = undefined;
    if (call.state === 'done' || this.closed) return;
    if (!call.timeout) {
      call.timeout = setTimeout(() => {
        const why = `no answer within ${this.options.requestTimeoutMs} ms`;
        this.fail(call, isUnrepeatableInFlight(call) ? answerLost(call, why) : new DerivApiError('Timeout', why, Object.keys(call.payload)[0]));
      }, this.options.requestTimeoutMs);
    }
    if (this.open) {
      this.send(call);
    } else if (call.options.connectionBound && this.everConnected) {
      this.succeed(call, null);
    } else {
      call.state = 'waiting';
      this.waiting.push(call);
      this.connect();
    }
  }

  private send(call: Call<C>): void {
    const socket = this.socket;
    if (!socket) return;
    const reqId = this.nextReqId++;
    call.reqId = reqId;
    call.state = 'sent';
    this.sent.set(reqId, call);
    try {
      socket.send(JSON.stringify({ ...call.payload, req_id: reqId }));
    } catch (err) {
      // The socket is going away; its close handler puts the call back in line.
      this.options.onError(err);
    }
  }

  private succeed(call: Call<C>, message: DerivMessage | null): void {
    if (call.state === 'done') return;
    this.finish(call);
    call.resolve(message);
  }

  private fail(call: Call<C>, err: unknown): void {
    if (call.state === 'done') return;
    this.finish(call);
    call.reject(err);
  }

  private finish(call: Call<C>): void {
    call.state = 'done';
    call.cancelQueued?.();
    clearTimeout(call.timeout);
    clearTimeout(call.retryTimer);
    if (call.reqId !== undefined) this.sent.delete(call.reqId);
    this.waiting = this.waiting.filter((c) => c !== call);
    this.calls.delete(call);
  }

  private openSocket(): void {
    const refresh = this.options.refreshUrl;
    if (!refresh || this.socketsOpened === 0) {
      this.openSocketAt(this.options.url);
      return;
    }
    // A reconnect of an authenticated socket: its old URL was a one-time password, already spent.
    this.resolvingUrl = true;
    refresh().then(
      (url) => {
        this.resolvingUrl = false;
        if (!this.closed) this.openSocketAt(url);
      },
      (err: unknown) => {
        this.resolvingUrl = false;
        if (this.closed) return;
        this.options.onError(err);
        this.scheduleReconnect(`could not get a new socket URL: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }

  private openSocketAt(url: string): void {
    this.socketsOpened++;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch (err) {
      this.options.onError(err);
      this.scheduleReconnect(err instanceof Error ? err.message : String(err));
      return;
    }
    this.socket = socket;
    let lastError = '';
    socket.on('open', () => {
      if (this.socket !== socket) return;
      this.open = true;
      const reconnected = this.everConnected;
      this.everConnected = true;
      this.attempt = 0;
      this.options.onStatus({ state: 'connected' });
      this.startPing();
      if (reconnected) this.options.onReconnected();
      const waiting = this.waiting;
      this.waiting = [];
      for (const call of waiting) if (call.state === 'waiting') this.send(call);
    });
    socket.on('message', (data) => {
      if (this.socket === socket) this.handleMessage(data.toString());
    });
    socket.on('error', (err) => {
      lastError = err.message;
    });
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.open = false;
      this.stopPing();
      if (this.closed) return;
      this.requeueAfterDrop();
      const why = lastError || reason.toString() || `socket closed (code ${code})`;
      this.scheduleReconnect(why);
    });
  }

  /** Calls in flight on a lost socket are sent again once a new one is open (unless unrepeatable). */
  private requeueAfterDrop(): void {
    const inFlight = [...this.sent.values()];
    this.sent.clear();
    for (const call of inFlight) {
      if (isUnrepeatableInFlight(call)) {
        this.fail(call, answerLost(call, 'the connection dropped before the answer arrived'));
        continue;
      }
      call.reqId = undefined;
      if (call.options.connectionBound) {
        this.succeed(call, null);
      } else {
        call.state = 'waiting';
        this.waiting.push(call);
      }
    }
  }

  private scheduleReconnect(reason: string): void {
    if (this.closed) return;
    this.attempt++;
    this.options.onStatus({ state: 'reconnecting', attempt: this.attempt, reason });
    const delay = backoffDelayMs(this.attempt - 1, this.options.reconnectBaseMs, this.options.reconnectCapMs, this.options.random);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed) this.openSocket();
    }, delay);
  }

  private startPing(): void {
    this.stopPing();
    this.pingOutstanding = false;
    this.pingTimer = setInterval(() => {
      const socket = this.socket;
      if (!socket || !this.open) return;
      if (this.pingOutstanding) {
        // The last ping went unanswered for a whole interval: the connection is dead.
        socket.terminate();
        return;
      }
      this.pingOutstanding = true;
      try {
        socket.send(JSON.stringify({ ping: 1, req_id: this.nextReqId++ }));
      } catch (err) {
        this.options.onError(err);
      }
    }, this.options.pingIntervalMs);
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }

  private handleMessage(text: string): void {
    let message: DerivMessage;
    try {
      message = JSON.parse(text) as DerivMessage;
    } catch {
      this.options.onError(new Error(`unparseable message from Deriv: ${text.slice(0, 200)}`));
      return;
    }
    if (message === null || typeof message !== 'object') return;
    if (message.msg_type === 'ping') {
      this.pingOutstanding = false;
      return;
    }
    const call = typeof message.req_id === 'number' ? this.sent.get(message.req_id) : undefined;
    if (!call) {
      if (message.error) {
        this.options.onError(DerivApiError.fromReply(message));
        return;
      }
      this.options.onUnsolicited(message);
      return;
    }
    this.sent.delete(message.req_id as number);
    call.reqId = undefined;
    if (!message.error) {
      try {
        call.options.onAnswer?.(message);
      } catch (err) {
        this.fail(call, err);
        return;
      }
      this.succeed(call, message);
      return;
    }
    const error = DerivApiError.fromReply(message);
    if (error.isRateLimit && call.options.repeatable !== false && call.rateLimitRetries < this.options.rateLimitMaxRetries) {
      // Back off, then queue the call again behind the client-side limiter.
      const delay = this.options.rateLimitRetryBaseMs + backoffDelayMs(call.rateLimitRetries, this.options.rateLimitRetryBaseMs, this.options.rateLimitRetryCapMs, this.options.random);
      call.rateLimitRetries++;
      call.state = 'retry-wait';
      clearTimeout(call.timeout); // the answer came; a fresh timeout starts when it is sent again
      call.timeout = undefined;
      call.retryTimer = setTimeout(() => {
        call.retryTimer = undefined;
        if (call.state === 'retry-wait') this.enqueue(call);
      }, delay);
      return;
    }
    this.fail(call, error);
  }
}

/** The call must not be repeated and may already have reached the server. */
function isUnrepeatableInFlight<C extends string>(call: Call<C>): boolean {
  return call.options.repeatable === false && call.state === 'sent';
}

function answerLost<C extends string>(call: Call<C>, why: string): DerivApiError {
  return new DerivApiError('AnswerLost', why, Object.keys(call.payload)[0], call.reqId);
}
