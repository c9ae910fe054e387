import { EmptyState } from '../components/EmptyState.tsx';
import { WeekBars } from '../components/WeekBars.tsx';
import { duration } from '../format.ts';
import { useApp } from '../stores/appStore.ts';
import { useTime } from '../stores/timeStore.ts';

/** This week in figures: online against offline, the share against its target, days over budget. */
export function Report() {
  const summary = useTime((state) => state.summary);
  const settings = useApp((state) => state.settings);
  if (!summary || !settings) return null;
  const online = summary.week.reduce((sum, d) => sum + d.onlineMs, 0);
  const offline = summary.week.reduce((sum, d) => sum + d.offlineMs, 0);
  if (online + offline === 0) {
    return (
      <EmptyState title="Nothing to report this week yet">
        <p>The report compares your online networking time with your offline business development, day by day.</p>
      </EmptyState>
    );
  }
  const share = Math.round((online / (online + offline)) * 100);
  const overBudget = summary.week.filter((d) => d.onlineMs > summary.onlineBudgetMs).length;
  const offlineTarget = settings.weeklyOfflineTargetMin * 60_000;
  return (
    <div className="report">
      <div className="grid stats">
        <div className="card stat">
          <span className="stat-label">Online</span>
          <span className="stat-value">{duration(online)}</span>
        </div>
        <div className="card stat">
          <span className="stat-label">Offline</span>
          <span className="stat-value">{duration(offline)}</span>
          <span className="muted">target {duration(offlineTarget)}</span>
        </div>
        <div className="card stat">
          <span className="stat-label">Online share</span>
          <span className={`stat-value${share > settings.onlineShareTargetPct ? ' warn' : ''}`}>{share} %</span>
          <span className="muted">target ≤ {settings.onlineShareTargetPct} %</span>
        </div>
        <div className="card stat">
          <span className="stat-label">Days over budget</span>
          <span className={`stat-value${overBudget > 0 ? ' warn' : ''}`}>{overBudget}</span>
          <span className="muted">budget {duration(summary.onlineBudgetMs)} a day</span>
        </div>
      </div>
      <section className="card" aria-labelledby="report-week">
        <h2 id="report-week" className="card-title">
          Day by day
        </h2>
        <WeekBars days={summary.week} budgetMs={summary.onlineBudgetMs} today={summary.today.day} />
      </section>
    </div>
  );
}
