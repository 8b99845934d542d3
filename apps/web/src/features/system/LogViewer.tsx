import { useState, type FormEvent } from 'react';
import { ALL_SERVICES, LOG_LEVELS, type LogEntry, type LogLevel } from '@meridian/contracts';
import { Panel } from '../../ui/Panel';
import { ErrorNote } from '../../ui/QueryView';
import { formatDateTime } from '../../ui/format';
import { useGetLogsInfiniteQuery, type LogFilters } from './systemApi';

const AUTO_REFRESH_MS = 5_000;

interface FilterDraft {
  service: string;
  level: string;
  from: string;
  to: string;
  q: string;
}
const EMPTY_DRAFT: FilterDraft = { service: '', level: '', from: '', to: '', q: '' };

/** Form values to query params: empty means "any"; datetime-local (local time) becomes ISO. */
export function toLogFilters(d: FilterDraft): LogFilters {
  const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
  return {
    service: d.service || undefined,
    level: (d.level || undefined) as LogLevel | undefined,
    from: iso(d.from),
    to: iso(d.to),
    q: d.q.trim() || undefined,
  };
}

function LogRow({ entry }: { entry: LogEntry }) {
  const [open, setOpen] = useState(false);
  const hasContext = entry.context && Object.keys(entry.context).length > 0;
  return (
    <>
      <tr className={`log-row log-${entry.level} ${hasContext ? 'clickable' : ''}`} onClick={() => hasContext && setOpen(!open)}>
        <td className="mono nowrap">{formatDateTime(entry.time)}</td>
        <td>
          <span className={`level level-${entry.level}`}>{entry.level}</span>
        </td>
        <td className="nowrap">{entry.service}</td>
        <td className="mono log-msg">{entry.msg}</td>
        <td className="mono muted nowrap">{entry.requestId ?? ''}</td>
      </tr>
      {open ? (
        <tr className="log-context">
          <td colSpan={5}>
            <pre>{JSON.stringify(entry.context, null, 2)}</pre>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function LogViewer() {
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [filters, setFilters] = useState<LogFilters>({});
  const [autoRefresh, setAutoRefresh] = useState(false);
  const logs = useGetLogsInfiniteQuery(filters, { pollingInterval: autoRefresh ? AUTO_REFRESH_MS : 0 });
  const entries = logs.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(toLogFilters(draft));
  };
  const set = (key: keyof FilterDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });

  return (
    <Panel
      title="Logs"
      actions={
        <label className="toggle">
          <input type="checkbox" checked={autoRefresh} onChange={(e) => setAutoRefresh(e.target.checked)} data-testid="logs-auto-refresh" />
          Auto-refresh
        </label>
      }
    >
      <form className="filters" onSubmit={apply} aria-label="Log filters">
        <select value={draft.service} onChange={set('service')} aria-label="Service">
          <option value="">All services</option>
          {ALL_SERVICES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select value={draft.level} onChange={set('level')} aria-label="Level">
          <option value="">Any level</option>
          {LOG_LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        <input type="datetime-local" value={draft.from} onChange={set('from')} aria-label="From" />
        <input type="datetime-local" value={draft.to} onChange={set('to')} aria-label="To" />
        <input type="search" value={draft.q} onChange={set('q')} placeholder="Search messages" aria-label="Search" className="grow" />
        <button type="submit" className="btn btn-primary btn-small">
          Apply
        </button>
      </form>
      {logs.error && entries.length === 0 ? <ErrorNote error={logs.error} /> : null}
      {logs.isLoading ? <div className="state state-loading">Loading…</div> : null}
      {!logs.isLoading && !logs.error && entries.length === 0 ? <div className="state state-empty">No log entries match</div> : null}
      {entries.length > 0 ? (
        <div className="table-scroll log-scroll">
          <table className="grid-table log-table" data-testid="log-table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Level</th>
                <th>Service</th>
                <th>Message</th>
                <th>Request</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <LogRow key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {logs.hasNextPage ? (
        <div className="load-more">
          <button className="btn btn-small" onClick={() => void logs.fetchNextPage()} disabled={logs.isFetchingNextPage}>
            {logs.isFetchingNextPage ? 'Loading…' : 'Load older'}
          </button>
        </div>
      ) : null}
    </Panel>
  );
}
