import { createHmac } from 'node:crypto';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/**
 * HTTP with nothing in between: the path, the headers and the body bytes go out exactly as given
 * (no URL normalisation of `..`, no re-encoding, no JSON serialisation), which is what a fuzzer needs.
 */
export interface RawRequest {
  method: string;
  /** Sent verbatim: already percent-encoded where needed (Node refuses spaces and control characters). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function sendRaw(baseUrl: string, req: RawRequest, agent: Agent, timeoutMs = 15_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body) headers['Content-Length'] = String(req.body.length);
    const r = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Runs the tasks with at most `limit` of them in flight at once; results keep the tasks' order. */
export async function runLimited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  });
  await Promise.all(workers);
  return results;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A JWT signed with HS256 and the given secret (or unsigned with alg none), for forged credentials. */
export function signJwt(payload: Record<string, unknown>, secret: string | null, header: Record<string, unknown> = { alg: secret === null ? 'none' : 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  if (secret === null) return `${unsigned}.`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * What is wrong with an error answer, measured against the API's one error format
 * {statusCode, error, message, requestId} with statusCode equal to the HTTP status; null when right.
 */
export function errorFormatProblem(res: RawResponse): string | null {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) return `content-type is ${res.headers['content-type'] ?? 'missing'}`;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return 'the body is not JSON';
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body is not a JSON object';
  const b = body as Record<string, unknown>;
  if (b.statusCode !== res.status) return `statusCode ${String(b.statusCode)} differs from the HTTP status`;
  if (typeof b.error !== 'string' || !b.error) return 'error is not a non-empty string';
  if (typeof b.message !== 'string') return 'message is not a string';
  if (typeof b.requestId !== 'string' || !b.requestId) return 'requestId is not a non-empty string';
  if (res.headers['x-request-id'] !== b.requestId) return 'requestId differs from the X-Request-Id header';
  return null;
}
