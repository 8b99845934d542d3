import { useState } from 'react';
import { useStore } from 'react-redux';
import type { InstrumentView, OrderSideName } from '@meridian/contracts';
import { useAppDispatch } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { authApi } from '../../session/authApi';
import { selectAccessToken } from '../../session/sessionSlice';
import { QueryView } from '../../ui/QueryView';
import { formatDateTime, formatDecimal, formatNumber } from '../../ui/format';
import { downloadWithAuth } from './downloadCsv';
import { useGetFillsQuery } from './executionApi';
import { shortId } from './orderFormat';

export const FILLS_PAGE = 50;
/** The most fills one CSV export carries (the API's limit). */
export const CSV_LIMIT = 10_000;

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** The caller's fills, newest first, with filters, pages, and the same selection as a CSV file. */
export function FillsHistory({ instruments }: { instruments?: InstrumentView[] }) {
  const [symbol, setSymbol] = useState('');
  const [side, setSide] = useState<OrderSideName | ''>('');
  const [offset, setOffset] = useState(0);
  const filters = { symbol: symbol || undefined, side: side || undefined };
  const fills = useGetFillsQuery({ ...filters, limit: FILLS_PAGE, offset });
  const dispatch = useAppDispatch();
  const store = useStore<RootState>();
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);

  const exportCsv = async () => {
    setExporting(true);
    setExportNote(null);
    const params = new URLSearchParams({ format: 'csv', limit: String(CSV_LIMIT) });
    if (filters.symbol) params.set('symbol', filters.symbol);
    if (filters.side) params.set('side', filters.side);
    try {
      const name = await downloadWithAuth({
        path: `/executions/history?${params.toString()}`,
        fallbackName: `fills-${filters.symbol ?? 'all'}-${stamp()}.csv`,
        accessToken: () => selectAccessToken(store.getState()),
        // /auth/me goes through the re-auth base query, which refreshes an expired token.
        refresh: async () => !(await dispatch(authApi.endpoints.me.initiate(undefined, { subscribe: false, forceRefetch: true }))).error,
      });
      setExportNote({ ok: true, text: `Saved ${name}` });
    } catch (err) {
      setExportNote({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="fills">
      <div className="filters">
        <label className="field field-row">
          <span>Symbol</span>
          <select
            value={symbol}
            onChange={(e) => {
              setSymbol(e.target.value);
              setOffset(0);
            }}
            data-testid="fills-symbol"
          >
            <option value="">All symbols</option>
            {(instruments ?? []).map((i) => (
              <option key={i.symbol} value={i.symbol}>
                {i.symbol}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-row">
          <span>Side</span>
          <select
            value={side}
            onChange={(e) => {
              setSide(e.target.value as OrderSideName | '');
              setOffset(0);
            }}
            data-testid="fills-side"
          >
            <option value="">Both</option>
            <option value="buy">Buy</option>
            <option value="sell">Sell</option>
          </select>
        </label>
        <span className="grow" />
        <button type="button" className="btn btn-small" onClick={() => void exportCsv()} disabled={exporting} data-testid="fills-export" title={`Up to ${formatNumber(CSV_LIMIT)} fills matching the filters`}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      {exportNote ? (
        <div className={exportNote.ok ? 'note-ok small' : 'state state-error'} role={exportNote.ok ? undefined : 'alert'} data-testid="fills-export-note">
          {exportNote.text}
        </div>
      ) : null}
      <QueryView query={fills} isEmpty={(p) => p.items.length === 0} emptyText="No fills" loadingText="Loading fills…">
        {(page) => (
          <>
            <div className="table-scroll">
              <table className="grid-table compact" data-testid="fills-table">
                <thead>
                  <tr>
                    <th>Time</th>
                    <th>Symbol</th>
                    <th>Side</th>
                    <th className="num">Qty</th>
                    <th className="num">Price</th>
                    <th className="num">Notional</th>
                    <th className="num">Fee</th>
                    <th>Liquidity</th>
                    <th>Order</th>
                    <th>Tag</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((f) => (
                    <tr key={f.id} data-testid={`fill-row-${f.id}`}>
                      <td className="mono nowrap">{formatDateTime(f.at)}</td>
                      <td className="mono">{f.symbol}</td>
                      <td className={`side side-${f.side}`}>{f.side}</td>
                      <td className="num">{formatDecimal(f.quantity)}</td>
                      <td className="num">{formatDecimal(f.price)}</td>
                      <td className="num">{formatNumber(Number(f.quantity) * Number(f.price), 2)}</td>
                      <td className="num">{formatDecimal(f.fee)}</td>
                      <td className="muted">{f.liquidity}</td>
                      <td className="mono muted" title={f.orderId}>
                        {shortId(f.orderId)}
                      </td>
                      <td className="muted">{f.tag ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager-row">
              <span className="muted small" data-testid="fills-range">
                {formatNumber(offset + 1)}–{formatNumber(offset + page.items.length)} of {formatNumber(page.total)}
              </span>
              <div className="pager">
                <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - FILLS_PAGE))} data-testid="fills-newer">
                  Newer
                </button>
                <button type="button" className="btn btn-small" disabled={offset + FILLS_PAGE >= page.total} onClick={() => setOffset(offset + FILLS_PAGE)} data-testid="fills-older">
                  Older
                </button>
              </div>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
