import { useRef, useState, type FormEvent } from 'react';
import type { ImportResult } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useStore } from 'react-redux';
import { useAppDispatch, useRoleAtLeast } from '../../app/hooks';
import type { RootState } from '../../app/store';
import { authApi } from '../../session/authApi';
import { selectAccessToken } from '../../session/sessionSlice';
import { Panel } from '../../ui/Panel';
import { formatBytes, formatDateTime, formatNumber } from '../../ui/format';
import { marketsApi } from './marketsApi';
import { UploadFailed, uploadCsv, type UploadReply } from './uploadCsv';

export type ImportFormat = 'yahoo' | 'generic';

/** Column names of a generic CSV, sent as query parameters (`<column>Column=<header>`). */
export const GENERIC_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
type GenericColumn = (typeof GENERIC_COLUMNS)[number];
const DEFAULT_MAPPING: Record<GenericColumn, string> = { date: 'date', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' };

export function importUrl(symbol: string, format: ImportFormat, mapping: Record<GenericColumn, string>): string {
  const params = new URLSearchParams({ symbol, format });
  if (format === 'generic') {
    for (const column of GENERIC_COLUMNS) if (mapping[column].trim()) params.set(`${column}Column`, mapping[column].trim());
  }
  return `/api/data/import?${params.toString()}`;
}

type Outcome = { kind: 'done'; result: ImportResult } | { kind: 'failed'; message: string; details: string[] };

function failureOf(reply: UploadReply): Outcome {
  const described = describeError({ status: reply.status, data: reply.body });
  return { kind: 'failed', message: described.message, details: Object.entries(described.fieldErrors).map(([f, m]) => `${f}: ${m}`) };
}

function ImportForm() {
  const dispatch = useAppDispatch();
  const store = useStore<RootState>();
  const currentToken = () => selectAccessToken(store.getState());
  const [file, setFile] = useState<File | null>(null);
  const [symbol, setSymbol] = useState('');
  const [format, setFormat] = useState<ImportFormat>('yahoo');
  const [mapping, setMapping] = useState(DEFAULT_MAPPING);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const symbolOk = /^[A-Za-z0-9._^=-]{1,32}$/.test(symbol.trim());

  const send = (accessToken: string | null, signal: AbortSignal) =>
    uploadCsv({ url: importUrl(symbol.trim(), format, mapping), file: file!, accessToken, onProgress: setProgress, signal });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || !symbolOk || busy) return;
    setBusy(true);
    setOutcome(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const token = currentToken();
      let reply = await send(token, abort.current.signal);
      if (reply.status === 401 && token) {
        // An expired token: /auth/me goes through the re-auth base query, which refreshes it.
        const me = await dispatch(authApi.endpoints.me.initiate(undefined, { subscribe: false, forceRefetch: true }));
        if (!me.error) {
          setProgress(0);
          reply = await send(currentToken(), abort.current.signal);
        }
      }
      if (reply.status >= 200 && reply.status < 300) {
        setOutcome({ kind: 'done', result: reply.body as ImportResult });
        dispatch(marketsApi.util.invalidateTags(['MarketInstruments']));
      } else {
        setOutcome(failureOf(reply));
      }
    } catch (err) {
      setOutcome({ kind: 'failed', message: err instanceof UploadFailed ? err.message : String(err), details: [] });
    } finally {
      setBusy(false);
      abort.current = null;
    }
  };
  return (
    <form className="import-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Import CSV">
      <div className="form-grid">
        <label className="field">
          <span>CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setOutcome(null);
              setProgress(null);
            }}
            data-testid="import-file"
          />
          {file ? <em className="hint">{`${file.name} · ${formatBytes(file.size)}`}</em> : null}
        </label>
        <label className={`field ${symbol && !symbolOk ? 'has-error' : ''}`}>
          <span>Symbol</span>
          <input type="text" value={symbol} placeholder="SPY" onChange={(e) => setSymbol(e.target.value.toUpperCase())} data-testid="import-symbol" />
          {symbol && !symbolOk ? <span className="field-error">letters, digits and . _ ^ = - only</span> : null}
        </label>
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)} data-testid="import-format">
            <option value="yahoo">Yahoo Finance (Date,Open,High,Low,Close,Adj Close,Volume)</option>
            <option value="generic">Generic (map the columns)</option>
          </select>
        </label>
      </div>
      {format === 'generic' ? (
        <fieldset className="column-map">
          <legend>Column headers</legend>
          {GENERIC_COLUMNS.map((c) => (
            <label key={c} className="field">
              <span>
                {c}
                {c === 'volume' ? <em className="hint"> optional</em> : null}
              </span>
              <input type="text" value={mapping[c]} onChange={(e) => setMapping((m) => ({ ...m, [c]: e.target.value }))} data-testid={`import-col-${c}`} />
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!file || !symbolOk || busy} data-testid="import-submit">
          {busy ? 'Uploading…' : 'Import'}
        </button>
        {busy ? (
          <button type="button" className="btn" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        ) : null}
        {progress !== null ? (
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            data-testid="import-progress"
          >
            <div className="progress-bar" style={{ width: `${Math.round(progress * 100)}%` }} />
            <span className="progress-label num">{busy && progress >= 1 ? 'Processing…' : `${Math.round(progress * 100)} %`}</span>
          </div>
        ) : null}
      </div>
      {outcome?.kind === 'done' ? (
        <div className="import-result" data-testid="import-result">
          Imported <strong className="num">{formatNumber(outcome.result.rows)}</strong> {outcome.result.timeframe} bars of{' '}
          <span className="mono">{outcome.result.symbol}</span>, {formatDateTime(outcome.result.from)} → {formatDateTime(outcome.result.to)}{' '}
          <span className="muted">in {formatNumber(outcome.result.durationMs)} ms</span>
        </div>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <div className="state state-error" role="alert" data-testid="import-error">
          {outcome.message}
          {outcome.details.length ? (
            <ul className="import-details">
              {outcome.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

export function ImportPanel() {
  const canImport = useRoleAtLeast('trader');
  return (
    <Panel title="Import history (CSV)">
      {canImport ? <ImportForm /> : <div className="state state-empty">Viewers can look at imported history but not import it.</div>}
    </Panel>
  );
}
