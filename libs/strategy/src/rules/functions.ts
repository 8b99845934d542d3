/**
 * The functions of the rule language: their signatures (for the type checker and its messages)
 * and their warm-ups (leading bars with no value, as the indicators in libs/indicators define
 * them). What each one computes per bar lives in runtime-nodes.ts.
 */

export type ValueType = 'number' | 'boolean';

/**
 * - series: any number-valued expression, evaluated every bar;
 * - period: a positive integer constant (a literal or a $param), fixed for the strategy's life;
 * - constant: any finite number constant (a literal, possibly negated, or a $param);
 * - value: a series of either type (prev() shifts booleans as well as numbers).
 */
export type ArgumentKind = 'series' | 'period' | 'constant' | 'value';

export interface ArgumentSpec {
  readonly name: string;
  readonly kind: ArgumentKind;
  /** Smallest allowed period (1 unless said). */
  readonly min?: number;
}

export interface FunctionSpec {
  readonly name: string;
  readonly args: readonly ArgumentSpec[];
  /** 'first' = the type of the first argument (prev). */
  readonly result: ValueType | 'first';
  readonly description: string;
  /**
   * Leading bars without a value, given the warm-ups of the series arguments (NaN for constant
   * arguments) and the values of the constant arguments (NaN for series arguments).
   */
  warmup(argumentWarmups: readonly number[], constants: readonly number[]): number;
}

const series = (name = 'series'): ArgumentSpec => ({ name, kind: 'series' });
const period = (name = 'period', min = 1): ArgumentSpec => ({ name, kind: 'period', min });

function movingAverage(name: string, description: string, extraWarmup: number): FunctionSpec {
  return { name, args: [series(), period()], result: 'number', description, warmup: (w, c) => w[0] + c[1] - 1 + extraWarmup };
}

const MACD_ARGS = [series(), period('fast'), period('slow'), period('signal')];

const SPECS: readonly FunctionSpec[] = [
  movingAverage('sma', 'simple moving average (TTR SMA)', 0),
  movingAverage('ema', 'exponential moving average seeded with the SMA (TTR EMA)', 0),
  movingAverage('wma', 'linearly weighted moving average (TTR WMA)', 0),
  {
    name: 'rsi',
    args: [series(), period()],
    result: 'number',
    description: "Wilder's relative strength index, 0..100 (TTR RSI)",
    warmup: (w, c) => w[0] + c[1],
  },
  {
    name: 'roc',
    args: [series(), period()],
    result: 'number',
    description: 'rate of change as a fraction, x / x[n bars ago] - 1 (TTR ROC, type "discrete")',
    warmup: (w, c) => w[0] + c[1],
  },
  {
    name: 'stdev',
    args: [series(), period('period', 2)],
    result: 'number',
    description: 'rolling sample standard deviation (TTR runSD)',
    warmup: (w, c) => w[0] + c[1] - 1,
  },
  movingAverage('highest', 'highest value over the last n bars (TTR runMax)', 0),
  movingAverage('lowest', 'lowest value over the last n bars (TTR runMin)', 0),
  {
    name: 'bbUpper',
    args: [series(), period(), { name: 'k', kind: 'constant' }],
    result: 'number',
    description: 'upper Bollinger band: SMA + k population standard deviations (TTR BBands)',
    warmup: (w, c) => w[0] + c[1] - 1,
  },
  {
    name: 'bbMiddle',
    args: [series(), period()],
    result: 'number',
    description: 'middle Bollinger band: the SMA (TTR BBands)',
    warmup: (w, c) => w[0] + c[1] - 1,
  },
  {
    name: 'bbLower',
    args: [series(), period(), { name: 'k', kind: 'constant' }],
    result: 'number',
    description: 'lower Bollinger band: SMA - k population standard deviations (TTR BBands)',
    warmup: (w, c) => w[0] + c[1] - 1,
  },
  {
    name: 'macd',
    args: MACD_ARGS,
    result: 'number',
    description: 'MACD line, EMA(fast) - EMA(slow), in price units',
    warmup: (w, c) => w[0] + Math.max(c[1], c[2]) - 1,
  },
  {
    name: 'macdSignal',
    args: MACD_ARGS,
    result: 'number',
    description: 'MACD signal line, EMA(signal) of the MACD line',
    warmup: (w, c) => w[0] + Math.max(c[1], c[2]) + c[3] - 2,
  },
  {
    name: 'macdHist',
    args: MACD_ARGS,
    result: 'number',
    description: 'MACD histogram, MACD line - signal line',
    warmup: (w, c) => w[0] + Math.max(c[1], c[2]) + c[3] - 2,
  },
  {
    name: 'atr',
    args: [period()],
    result: 'number',
    description: "average true range of the bar's high/low/close, Wilder smoothing (TTR ATR)",
    warmup: (_w, c) => c[0],
  },
  {
    name: 'donchianHigh',
    args: [period()],
    result: 'number',
    description: 'highest high of the last n bars, current bar included (TTR DonchianChannel)',
    warmup: (_w, c) => c[0] - 1,
  },
  {
    name: 'donchianLow',
    args: [period()],
    result: 'number',
    description: 'lowest low of the last n bars, current bar included (TTR DonchianChannel)',
    warmup: (_w, c) => c[0] - 1,
  },
  {
    name: 'stochK',
    args: [period()],
    result: 'number',
    description: 'stochastic fast %K, 0..100: where the close sits in the high-low range of n bars (TTR stoch × 100)',
    warmup: (_w, c) => c[0] - 1,
  },
  {
    name: 'stochD',
    args: [period(), period('smoothing')],
    result: 'number',
    description: 'stochastic fast %D, 0..100: SMA(smoothing) of %K (TTR stoch × 100)',
    warmup: (_w, c) => c[0] + c[1] - 2,
  },
  {
    name: 'prev',
    args: [{ name: 'value', kind: 'value' }, period('bars')],
    result: 'first',
    description: 'the value n bars ago',
    warmup: (w, c) => w[0] + c[1],
  },
  {
    name: 'crossAbove',
    args: [series('a'), series('b')],
    result: 'boolean',
    description: 'a rises above b on this bar: a > b now and a <= b on the previous bar',
    warmup: (w) => Math.max(w[0], w[1]) + 1,
  },
  {
    name: 'crossBelow',
    args: [series('a'), series('b')],
    result: 'boolean',
    description: 'a falls below b on this bar: a < b now and a >= b on the previous bar',
    warmup: (w) => Math.max(w[0], w[1]) + 1,
  },
  { name: 'abs', args: [series()], result: 'number', description: 'absolute value', warmup: (w) => w[0] },
  { name: 'min', args: [series('a'), series('b')], result: 'number', description: 'the smaller of a and b', warmup: (w) => Math.max(w[0], w[1]) },
  { name: 'max', args: [series('a'), series('b')], result: 'number', description: 'the larger of a and b', warmup: (w) => Math.max(w[0], w[1]) },
];

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((spec) => [spec.name, spec]));

/** "sma(series, period)": how the checker's messages show a signature. */
export function signatureOf(spec: FunctionSpec): string {
  return `(${spec.args.map((a) => a.name).join(', ')})`;
}

/** The known function closest to a misspelt name, if it is close enough to be a useful hint. */
export function closestFunctionName(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of FUNCTIONS.keys()) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
