import { VerifiedTokenCache } from './verified-token-cache';

const principal = { kind: 'user' as const, id: 'u1', userId: 'u1', role: 'trader' as const, email: 'a@b.c' };

describe('VerifiedTokenCache', () => {
  it('answers a verified token until its exp, then forgets it', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', principal, 10_000);
    expect(cache.get('t1', 9_999)).toEqual(principal);
    expect(cache.get('t1', 10_000)).toBeUndefined(); // jsonwebtoken: expired when now >= exp
    expect(cache.size).toBe(0);
  });

  it('never answers for a token it has not seen, however similar', () => {
    const cache = new VerifiedTokenCache();
    cache.set('header.payload.signature', principal, 10_000);
    expect(cache.get('header.payload.signaturf', 0)).toBeUndefined();
  });

  it('hands out a frozen copy, so no request can change what the next one gets', () => {
    const cache = new VerifiedTokenCache();
    const stored = cache.set('t1', { ...principal }, 10_000);
    expect(Object.isFrozen(stored)).toBe(true);
    expect(() => Object.assign(cache.get('t1', 0) as object, { role: 'admin' })).toThrow(TypeError);
    expect(cache.get('t1', 0)?.role).toBe('trader');
  });

  it('stays within its bound, dropping the oldest first, and keeps nothing without an exp', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', principal, 10_000);
    cache.set('b', principal, 10_000);
    cache.set('c', principal, 10_000);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('c', 0)).toBeDefined();
    cache.set('d', principal, Number.NaN);
    expect(cache.get('d', 0)).toBeUndefined();
  });
});
