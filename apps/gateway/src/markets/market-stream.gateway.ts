import { Inject, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { Redis } from 'ioredis';
import type { WebSocket } from 'ws';
import {
  MARKET_CHANNELS, MARKET_TIMEFRAMES, type MarketStreamClientFrame, type MarketStreamServerFrame, type MarketTimeframe, type Principal, type PriceAlertFired,
} from '@meridian/contracts';
import type { Logger, ProcessMetrics } from '@meridian/observability';
import { LOGGER, METRICS, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@meridian/service-kit';
import { Counter, Gauge, Histogram } from 'prom-client';
import { AuthService } from '../auth/auth.service';
import { AlertsService } from '../alerts/alerts.service';
import { authenticateUpgrade } from '../realtime/ws-auth';
import { encodeTextFrame, rawSocket } from './ws-frames';

const HEARTBEAT_MS = 15_000;
/** Pings measure whether a client keeps up: the kernel's socket buffers (MBs) hide a stalled reader from bufferedAmount. */
const PING_MS = 2_000;
/** A ping unanswered this long marks the client slow: it gets the latest frame per key, not a backlog. */
const SLOW_AFTER_MS = 1_000;
/** No pong for this long: the peer is gone. */
const DEAD_AFTER_MS = 30_000;
/** Above this much unsent data (in Node's own buffer) a client is slow too. */
const SLOW_CLIENT_BYTES = 64 * 1024;
const DRAIN_CHECK_MS = 25;
const MAX_FRAME_BYTES = 8 * 1024;
const SYMBOL = /^[A-Za-z0-9._^-]{1,32}$/;
const MAX_SYMBOLS = 200;
/** Frames of one burst grouped per write (a bit mask per client says which of them it wants). */
const MAX_FRAMES_PER_WRITE = 30;
const EMPTY = Buffer.alloc(0);

/** A tick or candle waiting for this event-loop turn's fan-out. */
interface StreamFrame {
  key: string;
  channel: 'ticks' | 'candles';
  symbol: string;
  timeframe?: MarketTimeframe;
  data: Buffer;
}

interface Client {
  principal: Principal;
  ticks: Set<string>;
  candles: Map<MarketTimeframe, Set<string>>;
  /** Conflated frames waiting for a slow client, latest per key. */
  pending: Map<string, Buffer>;
  /** When the unanswered ping was sent; null when the last one was answered. */
  pingSentAt: number | null;
}

/**
 * WS /api/markets/stream: ticks and candles per symbol from execution (through Redis pub/sub),
 * and the caller's own price alerts as they fire. Subscriptions are per symbol and channel;
 * a slow client is conflated and never slows the others; when Redis comes back the Redis client
 * re-subscribes by itself and the stream resumes.
 */
// No permessage-deflate: the fan-out writes prepared frames straight to the sockets (see rawSocket).
@WebSocketGateway({ path: '/api/markets/stream', perMessageDeflate: false })
export class MarketStreamGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy {
  private readonly clients = new Map<WebSocket, Client>();
  private subscriber: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private drain: NodeJS.Timeout | null = null;
  private readonly channels: { ticks: string; candles: string; alerts: string };
  private readonly framesSent: Counter;
  private readonly framesConflated: Counter;
  /** How many clients want each frame key (`t:<symbol>`, `c:<symbol>:<timeframe>`): frames nobody wants are dropped unsent. */
  private readonly wanted = new Map<string, number>();
  /** Frames that arrived in this event-loop turn; fanned out together once the turn's reads are done. */
  private burst: StreamFrame[] = [];
  private burstScheduled = false;
  private burstSince = 0;
  private readonly burstWait: Histogram;
  private readonly fanOutTime: Histogram;

  constructor(
    private readonly auth: AuthService,
    private readonly alerts: AlertsService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(METRICS) metrics: ProcessMetrics,
  ) {
    const ns = config.namespace;
    this.framesSent = new Counter({ name: 'market_stream_frames_sent_total', help: 'Market stream frames sent to clients', registers: [metrics.registry] });
    this.framesConflated = new Counter({ name: 'market_stream_frames_conflated_total', help: 'Frames replaced by a newer one for a slow client', registers: [metrics.registry] });
    // The gateway's own part of a tick's way to the browser: waiting for the burst, then writing it.
    const buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128];
    this.burstWait = new Histogram({ name: 'market_stream_burst_wait_seconds', help: 'From a market frame arriving from Redis to the start of the fan-out of its burst', buckets, registers: [metrics.registry] });
    this.fanOutTime = new Histogram({ name: 'market_stream_fanout_seconds', help: 'Time to hand one burst to every subscribed client socket', buckets, registers: [metrics.registry] });
    const clients = this.clients;
    new Gauge({ name: 'market_stream_clients', help: 'Open market stream connections', registers: [metrics.registry], collect() {
      this.set(clients.size);
    } });
    this.channels = { ticks: `${ns}:${MARKET_CHANNELS.ticks}`, candles: `${ns}:${MARKET_CHANNELS.candles}`, alerts: `${ns}:${MARKET_CHANNELS.alertsFired}` };
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
    await this.subscriber.subscribe(this.channels.ticks, this.channels.candles, this.channels.alerts).catch((err) => this.logger.warn({ err }, 'market stream: subscribe failed; retrying on reconnect'));
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.drain = setInterval(() => this.flushPending(), DRAIN_CHECK_MS);
    this.heartbeat.unref();
    this.pinger.unref();
    this.drain.unref();
  }

  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.pinger) clearInterval(this.pinger);
    if (this.drain) clearInterval(this.drain);
    this.subscriber?.disconnect();
    for (const ws of this.clients.keys()) ws.close(1001, 'server shutting down');
  }

  async handleConnection(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const principal = await authenticateUpgrade(this.auth, req);
    if (!principal) {
      this.sendNow(ws, { type: 'error', code: 'unauthorized', message: 'Authenticate with ?access_token=<JWT>, ?api_key=<key> or an Authorization header' });
      ws.close(4401, 'unauthorized');
      return;
    }
    const client: Client = { principal, ticks: new Set(), candles: new Map(), pending: new Map(), pingSentAt: null };
    this.clients.set(ws, client);
    ws.on('pong', () => (client.pingSentAt = null));
    ws.on('message', (data, isBinary) => this.onClientFrame(ws, client, data.toString(), isBinary));
    this.sendNow(ws, { type: 'welcome', symbols: [], timeframes: MARKET_TIMEFRAMES });
  }

  handleDisconnect(ws: WebSocket): void {
    const client = this.clients.get(ws);
    this.clients.delete(ws);
    if (!client) return;
    for (const s of client.ticks) this.release(`t:${s}`);
    for (const [tf, symbols] of client.candles) for (const s of symbols) this.release(`c:${s}:${tf}`);
  }

  private retain(key: string): void {
    this.wanted.set(key, (this.wanted.get(key) ?? 0) + 1);
  }

  private release(key: string): void {
    const n = (this.wanted.get(key) ?? 0) - 1;
    if (n > 0) this.wanted.set(key, n);
    else this.wanted.delete(key);
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  private onClientFrame(ws: WebSocket, client: Client, raw: string, isBinary: boolean): void {
    const error = (code: string, message: string) => this.sendNow(ws, { type: 'error', code, message });
    if (isBinary || raw.length > MAX_FRAME_BYTES) return error('bad-frame', 'Frames must be JSON text under 8 KiB');
    let frame: MarketStreamClientFrame;
    try {
      frame = JSON.parse(raw);
    } catch {
      return error('bad-json', 'The frame is not valid JSON');
    }
    if (frame?.type === 'ping') return this.sendNow(ws, { type: 'heartbeat', ts: Date.now() });
    if (frame?.type !== 'subscribe' && frame?.type !== 'unsubscribe') return error('bad-type', 'type must be subscribe, unsubscribe or ping');
    if (frame.channel !== 'ticks' && frame.channel !== 'candles') return error('bad-channel', 'channel must be ticks or candles');
    const symbols = Array.isArray(frame.symbols) ? frame.symbols : null;
    if (!symbols || symbols.length === 0 || symbols.length > MAX_SYMBOLS || !symbols.every((s) => typeof s === 'string' && SYMBOL.test(s))) {
      return error('bad-symbols', `symbols must be a list of 1 to ${MAX_SYMBOLS} symbols (letters, digits, . _ ^ -)`);
    }
    let target: Set<string>;
    if (frame.channel === 'candles') {
      if (!MARKET_TIMEFRAMES.includes(frame.timeframe)) return error('bad-timeframe', `timeframe must be one of ${MARKET_TIMEFRAMES.join(', ')}`);
      target = client.candles.get(frame.timeframe) ?? new Set();
      client.candles.set(frame.timeframe, target);
    } else {
      target = client.ticks;
    }
    for (const s of symbols) {
      const key = frame.channel === 'candles' ? `c:${s}:${frame.timeframe}` : `t:${s}`;
      if (frame.type === 'subscribe') {
        if (!target.has(s)) this.retain(key);
        target.add(s);
      } else if (target.delete(s)) this.release(key);
    }
    this.sendNow(ws, { type: frame.type === 'subscribe' ? 'subscribed' : 'unsubscribed', channel: frame.channel, symbols, ...(frame.channel === 'candles' ? { timeframe: frame.timeframe } : {}) });
  }

  private onMessage(channel: string, message: string): void {
    if (channel === this.channels.alerts) return void this.onAlertFired(message);
    let frame: MarketStreamServerFrame;
    try {
      frame = JSON.parse(message);
    } catch {
      return;
    }
    let next: StreamFrame;
    if (frame.type === 'tick') next = { key: `t:${frame.symbol}`, channel: 'ticks', symbol: frame.symbol, data: EMPTY };
    else if (frame.type === 'candle') next = { key: `c:${frame.symbol}:${frame.timeframe}`, channel: 'candles', symbol: frame.symbol, timeframe: frame.timeframe, data: EMPTY };
    else return;
    if (!this.wanted.has(next.key)) return; // nobody subscribed: not worth a look at every client
    next.data = Buffer.from(message); // encoded once for every recipient
    this.burst.push(next);
    if (!this.burstScheduled) {
      this.burstScheduled = true;
      this.burstSince = performance.now();
      setImmediate(() => this.fanOut());
    }
  }

  /**
   * Venues tick many symbols at the same instant (Deriv's indices share a clock), so frames come in
   * bursts. A client that keeps up gets all of a burst's frames for it in one socket write, and
   * clients that want the same frames share one prepared buffer: the fan-out costs about one
   * system call per client per burst. A slow client goes through `deliver` (conflation).
   */
  private fanOut(): void {
    const started = performance.now();
    this.burstWait.observe((started - this.burstSince) / 1000);
    const frames = this.burst;
    this.burst = [];
    this.burstScheduled = false;
    const now = Date.now();
    let sent = 0; // counted once per burst, not per client: the loop runs per socket
    for (let start = 0; start < frames.length; start += MAX_FRAMES_PER_WRITE) {
      const group = frames.slice(start, start + MAX_FRAMES_PER_WRITE);
      const encoded = group.map((f) => encodeTextFrame(f.data));
      const shared = new Map<number, { bytes: Buffer; count: number }>();
      for (const [ws, c] of this.clients) {
        if (ws.readyState !== ws.OPEN) continue;
        let wanted = 0;
        for (let i = 0; i < group.length; i++) {
          const f = group[i];
          if (f.channel === 'ticks' ? c.ticks.has(f.symbol) : c.candles.get(f.timeframe as MarketTimeframe)?.has(f.symbol)) wanted |= 1 << i;
        }
        if (wanted === 0) continue;
        const socket = rawSocket(ws);
        if (!socket || c.pending.size > 0 || this.isSlow(ws, c, now)) {
          for (let i = 0; i < group.length; i++) if (wanted & (1 << i)) this.deliver(ws, c, group[i].key, group[i].data, now);
          continue;
        }
        let prepared = shared.get(wanted);
        if (!prepared) {
          const parts = encoded.filter((_, i) => wanted & (1 << i));
          prepared = { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts), count: parts.length };
          shared.set(wanted, prepared);
        }
        socket.write(prepared.bytes);
        sent += prepared.count;
      }
    }
    if (sent > 0) this.framesSent.inc(sent);
    this.fanOutTime.observe((performance.now() - started) / 1000);
  }

  private async onAlertFired(message: string): Promise<void> {
    let fired: PriceAlertFired;
    try {
      fired = JSON.parse(message);
    } catch {
      return;
    }
    const text = JSON.stringify({ type: 'alert', alert: fired } satisfies MarketStreamServerFrame);
    for (const [ws, c] of this.clients) if (c.principal.userId === fired.ownerId) this.sendNow(ws, text);
    await this.alerts
      .raise({ key: `price-alert:${fired.alertId}`, severity: 'info', source: 'markets', title: `Price alert: ${fired.symbol}`, message: fired.message, details: { ...fired } })
      .catch((err) => this.logger.warn({ err }, 'could not record a fired price alert'));
  }

  /** Sends now, or keeps only the latest frame per key while the client is behind. */
  private deliver(ws: WebSocket, client: Client, key: string, data: Buffer, now: number): void {
    if (ws.readyState !== ws.OPEN) return;
    if (client.pending.size > 0 || this.isSlow(ws, client, now)) {
      if (client.pending.has(key)) this.framesConflated.inc();
      client.pending.delete(key); // re-insert so pending keeps arrival order
      client.pending.set(key, data);
      return;
    }
    ws.send(data, { binary: false });
    this.framesSent.inc();
  }

  private isSlow(ws: WebSocket, client: Client, now: number): boolean {
    return ws.bufferedAmount > SLOW_CLIENT_BYTES || (client.pingSentAt !== null && now - client.pingSentAt > SLOW_AFTER_MS);
  }

  private flushPending(): void {
    const now = Date.now();
    for (const [ws, c] of this.clients) {
      if (c.pending.size === 0 || ws.readyState !== ws.OPEN || this.isSlow(ws, c, now)) continue;
      const socket = rawSocket(ws);
      socket?.cork();
      for (const [key, data] of c.pending) {
        if (ws.bufferedAmount > SLOW_CLIENT_BYTES) break;
        ws.send(data, { binary: false });
        this.framesSent.inc();
        c.pending.delete(key);
      }
      socket?.uncork();
    }
  }

  private ping(): void {
    const now = Date.now();
    for (const [ws, c] of this.clients) {
      if (c.pingSentAt === null) {
        c.pingSentAt = now;
        ws.ping();
      } else if (now - c.pingSentAt > DEAD_AFTER_MS) {
        ws.terminate(); // no pong for 30 s: the peer is gone
      }
    }
  }

  private sendNow(ws: WebSocket, frame: MarketStreamServerFrame | string): void {
    if (ws.readyState === ws.OPEN) ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  private beat(): void {
    const text = JSON.stringify({ type: 'heartbeat', ts: Date.now() } satisfies MarketStreamServerFrame);
    for (const ws of this.clients.keys()) this.sendNow(ws, text);
  }
}
