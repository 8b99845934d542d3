import { runBacktest } from './run';
import { flat, input, ohlc, scripted } from './spec-helpers';
import { unionTimeline } from './timeline';

describe('several symbols aligned by time', () => {
  // A has no bar at time 4, B none at times 0 and 2.
  const a = ohlc('A', [
    [0, 10, 10, 10, 10],
    [1, 11, 11, 11, 11],
    [2, 12, 12, 12, 12],
    [3, 13, 13, 13, 13],
    [5, 15, 15, 15, 15],
  ]);
  const b = ohlc('B', [
    [1, 101, 101, 101, 101],
    [3, 103, 103, 103, 103],
    [4, 104, 104, 104, 104],
    [5, 105, 105, 105, 105],
  ]);

  it('the timeline is the union of the times; a symbol without a bar at a time is left alone', () => {
    expect(Array.from(unionTimeline([a.time, b.time]))).toEqual([0, 1, 2, 3, 4, 5]);
    const s = scripted({});
    const r = runBacktest(s, {}, input([a, b]));
    expect(Array.from(r.times)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.seen.map((x) => [x.step, x.time, ...x.lengths])).toEqual([
      [0, 0, 1, 0],
      [1, 1, 2, 1],
      [2, 2, 3, 1],
      [3, 3, 4, 2],
      [4, 4, 4, 3],
      [5, 5, 5, 4],
    ]);
  });

  it('an order waits for its own symbol’s next bar, and equity marks each symbol at its last close', () => {
    const closes: Array<[number, number, number | undefined]> = [];
    const s = scripted({
      0: (ctx) => void closes.push([ctx.barIndex, ctx.series('A')!.close(), ctx.series('B')?.close()]),
      1: [{ kind: 'market', symbol: 'B', side: 'buy', quantity: 1 }],
      2: [{ kind: 'market', symbol: 'B', side: 'buy', quantity: 1 }],
      3: [{ kind: 'market', symbol: 'A', side: 'buy', quantity: 10 }],
      4: (ctx) => void closes.push([ctx.barIndex, ctx.series('A')!.close(), ctx.series('B')!.close()]),
    });
    const r = runBacktest(s, {}, input([a, b]));
    expect(closes).toEqual([
      [0, 10, undefined],
      [4, 13, 104],
    ]);
    expect(r.fills.map((f) => [f.symbol, f.step, f.time, f.price])).toEqual([
      ['B', 3, 3, 103],
      ['B', 3, 3, 103],
      ['A', 5, 5, 15], // not at step 4: A has no bar at time 4
    ]);
    // Step 4: 2 B at 104, cash 10,000 − 206; step 5: + 10 A at 15, paid 150.
    expect(Array.from(r.equity)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000 - 206 + 208, 10_000 - 206 - 150 + 210 + 150]);
    expect(Array.from(r.grossExposure)).toEqual([0, 0, 0, 206, 208, 360]);
  });

  it('a symbol with no bars at all is listed but never visible', () => {
    const empty = { ...flat('E', 0) };
    const s = scripted({ 1: (ctx) => [{ kind: 'target-quantity', symbol: 'E', quantity: ctx.series('E') === undefined ? 1 : 2 }] });
    const r = runBacktest(s, {}, input([flat('X', 3), empty]));
    expect(r.symbols).toEqual(['X', 'E']);
    expect(r.orders).toHaveLength(0);
    expect(r.intentsDuringWarmup).toBe(1); // E never had a bar, so it never finished warming up
  });
});
