import type { DayTotals } from '../../shared/types.ts';
import { call } from '../api.ts';
import { go } from '../route.ts';
import { combined } from '../balance/balanceFigures.ts';
import { ReminderBanner } from '../shell/ReminderBanner.tsx';
import { TimerCard } from '../time/TimerCard.tsx';
import { TimerQuestionBanner } from '../shell/TimerQuestionBanner.tsx';
import { duration, signed } from '../format.ts';
import { liveDay } from '../time/liveTotals.ts';
import { useBalances } from '../balance/balanceStore.ts';
import { useCatchUp } from '../catchUp/catchUpStore.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { useTime } from '../time/timeStore.ts';
import { useNow } from '../useNow.ts';
import './Mini.css';

/** Today in two lines: online against the budget, offline, and the budget meter. */
function MiniToday({ day, budgetMs }: { day: DayTotals; budgetMs: number }) {
  const over = day.onlineMs > budgetMs;
  const left = over ? `${duration(day.onlineMs - budgetMs)} over` : `${duration(budgetMs - day.onlineMs)} left`;
  const scale = Math.max(day.onlineMs, budgetMs, 1);
  return (
    <section className="card mini-today" aria-label="Today">
      <p>
        Online <strong>{duration(day.onlineMs)}</strong> of {duration(budgetMs)} ·{' '}
        <strong className={over ? 'warn' : undefined}>{left}</strong> · Offline{' '}
        <strong>{duration(day.offlineMs)}</strong>
      </p>
      <div
        className="bar mini-meter"
        role="img"
        aria-label={`Online budget today: ${duration(day.onlineMs)} of ${duration(budgetMs)}, ${left}`}
      >
        <span className="segment online" style={{ width: `${(Math.min(day.onlineMs, budgetMs) / scale) * 100}%` }} />
        {over && <span className="segment excess" style={{ width: `${((day.onlineMs - budgetMs) / scale) * 100}%` }} />}
      </div>
    </section>
  );
}

/** Shows the main window; in the browser preview, where there is none, this page becomes it. */
async function openTwoway() {
  const opened = await call('openMainWindow');
  if (!opened) go({ view: 'dashboard' });
}

/**
 * The tray popover (320 × 420): a question or reminder, the timer, today's split against the budget, what waits
 * (unread posts, people due), the follower balance, and the way to the full app — all without scrolling.
 */
export function Mini() {
  const summary = useTime((state) => state.summary);
  const balances = useBalances((state) => state.balances);
  const unread = useCatchUp((state) => state.summary?.unread ?? 0);
  const due = useNetwork((state) => state.counts?.due ?? 0);
  const now = useNow(summary?.running != null, 15_000);
  const total = combined(balances);
  return (
    <main className="mini" aria-label="Twoway quick view">
      <TimerQuestionBanner />
      <ReminderBanner />
      <TimerCard compact />
      {summary && <MiniToday day={liveDay(summary, summary.today, now)} budgetMs={summary.onlineBudgetMs} />}
      <div className="mini-foot">
        <p className="mini-counts">
          <strong>{unread.toLocaleString()}</strong> unread · <strong>{due.toLocaleString()}</strong> due
          {total && (
            <>
              {' '}
              · balance{' '}
              <strong
                className={total.difference < 0 ? 'warn' : 'good'}
                title={`${total.followers} followers, ${total.following} following`}
              >
                {signed(total.difference)}
              </strong>
            </>
          )}
        </p>
        <button type="button" className="button small primary" onClick={() => void openTwoway()}>
          Open Twoway
        </button>
      </div>
    </main>
  );
}
