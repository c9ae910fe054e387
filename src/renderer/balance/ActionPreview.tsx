import { useState } from 'react';
import type { QueueAction } from '../../shared/people.ts';
import type { AccountBalance, Network } from '../../shared/types.ts';
import { useApp } from '../shell/appStore.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useNetwork, type Picked } from './networkStore.ts';
import { PersonHandle } from './PersonHandle.tsx';
import { count, isSample, listed, networkNames, people, writeSeconds } from './networkWords.ts';
import { manualStepsOf } from '../networks/x/xSteps.ts';
import './ActionPreview.css';

const shownHandles = 10;

const verbs: Record<QueueAction, string> = { unfollow: 'unfollow', follow: 'follow back' };

/** How long the slowest account takes at its pace and under the daily cap, when that is worth saying. */
function lengthOf(action: QueueAction, picked: Picked[], accounts: AccountBalance[], cap: number): string | null {
  let seconds = 0;
  let days = 0;
  for (const { account } of accounts) {
    if (account.network === 'x') continue;
    const n = picked.filter((p) => p.accountId === account.id).length;
    seconds = Math.max(seconds, n * writeSeconds(account.network, action));
    days = Math.max(days, Math.ceil(n / Math.max(1, cap)));
  }
  if (days > 1) return `The daily cap spreads this over about ${count(days)} days.`;
  return seconds >= 120 ? `This takes about ${count(Math.round(seconds / 60))} minutes.` : null;
}

/** What the pace line says: the spacing per network in the selection, and the daily cap. */
function paceOf(action: QueueAction, networks: Network[], cap: number, length: string | null): string[] {
  const spaced = networks.flatMap((n) => (n === 'x' ? [] : [`${writeSeconds(n, action)} s on ${networkNames[n]}`]));
  const pace = `One every ${spaced.join(', ')}; at most ${count(cap)} a day per account.`;
  return spaced.length > 0 ? [length ? `${pace} ${length}` : pace] : [];
}

/** The last look before a batch of follows or unfollows is queued: who, where, how fast, and what is safe. */
export function ActionPreview({
  action,
  picked,
  balances,
  onClose,
}: {
  action: QueueAction;
  picked: Picked[];
  balances: AccountBalance[];
  onClose(): void;
}) {
  const cap = useApp((state) => state.settings?.dailyWriteCap ?? 0);
  const enqueue = useNetwork((state) => state.api.enqueue);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const accounts = balances.filter((b) => picked.some((p) => p.accountId === b.account.id));
  const networks = [...new Set(accounts.map((b) => b.account.network))];
  const checkedHere = networks.filter((n) => n !== 'x');
  const readOnly = accounts.filter((b) => !b.canWrite && !isSample(b.account) && b.account.network !== 'x');
  const verb = verbs[action];
  const networkOf = (accountId: string) => accounts.find((b) => b.account.id === accountId)?.account.network;
  const onX = picked.filter((p) => networkOf(p.accountId) === 'x').length;
  const manualSteps = manualStepsOf(action, onX, picked.length);
  const title = `You are about to ${verb} ${people(picked.length)} on ${listed(networks.map((n) => networkNames[n]))}`;

  async function confirm() {
    setBusy(true);
    setError('');
    try {
      await enqueue(action, picked);
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog className="action-preview" labelledBy="action-preview-title" onClose={onClose}>
      <h2 id="action-preview-title">{title}</h2>
      <ul className="preview-handles">
        {picked.slice(0, shownHandles).map((p) => (
          <li key={`${p.accountId}\n${p.person.id}`}>
            <PersonHandle person={p.person} network={networkOf(p.accountId)} />
          </li>
        ))}
      </ul>
      {picked.length > shownHandles && <p className="muted">and {count(picked.length - shownHandles)} more</p>}
      {paceOf(action, networks, cap, lengthOf(action, picked, accounts, cap)).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {manualSteps && <p>{manualSteps}</p>}
      {/* X takes no writes from apps, so Twoway can neither check nor undo what the user does there. */}
      {checkedHere.length > 0 && (
        <p>
          {networks.includes('x') ? `On ${listed(checkedHere.map((n) => networkNames[n]))}, each` : 'Each'} one is
          checked again right before:{' '}
          {action === 'unfollow'
            ? 'anyone who followed you back meanwhile is kept.'
            : 'anyone you follow already is skipped.'}{' '}
          You can undo {networks.includes('x') ? 'those' : 'each'} for 24 hours in Queue and log.
        </p>
      )}
      {readOnly.map(({ account }) => (
        <p key={account.id} className="note warn">
          Twoway holds no {account.network === 'bluesky' ? 'app password' : 'access token'} for {account.handle}, so it
          cannot make changes there: add the account again with one.
        </p>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy || readOnly.length > 0}
          onClick={() => void confirm()}
        >
          {action === 'unfollow' ? 'Unfollow' : 'Follow back'} {count(picked.length)}
        </button>
        <button type="button" className="button" data-initial-focus onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
