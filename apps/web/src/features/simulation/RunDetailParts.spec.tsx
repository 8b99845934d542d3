import { fireEvent, render, screen } from '@testing-library/react';
import type { TradeView, WalkForwardWindowView } from '@meridian/contracts';
import { walkForwardEfficiency, walkForwardRows } from './analysis';
import { metrics } from './testData';
import { TradesTable } from './TradesTable';
import { WalkForwardTable } from './WalkForwardTable';

const trade = (i: number): TradeView => ({
  symbol: 'R_100',
  direction: i % 2 ? 'short' : 'long',
  quantity: 1,
  entryTime: '2026-01-01T10:00:00.000Z',
  entryPrice: 100 + i,
  exitTime: '2026-01-01T11:00:00.000Z',
  exitPrice: 101 + i,
  grossPnl: 1,
  fees: 0.1,
  netPnl: 0.9,
  open: false,
});

const wfWindow = (index: number, isSharpe: number, oosSharpe: number | null): WalkForwardWindowView => ({
  index,
  inSample: { from: '2025-01-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' },
  outOfSample: { from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' },
  bestParams: { fast: 10, slow: 30 },
  inSampleMetrics: metrics({ sharpe: isSharpe }),
  outOfSampleMetrics: oosSharpe === null ? null : metrics({ sharpe: oosSharpe }),
});

describe('TradesTable', () => {
  it('pages through all the trades of a run, 50 at a time', () => {
    render(<TradesTable trades={Array.from({ length: 120 }, (_, i) => trade(i))} />);
    expect(screen.getAllByTestId('trade-row')).toHaveLength(50);
    expect(screen.getByTestId('trades-range').textContent).toBe('1–50 of 120 · net +108.00');

    fireEvent.click(screen.getByTestId('trades-next'));
    fireEvent.click(screen.getByTestId('trades-next'));
    expect(screen.getAllByTestId('trade-row')).toHaveLength(20);
    expect(screen.getByTestId('trades-range').textContent).toContain('101–120 of 120');
    expect(screen.getAllByTestId('trade-row')[0].querySelectorAll('td')[4].textContent).toBe('200.00');
    expect((screen.getByTestId('trades-next') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('WalkForwardTable', () => {
  it('sets in-sample against out-of-sample per window and flags the drops', () => {
    render(<WalkForwardTable windows={[wfWindow(0, 1.5, 1.4), wfWindow(1, 2, 0.5), wfWindow(2, 1, -0.2), wfWindow(3, 0.8, 1.1)]} objective="sharpe" />);

    expect(['0', '1', '2', '3'].map((i) => screen.getByTestId(`wf-row-${i}`).className)).toEqual(['wf-mild', 'wf-severe', 'wf-severe', 'wf-none']);
    expect(screen.getByTestId('wf-drop-1').textContent).toBe('-1.50');
    expect(screen.getByTestId('wf-drop-3').textContent).toBe('+0.30');
    expect(screen.getByTestId('wf-summary').textContent).toContain('2 of 4 windows lose more than half out of sample');
  });

  it('computes the walk-forward efficiency from the windows with both sides', () => {
    const rows = walkForwardRows([wfWindow(0, 2, 1), wfWindow(1, 2, 0), wfWindow(2, 1, null)], 'sharpe');
    expect(rows[2].severity).toBe('severe');
    expect(walkForwardEfficiency(rows)).toBe(0.25);
  });
});
