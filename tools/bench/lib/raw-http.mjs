// A lean HTTP/1.1 keep-alive client for load generation on the machine under test. Node's http
// client costs about 0.43 ms of CPU per request here (measured: tools/bench/order-latency.mjs's
// cpuMsPerOrder, and a bare server/client pair), 12 % of the two cores at 500 requests/s that the
// services then do not get; this one writes each request as one buffer and reads the answers
// with a minimal parser (status line, Content-Length, body), one request in flight per connection
// as HTTP/1.1 without pipelining allows. Answers are checked, not trusted: a malformed one fails
// its request.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const STALE_IDLE_MS = 4_000;

export class RawHttpClient {
  /** @param {{ host: string, port: number, connections?: number }} options */
  constructor({ host, port, connections = 64 }) {
    this.host = host;
    this.port = port;
    this.max = connections;
    this.idle = [];
    this.all = new Set();
    this.waiting = [];
  }

  /**
   * Sends one request; resolves with { status, body } (body a Buffer) once the whole answer is in.
   * @param {string} method @param {string} path @param {Record<string,string>} headers @param {string} [body]
   */
  request(method, path, headers, body = '') {
    const bodyBytes = Buffer.from(body);
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nConnection: keep-alive\r\nContent-Length: ${bodyBytes.length}\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    const bytes = Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), bodyBytes]);
    return new Promise((resolve, reject) => {
      const job = { bytes, resolve, reject };
      const conn = this.takeIdle() ?? (this.all.size < this.max ? this.open() : null);
      if (conn) this.send(conn, job);
      else this.waiting.push(job);
    });
  }

  /**
   * The most recently used idle connection. A server closes a keep-alive connection idle for 5 s
   * (Node's default); one taken just as it does fails its request (seen: 1-2 in 30,000, from the
   * bottom of this stack after a burst), so connections idle for 4 s are closed here instead.
   */
  takeIdle() {
    while (this.idle.length > 0) {
      const conn = this.idle.pop();
      if (performance.now() - conn.idleSince < STALE_IDLE_MS) return conn;
      this.all.delete(conn);
      conn.socket.destroy();
    }
    return null;
  }

  open() {
    const socket = net.connect({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    const conn = { socket, job: null, buf: null };
    this.all.add(conn);
    socket.on('data', (chunk) => this.onData(conn, chunk));
    const fail = (err) => {
      this.all.delete(conn);
      this.idle = this.idle.filter((c) => c !== conn);
      if (conn.job) conn.job.reject(err ?? new Error('connection closed'));
      conn.job = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(null));
    return conn;
  }

  send(conn, job) {
    conn.job = job;
    conn.buf = null;
    conn.socket.write(job.bytes);
  }

  onData(conn, chunk) {
    const buf = conn.buf ? Buffer.concat([conn.buf, chunk]) : chunk;
    const endOfHead = buf.indexOf('\r\n\r\n');
    if (endOfHead < 0) return void (conn.buf = buf);
    const head = buf.toString('latin1', 0, endOfHead);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!head.startsWith('HTTP/1.1 ') || !length) {
      conn.job?.reject(new Error(`unexpected answer: ${head.split('\r\n')[0]}`));
      conn.job = null;
      return void conn.socket.destroy();
    }
    const total = endOfHead + 4 + Number(length[1]);
    if (buf.length < total) return void (conn.buf = buf);
    const job = conn.job;
    conn.job = null;
    conn.buf = null;
    const next = this.waiting.shift();
    if (next) this.send(conn, next);
    else {
      conn.idleSince = performance.now();
      this.idle.push(conn);
    }
    job?.resolve({ status, body: buf.subarray(endOfHead + 4, total) });
  }

  close() {
    for (const c of this.all) c.socket.destroy();
    this.all.clear();
    this.idle = [];
  }
}
