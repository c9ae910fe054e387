import { combined } from '../balanceFigures.ts';
import { ReminderBanner } from '../components/ReminderBanner.tsx';
import { TimerCard } from '../components/TimerCard.tsx';
import { TimerQuestionBanner } from '../components/TimerQuestionBanner.tsx';
import { TodayBar } from '../components/TodayBar.tsx';
import { signed } from '../format.ts';
import { liveDay } from '../liveTotals.ts';
import { useBalances } from '../stores/balanceStore.ts';
import { useTime } from '../stores/timeStore.ts';
import { useNow } from '../useNow.ts';

/** The tray popover: the timer, today's split against the budget, and the follower balance at a glance. */
export function Mini() {
  const summary = useTime((state) => state.summary);
  const balances = useBalances((state) => state.balances);
  const now = useNow(summary?.running != null, 15_000);
  const total = combined(balances);
  return (
    <main className="mini" aria-label="Twoway quick view">
      <TimerQuestionBanner />
      <ReminderBanner />
      <TimerCard />
      {summary && (
        <section className="card" aria-label="Today">
          <TodayBar day={liveDay(summary, summary.today, now)} budgetMs={summary.onlineBudgetMs} />
        </section>
      )}
      {total && (
        <p className="mini-balance">
          <strong>{total.followers}</strong> followers vs <strong>{total.following}</strong> following{' '}
          <span className={total.difference < 0 ? 'warn' : 'good'}>({signed(total.difference)})</span>
        </p>
      )}
    </main>
  );
}
