import { fireEvent, render, screen, within } from '@testing-library/react';
import { gridHeatmap, heatColor, varyingParams } from './analysis';
import { GridResults } from './GridResults';
import { grid2, metrics } from './testData';

const cellText = (r: number, c: number) => screen.getByTestId(`heat-${r}-${c}`).textContent;

describe('GridResults heat map', () => {
  it('draws a 2-parameter grid: one column per fast value, one row per slow value, the metric in each cell', () => {
    render(<GridResults points={grid2()} />);
    const table = screen.getByTestId('param-heatmap');

    const columns = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent);
    const rows = [...table.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(columns).toEqual(['5', '10']);
    expect(rows).toEqual(['20', '30', '40']);
    // Sharpe = fast / 10 − slow / 100
    expect([0, 1, 2].map((r) => [cellText(r, 0), cellText(r, 1)])).toEqual([
      ['0.30', '0.80'],
      ['0.20', '0.70'],
      ['0.10', '0.60'],
    ]);
    expect(screen.getByTestId('heat-2-1').getAttribute('data-x')).toBe('10');
    expect(screen.getByTestId('heat-2-1').getAttribute('data-y')).toBe('40');

    // The best cell is outlined and drawn greenest, the worst reddest.
    expect(screen.getByTestId('heat-0-1').className).toContain('heat-best');
    expect(table.querySelectorAll('.heat-best')).toHaveLength(1);
    expect(screen.getByTestId('heat-0-1').style.background).toBe('rgb(31, 122, 74)');
    expect(screen.getByTestId('heat-2-0').style.background).toBe('rgb(164, 38, 44)');
  });

  it('recolours by another metric; for a drawdown, lower is better', () => {
    render(<GridResults points={grid2()} />);
    fireEvent.change(screen.getByTestId('heatmap-metric'), { target: { value: 'maxDrawdown' } });

    // maxDrawdown = slow / 1000 + fast / 100: smallest at fast 5, slow 20.
    expect(cellText(0, 0)).toBe('7.00 %');
    expect(screen.getByTestId('heat-0-0').className).toContain('heat-best');
    expect(screen.getByTestId('heat-0-0').style.background).toBe('rgb(31, 122, 74)');
    const best = within(screen.getByTestId('grid-points')).getAllByRole('row')[1];
    expect(best.textContent).toContain('fast=5, slow=20');
  });

  it('keeps the best point per cell when a third parameter varies', () => {
    const points = [
      { params: { fast: 5, slow: 20, stop: 1 }, metrics: metrics({ sharpe: 0.1 }) },
      { params: { fast: 5, slow: 20, stop: 2 }, metrics: metrics({ sharpe: 0.9 }) },
      { params: { fast: 10, slow: 20, stop: 1 }, metrics: null, error: 'not enough bars' },
    ];
    expect(varyingParams(points)).toEqual(['fast', 'stop']);
    const map = gridHeatmap(points, 'fast', 'slow', 'sharpe');
    expect(map.cells[0][0]).toMatchObject({ value: 0.9, count: 2, point: points[1] });
    expect(map.cells[0][1]).toMatchObject({ value: null, count: 1 });
    expect(map.best).toEqual({ row: 0, column: 0 });
    expect(heatColor(null, 0, 1, 'sharpe')).toBe('transparent');
  });
});
