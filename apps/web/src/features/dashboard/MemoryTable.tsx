import type { PerformanceReport } from '@meridian/contracts';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatBytes } from '../../ui/format';

export function MemoryTable({ memory }: { memory: PerformanceReport['memory'] }) {
  if (memory.length === 0) return <div className="state state-empty">No memory figures reported</div>;
  const maxRss = Math.max(...memory.map((m) => m.rssBytes), 1);
  return (
    <table className="grid-table">
      <thead>
        <tr>
          <th>Service</th>
          <th>Status</th>
          <th className="num">RSS</th>
          <th className="num">Heap used</th>
          <th className="bar-col" aria-label="RSS share" />
        </tr>
      </thead>
      <tbody>
        {memory.map((m) => (
          <tr key={m.service}>
            <td>{m.service}</td>
            <td>
              <StatusBadge status={m.status} />
            </td>
            <td className="num">{formatBytes(m.rssBytes)}</td>
            <td className="num">{formatBytes(m.heapUsedBytes)}</td>
            <td className="bar-col">
              <span className="bar" style={{ width: `${(m.rssBytes / maxRss) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
