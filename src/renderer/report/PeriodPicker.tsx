import { useState, type FormEvent } from 'react';
import { preset, presetNames, presetOf, shifted, type Period } from '../../shared/reportPeriods.ts';
import { rangeLabel } from '../format.ts';
import './PeriodPicker.css';

export type { Period };

/** A preset (this or last week or month, the last 30 days), a step back or on with the arrows, or any days. */
export function PeriodPicker({
  period,
  weekStartsOn,
  today,
  onChange,
}: {
  period: Period;
  weekStartsOn: number;
  today: string;
  onChange(period: Period): void;
}) {
  const [custom, setCustom] = useState(false);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState('');
  const chosen = presetOf(period, today, weekStartsOn);
  const next = shifted(period, 1, weekStartsOn);

  function show(event: FormEvent) {
    event.preventDefault();
    if (!from || !to) return setError('Choose a first and a last day.');
    if (from > to) return setError('The last day must be on or after the first.');
    setError('');
    onChange({ from, to });
  }

  return (
    <div className="period-picker">
      <div className="toolbar">
        <button
          type="button"
          className="button"
          aria-label="Previous period"
          onClick={() => onChange(shifted(period, -1, weekStartsOn))}
        >
          ←
        </button>
        <h2 className="toolbar-title" aria-live="polite">
          {rangeLabel(period.from, period.to)}
        </h2>
        <button
          type="button"
          className="button"
          aria-label="Next period"
          disabled={next.from > today}
          onClick={() => onChange(next)}
        >
          →
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={custom}
          onClick={() => {
            setFrom(period.from);
            setTo(period.to);
            setCustom(!custom);
          }}
        >
          Custom range
        </button>
      </div>
      <div className="period-presets" role="group" aria-label="Periods">
        {presetNames.map((name) => (
          <button
            key={name}
            type="button"
            className="button small"
            aria-pressed={chosen === name}
            onClick={() => onChange(preset(name, today, weekStartsOn))}
          >
            {name}
          </button>
        ))}
      </div>
      {custom && (
        <form className="custom-range" onSubmit={show} noValidate>
          <label>
            First day
            <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            Last day
            <input type="date" value={to} onChange={(event) => setTo(event.target.value)} aria-invalid={!!error} />
          </label>
          <button type="submit" className="button primary">
            Show range
          </button>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
