import type { CorrelationResponse } from '@meridian/contracts';
import { correlationColor } from './chartData';

const formatCorrelation = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? '—' : v.toFixed(2));

/** The correlation matrix as a colour grid: −1 blue … +1 red, the value written in each cell. */
export function CorrelationHeatmap({ result }: { result: CorrelationResponse }) {
  const { symbols, matrix } = result;
  return (
    <div className="heatmap-wrap">
      <table className="heatmap" data-testid="correlation-heatmap">
        <thead>
          <tr>
            <th />
            {symbols.map((s) => (
              <th key={s} scope="col" className="mono">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {symbols.map((row, i) => (
            <tr key={row}>
              <th scope="row" className="mono">
                {row}
              </th>
              {symbols.map((col, j) => {
                const value = matrix[i]?.[j];
                return (
                  <td
                    key={col}
                    className="heat-cell num"
                    style={{ background: correlationColor(value) }}
                    title={`${row} × ${col}: ${formatCorrelation(value)}`}
                    data-testid={`corr-${row}-${col}`}
                    data-value={value ?? ''}
                  >
                    {formatCorrelation(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heat-legend" aria-hidden="true">
        <span className="num">−1</span>
        <i className="heat-scale" />
        <span className="num">+1</span>
      </div>
    </div>
  );
}
