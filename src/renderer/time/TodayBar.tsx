import type { DayTotals } from '../../shared/types.ts';
import { duration } from '../format.ts';
import './TodayBar.css';

/** '32 of 45 min · 13 min left', '1 h 02 of 45 min · 17 min over'. */
export function budgetUsed(onlineMs: number, budgetMs: number): string {
  const left = budgetMs - onlineMs;
  return `${duration(onlineMs)} of ${duration(budgetMs)} · ${left < 0 ? `${duration(-left)} over` : `${duration(left)} left`}`;
}

/**
 * Today's online time against the daily budget, to scale: the track is the budget, the fill what is used, and
 * past the budget the track grows and only the excess is hatched. Offline time is no part of the budget.
 */
export function TodayBar({ day, budgetMs }: { day: DayTotals; budgetMs: number }) {
  const scale = Math.max(day.onlineMs, budgetMs, 1);
  const pct = (ms: number) => `${(ms / scale) * 100}%`;
  const over = day.onlineMs > budgetMs;
  const used = budgetUsed(day.onlineMs, budgetMs);
  return (
    <div className="today-bar">
      <p className="today-budget">
        <span className="muted">Online budget</span> <strong className={over ? 'warn' : undefined}>{used}</strong>
      </p>
      <div className="bar budget-meter" role="img" aria-label={`Online budget today: ${used}`}>
        <span className="segment online" style={{ width: pct(Math.min(day.onlineMs, budgetMs)) }} />
        {over && <span className="segment excess" style={{ width: pct(day.onlineMs - budgetMs) }} />}
        {over && <span className="budget-line" style={{ left: pct(budgetMs) }} />}
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
          <dd className={over ? 'warn' : ''}>
            {over ? `${duration(day.onlineMs - budgetMs)} over` : `${duration(budgetMs - day.onlineMs)} left`}
          </dd>
        </div>
      </dl>
    </div>
  );
}
