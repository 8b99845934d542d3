import { matches, parseLogLine } from './log-query';

describe('log lines', () => {
  const line = JSON.stringify({ level: 'warn', time: '2026-01-01T00:00:00.000Z', service: 'execution', pid: 1, requestId: 'req-123456', msg: 'Order Rejected', orderId: 'o1' });

  it('parses a pino line and keeps extra fields as context', () => {
    expect(parseLogLine('1700000000000-0', line)).toEqual({
      id: '1700000000000-0', time: '2026-01-01T00:00:00.000Z', service: 'execution', level: 'warn', msg: 'Order Rejected', requestId: 'req-123456', context: { orderId: 'o1' },
    });
  });

  it('accepts numeric pino levels and ignores lines that are not JSON log records', () => {
    expect(parseLogLine('1-0', JSON.stringify({ level: 50, msg: 'x', service: 'gateway' }))?.level).toBe('error');
    expect(parseLogLine('1-0', 'not json')).toBeNull();
    expect(parseLogLine('1-0', JSON.stringify({ level: 'loud', msg: 'x' }))).toBeNull();
  });

  it('filters by service, minimum level, and text in the message or request id', () => {
    const e = parseLogLine('1-0', line)!;
    expect(matches(e, { service: 'execution', level: 'info', q: 'rejected' })).toBe(true);
    expect(matches(e, { level: 'error' })).toBe(false);
    expect(matches(e, { service: 'gateway' })).toBe(false);
    expect(matches(e, { q: 'req-1234' })).toBe(true);
    expect(matches(e, { q: 'filled' })).toBe(false);
  });
});
