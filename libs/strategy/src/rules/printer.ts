import { binaryPrecedence, expressionPrecedence, isComparison, PRECEDENCE, type Expr } from './ast';

/**
 * Prints an expression in canonical form: one space around binary operators, ", " between
 * arguments, numbers in their shortest exact form, and only the parentheses the precedence
 * needs. Parsing the output gives the same tree (positions aside), so the UI can show a rule back
 * to its author exactly as it will be evaluated.
 */
export function printExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return formatNumber(expr.value);
    case 'param':
      return `$${expr.name}`;
    case 'field':
      return expr.field;
    case 'call':
      return `${expr.callee}(${expr.args.map(printExpression).join(', ')})`;
    case 'unary': {
      const own = expressionPrecedence(expr);
      const operand = printExpression(expr.operand);
      // "-(-x)" rather than "--x", and "-(a * b)" rather than "-a * b" which parses differently.
      const wrap = expressionPrecedence(expr.operand) < own || (expr.operator === '-' && expr.operand.kind === 'unary');
      const body = wrap ? `(${operand})` : operand;
      return expr.operator === 'not' ? `not ${body}` : `-${body}`;
    }
    case 'binary': {
      const own = binaryPrecedence(expr.operator);
      const left = printExpression(expr.left);
      const right = printExpression(expr.right);
      // Left-associative: a parenthesis is needed on the left only for looser operators, on the
      // right also for equal ones ("a - (b - c)"). Comparisons do not chain at all.
      const wrapLeft = expressionPrecedence(expr.left) < own || (isComparison(expr.operator) && expressionPrecedence(expr.left) === PRECEDENCE.comparison);
      const wrapRight = expressionPrecedence(expr.right) <= own;
      return `${wrapLeft ? `(${left})` : left} ${expr.operator} ${wrapRight ? `(${right})` : right}`;
    }
  }
}

/** Shortest decimal that reads back as the same double; integers without a fraction. */
export function formatNumber(value: number): string {
  return String(value);
}
