import { describeError } from '../../api/apiError';

export interface DownloadOptions {
  /** Path under /api with its query string, e.g. "/executions/history?format=csv". */
  path: string;
  fallbackName: string;
  accessToken: () => string | null;
  /** Trades the refresh token for a new access token; true when there is one to retry with. */
  refresh: () => Promise<boolean>;
}

export class DownloadFailed extends Error {}

/** The file name of a Content-Disposition header, if it has one. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename=("?)([^";]+)\1/i.exec(disposition);
  return plain ? plain[2].trim() : null;
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/**
 * Downloads a file of the API with the session's bearer token: a plain link cannot carry the
 * Authorization header. An expired token is refreshed once and the download retried.
 */
export async function downloadWithAuth({ path, fallbackName, accessToken, refresh }: DownloadOptions): Promise<string> {
  const url = `${globalThis.location?.origin ?? ''}/api${path}`;
  const get = (token: string | null) => fetch(url, { headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  let token = accessToken();
  let response = await get(token);
  if (response.status === 401 && token && (await refresh())) {
    token = accessToken();
    response = await get(token);
  }
  if (!response.ok) {
    const text = await response.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not the API's JSON error */
    }
    throw new DownloadFailed(describeError({ status: response.status, data }).message);
  }
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(await response.blob(), name);
  return name;
}
