import { useCallback, useEffect, useState } from 'react';
import type { PriceAlertFired } from '@meridian/contracts';
import { formatTime } from '../../ui/format';
import { useGetFiredPriceAlertsQuery } from './marketsApi';

export const TOAST_MS = 8000;

const keyOf = (f: PriceAlertFired) => `${f.alertId}@${f.epochMs}`;

interface ToastProps {
  id: string;
  fired: PriceAlertFired;
  durationMs: number;
  onDismiss: (id: string) => void;
}

function Toast({ id, fired, durationMs, onDismiss }: ToastProps) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(id), durationMs);
    return () => clearTimeout(timer);
  }, [id, durationMs, onDismiss]);
  return (
    <div className="toast" role="status" data-testid="alert-toast">
      <div className="toast-head">
        <strong className="mono">{fired.symbol}</strong>
        <span className="mono muted">{formatTime(new Date(fired.epochMs).toISOString())}</span>
        <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => onDismiss(id)}>
          ×
        </button>
      </div>
      <div className="toast-body">{fired.message}</div>
      <div className="num muted">@ {fired.price}</div>
    </div>
  );
}

/** Top-right toasts for the user's alerts firing (alert frames of the market stream); each leaves by itself. */
export function AlertToasts({ durationMs = TOAST_MS }: { durationMs?: number }) {
  const { data } = useGetFiredPriceAlertsQuery();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const dismiss = useCallback((key: string) => setDismissed((d) => new Set(d).add(key)), []);
  const visible = (data ?? []).filter((f) => !dismissed.has(keyOf(f))).slice(0, 5);
  if (visible.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {visible.map((f) => (
        <Toast key={keyOf(f)} id={keyOf(f)} fired={f} durationMs={durationMs} onDismiss={dismiss} />
      ))}
    </div>
  );
}
