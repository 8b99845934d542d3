/**
 * Turns checked expressions into a {@link Program}: a blueprint of runtime nodes with shared
 * sub-expressions, constants folded, and each value's warm-up. A program is built once per set of
 * parameter values; {@link Program.instantiate} gives each symbol its own fresh indicator state.
 */
import {
  AtrStream,
  BollingerStream,
  DonchianStream,
  EmaStream,
  MacdStream,
  RocStream,
  RsiStream,
  RunMaxStream,
  RunMinStream,
  RunSdStream,
  SmaStream,
  StochasticStream,
  WmaStream,
} from '@meridian/indicators';
import type { Call, Expr } from './ast';
import { FUNCTIONS } from './functions';
import {
  AndNode,
  arithmetic,
  ArithmeticNode,
  AtrNode,
  BollingerNode,
  CompareNode,
  CrossNode,
  DonchianNode,
  FieldNode,
  MacdNode,
  MathNode,
  NegateNode,
  NotNode,
  OrNode,
  PrevNode,
  StochasticNode,
  StreamNode,
  type ArithmeticCode,
  type BarValues,
  type ComparisonCode,
  type NumberStream,
  type RuntimeNode,
} from './runtime-nodes';

type NodeFactory = () => RuntimeNode;

/** Values of the rule's parameters, all resolved (defaults filled in). */
export type ResolvedParams = Readonly<Record<string, number>>;

export class Program {
  constructor(
    readonly slotCount: number,
    private readonly constants: ReadonlyMap<number, number>,
    private readonly factories: readonly NodeFactory[],
    /** Leading bars without a value, per slot. */
    readonly warmups: readonly number[],
    /** Slots of the expressions the program was built for, in the order given. */
    readonly roots: readonly number[],
  ) {}

  /** Number of distinct computations per bar (shared sub-expressions counted once). */
  get nodeCount(): number {
    return this.factories.length;
  }

  instantiate(): ProgramState {
    const values = new Float64Array(this.slotCount).fill(NaN);
    for (const [slot, value] of this.constants) values[slot] = value;
    return new ProgramState(
      this.factories.map((make) => make()),
      values,
    );
  }
}

/** One symbol's running evaluation of a program. */
export class ProgramState {
  constructor(
    private readonly nodes: readonly RuntimeNode[],
    readonly values: Float64Array,
  ) {}

  /** Advances every node by one bar. */
  step(bar: BarValues): void {
    const v = this.values;
    for (let i = 0; i < this.nodes.length; i++) this.nodes[i].step(bar, v);
  }
}

/**
 * Builds one program for several expressions (entry and exit share their sub-expressions).
 * The expressions must have passed the checker; parameters must hold every referenced name.
 */
export function buildProgram(exprs: readonly Expr[], params: ResolvedParams): Program {
  const builder = new ProgramBuilder(params);
  const roots = exprs.map((e) => builder.slotOf(e));
  return builder.finish(roots);
}

/** Outputs of multi-output indicators, so that e.g. bbUpper and bbLower share one stream. */
interface SharedSource {
  readonly outputs: Map<string, number>;
}

class ProgramBuilder {
  private slotCount = 0;
  private readonly bySignature = new Map<string, number>();
  private readonly constants = new Map<number, number>();
  private readonly factories: NodeFactory[] = [];
  private readonly warmups: number[] = [];
  /** Multi-output indicators: their output slots, filled as expressions ask for outputs. */
  private readonly sources = new Map<string, SharedSource>();

  constructor(private readonly params: ResolvedParams) {}

  finish(roots: number[]): Program {
    return new Program(this.slotCount, this.constants, this.factories, this.warmups, roots);
  }

  slotOf(expr: Expr): number {
    switch (expr.kind) {
      case 'number':
        return this.constant(expr.value);
      case 'param':
        return this.constant(this.param(expr.name));
      case 'field':
        return this.node(`field:${expr.field}`, 0, (out) => () => new FieldNode(expr.field, out));
      case 'unary': {
        const input = this.slotOf(expr.operand);
        if (this.constants.has(input)) {
          const c = this.constants.get(input) as number;
          return this.constant(expr.operator === '-' ? -c : c === 1 ? 0 : c === 0 ? 1 : NaN);
        }
        const w = this.warmups[input];
        if (expr.operator === '-') return this.node(`neg:${input}`, w, (out) => () => new NegateNode(input, out));
        return this.node(`not:${input}`, w, (out) => () => new NotNode(input, out));
      }
      case 'binary':
        return this.binary(expr);
      case 'call':
        return this.call(expr);
    }
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): number {
    const a = this.slotOf(expr.left);
    const b = this.slotOf(expr.right);
    const op = expr.operator;
    const w = Math.max(this.warmups[a], this.warmups[b]);
    if (op === '+' || op === '-' || op === '*' || op === '/') {
      if (this.constants.has(a) && this.constants.has(b)) {
        return this.constant(arithmetic(op, this.constants.get(a) as number, this.constants.get(b) as number));
      }
      // a + b and b + a are the same sub-expression.
      const [x, y] = (op === '+' || op === '*') && b < a ? [b, a] : [a, b];
      return this.node(`${op}:${x}:${y}`, w, (out) => () => new ArithmeticNode(op as ArithmeticCode, x, y, out));
    }
    if (op === 'and') return this.node(`and:${Math.min(a, b)}:${Math.max(a, b)}`, w, (out) => () => new AndNode(a, b, out));
    if (op === 'or') return this.node(`or:${Math.min(a, b)}:${Math.max(a, b)}`, w, (out) => () => new OrNode(a, b, out));
    return this.node(`${op}:${a}:${b}`, w, (out) => () => new CompareNode(op as ComparisonCode, a, b, out));
  }

  private call(call: Call): number {
    const spec = FUNCTIONS.get(call.callee);
    if (spec === undefined) throw new Error(`unknown function ${call.callee} (the rule was not checked)`);
    const slots: number[] = [];
    const constants: number[] = [];
    spec.args.forEach((arg, i) => {
      const expr = call.args[i];
      if (arg.kind === 'period' || arg.kind === 'constant') {
        const value = this.constantValue(expr);
        if (arg.kind === 'period' && !(Number.isInteger(value) && value >= (arg.min ?? 1))) {
          throw new RangeError(`${call.callee}: ${arg.name} must be an integer >= ${arg.min ?? 1}, got ${value}`);
        }
        if (arg.kind === 'constant' && !Number.isFinite(value)) {
          throw new RangeError(`${call.callee}: ${arg.name} must be a finite number, got ${value}`);
        }
        slots.push(-1);
        constants.push(value);
      } else {
        slots.push(this.slotOf(expr));
        constants.push(NaN);
      }
    });
    const w = spec.warmup(
      slots.map((s) => (s >= 0 ? this.warmups[s] : NaN)),
      constants,
    );
    const [x, y] = slots;
    const [, p1, p2, p3] = constants;
    const stream = (make: () => NumberStream) => this.node(`${call.callee}:${x}:${constants.join(':')}`, w, (out) => () => new StreamNode(make(), x, out));
    switch (call.callee) {
      case 'sma':
        return stream(() => new SmaStream(p1));
      case 'ema':
        return stream(() => new EmaStream(p1));
      case 'wma':
        return stream(() => new WmaStream(p1));
      case 'rsi':
        return stream(() => new RsiStream(p1));
      case 'roc':
        return stream(() => new RocStream(p1, { type: 'discrete' }));
      case 'stdev':
        return stream(() => new RunSdStream(p1, { sample: true }));
      case 'highest':
        return stream(() => new RunMaxStream(p1));
      case 'lowest':
        return stream(() => new RunMinStream(p1));
      case 'bbUpper':
      case 'bbMiddle':
      case 'bbLower': {
        // The middle band does not depend on k: it shares the k = 2 stream.
        const k = call.callee === 'bbMiddle' ? 2 : p2;
        const output = call.callee === 'bbUpper' ? 'upper' : call.callee === 'bbMiddle' ? 'middle' : 'lower';
        return this.shared(`bb:${x}:${p1}:${k}`, output, w, (o) => () => new BollingerNode(new BollingerStream({ period: p1, k }), x, o('upper'), o('middle'), o('lower')));
      }
      case 'macd':
      case 'macdSignal':
      case 'macdHist': {
        const output = call.callee === 'macd' ? 'macd' : call.callee === 'macdSignal' ? 'signal' : 'hist';
        return this.shared(`macd:${x}:${p1}:${p2}:${p3}`, output, w, (o) => () => new MacdNode(new MacdStream({ fast: p1, slow: p2, signal: p3 }), x, o('macd'), o('signal'), o('hist')));
      }
      case 'atr':
        return this.node(`atr:${constants[0]}`, w, (out) => () => new AtrNode(new AtrStream(constants[0]), out));
      case 'donchianHigh':
      case 'donchianLow': {
        const n = constants[0];
        return this.shared(`donchian:${n}`, call.callee === 'donchianHigh' ? 'high' : 'low', w, (o) => () => new DonchianNode(new DonchianStream({ period: n }), o('high'), o('low')));
      }
      case 'stochK':
      case 'stochD': {
        // %K does not depend on the %D smoothing: a lone stochK uses smoothing 1.
        const n = constants[0];
        const d = call.callee === 'stochD' ? constants[1] : 1;
        return this.shared(`stoch:${n}:${d}`, call.callee === 'stochK' ? 'k' : 'd', w, (o) => () => new StochasticNode(new StochasticStream({ fastK: n, fastD: d }), o('k'), o('d')));
      }
      case 'prev':
        return this.node(`prev:${x}:${p1}`, w, (out) => () => new PrevNode(p1, x, out));
      case 'crossAbove':
      case 'crossBelow': {
        const direction = call.callee === 'crossAbove' ? 'above' : 'below';
        return this.node(`${call.callee}:${x}:${y}`, w, (out) => () => new CrossNode(direction, x, y, out));
      }
      case 'abs':
        return this.node(`abs:${x}`, w, (out) => () => new MathNode('abs', x, x, out));
      case 'min':
      case 'max': {
        const fn = call.callee;
        return this.node(`${fn}:${Math.min(x, y)}:${Math.max(x, y)}`, w, (out) => () => new MathNode(fn, x, y, out));
      }
      default:
        throw new Error(`no runtime for function ${call.callee}`);
    }
  }

  /** Value of a constant argument: a literal, a $param, or a negated one. */
  private constantValue(expr: Expr): number {
    if (expr.kind === 'number') return expr.value;
    if (expr.kind === 'param') return this.param(expr.name);
    if (expr.kind === 'unary' && expr.operator === '-') return -this.constantValue(expr.operand);
    throw new Error('expected a constant argument (the rule was not checked)');
  }

  private param(name: string): number {
    if (!Object.prototype.hasOwnProperty.call(this.params, name)) throw new Error(`no value for parameter $${name}`);
    return this.params[name];
  }

  private newSlot(warmup: number): number {
    this.warmups.push(warmup);
    return this.slotCount++;
  }

  private constant(value: number): number {
    const signature = `const:${Object.is(value, -0) ? 0 : value}`;
    const existing = this.bySignature.get(signature);
    if (existing !== undefined) return existing;
    const slot = this.newSlot(0);
    this.constants.set(slot, value);
    this.bySignature.set(signature, slot);
    return slot;
  }

  /** The slot of a single-output node, created on first use of its signature. */
  private node(signature: string, warmup: number, make: (out: number) => NodeFactory): number {
    const existing = this.bySignature.get(signature);
    if (existing !== undefined) return existing;
    const slot = this.newSlot(warmup);
    this.factories.push(make(slot));
    this.bySignature.set(signature, slot);
    return slot;
  }

  /**
   * The slot of one output of a multi-output indicator. The node is registered on first use; its
   * factory reads the output slots when the program is instantiated, so outputs asked for later
   * (bbLower after bbUpper) are written by the same node. Outputs nobody uses get slot -1.
   */
  private shared(signature: string, output: string, warmup: number, make: (outputOf: (name: string) => number) => NodeFactory): number {
    let source = this.sources.get(signature);
    if (source === undefined) {
      const created: SharedSource = { outputs: new Map() };
      source = created;
      this.sources.set(signature, created);
      const outputOf = (name: string): number => created.outputs.get(name) ?? -1;
      let factory: NodeFactory | null = null;
      this.factories.push(() => {
        factory ??= make(outputOf);
        return factory();
      });
    }
    const existing = source.outputs.get(output);
    if (existing !== undefined) return existing;
    const slot = this.newSlot(warmup);
    source.outputs.set(output, slot);
    return slot;
  }
}
