import { RpcFailure } from '@meridian/messaging';
import type { ParamSpecView, RuleValidation } from '@meridian/contracts';
import { builtinStrategies, describeRule, findBuiltin, parseRuleStrategy, resolveParams, type ParamSchema, type ParamValues, type RuleStrategy, type StrategyDefinition } from '@meridian/strategy';

/** A strategy ready to run: its definition and the parameter values it runs with. */
export interface ResolvedStrategy {
  definition: StrategyDefinition;
  params: ParamValues;
  label: string;
  strategyId: string | null;
  version: number | null;
  /** What a run stores to rebuild the definition later: the rule document or the built-in id. */
  source: { rule: Record<string, unknown> } | { builtin: string };
}

export function builtins(): readonly StrategyDefinition[] {
  return builtinStrategies;
}

export function schemaView(schema: ParamSchema): Record<string, ParamSpecView> {
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, { ...v } as ParamSpecView]));
}

/** Parses and type-checks a rule document; never throws. */
export function validateRuleDocument(rule: unknown): RuleValidation & { parsed?: { rule: RuleStrategy; definition: StrategyDefinition } } {
  // The strategy's own name stands in for a rule document's name when it has none.
  const doc = rule && typeof rule === 'object' && !Array.isArray(rule) && !('name' in rule) ? { name: 'Rule', ...rule } : rule;
  const result = parseRuleStrategy(doc);
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => ({ path: e.path, message: e.message, position: e.position })), canonical: null, warmupBars: null };
  let warmupBars: number | null = null;
  try {
    warmupBars = result.definition.warmup({});
  } catch {
    warmupBars = null;
  }
  const lines = describeRule(result.rule).split('\n');
  const find = (prefix: string) => lines.find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? null;
  return { ok: true, errors: [], canonical: { entry: find('entry: ') ?? '', exit: find('exit: ') }, warmupBars, parsed: result };
}

/** A rule that does not parse: 400 naming the first problem's place, every problem in details. */
export function ruleRejection(validation: RuleValidation): RpcFailure {
  const first = validation.errors[0];
  const where = first?.position ? ` at ${first.position.line}:${first.position.column}` : '';
  return new RpcFailure({
    statusCode: 400,
    error: 'Bad Request',
    message: `rule${first?.path ? `.${first.path}` : ''}${where}: ${first?.message ?? 'invalid rule'}`,
    details: validation.errors.map((e) => ({ field: e.path ? `rule.${e.path}` : 'rule', rules: { rule: e.position ? `${e.message} (at ${e.position.line}:${e.position.column})` : e.message } })),
  });
}

/** Checks parameter values against a built-in's schema and relations; 400 naming each problem. */
export function builtinParams(id: string, input: Record<string, unknown> | undefined): { definition: StrategyDefinition; params: ParamValues } {
  const builtin = findBuiltin(id);
  if (!builtin) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: `No built-in strategy "${id}"; there are: ${builtinStrategies.map((s) => s.id).join(', ')}`, details: [{ field: 'builtin', rules: { exists: 'a built-in strategy id' } }] });
  const resolved = resolveParams(builtin.params, input, builtin.relations);
  if (!resolved.ok) {
    throw new RpcFailure({
      statusCode: 400,
      error: 'Bad Request',
      message: `Invalid parameters for ${id}: ${resolved.errors.map((e) => e.message).join('; ')}`,
      details: resolved.errors.map((e) => ({ field: `params.${e.param}`, rules: { [e.rule]: e.message } })),
    });
  }
  return { definition: builtin, params: resolved.values };
}
