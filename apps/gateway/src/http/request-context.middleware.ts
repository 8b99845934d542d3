import type { NextFunction, Request, Response } from 'express';
import type { Logger, ProcessMetrics } from '@meridian/observability';
import { newRequestId, runWithContext } from '@meridian/observability';

const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * First thing on every request: a request id (the caller's X-Request-Id if sane), an async
 * context so every log line and every hop carries it, and the latency metric and access log
 * when the response is finished.
 */
export function requestContextMiddleware(logger: Logger, metrics: ProcessMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : newRequestId();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path ? `${req.baseUrl ?? ''}${String(req.route.path)}` : req.path.startsWith('/api') ? '(unmatched)' : '(static)';
      metrics.observeHttp(req.method, route, res.statusCode, seconds);
      const entry = { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 };
      // Successful reads are the bulk of traffic: debug; anything that changes or fails: info and up.
      if (res.statusCode >= 500) logger.warn(entry, 'request failed');
      else if (req.method !== 'GET' || res.statusCode >= 400) logger.info(entry, 'request');
      else logger.debug(entry, 'request');
    });
    runWithContext({ requestId }, next);
  };
}
