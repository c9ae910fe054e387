import { useState, type ReactNode } from 'react';
import { countsDisagreement } from '../../shared/countCheck.ts';
import type { AccountBalance, SyncProgress } from '../../shared/types.ts';
import { ApiError } from '../api.ts';
import { clockTime, uiLocale } from '../format.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { useNow } from '../useNow.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { XArchiveImport } from '../networks/x/XArchiveImport.tsx';
import { count, isArchive, isSample, momentLabel, networkNames } from '../balance/networkWords.ts';
import { HandleText } from '../ui/HandleText.tsx';
import './AccountStatus.css';

function SyncState({ progress }: { progress: SyncProgress }) {
  const pct = progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : null;
  let text = 'Syncing…';
  if (progress.waitingUntil !== undefined)
    text = `Waiting for the rate limit until ${clockTime(progress.waitingUntil)}`;
  else if (pct !== null) text = `Syncing… ${count(progress.done)} of ${count(progress.total)} people (${pct} %)`;
  return (
    <>
      <span>{text}</span>
      {pct !== null && (
        <span
          className="sync-bar"
          role="progressbar"
          aria-label="Sync progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <span style={{ width: `${pct}%` }} />
        </span>
      )}
    </>
  );
}

/** One account's line: its balance, how fresh it is, a sync under way, or what went wrong; and its actions. */
export function AccountStatus({
  balance,
  children,
  action,
}: {
  balance: AccountBalance;
  children?: ReactNode;
  /** One more button among the account's own, first. */
  action?: ReactNode;
}) {
  const { account, syncedAt, problem, leftOut, canWrite } = balance;
  const disagreement = countsDisagreement(balance.history, account.network, uiLocale());
  const progress = useNetwork((state) => state.progress.find((p) => p.accountId === account.id));
  const api = useNetwork((state) => state.api);
  const now = useNow(true, 60_000);
  const [confirming, setConfirming] = useState(false);
  const [reimporting, setReimporting] = useState(false);
  const [error, setError] = useState('');
  // The instance could not be told to end Twoway's access: the user may still remove the account here only.
  const [hereOnly, setHereOnly] = useState(false);
  const sample = isSample(account);
  const archive = isArchive(balance);
  const readOnly = !canWrite && !sample && account.network !== 'x';

  const attempt = (action: () => Promise<void>) => async () => {
    setError('');
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  let state;
  if (progress) state = <SyncState progress={progress} />;
  else if (sample) state = <span className="muted">Sample account</span>;
  else if (problem) state = <span className="warn">{problem}</span>;
  else if (syncedAt === null) state = <span className="muted">Not synced yet</span>;
  else
    state = (
      <span className="muted">
        {archive ? 'Archive imported' : 'Synced'} {momentLabel(syncedAt, now)}
      </span>
    );

  return (
    <li className="account-status">
      <span className="account-name">
        <NetworkBadge network={account.network} />{' '}
        <strong>
          <HandleText handle={account.handle} />
        </strong>
      </span>
      {children}
      <span className="sync-state">
        {state}
        {!progress && !problem && leftOut && <span className="warn"> · {leftOut}</span>}
        {!progress && !problem && disagreement && <span className="warn"> · {disagreement}</span>}
        {readOnly && (
          <span className="muted">
            · read only (no {account.network === 'bluesky' ? 'app password' : 'access token'})
          </span>
        )}
      </span>
      <span className="account-actions">
        {action}
        {progress ? (
          <button type="button" className="button small" onClick={attempt(() => api.cancelSync(account.id))}>
            Cancel
          </button>
        ) : (
          !sample &&
          !archive && (
            <button type="button" className="button small" onClick={attempt(() => api.sync(account.id))}>
              Sync now
            </button>
          )
        )}
        {account.network === 'x' && !sample && (
          <button
            type="button"
            className="button small"
            aria-expanded={reimporting}
            onClick={() => setReimporting(!reimporting)}
          >
            Import a newer archive
          </button>
        )}
        {!confirming && (
          <button type="button" className="button small danger" onClick={() => setConfirming(true)}>
            Remove
          </button>
        )}
      </span>
      {reimporting && (
        <div className="confirm x-reimport" role="group" aria-label={`Import a newer archive of ${account.handle}`}>
          <XArchiveImport account={account} onDone={() => setReimporting(false)} />
        </div>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-label={`Remove ${account.handle}`}>
          <span>
            Remove {account.handle} from Twoway? Its lists and history here are deleted;{' '}
            {account.network === 'mastodon'
              ? 'if you signed in with Mastodon, Twoway’s access there ends; nothing else changes on Mastodon.'
              : `nothing changes on ${networkNames[account.network]}.`}
          </span>
          <button
            type="button"
            className="button small danger"
            autoFocus
            onClick={attempt(async () => {
              try {
                await api.removeAccount(account.id);
              } catch (failure) {
                setHereOnly(failure instanceof ApiError && 'revoke' in failure.fields);
                throw failure;
              }
            })}
          >
            Yes, remove
          </button>
          {hereOnly && (
            <button
              type="button"
              className="button small danger"
              onClick={attempt(() => api.removeAccount(account.id, { revoke: false }))}
            >
              Remove from Twoway only
            </button>
          )}
          <button type="button" className="button small" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
