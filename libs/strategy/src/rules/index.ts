/**
 * The rule language: user strategies as JSON with conditions in a small expression syntax,
 * parsed and type-checked into a tree and compiled into a StrategyDefinition. No user text is ever
 * executed as code: expressions become a fixed set of runtime nodes. See README.md beside this file.
 */
import type { StrategyDefinition } from '../sdk';
import { compileRule } from './compile';
import { validateRule, type RuleError, type RuleStrategy } from './rule';

export type {
  Expr,
  ExpressionError,
  SourcePosition,
  Span,
  PriceField,
  BinaryOperator,
  UnaryOperator,
  NumberLiteral,
  ParamRef,
  FieldRef,
  Call,
  Unary,
  Binary,
} from './ast';
export { parseExpression, type ParseResult } from './parser';
export { checkExpression, type CheckContext, type CheckResult } from './checker';
export { printExpression } from './printer';
export { describeRule } from './describe';
export { FUNCTIONS as RULE_FUNCTIONS, type FunctionSpec, type ArgumentSpec, type ValueType } from './functions';
export {
  validateRule,
  type RuleStrategy,
  type RuleExpression,
  type RuleSizing,
  type RuleProtection,
  type RuleParam,
  type RuleSide,
  type RuleError,
  type ValidateRuleResult,
} from './rule';
export { compileRule, ruleWarmup, resolveRuleParams } from './compile';
export { RULE_TAGS } from './rule-strategy';
export { evaluateExpression, ruleSignals, type BarColumns, type RuleSignals } from './signals';

export type ParseRuleStrategyResult =
  | { ok: true; rule: RuleStrategy; definition: StrategyDefinition }
  | { ok: false; errors: RuleError[] };

/**
 * A rule document (parsed JSON) → a checked rule and the strategy definition compiled from it,
 * or every error found, each with its path and, inside an expression, its position.
 * Never throws, whatever the input.
 */
export function parseRuleStrategy(json: unknown): ParseRuleStrategyResult {
  const validated = validateRule(json);
  if (!validated.ok) return validated;
  try {
    const definition = compileRule(validated.rule);
    definition.warmup({}); // builds the program once with the defaults: fails here, not at create()
    return { ok: true, rule: validated.rule, definition };
  } catch (error) {
    // Building the program with the defaults checks what the type checker cannot see.
    return { ok: false, errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
}
