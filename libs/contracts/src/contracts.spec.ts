import { BACKEND_SERVICES, DEFAULT_PORTS, roleAtLeast, servicePattern, SYSTEM_PATTERNS } from './index';

describe('contracts', () => {
  it('orders roles viewer < trader < admin', () => {
    expect(roleAtLeast('admin', 'trader')).toBe(true);
    expect(roleAtLeast('trader', 'trader')).toBe(true);
    expect(roleAtLeast('viewer', 'trader')).toBe(false);
    expect(roleAtLeast('trader', 'admin')).toBe(false);
  });

  it('gives each service its own system patterns, so one request has one answerer', () => {
    const patterns = BACKEND_SERVICES.map((s) => servicePattern(s, SYSTEM_PATTERNS.health));
    expect(new Set(patterns).size).toBe(BACKEND_SERVICES.length);
    expect(patterns).toContain('execution.system.health.get.v1');
  });

  it('gives every process a distinct default port', () => {
    expect(new Set(Object.values(DEFAULT_PORTS)).size).toBe(4);
  });
});
