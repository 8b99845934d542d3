import {
  binaryPrecedence,
  errorAt,
  isComparison,
  PRECEDENCE,
  PRICE_FIELDS,
  type BinaryOperator,
  type Expr,
  type ExpressionError,
  type PriceField,
} from './ast';
import { tokenize, type Token } from './tokenizer';

export type ParseResult = { ok: true; expr: Expr } | { ok: false; errors: ExpressionError[] };

/** Deeper nesting is refused, so that no input can overflow the stack. */
export const MAX_NESTING = 64;

const KEYWORDS = new Set(['and', 'or', 'not']);

/** Thrown inside the parser only, caught by {@link parseExpression}: one error ends the parse. */
class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

/**
 * Parses one expression of the rule language (a hand-written Pratt parser). Never throws:
 * any input gives either a tree or errors with positions.
 */
export function parseExpression(source: string): ParseResult {
  if (typeof source !== 'string') {
    return { ok: false, errors: [errorAt('', 0, 'expected an expression (a string)')] };
  }
  const tokenized = tokenize(source);
  if (!tokenized.ok) return { ok: false, errors: [tokenized.error] };
  const parser = new Parser(source, tokenized.tokens);
  try {
    const expr = parser.parseAll();
    return { ok: true, expr };
  } catch (failure) {
    if (failure instanceof ParseFailure) return { ok: false, errors: [failure.error] };
    throw failure;
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseAll(): Expr {
    if (this.peek().kind === 'end') this.fail(this.peek(), 'expected an expression');
    const expr = this.parse(0);
    const next = this.peek();
    if (next.kind !== 'end') this.fail(next, `unexpected ${describe(next)}`);
    return expr;
  }

  /** Parses operators that bind tighter than `minPrecedence`. */
  private parse(minPrecedence: number): Expr {
    if (++this.depth > MAX_NESTING) this.fail(this.peek(), `expression nests more than ${MAX_NESTING} levels deep`);
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const operator = infixOperator(token);
      if (operator === null) break;
      const precedence = binaryPrecedence(operator);
      if (precedence <= minPrecedence) break;
      this.index++;
      // Comparisons do not chain: "a < b < c" would compare a boolean with a number.
      const right = this.parse(precedence);
      left = {
        kind: 'binary',
        operator,
        left,
        right,
        operatorSpan: token.span,
        span: { start: left.span.start, end: right.span.end },
      };
      if (isComparison(operator)) {
        const after = this.peek();
        const nextOperator = infixOperator(after);
        if (nextOperator !== null && isComparison(nextOperator)) {
          this.fail(after, `comparisons cannot be chained; join them with 'and'`);
        }
      }
    }
    this.depth--;
    return left;
  }

  private parsePrefix(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value ?? Number(token.text), span: token.span };
      case 'param':
        return { kind: 'param', name: token.text, span: token.span };
      case '(': {
        const inner = this.parse(0);
        this.expect(')', token);
        return inner;
      }
      case 'operator':
        if (token.text === '-') {
          const operand = this.parse(PRECEDENCE.negation);
          return { kind: 'unary', operator: '-', operand, span: { start: token.span.start, end: operand.span.end } };
        }
        return this.fail(token, `unexpected ${describe(token)}; expected a value`);
      case 'end':
        return this.fail(token, 'expected a value but the expression ends');
      case 'identifier':
        return this.parseIdentifier(token);
      default:
        return this.fail(token, `unexpected ${describe(token)}; expected a value`);
    }
  }

  private parseIdentifier(token: Token): Expr {
    const name = token.text;
    if (name === 'not') {
      const operand = this.parse(PRECEDENCE.not);
      return { kind: 'unary', operator: 'not', operand, span: { start: token.span.start, end: operand.span.end } };
    }
    if (KEYWORDS.has(name)) return this.fail(token, `unexpected '${name}'; expected a value`);
    if (this.peek().kind === '(') {
      this.index++;
      const args: Expr[] = [];
      if (this.peek().kind !== ')') {
        for (;;) {
          args.push(this.parse(0));
          if (this.peek().kind !== ',') break;
          this.index++;
        }
      }
      const close = this.expect(')', token);
      return { kind: 'call', callee: name, calleeSpan: token.span, args, span: { start: token.span.start, end: close.span.end } };
    }
    if ((PRICE_FIELDS as readonly string[]).includes(name)) {
      return { kind: 'field', field: name as PriceField, span: token.span };
    }
    return this.fail(token, `unknown name '${name}' (price fields are ${PRICE_FIELDS.join(', ')}; parameters start with '$')`);
  }

  private expect(kind: ')', opener: Token): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      const what = opener.kind === '(' ? 'to close the parenthesis' : `to close the call of ${opener.text}`;
      this.fail(token, `expected '${kind}' ${what} but found ${describe(token)}`);
    }
    this.index++;
    return token;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private fail(token: Token, message: string): never {
    throw new ParseFailure(errorAt(this.source, token.span.start, message));
  }
}

function infixOperator(token: Token): BinaryOperator | null {
  if (token.kind === 'operator' && token.text !== '') return token.text as BinaryOperator;
  if (token.kind === 'identifier' && (token.text === 'and' || token.text === 'or')) return token.text;
  return null;
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the expression';
  if (token.kind === 'number') return `number ${token.text}`;
  if (token.kind === 'param') return `$${token.text}`;
  return `'${token.text}'`;
}
