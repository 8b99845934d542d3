import { fanSeries, histogramBars, returnSeries, runEquitySeries } from './chartData';

describe('fanSeries (Monte Carlo bands → chart lines)', () => {
  const bands = [
    [1, 0.9, 0.8], // p1
    [1, 0.95, 0.9], // p5
    [1, 1.0, 0.97], // p25
    [1, 1.02, 1.05], // p50
    [1, 1.05, 1.1], // p75
    [1, 1.1, Number.NaN], // p95: a missing value is left out
    [1, 1.2, 1.3], // p99
  ];

  it('keeps the 5/25/50/75/95 bands as returns in % by step, from probabilities', () => {
    const series = fanSeries({ percentiles: [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99], bands });
    expect(series.map((s) => s.label)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
    expect(series[0].data.map((p) => p.time)).toEqual([0, 1, 2]);
    expect(series[0].data.map((p) => Number(p.value.toFixed(6)))).toEqual([0, -5, -10]);
    expect(series[2].data.map((p) => Number(p.value.toFixed(6)))).toEqual([0, 2, 5]);
    expect(series[4].data.map((p) => Number(p.value.toFixed(6)))).toEqual([0, 10]);
  });

  it('reads percentiles written as percentages and skips bands the run does not have', () => {
    const series = fanSeries({ percentiles: [5, 50, 95], bands: [bands[1], bands[3], bands[6]] });
    expect(series.map((s) => s.level)).toEqual([5, 50, 95]);
    expect(series[2].data.map((p) => Number(p.value.toFixed(6)))).toEqual([0, 20, 30]);
  });
});

describe('histogramBars', () => {
  it('pairs each count with its bin edges, heights relative to the tallest', () => {
    expect(histogramBars({ edges: [0, 0.1, 0.2, 0.3], counts: [5, 20, 10] })).toEqual([
      { from: 0, to: 0.1, count: 5, heightPct: 25 },
      { from: 0.1, to: 0.2, count: 20, heightPct: 100 },
      { from: 0.2, to: 0.3, count: 10, heightPct: 50 },
    ]);
  });
});

describe('equity series', () => {
  const equity = { time: [1_700_000_000_000, 1_700_000_000_400, 1_700_086_400_000], equity: [100, 101, 110], drawdown: [0, 0.02, -0.1] };

  it('draws equity per second in time order and the drawdown below zero', () => {
    const { equity: e, drawdown } = runEquitySeries(equity);
    expect(e).toEqual([
      { time: 1_700_000_000, value: 101 },
      { time: 1_700_086_400, value: 110 },
    ]);
    expect(drawdown.map((p) => p.value)).toEqual([-2, -10]);
  });

  it('turns equity into a return from the first value, to overlay runs of different cash', () => {
    expect(returnSeries(equity).map((p) => Number(p.value.toFixed(6)))).toEqual([1, 10]);
  });
});
