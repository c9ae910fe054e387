import { useId } from 'react';
import './SelectField.css';

/** A labelled select; the label is tied by id, so the field's name stays "Show", not "Show Due". */
export function SelectField<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value;
  options: Record<Value, string>;
  onChange(value: Value): void;
}) {
  const id = useId();
  return (
    <span className="field-stack">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Value)}>
        {(Object.entries(options) as [Value, string][]).map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
