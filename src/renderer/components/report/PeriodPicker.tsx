import { useState, type FormEvent } from 'react';
import { addDays, daysBetween, dayKey, fromDayKey, startOfWeek } from '../../../shared/calendar.ts';
import { rangeLabel } from '../../format.ts';

export interface Period {
  from: string;
  to: string;
}

/** The week holding `today`, from the week-start setting. */
export function thisWeek(weekStartsOn: number, today: string): Period {
  const start = startOfWeek(fromDayKey(today), weekStartsOn);
  return { from: dayKey(start), to: dayKey(addDays(start, 6)) };
}

/** The period as long as `period`, `steps` lengths later (earlier when negative). */
function shifted(period: Period, steps: number): Period {
  const from = fromDayKey(period.from);
  const days = daysBetween(from, fromDayKey(period.to)) + 1;
  return { from: dayKey(addDays(from, steps * days)), to: dayKey(addDays(from, steps * days + days - 1)) };
}

/** Week by week with the arrows, or any range of days. */
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
  const current = thisWeek(weekStartsOn, today);
  const next = shifted(period, 1);

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
          onClick={() => onChange(shifted(period, -1))}
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
          disabled={period.from === current.from && period.to === current.to}
          onClick={() => onChange(current)}
        >
          This week
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
