import { LOG_LEVELS, type LogEntry, type LogLevel } from '@meridian/contracts';

export interface LogFilter {
  service?: string;
  level?: LogLevel;
  q?: string;
}

const PINO_LEVELS: Record<number, LogLevel> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const RESERVED = new Set(['level', 'time', 'service', 'msg', 'pid', 'requestId', 'hostname']);

/** One stored pino line to a log entry; null when the line is not a log record. */
export function parseLogLine(id: string, line: string): LogEntry | null {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  const level = typeof raw.level === 'number' ? PINO_LEVELS[raw.level] : (raw.level as LogLevel);
  if (!level || !LOG_LEVELS.includes(level)) return null;
  const context: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!RESERVED.has(k)) context[k] = v;
  return {
    id,
    time: typeof raw.time === 'string' ? raw.time : new Date(Number(id.split('-')[0])).toISOString(),
    service: String(raw.service ?? 'unknown'),
    level,
    msg: String(raw.msg ?? ''),
    requestId: typeof raw.requestId === 'string' ? raw.requestId : undefined,
    context: Object.keys(context).length ? context : undefined,
  };
}

export function matches(entry: LogEntry, f: LogFilter): boolean {
  if (f.service && entry.service !== f.service) return false;
  if (f.level && LOG_LEVELS.indexOf(entry.level) < LOG_LEVELS.indexOf(f.level)) return false;
  if (f.q) {
    const needle = f.q.toLowerCase();
    if (!entry.msg.toLowerCase().includes(needle) && !(entry.requestId ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
}
