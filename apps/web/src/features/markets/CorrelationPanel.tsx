import { skipToken } from '@reduxjs/toolkit/query/react';
import { useState } from 'react';
import { MARKET_TIMEFRAMES, type InstrumentView, type MarketTimeframe } from '@meridian/contracts';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { formatDateTime, formatNumber } from '../../ui/format';
import { CorrelationHeatmap } from './CorrelationHeatmap';
import { useGetMarketCorrelationsQuery, useGetMarketInstrumentsQuery, type CorrelationArgs } from './marketsApi';
import { RollingChart } from './RollingChart';

/** How many live symbols are picked to begin with when there is no imported history. */
const DEFAULT_LIVE = 4;

/**
 * Symbols likely to share dates: two or more imported histories on their own (they rarely overlap
 * the live feed's recent days), otherwise the first live symbols plus any imported one.
 */
export function defaultCorrelationSymbols(instruments: InstrumentView[]): string[] {
  const imported = instruments.filter((i) => !i.live);
  const picked = imported.length >= 2 ? imported : [...instruments.filter((i) => i.live).slice(0, DEFAULT_LIVE), ...imported];
  return picked.map((i) => i.symbol);
}

interface Draft {
  symbols: string[];
  timeframe: MarketTimeframe;
  from: string;
  to: string;
  window: string;
}

/** The request for the draft, or null when it cannot be asked yet. */
export function correlationArgs(draft: Draft): CorrelationArgs | null {
  if (draft.symbols.length < 2) return null;
  const window = Number(draft.window);
  return {
    symbols: draft.symbols,
    timeframe: draft.timeframe,
    from: draft.from ? `${draft.from}T00:00:00.000Z` : undefined,
    to: draft.to ? `${draft.to}T23:59:59.999Z` : undefined,
    window: draft.symbols.length === 2 && draft.window.trim() && Number.isInteger(window) && window >= 2 ? window : undefined,
  };
}

function CorrelationWorkbench({ instruments }: { instruments: InstrumentView[] }) {
  const [draft, setDraft] = useState<Draft>(() => ({
    symbols: defaultCorrelationSymbols(instruments),
    timeframe: '1d',
    from: '',
    to: '',
    window: '20',
  }));
  const args = correlationArgs(draft);
  const result = useGetMarketCorrelationsQuery(args ?? skipToken);
  const toggle = (symbol: string) =>
    setDraft((d) => ({
      ...d,
      // keep the instruments' order, whatever the order of clicks
      symbols: instruments.map((i) => i.symbol).filter((s) => (s === symbol ? !d.symbols.includes(s) : d.symbols.includes(s))),
    }));

  return (
    <div className="correlation">
      <div className="filters correlation-controls">
        <fieldset className="symbol-picker" aria-label="Symbols">
          {instruments.map((i) => (
            <label key={i.symbol} className={`chip ${draft.symbols.includes(i.symbol) ? 'chip-on' : ''}`} title={i.displayName}>
              <input type="checkbox" checked={draft.symbols.includes(i.symbol)} onChange={() => toggle(i.symbol)} data-testid={`corr-pick-${i.symbol}`} />
              <span className="mono">{i.symbol}</span>
              {!i.live ? <em>imported</em> : null}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Timeframe</span>
          <select value={draft.timeframe} onChange={(e) => setDraft((d) => ({ ...d, timeframe: e.target.value as MarketTimeframe }))} data-testid="corr-timeframe">
            {MARKET_TIMEFRAMES.map((tf) => (
              <option key={tf}>{tf}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>From</span>
          <input type="date" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        </label>
        <label className="field" title="Rolling window, in bars: with exactly two symbols">
          <span>Window</span>
          <input
            type="text"
            inputMode="numeric"
            className="num window-input"
            value={draft.window}
            disabled={draft.symbols.length !== 2}
            onChange={(e) => setDraft((d) => ({ ...d, window: e.target.value }))}
            data-testid="corr-window"
          />
        </label>
      </div>
      {!args ? (
        <div className="state state-empty">Pick at least two symbols</div>
      ) : (
        <QueryView query={result} loadingText="Computing correlations…" isEmpty={(r) => r.symbols.length === 0} emptyText="No common history">
          {(r) => (
            <div className="correlation-result">
              <div className="muted small" data-testid="corr-observations">
                {formatNumber(r.observations)} observations of {r.timeframe} returns
                {r.from || r.to ? ` · ${formatDateTime(r.from)} → ${formatDateTime(r.to)}` : ''}
                {r.observations < 3 ? ' · too few to mean much' : ''}
              </div>
              <CorrelationHeatmap result={r} />
              {r.rolling ? (
                <div className="rolling">
                  <div className="muted small">
                    Rolling correlation {r.symbols.join(' × ')}, window {r.rolling.window}
                  </div>
                  {r.rolling.points.some((p) => p.value != null) ? (
                    <RollingChart rolling={r.rolling} timeframe={r.timeframe} />
                  ) : (
                    <div className="state state-empty">Not enough observations for the window</div>
                  )}
                </div>
              ) : null}
            </div>
          )}
        </QueryView>
      )}
    </div>
  );
}

export function CorrelationPanel() {
  const instruments = useGetMarketInstrumentsQuery();
  return (
    <Panel title="Correlation">
      <QueryView query={instruments} isEmpty={(list) => list.length < 2} emptyText="Correlations need at least two instruments">
        {(list) => <CorrelationWorkbench instruments={list} />}
      </QueryView>
    </Panel>
  );
}
