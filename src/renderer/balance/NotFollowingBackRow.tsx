import { useState } from 'react';
import type { NotFollowingBackRow as Row } from '../../shared/contract.ts';
import { protectingOutcomes } from '../../shared/personDetails.ts';
import type { Network } from '../../shared/types.ts';
import { call } from '../api.ts';
import { useBalances } from './balanceStore.ts';
import { useNetwork } from './networkStore.ts';
import { handleWords } from './PersonHandle.tsx';
import { KeepReasonDialog, UnfollowProtectedDialog } from './PersonDialogs.tsx';
import { PersonRow } from './PersonDetails.tsx';
import { followedWords } from './personWords.ts';
import './NotFollowingBackRow.css';

function badgeOf(row: Row, graceDays: number): { text: string; kind: string } {
  if (row.protected) return { text: 'protected', kind: 'protected' };
  if (row.kept) return { text: 'kept', kind: 'kept' };
  if (row.due) return { text: 'due', kind: 'due' };
  const left = Math.max(1, graceDays - row.days);
  return { text: `${left} ${left === 1 ? 'day' : 'days'} left`, kind: 'waiting' };
}

/**
 * Someone you follow who does not follow you: who they are, since when, where the grace period stands, and Keep.
 * Someone an outcome protects cannot be picked; they can be unfollowed after a confirm, or their protection lifted.
 */
export function NotFollowingBackRow({
  row,
  network,
  graceDays,
  firstSeen,
  checked,
  onPick,
  onKeep,
}: {
  row: Row;
  network: Network | undefined;
  /** The network gives no follow dates (Mastodon, X): the grace clock runs from when Twoway first saw the follow. */
  firstSeen: boolean;
  graceDays: number;
  checked: boolean;
  onPick(checked: boolean): void;
  onKeep(keep: boolean): void;
}) {
  const badge = badgeOf(row, graceDays);
  const refresh = useNetwork((state) => state.api.refresh);
  const accountNetwork = useBalances((state) => state.balances.find((b) => b.account.id === row.accountId))?.account
    .network;
  const [asking, setAsking] = useState<'reason' | 'unfollow' | null>(null);
  const [error, setError] = useState('');
  const who = handleWords(row.person, network);
  const lifted = row.outcome !== null && !row.protected && protectingOutcomes.includes(row.outcome.type);

  async function protect(on: boolean) {
    setError('');
    try {
      await call('setProtected', { accountId: row.accountId, personId: row.person.id, protected: on });
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <>
      <PersonRow
        row={row}
        network={network}
        accountNetwork={accountNetwork}
        pick={{ checked, disabled: row.kept || row.protected, onChange: onPick }}
        actions={
          <>
            {row.protected && (
              <>
                <button type="button" className="button small" onClick={() => setAsking('unfollow')}>
                  Unfollow anyway…<span className="visually-hidden"> {who}</span>
                </button>
                <button type="button" className="button small" onClick={() => void protect(false)}>
                  Lift protection<span className="visually-hidden"> of {who}</span>
                </button>
              </>
            )}
            {lifted && (
              <button type="button" className="button small" onClick={() => void protect(true)}>
                Protect again<span className="visually-hidden"> {who}</span>
              </button>
            )}
            {row.kept && (
              <button type="button" className="button small" onClick={() => setAsking('reason')}>
                {row.keepReason ? 'Change reason' : 'Say why'}
                <span className="visually-hidden"> you keep {who}</span>
              </button>
            )}
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </>
        }
        aside={
          <>
            <span className="person-since muted">{followedWords(row.days, !firstSeen)}</span>
            <span>
              <span className={`state-badge ${badge.kind}`}>{badge.text}</span>{' '}
              <button
                type="button"
                className="button small keep-toggle"
                aria-pressed={row.kept}
                onClick={() => onKeep(!row.kept)}
              >
                Keep<span className="visually-hidden"> {who}</span>
              </button>
            </span>
          </>
        }
      />
      {asking === 'reason' && (
        <KeepReasonDialog row={row} who={who} onClose={() => setAsking(null)} onSaved={() => void refresh()} />
      )}
      {asking === 'unfollow' && <UnfollowProtectedDialog row={row} who={who} onClose={() => setAsking(null)} />}
    </>
  );
}
