import type { Expr } from './ast';
import { formatNumber, printExpression } from './printer';
import type { RuleProtection, RuleSizing, RuleStrategy } from './rule';

/**
 * The canonical text of a rule (or of one expression), for the UI to show the author what will
 * run. Expressions come out in canonical form (see printExpression); a rule as one line per part:
 *
 *   long R_100, R_50
 *   entry: crossAbove(sma(close, $fast), sma(close, 30))
 *   exit: crossBelow(sma(close, $fast), sma(close, 30))
 *   size: 50 % of equity
 *   stop-loss: 2 % from entry
 *   params: $fast = 10 (integer, 1..40)
 */
export function describeRule(ast: RuleStrategy | Expr): string {
  if (!('entry' in ast)) return printExpression(ast);
  const rule = ast;
  const lines = [`${rule.side} ${rule.symbols.join(', ')}`, `entry: ${printExpression(rule.entry.ast)}`];
  if (rule.exit !== undefined) lines.push(`exit: ${printExpression(rule.exit.ast)}`);
  lines.push(`size: ${describeSizing(rule.sizing)}`);
  if (rule.stopLoss !== undefined) lines.push(`stop-loss: ${describeProtection(rule.stopLoss)}`);
  if (rule.takeProfit !== undefined) lines.push(`take-profit: ${describeProtection(rule.takeProfit)}`);
  const params = Object.entries(rule.params);
  if (params.length > 0) {
    const list = params.map(([name, p]) => `$${name} = ${formatNumber(p.default)} (${p.type}, ${formatNumber(p.min)}..${formatNumber(p.max)})`);
    lines.push(`params: ${list.join(', ')}`);
  }
  return lines.join('\n');
}

function percent(fraction: number): string {
  // Rounded to 10 significant digits: 0.07 * 100 is 7.000000000000001.
  return `${formatNumber(Number((fraction * 100).toPrecision(10)))} %`;
}

function describeSizing(sizing: RuleSizing): string {
  switch (sizing.type) {
    case 'quantity':
      return `${formatNumber(sizing.value)} unit${sizing.value === 1 ? '' : 's'}`;
    case 'percentEquity':
      return `${percent(sizing.value)} of equity`;
    case 'notional':
      return `${formatNumber(sizing.value)} notional`;
  }
}

function describeProtection(protection: RuleProtection): string {
  return protection.type === 'percent' ? `${percent(protection.value)} from entry` : `${formatNumber(protection.value)} points from entry`;
}
