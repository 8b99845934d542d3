import { errorAt, isComparison, type Call, type Expr, type ExpressionError, type Span } from './ast';
import { closestFunctionName, FUNCTIONS, signatureOf, type ArgumentSpec, type ValueType } from './functions';

export interface CheckContext {
  /** The expression's source, for positions in messages. */
  readonly source: string;
  /** Declared parameters and their default values. */
  readonly params: Readonly<Record<string, number>>;
}

export interface CheckResult {
  /** The expression's type, or null when it has errors that hide it. */
  readonly type: ValueType | null;
  readonly errors: readonly ExpressionError[];
}

/**
 * Type-checks an expression: numbers and booleans in the right places, known functions with the
 * right number and kinds of arguments, periods that are positive integer constants, declared
 * parameters. Reports every error it can find, each with its position.
 */
export function checkExpression(expr: Expr, context: CheckContext, expected?: ValueType): CheckResult {
  const errors: ExpressionError[] = [];
  const type = new Checker(context, errors).typeOf(expr);
  if (expected !== undefined && type !== null && type !== expected) {
    const got = type === 'boolean' ? 'a condition (true/false)' : 'a number';
    const want = expected === 'boolean' ? 'a condition (true/false), e.g. close > sma(close, 20)' : 'a number';
    errors.push(errorAt(context.source, expr.span.start, `expected ${want} but this expression is ${got}`));
  }
  return { type: errors.length === 0 ? type : null, errors };
}

/** The type's name as messages use it. */
function article(type: ValueType): string {
  return type === 'number' ? 'a number' : 'a boolean';
}

class Checker {
  constructor(
    private readonly context: CheckContext,
    private readonly errors: ExpressionError[],
  ) {}

  /** Type of `expr`, or null when it could not be decided (an error was already reported). */
  typeOf(expr: Expr): ValueType | null {
    switch (expr.kind) {
      case 'number':
      case 'field':
        return 'number';
      case 'param':
        return this.checkParamDeclared(expr.name, expr.span) ? 'number' : null;
      case 'unary': {
        const operand = this.typeOf(expr.operand);
        const want: ValueType = expr.operator === 'not' ? 'boolean' : 'number';
        if (operand !== null && operand !== want) {
          this.report(expr.span, `'${expr.operator}' expects ${article(want)} but got ${article(operand)}`);
          return null;
        }
        return want;
      }
      case 'binary':
        return this.binaryType(expr);
      case 'call':
        return this.callType(expr);
    }
  }

  private binaryType(expr: Extract<Expr, { kind: 'binary' }>): ValueType | null {
    const left = this.typeOf(expr.left);
    const right = this.typeOf(expr.right);
    const op = expr.operator;
    if (left === null || right === null) return null;
    if (op === '==' || op === '!=') {
      if (left !== right) {
        this.report(expr.operatorSpan, `'${op}' compares values of one type but got ${article(left)} and ${article(right)}`);
        return null;
      }
      return 'boolean';
    }
    const operandType: ValueType = op === 'and' || op === 'or' ? 'boolean' : 'number';
    let ok = true;
    for (const [side, type] of [['left', left], ['right', right]] as const) {
      if (type !== operandType) {
        this.report(expr.operatorSpan, `'${op}' expects ${operandType === 'number' ? 'numbers' : 'booleans'} but the ${side} side is ${article(type)}`);
        ok = false;
      }
    }
    if (!ok) return null;
    return isComparison(op) || operandType === 'boolean' ? 'boolean' : 'number';
  }

  private callType(call: Call): ValueType | null {
    const spec = FUNCTIONS.get(call.callee);
    if (spec === undefined) {
      const hint = closestFunctionName(call.callee);
      this.report(call.calleeSpan, `unknown function '${call.callee}'${hint !== undefined ? ` (did you mean ${hint}?)` : ''}`);
      for (const arg of call.args) this.typeOf(arg);
      return null;
    }
    if (call.args.length !== spec.args.length) {
      const count = call.args.length;
      this.report(call.calleeSpan, `${spec.name} expects ${signatureOf(spec)} but got ${count} argument${count === 1 ? '' : 's'}`);
      for (const arg of call.args) this.typeOf(arg);
      return null;
    }
    let ok = true;
    let firstType: ValueType | null = null;
    call.args.forEach((arg, i) => {
      const argType = this.checkArgument(spec.name, spec.args[i], arg);
      if (argType === null) ok = false;
      if (i === 0) firstType = argType;
    });
    if (!ok) return null;
    return spec.result === 'first' ? firstType : spec.result;
  }

  private checkArgument(functionName: string, spec: ArgumentSpec, arg: Expr): ValueType | null {
    const where = `${functionName}: ${spec.name}`;
    if (spec.kind === 'period') return this.checkPeriod(where, spec.min ?? 1, arg) ? 'number' : null;
    if (spec.kind === 'constant') return this.checkConstant(where, arg) ? 'number' : null;
    const type = this.typeOf(arg);
    if (type === null) return null;
    if (spec.kind === 'series' && type !== 'number') {
      this.report(arg.span, `${where} must be a number series but got ${article(type)}`);
      return null;
    }
    return type;
  }

  private checkPeriod(where: string, min: number, arg: Expr): boolean {
    const requirement = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    if (arg.kind === 'number') {
      if (Number.isInteger(arg.value) && arg.value >= min) return true;
      this.report(arg.span, `${where} must be ${requirement} but got ${arg.value}`);
      return false;
    }
    if (arg.kind === 'unary' && arg.operator === '-' && arg.operand.kind === 'number') {
      this.report(arg.span, `${where} must be ${requirement} but got ${-arg.operand.value}`);
      return false;
    }
    if (arg.kind === 'param') {
      if (!this.checkParamDeclared(arg.name, arg.span)) return false;
      const value = this.context.params[arg.name];
      if (Number.isInteger(value) && value >= min) return true;
      this.report(arg.span, `${where} must be ${requirement} but $${arg.name} defaults to ${value}`);
      return false;
    }
    this.report(arg.span, `${where} must be ${requirement} constant or a $param, not an expression that changes per bar`);
    this.typeOf(arg);
    return false;
  }

  private checkConstant(where: string, arg: Expr): boolean {
    const inner = arg.kind === 'unary' && arg.operator === '-' ? arg.operand : arg;
    if (inner.kind === 'number') return true;
    if (inner.kind === 'param') return this.checkParamDeclared(inner.name, inner.span);
    this.report(arg.span, `${where} must be a number constant or a $param, not an expression that changes per bar`);
    this.typeOf(arg);
    return false;
  }

  private checkParamDeclared(name: string, span: Span): boolean {
    if (Object.prototype.hasOwnProperty.call(this.context.params, name)) return true;
    const declared = Object.keys(this.context.params);
    const known = declared.length > 0 ? ` (declared: ${declared.map((p) => `$${p}`).join(', ')})` : ' (declare it under "params")';
    this.report(span, `unknown parameter $${name}${known}`);
    return false;
  }

  private report(span: Span, message: string): void {
    this.errors.push(errorAt(this.context.source, span.start, message));
  }
}
