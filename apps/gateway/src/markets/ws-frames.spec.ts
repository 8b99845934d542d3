import * as ws from 'ws';
import { encodeTextFrame } from './ws-frames';

// ws's own framing, which @types/ws does not declare.
const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };

describe('prepared WebSocket frames of the market stream', () => {
  it.each([0, 5, 125, 126, 1_000, 65_535, 65_536, 70_000])('frames a %i-byte text payload exactly as ws does', (length) => {
    const payload = Buffer.alloc(length, 'x');
    const expected = Buffer.concat(Sender.frame(payload, { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false }));
    expect(encodeTextFrame(payload).equals(expected)).toBe(true);
  });
});
