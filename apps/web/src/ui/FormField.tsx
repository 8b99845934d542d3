import type { ReactNode } from 'react';
import type { InstrumentView } from '@meridian/contracts';

interface FormFieldProps {
  label: ReactNode;
  /** After the label, in its line. */
  hint?: string;
  /** The field's error, shown under the control. */
  error?: string;
  errorTestId?: string;
  children: ReactNode;
}

/** A labelled control of a form, flagged and followed by its error when it has one. */
export function FormField({ label, hint, error, errorTestId, children }: FormFieldProps) {
  return (
    <label className={`field ${error ? 'has-error' : ''}`}>
      <span>
        {label}
        {hint ? <em className="hint"> {hint}</em> : null}
      </span>
      {children}
      {error ? (
        <span className="field-error" data-testid={errorTestId}>
          {error}
        </span>
      ) : null}
    </label>
  );
}

interface TextInputProps {
  value: string;
  onChange: (value: string) => void;
  /** A decimal: numeric keyboard, right-aligned. */
  numeric?: boolean;
  placeholder?: string;
  invalid?: boolean;
  testId?: string;
}

/** A text input of a form. */
export function TextInput({ value, onChange, numeric, placeholder, invalid, testId }: TextInputProps) {
  return (
    <input
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      className={numeric ? 'num' : undefined}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid}
      data-testid={testId}
    />
  );
}

/** An instrument to pick, by symbol, shown as "symbol — name". */
export function InstrumentSelect({ instruments, value, onChange, testId }: { instruments: InstrumentView[]; value: string; onChange: (symbol: string) => void; testId?: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {instruments.map((i) => (
        <option key={i.symbol} value={i.symbol}>
          {i.symbol} — {i.displayName}
        </option>
      ))}
    </select>
  );
}
