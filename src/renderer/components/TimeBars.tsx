import { useId, useState } from 'react';
import type { DayTotals } from '../../shared/types.ts';
import { dayLabel, duration, weekdayLabel } from '../format.ts';

export interface TimeBar {
  key: string;
  /** Under the column: 'Mon', '23 Nov'. */
  label: string;
  /** In the table and to screen readers: 'Monday 23 Nov'. */
  name: string;
  onlineMs: number;
  offlineMs: number;
  current?: boolean;
}

/** A column per day, labelled by weekday (a week) or day of the month (longer). */
export function dayBars(days: DayTotals[], today: string, label: 'weekday' | 'date' = 'weekday'): TimeBar[] {
  return days.map((d) => ({
    key: d.day,
    label: label === 'weekday' ? weekdayLabel(d.day) : String(Number(d.day.slice(8))),
    name: dayLabel(d.day, 'long'),
    onlineMs: d.onlineMs,
    offlineMs: d.offlineMs,
    current: d.day === today,
  }));
}

/**
 * One stacked column per day or week (online at the foot, so the budget line reads against it) with the online
 * budget as a line. The same figures as a table: hidden for screen readers, or shown on request and in print.
 */
export function TimeBars({
  bars,
  budgetMs,
  caption,
  rowHeader = 'Day',
  showTable = false,
}: {
  bars: TimeBar[];
  budgetMs: number;
  caption: string;
  rowHeader?: 'Day' | 'Week';
  /** Offers a button that shows the table on screen. */
  showTable?: boolean;
}) {
  const id = useId();
  const [tableShown, setTableShown] = useState(false);
  const top = Math.max(budgetMs, ...bars.map((b) => b.onlineMs + b.offlineMs), 1);
  const pct = (ms: number) => `${(ms / top) * 100}%`;
  const dense = bars.length > 14;
  return (
    <figure className={`time-bars${dense ? ' dense' : ''}`}>
      <div className="chart-head">
        <span className="legend-inline" aria-hidden="true">
          <span>
            <span className="swatch online" />
            online
          </span>
          <span>
            <span className="swatch offline" />
            offline
          </span>
          <span>
            <span className="swatch budget" />
            online budget
          </span>
        </span>
        {showTable && (
          <button
            type="button"
            className="button small"
            aria-pressed={tableShown}
            aria-controls={id}
            onClick={() => setTableShown(!tableShown)}
          >
            {tableShown ? 'Show as chart' : 'Show as table'}
          </button>
        )}
      </div>
      <div className={tableShown ? 'chart-hidden' : undefined} aria-hidden="true">
        <div className="columns">
          <span className="budget-line horizontal" style={{ bottom: pct(budgetMs) }} />
          {bars.map((b) => (
            <div
              key={b.key}
              className="stack"
              title={`${b.name}: ${duration(b.onlineMs)} online, ${duration(b.offlineMs)} offline`}
            >
              <span
                className={`segment online${b.onlineMs > budgetMs ? ' over' : ''}`}
                style={{ height: pct(b.onlineMs) }}
              />
              <span className="segment offline" style={{ height: pct(b.offlineMs) }} />
            </div>
          ))}
        </div>
        <div className="column-labels">
          {bars.map((b) => (
            <span key={b.key} className={b.current ? 'is-today' : undefined}>
              {b.label}
            </span>
          ))}
        </div>
      </div>
      <table id={id} className={tableShown ? 'figures' : 'figures visually-hidden'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            <th scope="col">Online</th>
            <th scope="col">Offline</th>
            <th scope="col">Over budget</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.name}</th>
              <td>{duration(b.onlineMs)}</td>
              <td>{duration(b.offlineMs)}</td>
              <td>{b.onlineMs > budgetMs ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
