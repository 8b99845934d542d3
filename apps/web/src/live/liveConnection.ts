import { WS_CHANNELS, type WsClientFrame, type WsServerFrame } from '@meridian/contracts';
import type { LiveStatus } from '../app/uiSlice';
import type { LiveChannels } from './liveChannels';

/** The part of the browser WebSocket we use; tests pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface LiveConnectionOptions {
  channels: LiveChannels;
  urlFor: (accessToken: string) => string;
  createSocket?: (url: string) => SocketLike;
  onStatus?: (status: LiveStatus) => void;
  /** The server closed with 4401: the token is bad or expired. */
  onAuthRejected?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export const AUTH_REJECTED_CLOSE = 4401;

/** Same origin as the page, ws:// or wss:// to match http:// or https://. */
export function liveUrlFor(accessToken: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/ws?access_token=${encodeURIComponent(accessToken)}`;
}

/**
 * One WebSocket to the gateway. Subscribes to every channel on open, hands event frames to
 * LiveChannels, and reconnects with exponential backoff until `disconnect()`.
 */
export class LiveConnection {
  private socket: SocketLike | null = null;
  private token: string | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: LiveConnectionOptions) {}

  /** Opens the socket with this token; a different token replaces the current socket. */
  connect(accessToken: string): void {
    if (this.token === accessToken && (this.socket || this.retryTimer)) return;
    this.token = accessToken;
    this.attempt = 0;
    this.teardown();
    this.open('connecting');
  }

  disconnect(): void {
    this.token = null;
    this.teardown();
    this.opts.onStatus?.('offline');
  }

  private open(status: LiveStatus): void {
    if (!this.token) return;
    this.opts.onStatus?.(status);
    const create = this.opts.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    const socket = create(this.opts.urlFor(this.token));
    this.socket = socket;

    socket.onopen = () => {
      this.attempt = 0;
      this.send({ type: 'subscribe', channels: [...WS_CHANNELS] });
      this.opts.onStatus?.('live');
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onerror = () => {
      /* a close event always follows; reconnection is decided there */
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return; // a socket we replaced on purpose
      this.socket = null;
      if (ev.code === AUTH_REJECTED_CLOSE) this.opts.onAuthRejected?.();
      this.scheduleReconnect();
    };
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let frame: WsServerFrame;
    try {
      frame = JSON.parse(raw) as WsServerFrame;
    } catch {
      return; // not ours to crash on
    }
    if (frame.type === 'error') console.warn(`live: ${frame.code}: ${frame.message}`);
    this.opts.channels.deliver(frame);
  }

  private send(frame: WsClientFrame): void {
    this.socket?.send(JSON.stringify(frame));
  }

  private scheduleReconnect(): void {
    if (!this.token) return;
    this.opts.onStatus?.('reconnecting');
    const delay = this.nextDelayMs();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open('reconnecting');
    }, delay);
  }

  /** Exponential, with jitter in the upper half so clients do not reconnect in lockstep. */
  nextDelayMs(): number {
    const initial = this.opts.initialDelayMs ?? 500;
    const max = this.opts.maxDelayMs ?? 15_000;
    const ceiling = Math.min(max, initial * 2 ** this.attempt++);
    return Math.round(ceiling / 2 + (this.opts.random ?? Math.random)() * (ceiling / 2));
  }

  private teardown(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, 'client closing');
    }
  }
}
