import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import express, { type Express, type Request, type Response } from 'express';
import { expressMessageClasses } from './express-http-adapter';

// V8's own test helper: whether two objects have the same hidden class (map).
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('expressMessageClasses', () => {
  let server: Server;
  let port: number;
  const seen: { req: Request; res: Response }[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    const app = express();
    app.get('/thing/:id', (req, res) => {
      seen.push({ req, res });
      res.status(201).json({ id: req.params.id, host: req.hostname, app: req.app === app });
    });
    server = createServer(expressMessageClasses(app), app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      request({ agent, port, host: '127.0.0.1', path }, (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      })
        .on('error', reject)
        .end();
    });

  it('serves requests with the app prototypes: Express works as before', async () => {
    const answer = await get('/thing/42');
    expect(answer).toEqual({ status: 201, body: { id: '42', host: '127.0.0.1', app: true } });
    const { req, res } = seen[seen.length - 1];
    const app = req.app as unknown as Express;
    expect(Object.getPrototypeOf(req)).toBe(app.request);
    expect(Object.getPrototypeOf(res)).toBe(app.response);
  });

  it('gives every request and response the same V8 map (no per-request maps to promote)', async () => {
    await get('/thing/1');
    await get('/thing/2');
    const [a, b] = seen.slice(-2);
    expect(haveSameMap(a.req, b.req)).toBe(true);
    expect(haveSameMap(a.res, b.res)).toBe(true);
  });
});
