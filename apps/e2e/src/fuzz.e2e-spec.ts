import { Agent } from 'node:http';
import { Client } from 'pg';
import type { HealthReport, RuntimeSettings } from '@meridian/contracts';
import { GATEWAY_ENDPOINTS, endpointName, generateCases, type FuzzCase } from './support/malformed-requests';
import { TEST_DATABASE_URL, TestPlatform } from './support/platform';
import { Prng } from './support/prng';
import { errorFormatProblem, runLimited, sendRaw } from './support/raw-http';

// Replay a run with FUZZ_SEED=<seed>; the same seed sends the same requests.
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_101);
const CASES_PER_ENDPOINT_AND_IDENTITY = 24;
const CONCURRENCY = 8;

interface Outcome {
  fuzz: FuzzCase;
  status: number;
  problem: string | null;
  excerpt: string;
}

describe(`The gateway under a seeded fuzz of malformed requests (FUZZ_SEED=${SEED})`, () => {
  const platform = new TestPlatform();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let admin: string;
  let originalSettings: RuntimeSettings;
  let configVersionBeforeFuzz: number;
  let usersBeforeFuzz: number;
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    await platform.start();
    admin = (await platform.login()).accessToken;
    const viewer = await platform.tokenFor('viewer');
    const jwtSecret = await readJwtSecret(platform.id);

    // The per-user limit (1,200/min) would turn most of the fuzz into 429s: raise it for the run (a valid change).
    const config = (await platform.http().get('/api/system/config').set(auth(admin)).expect(200)).body;
    originalSettings = config.settings;
    const raised = { ...config.settings, rateLimit: { perMinute: 1_000_000 } };
    configVersionBeforeFuzz = (await platform.http().post('/api/system/config').set(auth(admin)).send({ settings: raised, comment: 'fuzz: rate limit raised' }).expect(201)).body.version;
    usersBeforeFuzz = (await platform.http().get('/api/users').set(auth(admin)).expect(200)).body.total;

    const cases = generateCases(new Prng(SEED), { viewer, admin, jwtSecret }, CASES_PER_ENDPOINT_AND_IDENTITY);
    outcomes = await runLimited(cases.map((fuzz) => () => send(fuzz)), CONCURRENCY);
  }, 300_000);

  afterAll(async () => {
    agent.destroy();
    if (originalSettings) await platform.http().post('/api/system/config').set(auth(admin)).send({ settings: originalSettings, comment: 'fuzz: rate limit restored' }).expect(201);
    await platform.close();
  }, 30_000);

  async function send(fuzz: FuzzCase): Promise<Outcome> {
    try {
      const res = await sendRaw(platform.url, fuzz.request, agent);
      return { fuzz, status: res.status, problem: res.status >= 400 && res.status < 500 ? errorFormatProblem(res) : null, excerpt: res.text.slice(0, 200) };
    } catch (err) {
      return { fuzz, status: 0, problem: `no answer: ${(err as Error).message}`, excerpt: '' };
    }
  }

  const describeOutcome = (o: Outcome) =>
    `${o.fuzz.identity} ${o.fuzz.request.method} ${o.fuzz.request.path.slice(0, 120)} [${o.fuzz.family}] -> ${o.status}${o.problem ? ` (${o.problem})` : ''} ${o.excerpt}`;

  it('sends at least 1,500 malformed requests to every endpoint, as anonymous, viewer and admin', () => {
    console.log(statusTable(outcomes));
    expect(outcomes.length).toBeGreaterThanOrEqual(1_500);
    const reached = new Set(outcomes.map((o) => o.fuzz.endpoint));
    expect([...reached].sort()).toEqual(GATEWAY_ENDPOINTS.map(endpointName).sort());
    for (const identity of ['anonymous', 'viewer', 'admin']) expect(outcomes.filter((o) => o.fuzz.identity === identity).length).toBeGreaterThan(400);
  });

  it('answers every one of them, never with a 5xx', () => {
    const failures = outcomes.filter((o) => o.status === 0 || o.status >= 500).map(describeOutcome);
    expect(failures).toEqual([]);
  });

  it('answers every 4xx in the one error format {statusCode, error, message, requestId}', () => {
    const clientErrors = outcomes.filter((o) => o.status >= 400 && o.status < 500);
    expect(clientErrors.length).toBeGreaterThan(outcomes.length / 2);
    expect(clientErrors.filter((o) => o.problem).map(describeOutcome)).toEqual([]);
  });

  it('leaves the platform unhalted, out of maintenance, with the same config version, users and every component up', async () => {
    const halt = (await platform.http().get('/api/system/halt').set(auth(admin)).expect(200)).body;
    expect(halt.halted).toBe(false);
    const maintenance = (await platform.http().get('/api/system/maintenance').set(auth(admin)).expect(200)).body;
    expect(maintenance.state.enabled).toBe(false);
    expect(maintenance.runs).toEqual([]);
    const config = (await platform.http().get('/api/system/config').set(auth(admin)).expect(200)).body;
    expect(config.version).toBe(configVersionBeforeFuzz);
    expect((await platform.http().get('/api/users').set(auth(admin)).expect(200)).body.total).toBe(usersBeforeFuzz);
    const health = (await platform.http().get('/api/health/system').expect(200)).body as HealthReport;
    expect(health.components.map((c) => `${c.name}:${c.status}`).sort()).toEqual(
      ['execution', 'gateway', 'intelligence', 'postgres', 'redis', 'simulation'].map((name) => `${name}:up`),
    );
  });

  it('leaves Object.prototype unpolluted by __proto__ and constructor keys', () => {
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, probe.role]).toEqual([undefined, undefined, undefined]);
  });
});

async function readJwtSecret(platformId: string): Promise<string> {
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ value: string }>(`SELECT value FROM "e2e_${platformId}_gateway".platform_secrets WHERE name = 'jwt'`);
    return rows[0].value;
  } finally {
    await pg.end();
  }
}

/** Status codes seen per endpoint, for the reviewer to see what the fuzz did. */
function statusTable(outcomes: Outcome[]): string {
  const statuses = [...new Set(outcomes.map((o) => o.status))].sort((a, b) => a - b);
  const rows = GATEWAY_ENDPOINTS.map(endpointName).map((name) => {
    const mine = outcomes.filter((o) => o.fuzz.endpoint === name);
    return [name, String(mine.length), ...statuses.map((s) => String(mine.filter((o) => o.status === s).length || '.'))];
  });
  const header = ['endpoint', 'sent', ...statuses.map(String)];
  const totals = ['total', String(outcomes.length), ...statuses.map((s) => String(outcomes.filter((o) => o.status === s).length))];
  const table = [header, ...rows, totals];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [`Fuzz seed ${SEED}: ${outcomes.length} requests, status codes per endpoint`, line(header), ...rows.map(line), line(totals)].join('\n');
}
