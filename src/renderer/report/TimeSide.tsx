import type { TimeReport } from '../../shared/report.ts';
import { dayLabel, duration } from '../format.ts';
import { TimeBars, dayBars, type TimeBar } from './TimeBars.tsx';
import { against, changeText, comparedLabel, daysLabel, time, verdictClass } from './comparisonText.ts';
import './TimeSide.css';

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
      budgetMs: report.budgetMs * chunk.length,
    });
  }
  return bars;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const points = (n: number) => plural(n, 'point');

export function TimeSide({ report, today }: { report: TimeReport; today: string }) {
  const { totals, comparison } = report;
  const { current, previous, changes, running } = comparison;
  const perWeek = report.days.length > 31;
  const so = comparedLabel(comparison);
  const before = daysLabel(previous.from, previous.to, 'days');
  // A period still running is not yet short of its targets.
  const ended = report.to < today;
  return (
    <>
      <p className="comparison-note">
        {so}, compared with {against(comparison)} ({before}).
      </p>
      <div className="grid stats report-stats">
        <div className="card stat">
          <span className="stat-label">Online</span>
          <span className="stat-value">{duration(totals.onlineMs)}</span>
          <span className="muted">
            {so}: {time(current.onlineMs)} vs {time(previous.onlineMs)}
          </span>
          <span className={verdictClass(changes.online)}>
            {changeText(changes.online, comparison, time, undefined, ' — within budget')}
          </span>
        </div>
        <div className="card stat">
          <span className="stat-label">Offline</span>
          <span className={`stat-value${ended && totals.offlineMs < report.offlineTargetMs ? ' warn' : ''}`}>
            {duration(totals.offlineMs)}
          </span>
          <span className="muted">
            target {time(report.offlineTargetMs)} · {so}: {time(current.offlineMs)} vs {time(previous.offlineMs)}
          </span>
          <span className={verdictClass(changes.offline)}>{changeText(changes.offline, comparison, time)}</span>
        </div>
        <div className="card stat">
          <span className="stat-label">Online share</span>
          <span className={`stat-value${(totals.sharePct ?? 0) > report.shareTargetPct ? ' warn' : ''}`}>
            {totals.sharePct === null ? '—' : `${totals.sharePct} %`}
          </span>
          <span className="muted">
            target ≤ {report.shareTargetPct} %
            {previous.sharePct !== null && ` · ${previous.sharePct} % ${against(comparison)}`}
          </span>
          {changes.share && (
            <span className={verdictClass(changes.share)}>
              {changeText(changes.share, comparison, points, { more: 'higher', less: 'lower' })}
            </span>
          )}
        </div>
        <div className="card stat">
          <span className="stat-label">Days over budget</span>
          <span className={`stat-value${totals.daysOverBudget > 0 ? ' warn' : ''}`}>
            {totals.daysOverBudget}{' '}
            <span className="stat-of">
              of {plural(totals.daysCounted, 'day')}
              {running && ' so far'}
            </span>
          </span>
          <span className="muted">
            budget {time(report.budgetMs)} a day · {previous.daysOverBudget} of {previous.daysCounted}{' '}
            {against(comparison)}
          </span>
          <span className={verdictClass(changes.daysOverBudget)}>
            {changeText(changes.daysOverBudget, comparison, String, { more: 'more', less: 'fewer' })}
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
