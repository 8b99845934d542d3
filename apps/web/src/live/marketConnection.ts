import type { MarketStreamClientFrame, MarketStreamServerFrame } from '@meridian/contracts';
import { AUTH_REJECTED_CLOSE, type SocketLike } from './liveConnection';
import type { MarketChannels } from './marketChannels';

export interface MarketConnectionOptions {
  channels: MarketChannels;
  urlFor: (accessToken: string) => string;
  createSocket?: (url: string) => SocketLike;
  /** The server closed with 4401: the token is bad or expired. */
  onAuthRejected?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A client ping keeps idle proxies from closing the socket; 0 turns it off. */
  pingIntervalMs?: number;
  random?: () => number;
}

/** Same origin as the page, ws:// or wss:// to match http:// or https://. */
export function marketStreamUrlFor(accessToken: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/markets/stream?access_token=${encodeURIComponent(accessToken)}`;
}

/**
 * The one WebSocket to /api/markets/stream. Open while there is a token and anyone listens on
 * the MarketChannels; sends their subscriptions on open and as they change; reconnects with
 * exponential backoff (and resubscribes) after a drop; reopens at once with a new token.
 */
export class MarketConnection {
  private socket: SocketLike | null = null;
  private isOpen = false;
  private token: string | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly unwatch: () => void;

  constructor(private readonly opts: MarketConnectionOptions) {
    this.unwatch = opts.channels.watch((change) => {
      if (change && this.isOpen) this.send(change);
      this.reconcile();
    });
  }

  /** Follows the session: null closes the socket, a new token replaces it. */
  setToken(accessToken: string | null): void {
    if (accessToken === this.token) return;
    this.token = accessToken;
    this.attempt = 0;
    this.teardown();
    this.reconcile();
  }

  dispose(): void {
    this.unwatch();
    this.token = null;
    this.teardown();
  }

  private get wanted(): boolean {
    return this.token !== null && this.opts.channels.interest() > 0;
  }

  /** Opens the socket when it is wanted and neither open nor waiting to reopen; closes it when not wanted. */
  private reconcile(): void {
    if (this.wanted && !this.socket && !this.retryTimer) {
      this.open('connecting');
    } else if (!this.wanted && (this.socket || this.retryTimer)) {
      this.attempt = 0;
      this.teardown();
    }
  }

  private open(status: 'connecting' | 'reconnecting'): void {
    if (!this.token) return;
    this.opts.channels.setStatus(status);
    const create = this.opts.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    const socket = create(this.opts.urlFor(this.token));
    this.socket = socket;

    socket.onopen = () => {
      this.attempt = 0;
      this.isOpen = true;
      for (const frame of this.opts.channels.subscriptions()) this.send(frame);
      this.opts.channels.setStatus('live');
      const every = this.opts.pingIntervalMs ?? 25_000;
      if (every > 0) this.pingTimer = setInterval(() => this.send({ type: 'ping' }), every);
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onerror = () => {
      /* a close event always follows; reconnection is decided there */
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return; // a socket we replaced on purpose
      this.socket = null;
      this.isOpen = false;
      this.stopPing();
      if (ev.code === AUTH_REJECTED_CLOSE) this.opts.onAuthRejected?.();
      this.scheduleReconnect();
    };
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let frame: MarketStreamServerFrame;
    try {
      frame = JSON.parse(raw) as MarketStreamServerFrame;
    } catch {
      return; // not ours to crash on
    }
    if (frame.type === 'error') console.warn(`market stream: ${frame.code}: ${frame.message}`);
    this.opts.channels.deliver(frame);
  }

  private send(frame: MarketStreamClientFrame): void {
    this.socket?.send(JSON.stringify(frame));
  }

  private scheduleReconnect(): void {
    if (!this.wanted) {
      this.opts.channels.setStatus('offline');
      return;
    }
    this.opts.channels.setStatus('reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted) this.open('reconnecting');
    }, this.nextDelayMs());
  }

  /** Exponential, with jitter in the upper half so clients do not reconnect in lockstep. */
  nextDelayMs(): number {
    const initial = this.opts.initialDelayMs ?? 500;
    const max = this.opts.maxDelayMs ?? 15_000;
    const ceiling = Math.min(max, initial * 2 ** this.attempt++);
    return Math.round(ceiling / 2 + (this.opts.random ?? Math.random)() * (ceiling / 2));
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private teardown(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPing();
    const socket = this.socket;
    this.socket = null;
    this.isOpen = false;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, 'client closing');
    }
    this.opts.channels.setStatus('offline');
  }
}
