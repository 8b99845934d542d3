import { DERIV_DECIMALS, findInstrument, formatQuote, getInstrument, INSTRUMENTS, isKnownSymbol, roundToDecimals, SECONDS_PER_YEAR } from './instruments';

describe('instrument catalogue', () => {
  it('lists the five volatility indices, their 1s variants and the step index', () => {
    expect(INSTRUMENTS.map((i) => i.symbol)).toEqual([
      'R_10', 'R_25', 'R_50', 'R_75', 'R_100',
      '1HZ10V', '1HZ25V', '1HZ50V', '1HZ75V', '1HZ100V',
      'stpRNG',
    ]);
  });

  it('uses Deriv pip sizes', () => {
    const decimals = Object.fromEntries(INSTRUMENTS.map((i) => [i.symbol, i.decimals]));
    expect(decimals).toEqual({
      R_10: 3, R_25: 3, R_50: 4, R_75: 4, R_100: 2,
      '1HZ10V': 2, '1HZ25V': 2, '1HZ50V': 2, '1HZ75V': 2, '1HZ100V': 2,
      stpRNG: 1,
    });
    expect(decimals).toEqual({ ...DERIV_DECIMALS });
    expect(getInstrument('R_50').pipSize).toBe(0.0001);
    expect(getInstrument('stpRNG').pipSize).toBe(0.1);
  });

  it('ticks every 2 s for R_ indices and every second for 1s variants and the step index', () => {
    for (const i of INSTRUMENTS) {
      const expected = i.symbol.startsWith('R_') ? 2000 : 1000;
      expect(i.tickIntervalMs).toBe(expected);
    }
  });

  it('encodes the volatility in the symbol as a fraction, and a 0.1 step for the step index', () => {
    expect(getInstrument('R_75').volatility).toBe(0.75);
    expect(getInstrument('1HZ10V').volatility).toBe(0.1);
    expect(getInstrument('1HZ100V').volatility).toBe(1);
    const step = getInstrument('stpRNG');
    expect(step).toMatchObject({ type: 'step_index', stepSize: 0.1, volatility: 0 });
    for (const i of INSTRUMENTS) {
      expect(i.startPrice).toBeGreaterThan(0);
      expect(i.displayName.length).toBeGreaterThan(0);
      if (i.type === 'volatility_index') expect(i.displayName).toMatch(/^Volatility \d+ (\(1s\) )?Index$/);
    }
  });

  it('looks symbols up and rejects unknown ones', () => {
    expect(findInstrument('R_100')?.displayName).toBe('Volatility 100 Index');
    expect(findInstrument('nope')).toBeUndefined();
    expect(isKnownSymbol('1HZ50V')).toBe(true);
    expect(() => getInstrument('nope')).toThrow(RangeError);
  });

  it('annualises over a calendar year of 365 × 24 h', () => {
    expect(SECONDS_PER_YEAR).toBe(31_536_000);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(INSTRUMENTS)).toBe(true);
    expect(Object.isFrozen(INSTRUMENTS[0])).toBe(true);
  });
});

describe('quote rounding', () => {
  it('rounds half away from zero to the given decimals', () => {
    expect(roundToDecimals(1234.5678, 2)).toBe(1234.57);
    expect(roundToDecimals(1234.5649, 2)).toBe(1234.56);
    expect(roundToDecimals(-2.345, 2)).toBe(-2.35);
    expect(roundToDecimals(1.005, 2)).toBe(1.01);
    expect(roundToDecimals(8000.05, 1)).toBe(8000.1);
    expect(roundToDecimals(0.1 + 0.2, 1)).toBe(0.3);
  });

  it('formats quotes with the instrument decimals', () => {
    expect(formatQuote(getInstrument('R_100'), 1234.5)).toBe('1234.50');
    expect(formatQuote(getInstrument('R_50'), 250.123456)).toBe('250.1235');
    expect(formatQuote(getInstrument('stpRNG'), 8000.04)).toBe('8000.0');
  });
});
