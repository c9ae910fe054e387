import type { DayTotals } from '../../shared/types.ts';
import { dayLabel, duration, weekdayLabel } from '../format.ts';

/** One stacked column per day (online at the foot, so the budget line reads against it) with the daily online budget as a line; a table follows. */
export function WeekBars({ days, budgetMs, today }: { days: DayTotals[]; budgetMs: number; today: string }) {
  const top = Math.max(budgetMs, ...days.map((d) => d.onlineMs + d.offlineMs), 1);
  const pct = (ms: number) => `${(ms / top) * 100}%`;
  return (
    <figure className="week-bars">
      <div className="columns" aria-hidden="true">
        <span className="budget-line horizontal" style={{ bottom: pct(budgetMs) }} />
        {days.map((d) => (
          <div key={d.day} className="stack">
            <span
              className={`segment online${d.onlineMs > budgetMs ? ' over' : ''}`}
              style={{ height: pct(d.onlineMs) }}
            />
            <span className="segment offline" style={{ height: pct(d.offlineMs) }} />
          </div>
        ))}
      </div>
      <div className="column-labels" aria-hidden="true">
        {days.map((d) => (
          <span key={d.day} className={d.day === today ? 'is-today' : undefined}>
            {weekdayLabel(d.day)}
          </span>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>Online and offline time per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Online</th>
            <th scope="col">Offline</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{dayLabel(d.day, 'long')}</th>
              <td>{duration(d.onlineMs)}</td>
              <td>{duration(d.offlineMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
