/**
 * One resilient WebSocket to Deriv: request/response matching by `req_id`, a client-side rate
 * limiter per call class, retries after rate-limit replies, keep-alive pings, and reconnects with
 * exponential backoff and full jitter. Subscription bookkeeping lives in the venue.
 */
import type { VenueStatus } from '@meridian/market-data';
import { backoffDelayMs } from '@meridian/resilience';
import WebSocket from 'ws';
import { DerivApiError, DerivMessage } from './deriv-protocol';
import { SlidingWindowRateLimiter } from './rate-limiter';

/** Calls counted against separate client-side budgets. */
export type DerivCallClass = 'history' | 'subscriptions' | 'other';

export interface DerivConnectionOptions {
  /** Full socket URL, app id included. */
  url: string;
  pingIntervalMs: number;
  requestTimeoutMs: number;
  reconnectBaseMs: number;
  reconnectCapMs: number;
  rateLimits: Readonly<Record<DerivCallClass, number>>;
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

export interface CallOptions {
  /** `null` = not rate limited (ping). */
  cls: DerivCallClass | null;
  /**
   * Calls bound to the connection (forget, forget_all): if the connection is lost they resolve with
   * `null` instead of being sent again, since their subscriptions died with it.
   */
  connectionBound?: boolean;
}

interface Call {
  payload: Record<string, unknown>;
  options: CallOptions;
  resolve: (message: DerivMessage | null) => void;
  reject: (err: unknown) => void;
  state: 'queued' | 'waiting' | 'sent' | 'retry-wait' | 'done';
  reqId?: number;
  rateLimitRetries: number;
  cancelQueued?: () => void;
  timeout?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
}

export class DerivConnection {
  private readonly limiter: SlidingWindowRateLimiter<DerivCallClass>;
  private readonly calls = new Set<Call>();
  private readonly sent = new Map<number, Call>();
  private waiting: Call[] = [];
  private socket: WebSocket | null = null;
  private open = false;
  private everConnected = false;
  private attempt = 0;
  private nextReqId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pingOutstanding = false;
  private closed = false;

  constructor(private readonly options: DerivConnectionOptions) {
    this.limiter = new SlidingWindowRateLimiter({ budgets: options.rateLimits, windowMs: options.rateLimitWindowMs });
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Calls of a class waiting for client-side budget. */
  queued(cls: DerivCallClass): number {
    return this.limiter.queued(cls);
  }

  /** Opens the socket if it is not open or opening (calls do this on their own). */
  connect(): void {
    if (this.closed || this.socket || this.reconnectTimer) return;
    this.openSocket();
  }

  /** Sends a request and resolves with its answer; rejects with {@link DerivApiError} on an error reply. */
  call(payload: Record<string, unknown>, options: CallOptions): Promise<DerivMessage | null> {
    if (this.closed) return Promise.reject(new DerivApiError('ConnectionClosed', '', Object.keys(payload)[0]));
    return new Promise((resolve, reject) => {
      const call: Call = { payload, options, resolve, reject, state: 'queued', rateLimitRetries: 0 };
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
    for (const call of [...this.calls]) this.fail(call, new DerivApiError('ConnectionClosed', '', Object.keys(call.payload)[0]));
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

  private enqueue(call: Call): void {
    call.state = 'queued';
    const { cls } = call.options;
    if (cls === null) {
      this.dispatch(call);
    } else {
      call.cancelQueued = this.limiter.schedule(cls, () => this.dispatch(call));
    }
  }

  /** The call has budget: send it now, or when the socket is open. */
  private dispatch(call: Call): void {
    call.cancelQueued = undefined;
    if (call.state === 'done' || this.closed) return;
    if (!call.timeout) {
      call.timeout = setTimeout(() => this.fail(call, new DerivApiError('Timeout', `no answer within ${this.options.requestTimeoutMs} ms`, Object.keys(call.payload)[0])), this.options.requestTimeoutMs);
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

  private send(call: Call): void {
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

  private succeed(call: Call, message: DerivMessage | null): void {
    if (call.state === 'done') return;
    this.finish(call);
    call.resolve(message);
  }

  private fail(call: Call, err: unknown): void {
    if (call.state === 'done') return;
    this.finish(call);
    call.reject(err);
  }

  private finish(call: Call): void {
    call.state = 'done';
    call.cancelQueued?.();
    clearTimeout(call.timeout);
    clearTimeout(call.retryTimer);
    if (call.reqId !== undefined) this.sent.delete(call.reqId);
    this.waiting = this.waiting.filter((c) => c !== call);
    this.calls.delete(call);
  }

  private openSocket(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
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

  /** Calls in flight on a lost socket are sent again once a new one is open. */
  private requeueAfterDrop(): void {
    const inFlight = [...this.sent.values()];
    this.sent.clear();
    for (const call of inFlight) {
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
      this.succeed(call, message);
      return;
    }
    const error = DerivApiError.fromReply(message);
    if (error.isRateLimit && call.rateLimitRetries < this.options.rateLimitMaxRetries) {
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
