/** A minimal Dockerfile reader: enough to check stages and instructions, not a full parser. */
export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  // Drop comment lines (and the parser directive), then join backslash continuations.
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

  const result: Dockerfile = { globalArgs: {}, stages: [] };
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const ins = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (ins.keyword === 'FROM') {
      const [, from, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(ins.args) ?? [];
      result.stages.push({ from: expand(from, result.globalArgs), name, instructions: [] });
    } else if (result.stages.length === 0) {
      if (ins.keyword === 'ARG') {
        const [key, value = ''] = ins.args.split('=');
        result.globalArgs[key] = value;
      }
    } else {
      result.stages[result.stages.length - 1].instructions.push(ins);
    }
  }
  return result;
}

function expand(value: string, args: Record<string, string>): string {
  return value.replace(/\$\{?(\w+)\}?/g, (_, key: string) => args[key] ?? '');
}

export const finalStage = (df: Dockerfile): Stage => df.stages[df.stages.length - 1];

export const all = (stage: Stage, keyword: string): string[] => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** The exec-form JSON array of CMD/ENTRYPOINT/HEALTHCHECK CMD, or the shell form as one string. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  try {
    return JSON.parse(json) as string[];
  } catch {
    return [args];
  }
}
