import type { DayTotals } from '../../shared/types.ts';
import { duration } from '../format.ts';

/** Today's online and offline time on one bar, with the online budget marked. */
export function TodayBar({ day, budgetMs }: { day: DayTotals; budgetMs: number }) {
  const scale = Math.max(day.onlineMs + day.offlineMs, budgetMs, 1);
  const pct = (ms: number) => `${(ms / scale) * 100}%`;
  const over = day.onlineMs > budgetMs;
  const left = budgetMs - day.onlineMs;
  return (
    <div className="today-bar">
      <div
        className="bar"
        role="img"
        aria-label={`Online ${duration(day.onlineMs)}, offline ${duration(day.offlineMs)}, budget ${duration(budgetMs)}`}
      >
        <span className={`segment online${over ? ' over' : ''}`} style={{ width: pct(day.onlineMs) }} />
        <span className="segment offline" style={{ width: pct(day.offlineMs) }} />
        <span className="budget-line" style={{ left: pct(budgetMs) }} title="Daily online budget" />
      </div>
      <dl className="legend">
        <div>
          <dt>
            <span className="swatch online" />
            Online
          </dt>
          <dd data-testid="today-online">{duration(day.onlineMs)}</dd>
        </div>
        <div>
          <dt>
            <span className="swatch offline" />
            Offline
          </dt>
          <dd data-testid="today-offline">{duration(day.offlineMs)}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd className={over ? 'warn' : ''}>{over ? `${duration(-left)} over` : `${duration(left)} left`}</dd>
        </div>
      </dl>
    </div>
  );
}
