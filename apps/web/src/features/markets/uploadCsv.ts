export interface UploadReply {
  status: number;
  /** The parsed JSON body, or the raw text when it is not JSON; null when there is none. */
  body: unknown;
}

export interface UploadOptions {
  url: string;
  file: Blob;
  accessToken: string | null;
  /** Fraction of the body sent, 0 … 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Network failure or abort, as opposed to an HTTP answer. */
export class UploadFailed extends Error {}

/**
 * POSTs a file as the raw body (text/csv) with XMLHttpRequest, which, unlike fetch, reports the
 * upload's progress. Resolves with any HTTP answer; rejects only when there is none.
 */
export function uploadCsv({ url, file, accessToken, onProgress, signal }: UploadOptions): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      onProgress?.(1);
      const text = xhr.responseText;
      let body: unknown = null;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new UploadFailed('Cannot reach the gateway'));
    xhr.onabort = () => reject(new UploadFailed('Upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
