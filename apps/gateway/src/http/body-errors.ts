import type { NextFunction, Request, Response } from 'express';
import { currentContext } from '@meridian/observability';
import type { ApiErrorBody } from '@meridian/contracts';

/** Errors of the JSON body parser (bad JSON, too large, wrong charset) in the API's one format. */
export function bodyParserErrorHandler(err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) {
  if (!err || typeof err.status !== 'number' || !err.type) return next(err);
  const messages: Record<string, string> = {
    'entity.parse.failed': 'The request body is not valid JSON',
    'entity.too.large': 'The request body is too large',
    'encoding.unsupported': 'The request body has an unsupported encoding',
    'charset.unsupported': 'The request body has an unsupported charset',
    'entity.verify.failed': 'The request body failed verification',
    'request.aborted': 'The request was aborted',
    'entity.too.deep': `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`,
    'entity.invalid.unicode': 'The request body has text that is not valid Unicode (a lone surrogate)',
  };
  const status = err.status >= 400 && err.status < 500 ? err.status : 400;
  const body: ApiErrorBody = { statusCode: status, error: status === 413 ? 'Payload Too Large' : 'Bad Request', message: messages[err.type] ?? 'The request body could not be read', details: [{ field: 'body', rules: { [err.type]: messages[err.type] ?? err.type } }], requestId: currentContext()?.requestId };
  res.status(status).json(body);
}

/** No request needs deeper bodies, and deeper ones overflow the stack of the validation (a 500). */
export const MAX_BODY_DEPTH = 32;
/** A UTF-16 surrogate without its pair (JSON can carry one as \ud800): the e-mail validator throws on it (a 500). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses, through the handler above, a parsed JSON body nested too deeply or with text that is not valid Unicode. */
export function checkJsonBody(req: Request, _res: Response, next: NextFunction) {
  const pending: [unknown, number][] = [[req.body, 1]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) return next({ type: 'entity.invalid.unicode', status: 400 });
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) return next({ type: 'entity.too.deep', status: 400 });
    for (const [key, child] of Object.entries(value)) pending.push([key, depth], [child, depth + 1]);
  }
  next();
}
