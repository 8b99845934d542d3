// Decimal strings as the trading API wants them ("1.25": no sign, no exponent), kept as text so
// nothing is lost to floating point on the way to the gateway.

/** The API's decimal: up to 20 integer digits and 18 decimals. */
const DECIMAL = /^(\d{1,20})(\.\d{1,18})?$/;

/** "1.50" stays "1.50"; ".5" becomes "0.5"; surrounding spaces go. Anything else is returned trimmed. */
export function normaliseDecimal(value: string): string {
  const text = value.trim();
  return text.startsWith('.') ? `0${text}` : text;
}

export function isDecimal(value: string): boolean {
  return DECIMAL.test(normaliseDecimal(value));
}

/** A decimal the API accepts and that is above zero. */
export function isPositiveDecimal(value: string): boolean {
  const text = normaliseDecimal(value);
  return DECIMAL.test(text) && /[1-9]/.test(text);
}

/**
 * Moves the decimal point of a non-negative decimal string: shiftDecimal('2.5', -2) is '0.025'
 * (a percentage as a fraction), shiftDecimal('0.1', 2) is '10'. Exact, unlike `n / 100`.
 */
export function shiftDecimal(value: string, places: number): string {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(normaliseDecimal(value));
  if (!match || (!match[1] && !match[2])) return value;
  const int = match[1] || '0';
  let digits = int + (match[2] ?? '');
  let point = int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Number of decimals written in a decimal string ("1.250" → 3). */
export function decimalsOf(value: string | null | undefined): number {
  if (!value) return 0;
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}
