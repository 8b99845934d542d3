import { useState } from 'react';
import { useStore } from 'react-redux';
import type { InstrumentView, OrderSideName } from '@meridian/contracts';
import { useAppDispatch } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { authApi } from '../../session/authApi';
import { selectAccessToken } from '../../session/sessionSlice';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedQueryView } from '../../ui/Pager';
import { usePagedFilters } from '../../ui/usePagedFilters';
import { formatDateTime, formatDecimal, formatNumber } from '../../ui/format';
import { downloadWithAuth } from './downloadCsv';
import { useGetFillsQuery } from './executionApi';
import { shortId } from './orderFormat';

export const FILLS_PAGE = 50;
/** The most fills one CSV export carries (the API's limit). */
export const CSV_LIMIT = 10_000;

const SIDE_OPTIONS: { value: OrderSideName | ''; label: string }[] = [
  { value: '', label: 'Both' },
  { value: 'buy', label: 'Buy' },
  { value: 'sell', label: 'Sell' },
];

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** The caller's fills, newest first, with filters, pages, and the same selection as a CSV file. */
export function FillsHistory({ instruments }: { instruments?: InstrumentView[] }) {
  const { filters: chosen, setFilter, paging, page } = usePagedFilters({ symbol: '', side: '' as OrderSideName | '' }, FILLS_PAGE);
  const filters = { symbol: chosen.symbol || undefined, side: chosen.side || undefined };
  const fills = useGetFillsQuery({ ...filters, ...page });
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
        <FilterSelect
          label="Symbol"
          value={chosen.symbol}
          options={[{ value: '', label: 'All symbols' }, ...(instruments ?? []).map((i) => i.symbol)]}
          onChange={(v) => setFilter('symbol', v)}
          testId="fills-symbol"
        />
        <FilterSelect label="Side" value={chosen.side} options={SIDE_OPTIONS} onChange={(v) => setFilter('side', v)} testId="fills-side" />
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
      <PagedQueryView query={fills} paging={paging} emptyText="No fills" loadingText="Loading fills…" testIds={{ range: 'fills-range', prev: 'fills-newer', next: 'fills-older' }}>
        {(items) => (
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
                {items.map((f) => (
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
        )}
      </PagedQueryView>
    </div>
  );
}
