import { useState } from 'react';
import type { CatchUpAccount, CatchUpProgress, CatchUpSummary } from '../../shared/catchUp.ts';
import { networkNames } from '../../shared/networkFacts.ts';
import { clockTime } from '../format.ts';
import { useCatchUp } from './catchUpStore.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { moment } from './catchUpWords.ts';
import { HandleText } from '../ui/HandleText.tsx';
import './CatchUpStatus.css';

function progressText(progress: CatchUpProgress, account: CatchUpAccount | undefined): string {
  const name = account ? networkNames[account.network] : 'the network';
  if (progress.waitingUntil !== undefined)
    return `Waiting for ${name}’s rate limit until ${clockTime(progress.waitingUntil)}`;
  const what = {
    mentions: 'your mentions',
    'own-posts': 'your own posts',
    timeline: 'your home timeline',
    followers: 'followers’ own posts',
  }[progress.phase];
  return `Reading ${what} on ${name}… ${progress.done} of at most ${progress.total} requests`;
}

function AccountLine({ account, now }: { account: CatchUpAccount; now: number }) {
  let state;
  if (account.problem) state = <span className="warn">{account.problem}</span>;
  else if (account.lastCatchUpAt !== null) {
    state = (
      <span className="muted">
        Read {moment(account.lastCatchUpAt, now)}
        {account.requests !== null && ` in ${account.requests} request${account.requests === 1 ? '' : 's'}`}
        {account.readOthers &&
          account.readOthers.read < account.readOthers.of &&
          ` · own posts of ${account.readOthers.read} of ${account.readOthers.of} followers you do not follow; the others come in turn`}
      </span>
    );
  }
  return (
    <li className="catch-up-account">
      <span className="account-name">
        <NetworkBadge network={account.network} />{' '}
        <strong>
          <HandleText handle={account.handle} />
        </strong>
      </span>
      <span className="catch-up-account-state">
        {state}
        {account.note && <span className="muted">{account.note}</span>}
      </span>
    </li>
  );
}

/** Since when the briefing reaches, each account's last reading or why it could not read, and catching up now. */
export function CatchUpStatus({ summary, now }: { summary: CatchUpSummary; now: number }) {
  const api = useCatchUp((state) => state.api);
  const [error, setError] = useState('');
  const starts = summary.accounts.flatMap((a) => (a.since === null ? [] : [a.since]));
  const since = starts.length > 0 ? Math.min(...starts) : null;
  const readable = summary.accounts.some((a) => a.reach === 'full' || a.reach === 'partial');
  const attempt = (action: Promise<void>) => {
    setError('');
    void action.catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };

  return (
    <section className="card catch-up-status" aria-labelledby="catch-up-since">
      <div className="catch-up-status-head">
        <h2 id="catch-up-since" className="card-title">
          Since you were last here{' '}
          <span className="muted">· {since === null ? 'nothing read yet' : moment(since, now)}</span>
        </h2>
        {summary.loading.length === 0 ? (
          <button type="button" className="button primary" disabled={!readable} onClick={() => attempt(api.refresh())}>
            Catch up now
          </button>
        ) : (
          <button type="button" className="button" onClick={() => attempt(api.cancel())}>
            Cancel
          </button>
        )}
      </div>
      {summary.loading.map((progress) => (
        <p key={progress.accountId} className="catch-up-progress" role="status">
          <span>
            {progressText(
              progress,
              summary.accounts.find((a) => a.accountId === progress.accountId),
            )}
          </span>
          <span
            className="sync-bar"
            role="progressbar"
            aria-label="Catch-up progress"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <span style={{ width: `${Math.min(100, (progress.done / Math.max(1, progress.total)) * 100)}%` }} />
          </span>
        </p>
      ))}
      <ul className="catch-up-accounts" aria-label="Accounts read">
        {summary.accounts.map((account) => (
          <AccountLine key={account.accountId} account={account} now={now} />
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
