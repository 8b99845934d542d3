import type { ReactNode } from 'react';

/** A labelled control in a row of list filters. */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field field-row">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A choice: a plain value is its own label. */
export type FilterOption<T extends string> = T | { value: T; label: string };

interface FilterSelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly FilterOption<T>[];
  onChange: (value: T) => void;
  testId?: string;
}

/** A list filter as a select. */
export function FilterSelect<T extends string>({ label, value, options, onChange, testId }: FilterSelectProps<T>) {
  return (
    <FilterField label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map((o) => {
          const { value: v, label: text } = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </FilterField>
  );
}
