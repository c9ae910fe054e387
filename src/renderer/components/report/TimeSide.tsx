import type { TimeReport } from '../../../shared/report.ts';
import { dayLabel, duration } from '../../format.ts';
import { TimeBars, dayBars, type TimeBar } from '../TimeBars.tsx';

/** '▼ 40 min vs 2 h 10 the week before': the change and where it started from. */
function versus(now: number, before: number, show: (n: number) => string, period: string): string {
  const diff = now - before;
  if (diff === 0) return `same as the ${period} before`;
  return `${diff > 0 ? '▲' : '▼'} ${show(Math.abs(diff))} vs ${show(before)} the ${period} before`;
}

/** Long ranges read better a week a column. */
function weekBars(report: TimeReport): TimeBar[] {
  const bars: TimeBar[] = [];
  for (let i = 0; i < report.days.length; i += 7) {
    const chunk = report.days.slice(i, i + 7);
    const first = chunk[0]!.day;
    const last = chunk.at(-1)!.day;
    bars.push({
      key: first,
      label: dayLabel(first).replace(/^\S+\s/, ''),
      name: `${dayLabel(first, 'long')} – ${dayLabel(last, 'long')}`,
      onlineMs: chunk.reduce((sum, d) => sum + d.onlineMs, 0),
      offlineMs: chunk.reduce((sum, d) => sum + d.offlineMs, 0),
    });
  }
  return bars;
}

export function TimeSide({ report, today }: { report: TimeReport; today: string }) {
  const { totals, previous } = report;
  const perWeek = report.days.length > 31;
  const period = report.days.length === 7 ? 'week' : 'period';
  // A period still running is not yet short of its targets.
  const ended = report.to < today;
  return (
    <>
      <div className="grid stats">
        <div className="card stat">
          <span className="stat-label">Online</span>
          <span className="stat-value">{duration(totals.onlineMs)}</span>
          <span className="muted">{versus(totals.onlineMs, previous.onlineMs, duration, period)}</span>
        </div>
        <div className="card stat">
          <span className="stat-label">Offline</span>
          <span className={`stat-value${ended && totals.offlineMs < report.offlineTargetMs ? ' warn' : ''}`}>
            {duration(totals.offlineMs)}
          </span>
          <span className="muted">
            target {duration(report.offlineTargetMs)} · {versus(totals.offlineMs, previous.offlineMs, duration, period)}
          </span>
        </div>
        <div className="card stat">
          <span className="stat-label">Online share</span>
          <span className={`stat-value${(totals.sharePct ?? 0) > report.shareTargetPct ? ' warn' : ''}`}>
            {totals.sharePct === null ? '—' : `${totals.sharePct} %`}
          </span>
          <span className="muted">
            target ≤ {report.shareTargetPct} %
            {previous.sharePct !== null && ` · ${previous.sharePct} % the ${period} before`}
          </span>
        </div>
        <div className="card stat">
          <span className="stat-label">Days over budget</span>
          <span className={`stat-value${totals.daysOverBudget > 0 ? ' warn' : ''}`}>
            {totals.daysOverBudget} <span className="stat-of">of {report.days.length}</span>
          </span>
          <span className="muted">
            budget {duration(report.budgetMs)} a day ·{' '}
            {versus(totals.daysOverBudget, previous.daysOverBudget, String, period)}
          </span>
        </div>
      </div>
      <section className="card" aria-labelledby="report-days">
        <h2 id="report-days" className="card-title">
          {perWeek ? 'Week by week' : 'Day by day'}
        </h2>
        <TimeBars
          bars={perWeek ? weekBars(report) : dayBars(report.days, today, report.days.length > 7 ? 'date' : 'weekday')}
          budgetMs={perWeek ? report.budgetMs * 7 : report.budgetMs}
          caption={`Online and offline time per ${perWeek ? 'week' : 'day'}`}
          rowHeader={perWeek ? 'Week' : 'Day'}
          showTable
        />
      </section>
    </>
  );
}
