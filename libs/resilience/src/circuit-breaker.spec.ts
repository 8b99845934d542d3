import { CircuitBreaker, CircuitOpenError } from './circuit-breaker';

describe('CircuitBreaker', () => {
  const failing = () => Promise.reject(new Error('timeout'));

  it('opens after repeated failures and then fails fast without calling', async () => {
    const breaker = new CircuitBreaker('svc', { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 });
    for (let i = 0; i < 3; i++) await expect(breaker.execute(failing)).rejects.toThrow('timeout');
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(breaker.execute(async () => { called = true; })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    breaker.shutdown();
  });

  it('does not count answers such as validation errors as failures', async () => {
    const breaker = new CircuitBreaker('svc', { volumeThreshold: 2, isAnswer: (e) => (e as Error).message === '400' });
    for (let i = 0; i < 5; i++) await expect(breaker.execute(() => Promise.reject(new Error('400')))).rejects.toThrow('400');
    expect(breaker.state).toBe('closed');
    breaker.shutdown();
  });

  it('lets one trial call through after the reset timeout and closes when it succeeds', async () => {
    const breaker = new CircuitBreaker('svc', { volumeThreshold: 1, resetTimeoutMs: 50 });
    await expect(breaker.execute(failing)).rejects.toThrow();
    expect(breaker.state).toBe('open');
    await new Promise((r) => setTimeout(r, 80));
    expect(breaker.state).toBe('half-open');
    await expect(breaker.execute(async () => 42)).resolves.toBe(42);
    expect(breaker.state).toBe('closed');
    breaker.shutdown();
  });

  it('can be forced open and closed by a health probe', async () => {
    const breaker = new CircuitBreaker('svc');
    const states: string[] = [];
    breaker.onStateChange((s) => states.push(s));
    breaker.open();
    await expect(breaker.execute(async () => 1)).rejects.toBeInstanceOf(CircuitOpenError);
    breaker.close();
    await expect(breaker.execute(async () => 1)).resolves.toBe(1);
    expect(states).toEqual(['open', 'closed']);
    breaker.shutdown();
  });
});
