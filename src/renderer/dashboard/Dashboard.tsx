import { BalanceCards } from '../balance/BalanceCards.tsx';
import { CatchUpCard } from '../catchUp/CatchUpCard.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import { NextSteps } from './NextSteps.tsx';
import { TimerCard } from '../time/TimerCard.tsx';
import { TodayBar } from '../time/TodayBar.tsx';
import { TimeBars, dayBars } from '../report/TimeBars.tsx';
import { WeekSoFar } from './WeekSoFar.tsx';
import { duration } from '../format.ts';
import { liveDay } from '../time/liveTotals.ts';
import { useBalances } from '../balance/balanceStore.ts';
import { useTime } from '../time/timeStore.ts';
import { useNow } from '../useNow.ts';
import './Dashboard.css';

export function Dashboard() {
  const summary = useTime((state) => state.summary);
  const balances = useBalances((state) => state.balances);
  const now = useNow(summary?.running != null, 15_000);

  if (!summary) return null;
  const today = liveDay(summary, summary.today, now);
  const week = summary.week.map((day) => liveDay(summary, day, now));
  const weekOnline = week.reduce((sum, d) => sum + d.onlineMs, 0);
  const weekOffline = week.reduce((sum, d) => sum + d.offlineMs, 0);

  return (
    <div className="dashboard">
      <GettingStarted />
      <NextSteps />
      <div className="grid two">
        <TimerCard />
        <section className="card" aria-labelledby="today-title">
          <h2 id="today-title" className="card-title">
            Today
          </h2>
          <TodayBar day={today} budgetMs={summary.onlineBudgetMs} />
        </section>
      </div>
      <CatchUpCard />
      <section className="card" aria-labelledby="week-title">
        <h2 id="week-title" className="card-title">
          This week{' '}
          <span className="muted">
            · online {duration(weekOnline)} · offline {duration(weekOffline)}
          </span>
        </h2>
        <WeekSoFar from={summary.week[0]!.day} to={summary.week.at(-1)!.day} at={summary.at} />
        <TimeBars
          bars={dayBars(week, summary.today.day)}
          budgetMs={summary.onlineBudgetMs}
          caption="Online and offline time per day"
        />
      </section>
      {balances.length > 0 ? (
        <section aria-labelledby="balance-title">
          <h2 id="balance-title" className="section-title">
            Follower balance
          </h2>
          <BalanceCards balances={balances} />
        </section>
      ) : null}
    </div>
  );
}
