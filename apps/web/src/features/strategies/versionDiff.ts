import type { ParamSpecView, StrategyVersionView } from '@meridian/contracts';

// Two versions of a strategy side by side: their definitions as lines, the changed lines marked.

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value as Record<string, unknown>).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** A version as text lines: its definition (keys sorted, so only real changes differ), then its parameter values. */
export function versionLines(version: StrategyVersionView): string[] {
  const lines = JSON.stringify(sortKeys(version.definition), null, 2).split('\n');
  if (version.canonical) lines.push('', `// canonical: ${version.canonical}`);
  return lines;
}

export type DiffKind = 'same' | 'removed' | 'added' | 'changed';

/** One row of a side-by-side diff: the left line, the right line, or both. */
export interface DiffRow {
  kind: DiffKind;
  left: string | null;
  right: string | null;
}

/**
 * Line diff by longest common subsequence. A run of removed lines followed by added ones is paired
 * up row by row as "changed", so edits sit side by side.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffRow[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: common lines of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);

  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.max(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const left = removed[k] ?? null;
      const right = added[k] ?? null;
      rows.push({ kind: left !== null && right !== null ? 'changed' : left !== null ? 'removed' : 'added', left, right });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ kind: 'same', left: a[i], right: b[j] });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(b[j++]);
    } else {
      removed.push(a[i++]);
    }
  }
  flush();
  return rows;
}

/** A parameter schema in a few words: "fast 10 (2–50), slow 30 (5–200)". */
export function paramsSummary(params: Record<string, ParamSpecView>, limit = 4): string {
  const parts = Object.entries(params).map(([name, spec]) => {
    if (spec.type === 'boolean') return `${name} ${spec.default ? 'on' : 'off'}`;
    if (spec.type === 'enum') return `${name} ${spec.default}`;
    return `${name} ${spec.default} (${spec.min}–${spec.max})`;
  });
  if (parts.length === 0) return '—';
  return parts.length > limit ? `${parts.slice(0, limit).join(', ')} +${parts.length - limit}` : parts.join(', ');
}
