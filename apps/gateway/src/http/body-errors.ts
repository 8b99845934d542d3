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
  };
  const status = err.status >= 400 && err.status < 500 ? err.status : 400;
  const body: ApiErrorBody = { statusCode: status, error: status === 413 ? 'Payload Too Large' : 'Bad Request', message: messages[err.type] ?? 'The request body could not be read', details: [{ field: 'body', rules: { [err.type]: messages[err.type] ?? err.type } }], requestId: currentContext()?.requestId };
  res.status(status).json(body);
}

/** No request needs deeper bodies, and deeper ones overflow the stack of the validation (a 500). */
export const MAX_BODY_DEPTH = 32;

/** Refuses a parsed JSON body nested more than MAX_BODY_DEPTH levels deep, through the handler above. */
export function bodyDepthLimit(req: Request, _res: Response, next: NextFunction) {
  const pending: [unknown, number][] = [[req.body, 1]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) return next({ type: 'entity.too.deep', status: 400 });
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  next();
}
