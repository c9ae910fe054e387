import { useId } from 'react';

interface Props {
  label: string;
  /** Shown after the field: minutes, %, days. */
  unit: string;
  /** NaN while the field is empty. */
  value: number;
  onChange(value: number): void;
  /** When what was typed should be taken: on leaving the field, or on Enter. */
  onCommit?(): void;
  error?: string | undefined;
}

/** A labelled number with its unit after it and its error below, read out with the field. */
export function NumberField({ label, unit, value, onChange, onCommit, error }: Props) {
  const id = useId();
  return (
    <label>
      {label}
      <span className="with-unit">
        <input
          type="number"
          value={Number.isNaN(value) ? '' : value}
          onChange={(event) => onChange(event.target.valueAsNumber)}
          onBlur={onCommit}
          onKeyDown={(event) => event.key === 'Enter' && onCommit?.()}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span className="unit">{unit}</span>
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}
