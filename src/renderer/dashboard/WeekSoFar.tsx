import { useEffect, useState } from 'react';
import type { Comparison } from '../../shared/report.ts';
import { call } from '../api.ts';
import { against, changeText, comparedLabel, time, verdictClass } from '../report/comparisonText.ts';
import './WeekSoFar.css';

/**
 * This week so far against the same days of last week, as the report compares them: 'Mon–Wed so far, against the
 * same days last week: online 1 h 56 vs 2 h 28, ▼ 32 min less — good'. Asked again whenever the time changes: the
 * comparison alone, not the whole report.
 */
export function WeekSoFar({ from, to, at }: { from: string; to: string; at: number }) {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let wanted = true;
    void (async () => {
      try {
        const answer = await call('getComparison', { from, to });
        if (wanted) setComparison(answer);
        if (wanted) setError('');
      } catch (failure) {
        if (wanted) setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
    // A slow answer for a week or a time already left behind is dropped.
    return () => {
      wanted = false;
    };
  }, [from, to, at]);

  if (error) return <p className="week-so-far muted">The comparison with last week is not available: {error}</p>;
  if (!comparison) return null;
  const { current, previous, changes } = comparison;
  return (
    <p className="week-so-far">
      <span className="muted">
        {comparedLabel(comparison)}, against {against(comparison)}:
      </span>{' '}
      <span>
        online {time(current.onlineMs)} vs {time(previous.onlineMs)},{' '}
        <span className={verdictClass(changes.online)}>
          {changeText(changes.online, null, time, undefined, ' — within budget')}
        </span>
      </span>
      <span aria-hidden="true"> · </span>
      <span>
        offline {time(current.offlineMs)} vs {time(previous.offlineMs)},{' '}
        <span className={verdictClass(changes.offline)}>{changeText(changes.offline, null, time)}</span>
      </span>
    </p>
  );
}
