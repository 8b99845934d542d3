import { useEffect, useRef, useState, type FormEvent } from 'react';

interface ReasonDialogProps {
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A confirmation that requires a written reason: consequential actions are audited. */
export function ReasonDialog({ title, description, confirmLabel, danger, busy, error, onConfirm, onCancel }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-label={title} onSubmit={submit}>
        <h3>{title}</h3>
        <p>{description}</p>
        <label className="field">
          <span>Reason</span>
          <textarea ref={input} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reason-input" />
        </label>
        {error ? <div className="state state-error" role="alert">{error}</div> : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy || !reason.trim()} data-testid="reason-confirm">
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
