import type { WsChannel, WsPayloads, WsServerFrame } from '@meridian/contracts';
import { MarketChannels } from './marketChannels';

export type ChannelHandler<C extends WsChannel> = (data: WsPayloads[C], ts: number) => void;

/**
 * Fan-out of the WebSocket's event frames to whoever listens on a channel. RTK Query cache
 * entries subscribe here from `onCacheEntryAdded`, so the socket itself knows nothing of the cache.
 */
export class LiveChannels {
  private readonly handlers = new Map<WsChannel, Set<(data: unknown, ts: number) => void>>();
  /** The market stream (its own socket, /api/markets/stream) fans out here. */
  readonly markets = new MarketChannels();

  on<C extends WsChannel>(channel: C, handler: ChannelHandler<C>): () => void {
    const set = this.handlers.get(channel) ?? new Set();
    this.handlers.set(channel, set);
    const wrapped = handler as (data: unknown, ts: number) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  listenerCount(channel: WsChannel): number {
    return this.handlers.get(channel)?.size ?? 0;
  }

  /** Delivers an event frame; other frame types are the connection's business. */
  deliver(frame: WsServerFrame): void {
    if (frame.type !== 'event') return;
    for (const handler of this.handlers.get(frame.channel) ?? []) {
      try {
        handler(frame.data, frame.ts);
      } catch (err) {
        console.error(`live handler for ${frame.channel} failed`, err); // one bad handler must not starve the others
      }
    }
  }
}

/** What the store passes to thunks as `extra`; cache lifecycles read the channels from it. */
export interface ThunkExtra {
  live: LiveChannels;
}

export function liveChannelsOf(extra: unknown): LiveChannels | undefined {
  return (extra as Partial<ThunkExtra> | undefined)?.live;
}
