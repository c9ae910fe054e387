import { useEffect, useState } from 'react';
import { showsGettingStarted } from '../../shared/gettingStarted.ts';
import { nextSteps, type NextStep } from '../../shared/nextSteps.ts';
import { call } from '../api.ts';
import { liveDay } from '../time/liveTotals.ts';
import { useApp } from '../shell/appStore.ts';
import { useBalances } from '../balance/balanceStore.ts';
import { useCatchUp } from '../catchUp/catchUpStore.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { useTime } from '../time/timeStore.ts';
import { useNow } from '../useNow.ts';
import './NextSteps.css';
import { routeHash } from '../../shared/routes.ts';
import { uiLocale } from '../format.ts';

/** Who is due for an unfollow across all accounts, asked again whenever the lists or the accounts change. */
function useDue(): number | null {
  const version = useNetwork((state) => state.version);
  const balances = useBalances((state) => state.balances);
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    call('listNotFollowingBack', { accountId: null, filter: 'all', limit: 1 }).then(
      (answer) => current && setDue(answer.due),
      () => current && setDue(null),
    );
    return () => {
      current = false;
    };
  }, [version, balances]);
  return due;
}

function StepAction({ step }: { step: NextStep }) {
  const startOffline = useTime((state) => state.api.start);
  const network = useNetwork((state) => state.api);
  const [error, setError] = useState('');
  switch (step.action) {
    case 'start-offline':
      return (
        <>
          <button
            type="button"
            className="button offline"
            onClick={() =>
              void startOffline('offline').catch((failure: unknown) =>
                setError(failure instanceof Error ? failure.message : String(failure)),
              )
            }
          >
            {step.label}
          </button>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </>
      );
    case 'review-due':
      return (
        <a
          className="button"
          href={routeHash({ view: 'network' })}
          onClick={() => {
            // The due list is the first tab's default, over all accounts.
            network.show(null);
            network.showTab('not-following-back');
          }}
        >
          {step.label}
        </a>
      );
    case 'add-account':
      return (
        <a className="button" href={routeHash({ view: 'network' })}>
          {step.label}
        </a>
      );
    case 'catch-up':
      return (
        <a className="button" href={routeHash({ view: 'catch-up' })}>
          {step.label}
        </a>
      );
  }
}

/** The top of the Dashboard: what to do next, each with the button that does it; absent when nothing waits. */
export function NextSteps() {
  const summary = useTime((state) => state.summary);
  const catchUp = useCatchUp((state) => state.summary);
  const accounts = useBalances((state) => state.balances.length);
  const gettingStarted = useApp((state) => state.settings?.gettingStarted);
  const hasData = useApp((state) => state.status?.hasData ?? true);
  const due = useDue();
  const now = useNow(summary?.running != null, 15_000);
  // Until the due count has come, the account count may not have either: say nothing rather than something wrong.
  if (!summary || due === null) return null;
  // The first steps say it already.
  if (!gettingStarted || showsGettingStarted(gettingStarted, hasData)) return null;
  const steps = nextSteps(
    {
      accounts,
      due,
      unread: catchUp?.unread ?? 0,
      waiting: catchUp?.waiting ?? 0,
      todayOnlineMs: liveDay(summary, summary.today, now).onlineMs,
      budgetMs: summary.onlineBudgetMs,
      running: summary.running?.kind ?? null,
    },
    uiLocale(),
  );
  if (steps.length === 0) return null;
  return (
    <section className="card next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title" className="card-title">
        Next steps
      </h2>
      <ul className="next-steps-list">
        {steps.map((step) => (
          <li key={step.action} className={`next-step step-${step.action}`}>
            <span className="next-step-text">{step.text}</span>
            <StepAction step={step} />
          </li>
        ))}
      </ul>
    </section>
  );
}
