import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithStore, sessionAs } from '../../../test/render';
import { instrument } from '../markets/testData';
import { FillsHistory } from './FillsHistory';
import { fill, page } from './testData';
import { fileNameOf } from './downloadCsv';

const CSV = 'id,orderId,symbol,side,quantity,price,fee,at\nf-1,o-1,R_100,buy,1,1234.5,0.12,2026-01-01T10:00:00.000Z\n';

/** The gateway behind fetch: JSON pages of fills, or the CSV file when format=csv. */
function gateway(csv: () => Response = () => new Response(CSV, { headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="fills-20260101.csv"' } })) {
  const requests: { url: URL; authorization: string | null }[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    requests.push({ url, authorization: request.headers.get('authorization') });
    if (url.searchParams.get('format') === 'csv') return csv();
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const items = [fill(`f-${offset + 1}`, { side: (url.searchParams.get('side') as 'buy' | 'sell' | null) ?? 'buy' }), fill(`f-${offset + 2}`, { price: '1240', fee: '0.2' })];
    return new Response(JSON.stringify(page(items, { total: 120, offset })), { headers: { 'content-type': 'application/json' } });
  });
  const history = () => requests.filter((r) => r.url.pathname === '/api/executions/history');
  return { history };
}

const downloads: string[] = [];
const blobs: Blob[] = [];
beforeEach(() => {
  downloads.length = 0;
  blobs.length = 0;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:fills';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => jest.restoreAllMocks());

describe('FillsHistory', () => {
  it('lists fills with their notional, and pages and filters through the API', async () => {
    const { history } = gateway();
    renderWithStore(<FillsHistory instruments={[instrument('R_100'), instrument('R_50')]} />, { session: sessionAs('viewer') });

    const row = await screen.findByTestId('fill-row-f-2');
    expect([...row.querySelectorAll('td')].slice(1, 8).map((td) => td.textContent)).toEqual(['R_100', 'buy', '1', '1,240', '1,240.00', '0.2', 'taker']);
    expect(screen.getByTestId('fills-range').textContent).toBe('1–2 of 120');

    fireEvent.click(screen.getByTestId('fills-older'));
    expect(await screen.findByTestId('fill-row-f-51')).toBeTruthy();
    expect(history().at(-1)?.url.searchParams.get('offset')).toBe('50');

    fireEvent.change(screen.getByTestId('fills-side'), { target: { value: 'sell' } });
    fireEvent.change(screen.getByTestId('fills-symbol'), { target: { value: 'R_50' } });
    await waitFor(() => expect(Object.fromEntries(history().at(-1)!.url.searchParams)).toEqual({ symbol: 'R_50', side: 'sell', limit: '50', offset: '0' }));
  });

  it('exports the filtered fills as a CSV file, fetched with the bearer token', async () => {
    const { history } = gateway();
    renderWithStore(<FillsHistory instruments={[instrument('R_100')]} />, { session: sessionAs('trader', 'jwt-7') });
    await screen.findByTestId('fill-row-f-1');
    fireEvent.change(screen.getByTestId('fills-symbol'), { target: { value: 'R_100' } });

    fireEvent.click(screen.getByTestId('fills-export'));

    expect((await screen.findByTestId('fills-export-note')).textContent).toBe('Saved fills-20260101.csv');
    const csvCall = history().find((r) => r.url.searchParams.get('format') === 'csv')!;
    expect(csvCall.authorization).toBe('Bearer jwt-7');
    expect(Object.fromEntries(csvCall.url.searchParams)).toEqual({ format: 'csv', limit: '10000', symbol: 'R_100' });
    expect(downloads).toEqual(['fills-20260101.csv']);
    expect(await blobs[0].text()).toBe(CSV);
  });

  it('shows why an export failed', async () => {
    gateway(() => new Response(JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'timeout', service: 'execution' }), { status: 503 }));
    renderWithStore(<FillsHistory />, { session: sessionAs('trader') });
    await screen.findByTestId('fill-row-f-1');
    fireEvent.click(screen.getByTestId('fills-export'));
    expect((await screen.findByTestId('fills-export-note')).textContent).toBe('execution is unavailable');
    expect(downloads).toEqual([]);
  });
});

describe('fileNameOf', () => {
  it('reads plain and RFC 5987 file names', () => {
    expect(fileNameOf('attachment; filename="fills.csv"')).toBe('fills.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''fills%20R_100.csv")).toBe('fills R_100.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});
