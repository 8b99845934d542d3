import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * The connection's TCP socket. `ws` keeps it private; the fan-out writes prepared frames to it
 * directly, which is what `ws` itself does for an unfragmented, uncompressed frame (this server
 * does not negotiate permessage-deflate, so `ws` never queues frames and order is kept).
 * Undefined if a future `ws` renames it: frames then go through `ws.send` one by one.
 */
export function rawSocket(ws: WebSocket): Socket | undefined {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  return socket && typeof socket.write === 'function' && !socket.destroyed ? socket : undefined;
}

/** An unmasked, final text frame (RFC 6455 §5.2), as a server sends it. */
export function encodeTextFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN + text
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  payload.copy(frame, headerLength);
  return frame;
}
