import { errorAt, type ExpressionError, type Span } from './ast';

export type TokenKind = 'number' | 'identifier' | 'param' | 'operator' | '(' | ')' | ',' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token ('' for 'end'). For 'param' it is the name without the '$'. */
  readonly text: string;
  readonly span: Span;
  /** Numeric value of a 'number' token. */
  readonly value?: number;
}

/** Expressions longer than this are refused before tokenizing: a rule is a line, not a program. */
export const MAX_EXPRESSION_LENGTH = 4000;

const TWO_CHAR_OPERATORS = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_OPERATORS = new Set(['+', '-', '*', '/', '<', '>']);

/** Hints for characters people bring from other languages. */
const MISTAKE_HINTS: Record<string, string> = {
  '&': "unexpected '&' (use 'and')",
  '|': "unexpected '|' (use 'or')",
  '!': "unexpected '!' (use 'not', or '!=' for inequality)",
  '=': "unexpected '=' (use '==' to compare)",
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

/**
 * Splits an expression into tokens. Stops at the first bad character: what follows a bad
 * character rarely tokenizes into anything the user meant.
 */
export function tokenize(source: string): TokenizeResult {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, error: errorAt(source, MAX_EXPRESSION_LENGTH, `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`) };
  }
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 && i + 1 < n && isDigit(source.charCodeAt(i + 1)))) {
      const scanned = scanNumber(source, i);
      if ('error' in scanned) return { ok: false, error: scanned.error };
      i = scanned.end;
      tokens.push({ kind: 'number', text: source.slice(start, i), value: scanned.value, span: { start, end: i } });
      continue;
    }
    if (isIdentifierStart(c)) {
      while (i < n && isIdentifierPart(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'identifier', text: source.slice(start, i), span: { start, end: i } });
      continue;
    }
    if (c === 36 /* $ */) {
      i++;
      if (i >= n || !isIdentifierStart(source.charCodeAt(i))) {
        return { ok: false, error: errorAt(source, start, "expected a parameter name after '$'") };
      }
      while (i < n && isIdentifierPart(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'param', text: source.slice(start + 1, i), span: { start, end: i } });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPERATORS.has(two)) {
      i += 2;
      tokens.push({ kind: 'operator', text: two, span: { start, end: i } });
      continue;
    }
    const one = source[i];
    if (ONE_CHAR_OPERATORS.has(one)) {
      i++;
      tokens.push({ kind: 'operator', text: one, span: { start, end: i } });
      continue;
    }
    if (one === '(' || one === ')' || one === ',') {
      i++;
      tokens.push({ kind: one, text: one, span: { start, end: i } });
      continue;
    }
    const hint = MISTAKE_HINTS[one] ?? `unexpected character ${JSON.stringify(String.fromCodePoint(source.codePointAt(i) ?? c))}`;
    return { ok: false, error: errorAt(source, start, hint) };
  }
  tokens.push({ kind: 'end', text: '', span: { start: n, end: n } });
  return { ok: true, tokens };
}

/** Digits, an optional fraction and an optional exponent: 12, 0.5, .5, 1e-3. */
function scanNumber(source: string, from: number): { end: number; value: number } | { error: ExpressionError } {
  const n = source.length;
  let i = from;
  while (i < n && isDigit(source.charCodeAt(i))) i++;
  if (i < n && source[i] === '.') {
    i++;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
  }
  if (i < n && (source[i] === 'e' || source[i] === 'E')) {
    let j = i + 1;
    if (j < n && (source[j] === '+' || source[j] === '-')) j++;
    if (j < n && isDigit(source.charCodeAt(j))) {
      while (j < n && isDigit(source.charCodeAt(j))) j++;
      i = j;
    } else {
      return { error: errorAt(source, j, 'expected digits in the exponent of a number') };
    }
  }
  if (i < n && (isIdentifierStart(source.charCodeAt(i)) || source[i] === '.')) {
    return { error: errorAt(source, i, `unexpected ${JSON.stringify(source[i])} after a number`) };
  }
  const value = Number(source.slice(from, i));
  if (!Number.isFinite(value)) return { error: errorAt(source, from, 'number is too large') };
  return { end: i, value };
}
