import type { Prng } from './prng';
import { signJwt, type RawRequest } from './raw-http';

/**
 * The gateway's HTTP endpoints (from its controllers) and a generator of malformed requests to
 * them. Everything is derived from a seeded Prng, so a seed replays the same requests.
 */

export type Identity = 'anonymous' | 'viewer' | 'admin';

export interface EndpointSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** The route as the controller declares it, e.g. /api/system/status/:service. */
  route: string;
  /** A valid body, the starting point of the body malformations. */
  body?: (rng: Prng) => Record<string, unknown>;
  /** Valid query parameters (as strings), the starting point of the query malformations. */
  query?: Record<string, string>;
  /** A valid value of the route's one path parameter. */
  param?: (rng: Prng) => string;
}

const randomEmail = (rng: Prng) => `fuzz-${rng.hex(6)}@e2e.test`;
const randomToken = (rng: Prng) => rng.string(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
const uuid = (rng: Prng) => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
const page = { limit: '10', offset: '0' };

export const GATEWAY_ENDPOINTS: EndpointSpec[] = [
  // auth.controller.ts
  { method: 'POST', route: '/api/auth/login', body: (rng) => ({ email: randomEmail(rng), password: `wrong-${rng.hex(8)}` }) },
  { method: 'POST', route: '/api/auth/refresh', body: (rng) => ({ refreshToken: randomToken(rng) }) },
  { method: 'POST', route: '/api/auth/logout', body: (rng) => ({ refreshToken: randomToken(rng) }) },
  { method: 'GET', route: '/api/auth/me' },
  { method: 'GET', route: '/api/auth/api-keys' },
  { method: 'POST', route: '/api/auth/api-keys', body: (rng) => ({ name: `fuzz-${rng.hex(4)}`, role: 'viewer' }) },
  { method: 'DELETE', route: '/api/auth/api-keys/:id', param: (rng) => rng.hex(16) },
  // users.controller.ts
  { method: 'GET', route: '/api/users', query: page },
  { method: 'POST', route: '/api/users', body: (rng) => ({ email: randomEmail(rng), password: 'long-enough-password', role: 'viewer' }) },
  // health.controller.ts
  { method: 'GET', route: '/api/health/live' },
  { method: 'GET', route: '/api/health/ready' },
  { method: 'GET', route: '/api/health/system' },
  // metrics.controller.ts
  { method: 'GET', route: '/api/metrics/performance', query: { historySec: '900' } },
  { method: 'GET', route: '/metrics' },
  // alerts.controller.ts
  { method: 'GET', route: '/api/alerts/active', query: { status: 'all', ...page } },
  // system.controller.ts
  { method: 'GET', route: '/api/system/status' },
  { method: 'GET', route: '/api/system/status/:service', param: (rng) => rng.pick(['intelligence', 'execution', 'simulation']) },
  { method: 'GET', route: '/api/system/config' },
  {
    method: 'POST',
    route: '/api/system/config',
    body: () => ({
      settings: {
        alerts: { latencyP95Ms: 800, errorRatePct: 5, minRequests: 20 },
        rateLimit: { perMinute: 1200 },
        retention: { logsDays: 7, metricsDays: 7, alertsDays: 30 },
        transport: { timeoutMs: 800 },
      },
      comment: 'fuzz',
    }),
  },
  { method: 'GET', route: '/api/system/config/history', query: page },
  { method: 'POST', route: '/api/system/config/rollback', body: () => ({ version: 1, comment: 'fuzz' }) },
  {
    method: 'GET',
    route: '/api/system/logs',
    query: { service: 'gateway', level: 'info', from: '2020-01-01T00:00:00Z', to: '2999-01-01T00:00:00Z', q: 'request', before: '99999999999-0', limit: '10' },
  },
  { method: 'GET', route: '/api/system/maintenance' },
  { method: 'GET', route: '/api/system/maintenance/runs/:id', param: uuid },
  { method: 'POST', route: '/api/system/maintenance', body: () => ({ enabled: false, message: 'fuzz', tasks: [{ task: 'prune-logs', olderThanDays: 3650 }] }) },
  { method: 'GET', route: '/api/system/halt' },
  { method: 'POST', route: '/api/system/emergency-stop', body: () => ({ reason: 'fuzzing the gateway' }) },
  { method: 'POST', route: '/api/system/resume', body: () => ({ reason: 'fuzzing the gateway' }) },
  // markets.controller.ts
  { method: 'GET', route: '/api/markets/instruments' },
  { method: 'GET', route: '/api/markets/live-data', query: { symbol: 'R_100', timeframe: '1m', limit: '10' } },
  { method: 'GET', route: '/api/markets/correlations', query: { symbols: 'R_10,R_100', timeframe: '1m' } },
  { method: 'POST', route: '/api/markets/alerts', body: () => ({ symbol: 'R_100', condition: { kind: 'above', level: 1e9 }, trigger: { mode: 'once' } }) },
  { method: 'GET', route: '/api/markets/alerts' },
  { method: 'DELETE', route: '/api/markets/alerts/:id', param: uuid },
  // orders.controller.ts
  { method: 'POST', route: '/api/orders/create', body: (rng) => ({ symbol: 'R_100', side: 'buy', type: 'limit', quantity: '1', limitPrice: '1', clientOrderId: `fuzz-${rng.hex(8)}` }) },
  { method: 'GET', route: '/api/orders/status', query: { status: 'open', ...page } },
  { method: 'GET', route: '/api/orders/:id', param: uuid },
  { method: 'POST', route: '/api/orders/amend', body: (rng) => ({ id: uuid(rng), limitPrice: '1' }) },
  { method: 'GET', route: '/api/executions/history', query: page },
  { method: 'POST', route: '/api/executions/cancel', body: (rng) => ({ scope: 'order', id: uuid(rng) }) },
  // portfolio.controller.ts
  { method: 'GET', route: '/api/portfolio/accounts' },
  { method: 'GET', route: '/api/portfolio/positions' },
  { method: 'GET', route: '/api/portfolio/equity', query: { limit: '10' } },
  { method: 'GET', route: '/api/portfolio/risk-metrics', query: { benchmark: 'R_100', timeframe: '1h' } },
  { method: 'GET', route: '/api/portfolio/risk-limits' },
  { method: 'POST', route: '/api/portfolio/risk-limits', body: () => ({ symbol: 'R_10', limits: { maxOrderQuantity: '10' }, reason: 'fuzz' }) },
  { method: 'POST', route: '/api/portfolio/rebalance', body: () => ({ targets: [{ symbol: 'R_100', weight: 0.1 }], mode: 'preview' }) },
  // strategies.controller.ts
  { method: 'GET', route: '/api/strategies/registry', query: page },
  { method: 'GET', route: '/api/strategies/:id', param: (rng) => rng.pick(['sma-crossover', uuid(rng)]) },
  { method: 'POST', route: '/api/strategies/create', body: (rng) => ({ name: `fuzz ${rng.hex(4)}`, kind: 'rule', rule: { symbols: ['R_100'], entry: 'close > sma(close, 5)', exit: 'close < sma(close, 5)', side: 'long', sizing: { type: 'quantity', value: 1 } } }) },
  { method: 'POST', route: '/api/strategies/validate', body: () => ({ rule: { symbols: ['R_100'], entry: 'crossAbove(sma(close,10), sma(close,30))', side: 'long', sizing: { type: 'quantity', value: 1 }, stopLoss: { type: 'percent', value: 0.02 } } }) },
  { method: 'POST', route: '/api/strategies/backtest', body: () => ({ strategyId: 'sma-crossover', symbols: ['R_100'], timeframe: '1d' }) },
  { method: 'POST', route: '/api/strategies/deploy', body: () => ({ strategyId: 'sma-crossover', symbols: ['R_100'], timeframe: '1m' }) },
  { method: 'GET', route: '/api/strategies/deployments' },
  { method: 'POST', route: '/api/strategies/deployments/control', body: (rng) => ({ id: uuid(rng), action: 'pause' }) },
  { method: 'GET', route: '/api/strategies/deployments/report', query: { id: '00000000-0000-4000-a000-000000000000' } },
  // simulation.controller.ts
  { method: 'POST', route: '/api/simulation/backtest', body: () => ({ strategyId: 'sma-crossover', symbols: ['R_100'], timeframe: '1d', grid: { fast: [5, 10] } }) },
  { method: 'GET', route: '/api/simulation/results', query: page },
  { method: 'POST', route: '/api/simulation/cancel', body: (rng) => ({ id: uuid(rng) }) },
  { method: 'POST', route: '/api/simulation/monte-carlo', body: (rng) => ({ source: 'backtest', runId: uuid(rng), method: 'trade-resample', paths: 1000, steps: 10 }) },
  { method: 'POST', route: '/api/simulation/stress-test', body: () => ({ source: 'portfolio', standard: false, scenarios: [{ name: 'fuzz', definition: { kind: 'shock', moves: { '*': -0.1 } } }] }) },
  { method: 'GET', route: '/api/simulation/scenarios' },
  { method: 'POST', route: '/api/simulation/scenarios', body: () => ({ name: 'fuzz', definition: { kind: 'shock', moves: { '*': -0.1 } } }) },
];

export const endpointName = (e: EndpointSpec) => `${e.method} ${e.route}`;

/** The field every admin body carries: the validator refuses unknown fields, so no admin change can go through. */
export const ADMIN_GUARD_FIELD = 'fuzzUnknownField';

export interface FuzzCredentials {
  viewer: string;
  admin: string;
  /** The gateway's real signing secret, to forge tokens that differ from valid ones only in one respect. */
  jwtSecret: string;
}

export interface FuzzCase {
  endpoint: string;
  identity: Identity;
  family: string;
  request: RawRequest;
}

// ---------------------------------------------------------------------------------------------
// Values

const WEIRD_STRINGS = [
  '\u0000', 'a\u0000b', '\u202eevil', '💩'.repeat(50), '\ud800', 'x\udfffy', '\uffff\ufffe', '\u0007\b\f\v', '\t\n\r', '\u2028\u2029',
  'Z̴̡̛͙a̶l̷g̷o̵', 'ＡＢＣ＠ｅ２ｅ．ｔｅｓｔ', 'مرحبا', 'ǅǈǋ', '<script>alert(1)</script>', "' OR 1=1 --", '${jndi:ldap://x}', '{{7*7}}',
  '../../../../etc/passwd', '%00%2e%2e', 'admin@e2e.test\u0000', 'a\ud800@e2e.test', ' ', '', '\\', '"', '\u001b[31mred',
];
const WRONG_TYPES: unknown[] = [0, -1, 1.5, true, false, null, [], [1, 2], {}, { a: 1 }, '', 'text', '123', 'true', [null], [{}]];
const RAW_NUMBERS = ['-1', '0', '-0', '1.5', '2147483648', '9007199254740993', '1e21', '99999999999999999999999', '1e308', '-1e308', '1e-308', '1e999', '-1e999', '0.0000001'];
const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e999', '0x1F', '  7 ', '7abc', '+7', '', 'null', 'undefined', '1_000', '٣'];
const WEIRD_KEYS = ['', ' ', '\u0000', 'a.b', '$where', '$gt', 'toString', 'valueOf', 'hasOwnProperty', 'constructor', 'prototype', '__defineGetter__', 'role', 'isAdmin', 'id', '💩'];
const POLLUTION = '{"polluted":"fuzz","isAdmin":true,"role":"admin"}';
const INVALID_JSON = [
  '{', '}', '{"a":}', "{'email':'x'}", '{"a":1,}', '[1,2', 'nul', 'tru', '{"a":"\u0000"}', '{"a":"line\nbreak"}', '{"a":1}garbage', '{"a":NaN}', '{"a":Infinity}',
  '{"a":undefined}', '{"a":01}', '{"a":.5}', '{"a":+1}', '{"a":0x10}', '{a:1}', '{"a" 1}', '{"a":"\\x41"}', '{"a":"\\u12"}', '/* c */{}', '\u00a0{}', '{}{}', '[]]', '{"__proto__":', '"unterminated',
];

const RAW = (i: number) => `@@raw${i}@@`;

/** JSON text of a value in which placeholders were set for raw (possibly invalid) JSON snippets. */
function stringifyWithRaw(value: unknown, raws: string[]): string {
  let text = JSON.stringify(value);
  raws.forEach((raw, i) => {
    text = text.replace(`"${RAW(i)}"`, () => raw);
  });
  return text;
}

/** Paths of every field, leaves and nested objects alike (arrays by index). */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...fieldPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
  return [];
}

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

function deleteAt(target: Record<string, unknown>, path: (string | number)[]): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (Array.isArray(node)) node.splice(Number(path[path.length - 1]), 1);
  else delete node[path[path.length - 1]];
}

// ---------------------------------------------------------------------------------------------
// Bodies

interface Body {
  bytes: Buffer;
  contentType?: string;
}

const json = (text: string, contentType = 'application/json'): Body => ({ bytes: Buffer.from(text, 'utf8'), contentType });

type BodyFamily = (rng: Prng, template: Record<string, unknown>, guard: (o: Record<string, unknown>) => Record<string, unknown>) => Body;

function pickPath(rng: Prng, template: Record<string, unknown>): (string | number)[] {
  const paths = fieldPaths(template);
  return paths.length ? rng.pick(paths) : ['field'];
}

/** A body with a raw JSON snippet at a random field (or at a new top-level field). */
function withRawAt(rng: Prng, template: Record<string, unknown>, guard: (o: Record<string, unknown>) => Record<string, unknown>, raw: string): Body {
  const copy = structuredClone(template);
  setAt(copy, rng.chance(0.85) ? pickPath(rng, template) : ['extra'], RAW(0));
  return json(stringifyWithRaw(guard(copy), [raw]));
}

function deep(rng: Prng, depth: number): string {
  return rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const BODY_FAMILIES: Record<string, BodyFamily> = {
  'invalid JSON': (rng, template) => {
    if (rng.chance(0.3)) {
      const text = JSON.stringify(template);
      return json(text.slice(0, rng.int(1, text.length - 1)));
    }
    return json(rng.pick(INVALID_JSON));
  },
  'wrong content type': (rng, template, guard) => {
    const text = JSON.stringify(guard(structuredClone(template)));
    const variants: Body[] = [
      json(text, 'text/plain'),
      json(text, 'application/x-www-form-urlencoded'),
      json('email=a%40b.c&password=x&role=admin&__proto__[polluted]=fuzz', 'application/x-www-form-urlencoded'),
      json(`--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--x--\r\n`, 'multipart/form-data; boundary=x'),
      json(`<xml>${text}</xml>`, 'application/xml'),
      json(text, 'application/json; charset=utf-16'),
      json(text, 'application/json; charset=latin1'),
      json(text, 'application/json; charset=klingon'),
      json(text, 'application/merge-patch+json'),
      json(text, 'application/json, text/plain'),
      json(text, 'garbage'),
      json(text, ''),
      { bytes: Buffer.from(text) },
      { bytes: Buffer.from(text, 'utf16le'), contentType: 'application/json' },
    ];
    return rng.pick(variants);
  },
  'body is not an object': (rng, template, guard) =>
    json(rng.pick(['[]', `[${JSON.stringify(guard(structuredClone(template)))}]`, '"text"', '42', '-1', 'null', 'true', '[[[[]]]]', '[null]', '""', '[{}]'])),
  'deep nesting': (rng, template, guard) => withRawAt(rng, template, guard, deep(rng, rng.pick([32, 256, 2_048, 20_000, 100_000]))),
  'huge string': (rng, template, guard) => withRawAt(rng, template, guard, JSON.stringify(rng.pick(['x', 'é', '💩', '\u0000']).repeat(rng.pick([300, 5_000, 100_000, 200_000])))),
  'body over the size limit': (rng, template, guard) => withRawAt(rng, template, guard, JSON.stringify('x'.repeat(1_100_000))),
  'unicode and control characters': (rng, template, guard) => withRawAt(rng, template, guard, JSON.stringify(rng.pick(WEIRD_STRINGS))),
  'prototype pollution keys': (rng, template, guard) => {
    const key = rng.pick(['"__proto__"', '"constructor"', '"prototype"']);
    const payload = key === '"constructor"' ? `{"prototype":${POLLUTION}}` : POLLUTION;
    const objectPaths = fieldPaths(template).filter((p) => {
      let node: unknown = template;
      for (const k of p) node = (node as Record<string | number, unknown>)[k];
      return !!node && typeof node === 'object';
    });
    const copy = guard(structuredClone(template));
    if (objectPaths.length && rng.chance(0.5)) {
      // Inside a nested object: {"settings": {"__proto__": {...}, "alerts": ...}}
      const path = rng.pick(objectPaths);
      setAt(copy, path, RAW(0));
      let original: unknown = template;
      for (const k of path) original = (original as Record<string | number, unknown>)[k];
      const inner = JSON.stringify(original);
      return json(stringifyWithRaw(copy, [Array.isArray(original) ? `[{${key}:${payload}}]` : `{${key}:${payload}${inner.length > 2 ? `,${inner.slice(1)}` : '}'}`]));
    }
    const text = JSON.stringify(copy);
    return json(`{${key}:${payload}${text.length > 2 ? `,${text.slice(1)}` : '}'}`);
  },
  'wrong type': (rng, template, guard) => withRawAt(rng, template, guard, JSON.stringify(rng.pick(WRONG_TYPES))),
  'out-of-range number': (rng, template, guard) => withRawAt(rng, template, guard, rng.pick(RAW_NUMBERS)),
  'NaN and Infinity as strings': (rng, template, guard) => withRawAt(rng, template, guard, JSON.stringify(rng.pick(NAN_LIKE))),
  'unknown fields': (rng, template, guard) => {
    const copy = structuredClone(template);
    for (let i = rng.int(1, 4); i > 0; i--) setAt(copy, rng.chance(0.7) ? [rng.pick(WEIRD_KEYS)] : [...pickPath(rng, template).slice(0, -1), rng.pick(WEIRD_KEYS)], rng.pick(WRONG_TYPES));
    return json(JSON.stringify(guard(copy)));
  },
  'missing fields': (rng, template, guard) => {
    const copy = structuredClone(template);
    if (rng.chance(0.3)) return json(JSON.stringify(guard({})));
    deleteAt(copy, pickPath(rng, template));
    return json(JSON.stringify(guard(copy)));
  },
  'duplicate keys': (rng, template, guard) => {
    const text = JSON.stringify(guard(structuredClone(template)));
    const key = Object.keys(template)[0] ?? 'a';
    return json(`{"${key}":${JSON.stringify(rng.pick(WRONG_TYPES))},${text.slice(1)}`.replace(/,}$/, '}'));
  },
  'invalid UTF-8': (rng, template, guard) => {
    const copy = structuredClone(template);
    setAt(copy, pickPath(rng, template), RAW(0));
    const [before, after] = JSON.stringify(guard(copy)).split(`"${RAW(0)}"`);
    const bad = rng.pick([[0xc3, 0x28], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0xe2, 0x82]]);
    return { bytes: Buffer.concat([Buffer.from(`${before}"`), Buffer.from(bad), Buffer.from(`"${after}`)]), contentType: 'application/json' };
  },
};

// ---------------------------------------------------------------------------------------------
// Query strings and path parameters

const enc = encodeURIComponent;
const NUMERIC_QUERY = ['-1', '0', '-0', '1.5', '1e400', '1e21', '99999999999999999999999', '9007199254740993', '-99999999999', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', ' 1', '1 ', '+1', '', 'abc', '٣', '10abc', '1e2'];
const DATES = ['2024-13-01', '2024-02-30T00:00:00Z', 'yesterday', '0', '-1', '2024-W01-1', '2024-W53', '2024-001', '2024-366', '20240101', '20240101T000000Z', '-0001-01-01', '+002024-01-01', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-01-01T00:00:00+25:00', '2024-01-01T24:00:00Z', '1970-01-01T00:00:00Z', '2024-01-01T00:00:00.123456789Z', '2024', '2024-06', '2999-01-01T00:00:00Z'];
const CURSORS = ['x', '..', '1-1', '0-0', '99999999999999999-1', '999999999999999-9999999999', '-1-0', '1-', '-', '+', 'a'.repeat(41), "1-1'; DROP TABLE x;--", '1-1\u0000', '$', '1.5-2', '１-１'];
const ENUMS = ['ALL', 'Active', 'loud', 'LOUD', '../', '__proto__', 'constructor', 'toString', '', ' active', 'active ', 'gateway\u0000', '*', 'all,active'];
const QUERY_UNKNOWN = ['foo=bar', '__proto__[polluted]=fuzz', 'constructor[prototype][polluted]=fuzz', '__proto__.polluted=fuzz', 'a[b][c][d][e][f][g]=1', '$where=1', 'limit[$gt]=1', '=', '&&&', '==', 'a==b', '%ZZ=1', 'x=%ZZ', '%00=%00', `${'p'.repeat(300)}=1`];
const QUERY_ENCODING = ['%00', '%ZZ', '%', '%FF', '%C0%AF', '%E2%80%AE', '%F0%9F%92%A9', '+', '%20%20', '%0d%0aSet-Cookie:%20x=1', '%uFFFF', '%25%32%35'];

type QueryFamily = (rng: Prng, valid: Record<string, string>) => string;

const fields = (valid: Record<string, string>, names: string[]) => Object.keys(valid).filter((k) => names.includes(k));
function validPart(rng: Prng, valid: Record<string, string>, except: string[] = []): string[] {
  return Object.entries(valid).filter(([k]) => !except.includes(k) && rng.chance(0.5)).map(([k, v]) => `${k}=${enc(v)}`);
}

const QUERY_FAMILIES: Record<string, { applies: (valid: Record<string, string>) => boolean; build: QueryFamily }> = {
  'repeated query params': {
    applies: (v) => Object.keys(v).length > 0,
    build: (rng, v) => {
      const k = rng.pick(Object.keys(v));
      return [...validPart(rng, v, [k]), ...Array.from({ length: rng.int(2, 5) }, () => `${k}=${enc(rng.chance(0.5) ? v[k] : rng.pick(NUMERIC_QUERY))}`)].join('&');
    },
  },
  'query params as arrays and objects': {
    applies: (v) => Object.keys(v).length > 0,
    build: (rng, v) => {
      const k = rng.pick(Object.keys(v));
      return [...validPart(rng, v, [k]), rng.pick([`${k}[]=${enc(v[k])}`, `${k}[0]=${enc(v[k])}`, `${k}[$gt]=1`, `${k}[]=1&${k}[]=2`, `${k}[a][b]=1`, `${k}.x=1`])].join('&');
    },
  },
  'bad numbers in the query': {
    applies: (v) => fields(v, ['limit', 'offset', 'historySec']).length > 0,
    build: (rng, v) => {
      const k = rng.pick(fields(v, ['limit', 'offset', 'historySec']));
      return [...validPart(rng, v, [k]), `${k}=${enc(rng.pick(NUMERIC_QUERY))}`].join('&');
    },
  },
  'bad dates in the query': {
    applies: (v) => fields(v, ['from', 'to']).length > 0,
    build: (rng, v) => [...validPart(rng, v, ['from', 'to']), `${rng.pick(['from', 'to'])}=${enc(rng.pick(DATES))}`, ...(rng.chance(0.4) ? [`${rng.pick(['from', 'to'])}=${enc(rng.pick(DATES))}`] : [])].join('&'),
  },
  'bad cursors in the query': {
    applies: (v) => fields(v, ['before']).length > 0,
    build: (rng, v) => [...validPart(rng, v, ['before']), `before=${enc(rng.pick(CURSORS))}`].join('&'),
  },
  'bad enum values in the query': {
    applies: (v) => fields(v, ['status', 'level', 'service']).length > 0,
    build: (rng, v) => {
      const k = rng.pick(fields(v, ['status', 'level', 'service']));
      return [...validPart(rng, v, [k]), `${k}=${enc(rng.pick(ENUMS))}`].join('&');
    },
  },
  'unknown query params': { applies: () => true, build: (rng, v) => [...validPart(rng, v), rng.pick(QUERY_UNKNOWN)].join('&') },
  'broken query encoding': {
    applies: () => true,
    build: (rng, v) => {
      const k = Object.keys(v).length ? rng.pick(Object.keys(v)) : 'x';
      return [...validPart(rng, v, [k]), `${k}=${rng.pick(QUERY_ENCODING)}`].join('&');
    },
  },
  'huge query values': {
    applies: () => true,
    build: (rng, v) => {
      const k = Object.keys(v).length ? rng.pick(Object.keys(v)) : 'x';
      return [...validPart(rng, v, [k]), `${k}=${rng.pick(['9', 'x', '%41'])}`.padEnd(rng.pick([300, 3_000, 6_000]), rng.pick(['9', 'x']))].join('&');
    },
  },
};

const PATH_PARAMS = [
  '..', '../..', '../../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f', '%00', 'abc%00def', '%ZZ', '%', '%C0%AF', '%FF', '%E2%80%AE',
  '%F0%9F%92%A9', '%20', '+', ';', 'id;drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '-', '---', '0', '-1', '1e9', 'null',
  'undefined', 'NaN', '%0d%0aSet-Cookie:x=1', 'EXECUTION', 'execution%20', 'execution/extra', 'execution/', '', 'abc', 'a'.repeat(64), 'a'.repeat(65),
  'a'.repeat(1_000), 'x'.repeat(6_000), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '0123456789abcdef', '0123456789ABCDEF', '%2F', 'a%2Fb', '.', '%25', '%2500', '*', '$', 'a\\b'.replace('\\', '%5C'),
];

// ---------------------------------------------------------------------------------------------
// Credentials and headers

function badCredentials(rng: Prng, creds: FuzzCredentials): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const adminClaims = { sub: '00000000-0000-4000-a000-000000000000', role: 'admin', email: 'admin@e2e.test', typ: 'access', iat: now, exp: now + 900 };
  const otherSecret = rng.string(48);
  const [vh, , vs] = creds.viewer.split('.');
  const viewerClaims = JSON.parse(Buffer.from(creds.viewer.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  const apiKeyShaped = `mrd_${rng.hex(16)}_${randomToken(rng)}`;
  const options: Record<string, string>[] = [
    { Authorization: 'Bearer' },
    { Authorization: 'Bearer ' },
    { Authorization: `Bearer ${rng.string(rng.int(1, 200))}` },
    { Authorization: 'Bearer a.b.c' },
    { Authorization: 'Bearer ...' },
    { Authorization: `Bearer ${'A'.repeat(rng.pick([1_000, 6_000]))}` },
    { Authorization: `Bearer ${signJwt(adminClaims, otherSecret)}` },
    { Authorization: `Bearer ${signJwt(adminClaims, null)}` },
    { Authorization: `Bearer ${signJwt(adminClaims, null, { alg: 'NONE' })}` },
    { Authorization: `Bearer ${signJwt(adminClaims, creds.jwtSecret, { alg: 'HS512', typ: 'JWT' })}` },
    { Authorization: `Bearer ${signJwt({ ...adminClaims, iat: now - 7_200, exp: now - 3_600 }, creds.jwtSecret)}` },
    { Authorization: `Bearer ${signJwt({ ...adminClaims, nbf: now + 3_600 }, creds.jwtSecret)}` },
    // The viewer's own signature on a payload promoted to admin.
    { Authorization: `Bearer ${vh}.${Buffer.from(JSON.stringify({ ...viewerClaims, role: 'admin' })).toString('base64url')}.${vs}` },
    { Authorization: `Bearer ${creds.viewer.slice(0, -2)}` },
    { Authorization: `Bearer ${creds.viewer}x` },
    { Authorization: `Bearer  ${creds.viewer.split('.').slice(0, 2).join('.')}` },
    { Authorization: 'Basic dXNlcjpwYXNz' },
    { Authorization: `Token ${rng.hex(32)}` },
    { Authorization: rng.string(40) },
    { Authorization: 'ApiKey' },
    { Authorization: `ApiKey ${rng.string(30)}` },
    { Authorization: `ApiKey ${apiKeyShaped}` },
    { 'X-API-Key': ' ' },
    { 'X-API-Key': 'mrd_' },
    { 'X-API-Key': rng.string(rng.int(1, 100)) },
    { 'X-API-Key': apiKeyShaped },
    { 'X-API-Key': `mrd_0000000000000000_${randomToken(rng)}` },
    { 'X-API-Key': `mrd_${rng.hex(16)}_${randomToken(rng).slice(1)}` },
    { 'X-API-Key': `mrd_../../../_${randomToken(rng)}` },
    { 'X-API-Key': 'x'.repeat(3_000) },
    { 'X-API-Key': `${apiKeyShaped}, ${apiKeyShaped}` },
    { 'X-API-Key': `mrd_${rng.hex(16)}_${randomToken(rng)}\u00ff` },
  ];
  return rng.pick(options);
}

function oddHeaders(rng: Prng): Record<string, string> {
  return rng.pick<Record<string, string>>([
    { Accept: 'text/html' },
    { Accept: 'application/xml;q=garbage, */*;q=-1' },
    { 'Accept-Encoding': 'br;q=2, gzip;q=x, identity;q=0' },
    { 'X-Request-Id': 'short' },
    { 'X-Request-Id': 'x'.repeat(2_000) },
    { 'X-Request-Id': 'has spaces and ; semicolons' },
    { 'X-Request-Id': '../../../etc/passwd' },
    { 'X-Forwarded-For': 'garbage, 999.999.999.999, ::ffff:1.2.3.4' },
    { 'X-Forwarded-For': '' },
    { Origin: 'http://evil.example' },
    { Origin: 'null' },
    { Cookie: 'session=%ZZ; __proto__=x' },
    { 'Content-Type': 'application/json' },
    { 'Content-Type': 'multipart/form-data' },
    { Range: 'bytes=0-1,-5' },
    { 'If-None-Match': '*' },
    { 'Accept-Language': '\u00ff'.repeat(100) },
    { 'X-HTTP-Method-Override': 'DELETE' },
  ]);
}

// ---------------------------------------------------------------------------------------------
// The cases

const GENERIC_FAMILIES = ['odd headers', 'another method on the route', 'body on a request without one'];

/** `perPair` cases for every endpoint and identity, shuffled (deterministically) so endpoints mix. */
export function generateCases(rng: Prng, creds: FuzzCredentials, perPair: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const endpoint of GATEWAY_ENDPOINTS) {
    for (const identity of ['anonymous', 'viewer', 'admin'] as Identity[]) {
      for (let i = 0; i < perPair; i++) cases.push(generateCase(rng, endpoint, identity, creds));
    }
  }
  for (let i = cases.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [cases[i], cases[j]] = [cases[j], cases[i]];
  }
  return cases;
}

function generateCase(rng: Prng, endpoint: EndpointSpec, identity: Identity, creds: FuzzCredentials): FuzzCase {
  const valid = endpoint.query ?? {};
  const families: string[] = [...GENERIC_FAMILIES];
  if (endpoint.body) families.push(...Object.keys(BODY_FAMILIES), ...Object.keys(BODY_FAMILIES)); // bodies weigh double
  families.push(...Object.entries(QUERY_FAMILIES).filter(([, f]) => f.applies(valid)).map(([name]) => name));
  if (endpoint.param) families.push(...Array(8).fill('bad path params'));
  const family = rng.pick(families);

  const headers: Record<string, string> = {};
  if (identity === 'viewer') headers.Authorization = `Bearer ${creds.viewer}`;
  if (identity === 'admin') headers.Authorization = `Bearer ${creds.admin}`;
  if (identity === 'anonymous' && rng.chance(0.6)) Object.assign(headers, badCredentials(rng, creds));
  // A wrong API key next to a valid token: the token wins, the key must not break anything.
  if (identity === 'viewer' && rng.chance(0.1)) headers['X-API-Key'] = rng.string(20);
  // Login and refresh have fixed per-address limits; a fresh address per request keeps the fuzz reaching the validator.
  if (endpoint.route.startsWith('/api/auth/')) headers['X-Forwarded-For'] = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;

  // Admin bodies always carry an unknown field, so no admin change can be accepted.
  const guard = (o: Record<string, unknown>) => (identity === 'admin' ? { ...o, [ADMIN_GUARD_FIELD]: rng.string(6) } : o);

  let method: string = endpoint.method;
  let param = endpoint.param?.(rng);
  let query = Object.keys(valid).length && rng.chance(0.5) ? validPart(rng, valid).join('&') : '';
  let body: Body | undefined = endpoint.body ? json(JSON.stringify(guard(endpoint.body(rng)))) : undefined;

  if (family in BODY_FAMILIES) body = BODY_FAMILIES[family](rng, endpoint.body!(rng), guard);
  else if (family in QUERY_FAMILIES) query = QUERY_FAMILIES[family].build(rng, valid);
  else if (family === 'bad path params') param = rng.pick(PATH_PARAMS);
  else if (family === 'odd headers') Object.assign(headers, oddHeaders(rng));
  else if (family === 'another method on the route') {
    // Never the route's own method nor GET/POST (another real route may live there): these match nothing.
    method = rng.pick(['PUT', 'PATCH', 'OPTIONS', ...(endpoint.method === 'DELETE' ? [] : ['DELETE'])]);
    if (method !== 'DELETE' && method !== 'OPTIONS') body = json(JSON.stringify(guard({ a: 1 })));
  } else if (family === 'body on a request without one') {
    if (endpoint.method !== 'POST') body = json(rng.chance(0.5) ? rng.pick(INVALID_JSON) : JSON.stringify(guard({ limit: -1, __proto__x: 1 })));
    else body = json(rng.pick(INVALID_JSON), rng.pick(['application/json', 'text/plain']));
  }

  const path = endpoint.route.replace(/:(\w+)$/, () => param ?? '') + (query ? `?${query}` : '');
  if (body?.contentType !== undefined) headers['Content-Type'] = body.contentType;
  return { endpoint: endpointName(endpoint), identity, family, request: { method, path, headers, body: body?.bytes } };
}
