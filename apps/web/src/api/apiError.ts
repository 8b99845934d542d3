import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { ApiErrorBody } from '@meridian/contracts';

export interface DescribedError {
  status: number | null;
  message: string;
  /** Validation messages by field path, from the 400 body's `details`. */
  fieldErrors: Record<string, string>;
  requestId?: string;
}

function isApiErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).message === 'string';
}

/**
 * The words of one `details` entry: its rules' messages (the API's FieldError), or a plain
 * `message` (some services describe a detail that way, e.g. the risk check of a refused order).
 */
function detailText(detail: unknown): string {
  if (typeof detail !== 'object' || detail === null) return '';
  const { rules, message } = detail as { rules?: unknown; message?: unknown };
  if (rules && typeof rules === 'object') return Object.values(rules as Record<string, unknown>).map(String).join('; ');
  return typeof message === 'string' ? message : '';
}

function isFetchError(error: unknown): error is FetchBaseQueryError {
  return typeof error === 'object' && error !== null && 'status' in error;
}

/** Turns whatever RTK Query reports into the words to show the user. */
export function describeError(error: FetchBaseQueryError | SerializedError | undefined | unknown): DescribedError {
  if (!error) return { status: null, message: 'Unknown error', fieldErrors: {} };
  if (!isFetchError(error)) {
    return { status: null, message: (error as SerializedError).message ?? 'Unexpected error', fieldErrors: {} };
  }
  if (typeof error.status === 'number') {
    const body = error.data;
    if (!isApiErrorBody(body)) return { status: error.status, message: `Request failed (HTTP ${error.status})`, fieldErrors: {} };
    const fieldErrors: Record<string, string> = {};
    for (const d of body.details ?? []) {
      const text = detailText(d);
      if (typeof d?.field === 'string' && text) fieldErrors[d.field] = text;
    }
    // A backend service that is down answers 503 naming itself; say so plainly.
    const message = error.status === 503 && body.service ? `${body.service} is unavailable` : body.message;
    return { status: error.status, message, fieldErrors, requestId: body.requestId };
  }
  switch (error.status) {
    case 'FETCH_ERROR':
      return { status: null, message: 'Cannot reach the gateway', fieldErrors: {} };
    case 'TIMEOUT_ERROR':
      return { status: null, message: 'The gateway did not answer in time', fieldErrors: {} };
    case 'PARSING_ERROR':
      return { status: error.originalStatus, message: `Unexpected answer from the gateway (HTTP ${error.originalStatus})`, fieldErrors: {} };
    default:
      return { status: null, message: error.error, fieldErrors: {} };
  }
}
