import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithStore, sessionAs } from '../../../test/render';
import { ImportPanel } from './ImportPanel';

/** Enough of XMLHttpRequest for uploadCsv; the test plays the server. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const realXhr = globalThis.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.last = null;
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterEach(() => {
  globalThis.XMLHttpRequest = realXhr;
});

function pickFile(text = 'Date,Open,High,Low,Close,Adj Close,Volume\n') {
  const file = new File([text], 'spy.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  return file;
}

describe('ImportPanel', () => {
  it('uploads the raw CSV with progress, then shows the rows and range', async () => {
    renderWithStore(<ImportPanel />, { session: sessionAs('trader', 'jwt-9') });
    const file = pickFile();
    fireEvent.change(screen.getByTestId('import-symbol'), { target: { value: 'spy' } });
    fireEvent.click(screen.getByTestId('import-submit'));

    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/data/import?symbol=SPY&format=yahoo');
    expect(xhr.headers).toMatchObject({ 'Content-Type': 'text/csv', Authorization: 'Bearer jwt-9' });
    expect(xhr.body).toBe(file);

    act(() => xhr.progress(40, 100));
    expect(screen.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByTestId('import-progress').textContent).toContain('40 %');

    await act(async () =>
      xhr.respond(201, { importId: 'i1', symbol: 'SPY', timeframe: '1d', rows: 2514, from: '2016-01-04T00:00:00.000Z', to: '2025-12-31T00:00:00.000Z', durationMs: 812 }),
    );
    const result = await screen.findByTestId('import-result');
    expect(result.textContent).toContain('2,514');
    expect(result.textContent).toContain('SPY');
    expect(result.textContent).toMatch(/2016-01-0\d .*→ 202\d-\d\d-\d\d/);
    expect(screen.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
  });

  it('shows the error message naming the line of a bad file', async () => {
    renderWithStore(<ImportPanel />, { session: sessionAs('trader') });
    pickFile();
    fireEvent.change(screen.getByTestId('import-symbol'), { target: { value: 'SPY' } });
    fireEvent.click(screen.getByTestId('import-submit'));

    await act(async () =>
      FakeXhr.last!.respond(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'line 57: high 101.2 is below low 102.5',
        details: [{ field: 'line 57', rules: { ohlc: 'high must be >= low' } }],
      }),
    );

    const error = await screen.findByTestId('import-error');
    expect(error.textContent).toContain('line 57: high 101.2 is below low 102.5');
    expect(error.textContent).toContain('line 57: high must be >= low');
    expect(screen.queryByTestId('import-result')).toBeNull();
  });

  it('sends the column mapping of a generic CSV', () => {
    renderWithStore(<ImportPanel />, { session: sessionAs('admin') });
    pickFile('ts;o;h;l;c\n');
    fireEvent.change(screen.getByTestId('import-symbol'), { target: { value: 'EURUSD' } });
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'generic' } });
    fireEvent.change(screen.getByTestId('import-col-date'), { target: { value: 'ts' } });
    fireEvent.change(screen.getByTestId('import-col-volume'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('import-submit'));

    const url = new URL(FakeXhr.last!.url, 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      symbol: 'EURUSD',
      format: 'generic',
      dateColumn: 'ts',
      openColumn: 'open',
      highColumn: 'high',
      lowColumn: 'low',
      closeColumn: 'close',
    });
  });

  it('does not offer the import to viewers', () => {
    renderWithStore(<ImportPanel />, { session: sessionAs('viewer') });
    expect(screen.queryByTestId('import-file')).toBeNull();
    expect(screen.getByText(/Viewers can look/)).toBeTruthy();
  });
});
