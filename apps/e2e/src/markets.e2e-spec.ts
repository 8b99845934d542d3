import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import type { AlertView, CorrelationResponse, InstrumentView, LiveDataResponse, MarketStreamServerFrame, Page, PriceAlertView } from '@meridian/contracts';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TestPlatform } from './support/platform';

/** Pearson correlation written out plainly, independent of libs/market-data. */
function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('F4 Markets through the gateway', () => {
  // Twenty times real time, seeded: ticks every 50–100 ms, 1m candles close every 3 s.
  const platform = new TestPlatform({ VENUE_SPEED: '20', VENUE_SEED: '7' });
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await platform.start();
    token = await platform.tokenFor('trader');
  }, 90_000);
  afterAll(() => platform.close(), 30_000);

  function openStream(): Promise<{ ws: WebSocket; frames: MarketStreamServerFrame[] }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${platform.url.replace('http', 'ws')}/api/markets/stream?access_token=${token}`);
      const frames: MarketStreamServerFrame[] = [];
      ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
      ws.on('open', () => resolve({ ws, frames }));
      ws.on('error', reject);
    });
  }

  it('lists the simulated venue’s synthetic indices as live instruments', async () => {
    const res = await platform.http().get('/api/markets/instruments').set(auth()).expect(200);
    const symbols = (res.body as InstrumentView[]).map((i) => i.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['R_10', 'R_25', 'R_50', 'R_75', 'R_100', '1HZ10V', '1HZ100V', 'stpRNG']));
    expect((res.body as InstrumentView[]).find((i) => i.symbol === 'R_100')).toMatchObject({ venue: 'simulated', live: true, decimals: 2 });
    const status = (await platform.http().get('/api/system/status/execution').set(auth()).expect(200)).body;
    expect(status.backing.find((b: { part: string }) => b.part === 'venue')?.description).toMatch(/simulated/);
  });

  it('serves the latest price of every symbol with its 24 h change, and candles whose last one is live', async () => {
    await platform.waitFor(async () => {
      const body = (await platform.http().get('/api/markets/live-data').set(auth())).body as LiveDataResponse;
      return body.quotes.length >= 11;
    }, 10_000, 'quotes for all instruments');
    const res = await platform.http().get('/api/markets/live-data?symbol=1HZ100V&timeframe=1m&limit=50').set(auth()).expect(200);
    const body = res.body as LiveDataResponse;
    const quote = body.quotes.find((q) => q.symbol === '1HZ100V')!;
    expect(quote.price).toBeGreaterThan(0);
    expect(quote.high24h).toBeGreaterThanOrEqual(quote.low24h!);
    const last = body.candles!.items.at(-1)!;
    expect(body.candles).toMatchObject({ symbol: '1HZ100V', timeframe: '1m' });
    expect(last.closed).toBe(false);
    expect(last.high).toBeGreaterThanOrEqual(last.low);
    await platform.http().get('/api/markets/live-data?symbol=R_100&timeframe=2m').set(auth()).expect(400);
  });

  it('stores closed candles in PostgreSQL as the feed runs', async () => {
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    try {
      await platform.waitFor(async () => {
        const { rows } = await pg.query(`SELECT count(*)::int AS n FROM "e2e_${platform.id}_execution".candles WHERE timeframe = '1m' AND closed`);
        return rows[0].n > 0;
      }, 15_000, 'a closed 1m candle in the database');
    } finally {
      await pg.end();
    }
  });

  it('streams ticks and candles per symbol, answers a bad frame with an error and keeps the connection', async () => {
    const { ws, frames } = await openStream();
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'ticks', symbols: ['bad symbol!'] }));
    ws.send('not json');
    await platform.waitFor(async () => frames.filter((f) => f.type === 'error').length === 2, 3_000, 'two error frames');
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'ticks', symbols: ['R_100'] }));
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'candles', symbols: ['1HZ10V'], timeframe: '1m' }));
    await platform.waitFor(async () => frames.some((f) => f.type === 'tick' && f.symbol === 'R_100'), 5_000, 'an R_100 tick');
    await platform.waitFor(async () => frames.some((f) => f.type === 'candle' && f.symbol === '1HZ10V' && f.timeframe === '1m'), 5_000, 'a 1HZ10V candle');
    expect(frames.filter((f) => f.type === 'tick').every((f) => f.type === 'tick' && f.symbol === 'R_100')).toBe(true);
    ws.close();
  });

  it('stops a symbol on unsubscribe and keeps serving the clients still subscribed when another leaves', async () => {
    const a = await openStream();
    const b = await openStream();
    for (const c of [a, b]) c.ws.send(JSON.stringify({ type: 'subscribe', channel: 'ticks', symbols: ['1HZ25V', '1HZ50V'] }));
    const ticksOf = (c: typeof a, symbol: string, from = 0) => c.frames.slice(from).filter((f) => f.type === 'tick' && f.symbol === symbol).length;
    await platform.waitFor(async () => ticksOf(a, '1HZ25V') > 0 && ticksOf(b, '1HZ25V') > 0, 5_000, 'ticks for both clients');
    a.ws.send(JSON.stringify({ type: 'unsubscribe', channel: 'ticks', symbols: ['1HZ25V'] }));
    await platform.waitFor(async () => a.frames.some((f) => f.type === 'unsubscribed'), 3_000, 'unsubscribed');
    const mark = a.frames.length;
    a.ws.close(); // b's subscriptions must outlive a's
    const markB = b.frames.length;
    await platform.waitFor(async () => ticksOf(b, '1HZ25V', markB) >= 2 && ticksOf(b, '1HZ50V', markB) >= 2, 5_000, 'b still gets both symbols');
    expect(ticksOf(a, '1HZ25V', mark)).toBe(0);
    b.ws.send(JSON.stringify({ type: 'unsubscribe', channel: 'ticks', symbols: ['1HZ25V'] }));
    await platform.waitFor(async () => b.frames.some((f) => f.type === 'unsubscribed'), 3_000, 'b unsubscribed');
    const markB2 = b.frames.length;
    await platform.waitFor(async () => ticksOf(b, '1HZ50V', markB2) >= 2, 5_000, 'b keeps 1HZ50V');
    expect(ticksOf(b, '1HZ25V', markB2)).toBe(0);
    b.ws.close();
  });

  it('resumes the stream by itself when the Redis connections drop', async () => {
    const { ws, frames } = await openStream();
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'ticks', symbols: ['1HZ100V'] }));
    await platform.waitFor(async () => frames.some((f) => f.type === 'tick'), 5_000, 'first tick');
    const admin = new Redis(TEST_REDIS_URL);
    await admin.client('KILL', 'TYPE', 'pubsub');
    admin.disconnect();
    const killedAt = Date.now();
    const before = frames.length;
    await platform.waitFor(async () => frames.slice(before).some((f) => f.type === 'tick'), 10_000, 'ticks after the Redis connections were killed');
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    // The transport reconnected too: requests to execution work again (at the latest once its
    // health probe passes and closes the circuit the failed probes opened).
    await platform.waitFor(async () => (await platform.http().get('/api/markets/instruments').set(auth())).status === 200, 15_000, 'execution answering again');
    // Several probe rounds after the kill, all up: the circuits are settled for the next tests.
    await platform.waitFor(async () => {
      const h = (await platform.health()) as unknown as { components: { status: string; checkedAt: string }[] };
      return h.components.every((c) => c.status === 'up' && Date.parse(c.checkedAt) > killedAt + 3_000);
    }, 20_000, 'every component up again, checked after the kill');
    await platform.waitFor(async () => (await platform.http().get('/api/markets/instruments').set(auth())).status === 200, 15_000, 'execution answering after the probes settled');
  });

  describe('price alerts', () => {
    let hook: Server;
    const received: unknown[] = [];
    let calls = 0;
    beforeAll(async () => {
      hook = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          calls++;
          // The first delivery fails: the job must retry.
          if (calls === 1) return void res.writeHead(500).end();
          received.push(JSON.parse(body));
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    });
    afterAll(() => new Promise<void>((r) => hook.close(() => r())));

    it('refuses an incomplete condition naming the field', async () => {
      const res = await platform.http().post('/api/markets/alerts').set(auth()).send({ symbol: 'R_100', condition: { kind: 'percentMove', percent: 1 }, trigger: { mode: 'once' } }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('condition.windowSec');
    });

    it('fires on a tick, tells its owner over the stream, lists it in the platform alerts, and calls the webhook with retries', async () => {
      const { ws, frames } = await openStream();
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const created = (await platform.http().post('/api/markets/alerts').set(auth()).send({ symbol: '1HZ100V', condition: { kind: 'above', level: 0 }, trigger: { mode: 'once' }, webhookUrl: url, note: 'always fires' }).expect(201)).body as PriceAlertView;
      expect(created).toMatchObject({ symbol: '1HZ100V', status: 'active', firedCount: 0 });
      await platform.waitFor(async () => frames.some((f) => f.type === 'alert' && f.alert.alertId === created.id), 5_000, 'the alert frame');
      await platform.waitFor(async () => {
        const mine = (await platform.http().get('/api/markets/alerts').set(auth()).expect(200)).body as PriceAlertView[];
        const a = mine.find((x) => x.id === created.id);
        return a?.status === 'spent' && a.firedCount === 1;
      }, 5_000, 'the alert spent after firing once');
      await platform.waitFor(async () => {
        const active = (await platform.http().get('/api/alerts/active').set(auth())).body as Page<AlertView>;
        return active.items.some((a) => a.key === `price-alert:${created.id}`);
      }, 5_000, 'the platform alert');
      await platform.waitFor(async () => received.length === 1, 15_000, 'the webhook delivered after a retry');
      expect(received[0]).toMatchObject({ alertId: created.id, symbol: '1HZ100V' });
      expect(calls).toBe(2);

      // Another trader neither sees nor removes it.
      const other = await platform.tokenFor('trader');
      expect((await platform.http().get('/api/markets/alerts').set('Authorization', `Bearer ${other}`)).body).toEqual([]);
      await platform.http().delete(`/api/markets/alerts/${created.id}`).set('Authorization', `Bearer ${other}`).expect(404);
      await platform.http().delete(`/api/markets/alerts/${created.id}`).set(auth()).expect(204);
      const all = (await platform.http().get('/api/alerts/active?status=all').set(auth())).body as Page<AlertView>;
      expect(all.items.find((a) => a.key === `price-alert:${created.id}`)?.status).toBe('resolved');
      ws.close();
    });

    it('lets viewers read but not create alerts', async () => {
      const viewer = await platform.tokenFor('viewer');
      await platform.http().get('/api/markets/alerts').set('Authorization', `Bearer ${viewer}`).expect(200);
      await platform.http().post('/api/markets/alerts').set('Authorization', `Bearer ${viewer}`).send({ symbol: 'R_100', condition: { kind: 'below', level: 1 }, trigger: { mode: 'once' } }).expect(403);
    });
  });

  it('computes the correlation matrix of daily simple returns over the common dates', async () => {
    // Two symbols of daily history with overlapping but different dates, written straight to the table.
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    const day = 86_400_000;
    const start = Date.UTC(2024, 0, 1);
    const a: number[] = [];
    const b: number[] = [];
    let pa = 100;
    let pb = 50;
    try {
      for (let i = 0; i < 40; i++) {
        pa *= 1 + Math.sin(i * 1.7) / 50;
        pb *= 1 + Math.cos(i * 0.9) / 40 + Math.sin(i * 1.7) / 100;
        const closeA = Number(pa.toFixed(4));
        const closeB = Number(pb.toFixed(4));
        if (i >= 5) await pg.query(`INSERT INTO "e2e_${platform.id}_execution".candles VALUES ('CORR_A','1d',$1,$2,$2,$2,$2,NULL,0,true,'test')`, [new Date(start + i * day), closeA]);
        if (i < 35) await pg.query(`INSERT INTO "e2e_${platform.id}_execution".candles VALUES ('CORR_B','1d',$1,$2,$2,$2,$2,NULL,0,true,'test')`, [new Date(start + i * day), closeB]);
        if (i >= 5 && i < 35) {
          a.push(closeA);
          b.push(closeB);
        }
      }
    } finally {
      await pg.end();
    }
    const ra = a.slice(1).map((v, i) => v / a[i] - 1);
    const rb = b.slice(1).map((v, i) => v / b[i] - 1);
    const res = await platform.http().get('/api/markets/correlations?symbols=CORR_A,CORR_B&timeframe=1d&window=10').set(auth()).expect(200);
    const body = res.body as CorrelationResponse;
    expect(body.symbols).toEqual(['CORR_A', 'CORR_B']);
    expect(body.observations).toBe(29);
    expect(body.matrix[0][0]).toBeCloseTo(1, 12);
    expect(Math.abs(body.matrix[0][1] - pearson(ra, rb))).toBeLessThan(1e-9);
    expect(body.rolling!.points).toHaveLength(29);
    expect(body.rolling!.points[8].value).toBeNull();
    expect(Math.abs(body.rolling!.points[28].value! - pearson(ra.slice(-10), rb.slice(-10)))).toBeLessThan(1e-9);
    await platform.http().get('/api/markets/correlations?symbols=CORR_A&timeframe=1d').set(auth()).expect(400);
    await platform.http().get('/api/markets/correlations?symbols=CORR_A,NOPE&timeframe=1d').set(auth()).expect(400);
  });

  it('replays stored daily candles as a live feed on the stream, in order, at the chosen speed', async () => {
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    const start = Date.UTC(2023, 5, 1);
    try {
      for (let i = 0; i < 10; i++) {
        const o = 100 + i;
        await pg.query(`INSERT INTO "e2e_${platform.id}_execution".candles VALUES ('REPLAY_X','1d',$1,$2,$3,$4,$5,NULL,0,true,'test')`, [new Date(start + i * 86_400_000), o, o + 2, o - 1, o + 1]);
      }
    } finally {
      await pg.end();
    }
    const { ws, frames } = await openStream();
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'ticks', symbols: ['REPLAY_X.replay'] }));
    await platform.waitFor(async () => frames.some((f) => f.type === 'subscribed'), 3_000, 'subscribed');
    const replay = (await platform.http().post('/api/markets/replay').set(auth()).send({ symbol: 'REPLAY_X', speed: 864_000 }).expect(201)).body;
    expect(replay).toMatchObject({ symbol: 'REPLAY_X', streamSymbol: 'REPLAY_X.replay', timeframe: '1d', state: 'playing' });
    await platform.waitFor(async () => frames.filter((f) => f.type === 'tick').length === 40, 10_000, 'four ticks per candle');
    const prices = frames.flatMap((f) => (f.type === 'tick' ? [f.price] : []));
    expect(prices.slice(0, 4)).toEqual([100, 99, 102, 101]); // an up candle plays open, low, high, close
    expect(prices.at(-1)).toBe(110);
    await platform.waitFor(async () => {
      const list = (await platform.http().get('/api/markets/replay').set(auth())).body as { id: string; state: string }[];
      return list.find((r) => r.id === replay.id)?.state === 'finished';
    }, 5_000, 'the replay finished');
    await platform.http().post('/api/markets/replay').set(auth()).send({ symbol: 'NO_SUCH' }).expect(400);
    ws.close();
  });
});
