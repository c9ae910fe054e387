import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { showsGettingStarted } from '../../shared/gettingStarted.ts';
import type { GettingStarted as Steps, StartStepState } from '../../shared/types.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../shell/appStore.ts';
import { useBalances } from '../balance/balanceStore.ts';
import { useTime } from '../time/timeStore.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import './GettingStarted.css';
import { routeHash } from '../../shared/routes.ts';

type Step = keyof Omit<Steps, 'begun'>;

function StepItem({
  title,
  state,
  onSkip,
  children,
}: {
  title: string;
  state: StartStepState;
  onSkip(): void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <li className={`start-step ${state}`} aria-labelledby={id}>
      <h3 id={id} className="start-step-title">
        {title}
        {state !== 'open' && <span className="start-step-state"> · {state === 'done' ? 'done' : 'skipped'}</span>}
      </h3>
      {state === 'open' && (
        <div className="start-step-body">
          {children}
          <button type="button" className="button small" aria-label={`Skip: ${title.toLowerCase()}`} onClick={onSkip}>
            Skip
          </button>
        </div>
      )}
    </li>
  );
}

/** First run: add an account, set the daily budget, start a session; each can be skipped, and is remembered. */
export function GettingStarted() {
  const settings = useApp((state) => state.settings);
  const hasData = useApp((state) => state.status?.hasData ?? true);
  const update = useApp((state) => state.api.updateSettings);
  const accounts = useBalances((state) => state.balances.length);
  const running = useTime((state) => state.summary?.running != null);
  const [budget, setBudget] = useState<string | null>(null);
  const [error, setError] = useState('');
  const steps = settings?.gettingStarted;

  // Steps taken elsewhere (an account added on the Network page, a session started above) count as done.
  const taken: Partial<Record<Step, boolean>> = { account: accounts > 0, session: running };
  const catchUp = steps && (['account', 'session'] as const).filter((step) => taken[step] && steps[step] === 'open');
  const noted = useRef('');
  useEffect(() => {
    if (!steps || !catchUp || catchUp.length === 0 || !showsGettingStarted(steps, hasData)) return;
    const done = Object.fromEntries(catchUp.map((step) => [step, 'done']));
    const next = { ...steps, ...done, begun: true };
    // Once per change: the settings that say so are on their way.
    if (noted.current === JSON.stringify(next)) return;
    noted.current = JSON.stringify(next);
    void update({ gettingStarted: next }).catch(() => undefined);
  });

  if (!settings || !steps || !showsGettingStarted(steps, hasData)) return null;
  const mark = (step: Step, state: StartStepState) =>
    update({ gettingStarted: { ...steps, [step]: state, begun: true } });

  async function saveBudget() {
    const minutes = Number((budget ?? String(settings!.dailyOnlineBudgetMin)).trim());
    setError('');
    try {
      await update({ dailyOnlineBudgetMin: minutes, gettingStarted: { ...steps!, budget: 'done', begun: true } });
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? (failure.fields.dailyOnlineBudgetMin ?? failure.message)
          : 'Enter the budget in whole minutes, for example 45.',
      );
    }
  }

  return (
    <EmptyState title="Welcome to Twoway">
      <p>
        Twoway keeps two balances: the people who follow you against the people you follow, and your time online against
        the offline business development that brings clients. Three steps to start:
      </p>
      <ol className="start-steps">
        <StepItem title="Add an account" state={steps.account} onSkip={() => void mark('account', 'skipped')}>
          <p>Bluesky, Mastodon or X: Twoway reads who follows you and whom you follow.</p>
          <a
            className="button primary"
            href={routeHash({ view: 'network' })}
            onClick={() => void mark('account', 'open')}
          >
            Add an account
          </a>
        </StepItem>
        <StepItem title="Set your daily budget" state={steps.budget} onSkip={() => void mark('budget', 'skipped')}>
          <form
            className="start-budget"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void saveBudget();
            }}
          >
            <label>
              Minutes online a day, at most
              <input
                type="number"
                min={1}
                max={1440}
                value={budget ?? settings.dailyOnlineBudgetMin}
                onChange={(event) => setBudget(event.target.value)}
                aria-invalid={!!error}
                aria-describedby={error ? 'start-budget-error' : undefined}
              />
            </label>
            <button type="submit" className="button primary">
              Save budget
            </button>
            {error && (
              <span id="start-budget-error" className="field-error">
                {error}
              </span>
            )}
          </form>
        </StepItem>
        <StepItem title="Start a session" state={steps.session} onSkip={() => void mark('session', 'skipped')}>
          <p>
            Use the timer below: Start online when you go on the networks, Start offline when you leave for a meeting, a
            call or an event.
          </p>
        </StepItem>
      </ol>
    </EmptyState>
  );
}
