import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { WS_CHANNELS, type Principal, type WsChannel, type WsClientFrame, type WsServerFrame } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER } from '@meridian/service-kit';
import { AuthService } from '../auth/auth.service';
import { RealtimeHub } from './realtime-hub';
import { authenticateUpgrade } from './ws-auth';

const HEARTBEAT_MS = 15_000;
/** A client that has this much unsent data is skipped for non-essential frames (it gets the next one). */
const SLOW_CLIENT_BYTES = 1 << 20;
const MAX_FRAME_BYTES = 16 * 1024;

interface ClientState {
  principal: Principal;
  channels: Set<WsChannel>;
  alive: boolean;
}

/**
 * The live channel of the API at /api/ws. A client authenticates with ?access_token=<JWT>, an
 * Authorization header or an API key, subscribes to channels, and receives events and heartbeats.
 * A bad frame gets an error frame; the connection stays open.
 */
@WebSocketGateway({ path: '/api/ws' })
export class RealtimeGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly clients = new Map<WebSocket, ClientState>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unlisten: () => void;

  constructor(private readonly auth: AuthService, private readonly hub: RealtimeHub, @Inject(LOGGER) private readonly logger: Logger) {
    // With no client connected, the gateway's share of every order's events is skipped unparsed.
    this.unlisten = hub.listen((frame) => this.deliver(frame), () => this.clients.size > 0);
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async handleConnection(client: WebSocket, req: IncomingMessage): Promise<void> {
    const principal = await authenticateUpgrade(this.auth, req);
    if (!principal) {
      this.send(client, { type: 'error', code: 'unauthorized', message: 'Authenticate with ?access_token=<JWT>, ?api_key=<key> or an Authorization header' });
      client.close(4401, 'unauthorized');
      return;
    }
    const state: ClientState = { principal, channels: new Set(), alive: true };
    this.clients.set(client, state);
    client.on('pong', () => (state.alive = true));
    client.on('message', (data, isBinary) => this.onMessage(client, state, data.toString(), isBinary));
    this.send(client, { type: 'welcome', user: { id: principal.userId, role: principal.role }, channels: WS_CHANNELS });
  }

  handleDisconnect(client: WebSocket): void {
    this.clients.delete(client);
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    this.unlisten();
    for (const client of this.clients.keys()) client.close(1001, 'server shutting down');
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  private onMessage(client: WebSocket, state: ClientState, raw: string, isBinary: boolean): void {
    if (isBinary || raw.length > MAX_FRAME_BYTES) return this.send(client, { type: 'error', code: 'bad-frame', message: 'Frames must be JSON text under 16 KiB' });
    let frame: WsClientFrame;
    try {
      frame = JSON.parse(raw);
    } catch {
      return this.send(client, { type: 'error', code: 'bad-json', message: 'The frame is not valid JSON' });
    }
    if (frame?.type === 'ping') return this.send(client, { type: 'heartbeat', ts: Date.now() });
    if (frame?.type !== 'subscribe' && frame?.type !== 'unsubscribe') {
      return this.send(client, { type: 'error', code: 'bad-type', message: 'type must be subscribe, unsubscribe or ping' });
    }
    const channels = Array.isArray(frame.channels) ? frame.channels : null;
    const unknown = channels?.filter((c) => !WS_CHANNELS.includes(c)) ?? [];
    if (!channels || channels.length === 0 || unknown.length) {
      return this.send(client, { type: 'error', code: 'bad-channels', message: `channels must be a non-empty list of: ${WS_CHANNELS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}` });
    }
    for (const c of channels) {
      if (frame.type === 'subscribe') state.channels.add(c);
      else state.channels.delete(c);
    }
    this.send(client, { type: frame.type === 'subscribe' ? 'subscribed' : 'unsubscribed', channels });
  }

  private deliver(frame: WsServerFrame & { type: 'event' }): void {
    const text = JSON.stringify(frame);
    // Trading and simulation events belong to their owner; admins see everyone's.
    const owner = frame.channel === 'trading' || frame.channel === 'simulation' ? (frame.data as { ownerId?: string }).ownerId : undefined;
    for (const [client, state] of this.clients) {
      if (!state.channels.has(frame.channel)) continue;
      if (owner !== undefined && state.principal.userId !== owner && state.principal.role !== 'admin') continue;
      if (frame.channel === 'trading' && client.bufferedAmount > SLOW_CLIENT_BYTES * 4) continue;
      if (frame.channel !== 'trading' && client.bufferedAmount > SLOW_CLIENT_BYTES && frame.channel !== 'alerts' && frame.channel !== 'system') continue;
      if (client.readyState === client.OPEN) client.send(text);
    }
  }

  private beat(): void {
    const text = JSON.stringify({ type: 'heartbeat', ts: Date.now() } satisfies WsServerFrame);
    for (const [client, state] of this.clients) {
      if (!state.alive) {
        client.terminate(); // no pong since the last beat: the peer is gone
        continue;
      }
      state.alive = false;
      client.ping();
      if (client.readyState === client.OPEN) client.send(text);
    }
  }

  private send(client: WebSocket, frame: WsServerFrame): void {
    if (client.readyState === client.OPEN) client.send(JSON.stringify(frame));
  }
}
