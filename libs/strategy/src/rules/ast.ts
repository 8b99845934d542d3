/**
 * The syntax tree of a rule expression. Every node keeps the span of source it was parsed from
 * (offsets into the expression string) so that type errors can point at the exact place.
 */

/** Half-open range [start, end) of offsets into the expression source. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A place in the source, as editors show it: offset from 0, line and column from 1. */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface ExpressionError {
  readonly position: SourcePosition;
  /** Ends with " at line:column", ready to show as it is. */
  readonly message: string;
}

export type PriceField = 'open' | 'high' | 'low' | 'close' | 'volume';
export const PRICE_FIELDS: readonly PriceField[] = ['open', 'high', 'low', 'close', 'volume'];

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOperator = 'and' | 'or';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;
export type UnaryOperator = '-' | 'not';

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}

/** `$name`: a named numeric parameter of the rule, fixed when the strategy is created. */
export interface ParamRef {
  readonly kind: 'param';
  readonly name: string;
  readonly span: Span;
}

export interface FieldRef {
  readonly kind: 'field';
  readonly field: PriceField;
  readonly span: Span;
}

export interface Call {
  readonly kind: 'call';
  readonly callee: string;
  /** Span of the function name alone (errors about the call point here). */
  readonly calleeSpan: Span;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expr;
  readonly span: Span;
}

export interface Binary {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  /** Span of the operator token (errors about the operation point here). */
  readonly operatorSpan: Span;
  readonly span: Span;
}

export type Expr = NumberLiteral | ParamRef | FieldRef | Call | Unary | Binary;

/** Binding powers, loosest first. The parser and the printer share them. */
export const PRECEDENCE = {
  or: 10,
  and: 20,
  not: 30,
  comparison: 40,
  additive: 50,
  multiplicative: 60,
  negation: 70,
  primary: 100,
} as const;

export function isComparison(op: BinaryOperator): op is ComparisonOperator {
  return op === '<' || op === '<=' || op === '>' || op === '>=' || op === '==' || op === '!=';
}

export function binaryPrecedence(op: BinaryOperator): number {
  if (op === 'or') return PRECEDENCE.or;
  if (op === 'and') return PRECEDENCE.and;
  if (op === '+' || op === '-') return PRECEDENCE.additive;
  if (op === '*' || op === '/') return PRECEDENCE.multiplicative;
  return PRECEDENCE.comparison;
}

export function expressionPrecedence(expr: Expr): number {
  if (expr.kind === 'binary') return binaryPrecedence(expr.operator);
  if (expr.kind === 'unary') return expr.operator === 'not' ? PRECEDENCE.not : PRECEDENCE.negation;
  return PRECEDENCE.primary;
}

/** Offset → line and column (both from 1). Lines end at '\n'. */
export function positionAt(source: string, offset: number): SourcePosition {
  const clamped = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}

export function errorAt(source: string, offset: number, message: string): ExpressionError {
  const position = positionAt(source, offset);
  return { position, message: `${message} at ${position.line}:${position.column}` };
}
