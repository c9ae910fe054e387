import type { ActivityTotal } from '../../shared/report.ts';
import type { SessionKind } from '../../shared/types.ts';
import { duration } from '../format.ts';
import './ActivityBreakdown.css';

const kinds: { kind: SessionKind; title: string; none: string }[] = [
  { kind: 'online', title: 'Online by activity', none: 'No online time in this period.' },
  { kind: 'offline', title: 'Offline by activity', none: 'No offline time in this period.' },
];

/** Where the time went: each activity's time and its share of its kind, online and offline side by side. */
export function ActivityBreakdown({ activities }: { activities: readonly ActivityTotal[] }) {
  return (
    <section className="card activity-breakdown" aria-labelledby="activity-breakdown-title">
      <h2 id="activity-breakdown-title" className="card-title">
        Time by activity
      </h2>
      <div className="activity-columns">
        {kinds.map(({ kind, title, none }) => {
          const rows = activities.filter((row) => row.kind === kind);
          const total = rows.reduce((sum, row) => sum + row.ms, 0);
          return (
            <section key={kind} aria-label={title}>
              <h3 className="activity-kind">
                {title} <span className="muted">· {duration(total)}</span>
              </h3>
              {rows.length === 0 ? (
                <p className="muted">{none}</p>
              ) : (
                <ul className="activity-rows">
                  {rows.map((row) => {
                    const share = Math.round((row.ms / total) * 100);
                    return (
                      <li key={row.activity}>
                        <span className="activity-name">{row.activity}</span>
                        <span className="activity-bar" aria-hidden="true">
                          <span className={kind} style={{ width: `${(row.ms / total) * 100}%` }} />
                        </span>
                        <span className="activity-time">{duration(row.ms)}</span>
                        <span className="activity-share muted">{share} %</span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
