import type { NotFollowingBackRow as Row } from '../../../shared/contract.ts';
import type { Network } from '../../../shared/types.ts';
import { firstSeenAgo, followedAgo } from './networkWords.ts';
import { handleWords } from './PersonHandle.tsx';
import { PersonPick } from './PersonPick.tsx';

function badgeOf(row: Row, graceDays: number): { text: string; kind: string } {
  if (row.kept) return { text: 'kept', kind: 'kept' };
  if (row.due) return { text: 'due', kind: 'due' };
  const left = Math.max(1, graceDays - row.days);
  return { text: `${left} ${left === 1 ? 'day' : 'days'} left`, kind: 'waiting' };
}

/** Someone you follow who does not follow you: since when, where the grace period stands, and Keep. */
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
  return (
    <div className="person-row">
      <PersonPick person={row.person} network={network} checked={checked} disabled={row.kept} onChange={onPick} />
      <span className="person-since muted">{firstSeen ? firstSeenAgo(row.days) : followedAgo(row.days)}</span>
      <span className={`state-badge ${badge.kind}`}>{badge.text}</span>
      <button
        type="button"
        className="button small keep-toggle"
        aria-pressed={row.kept}
        onClick={() => onKeep(!row.kept)}
      >
        Keep<span className="visually-hidden"> {handleWords(row.person, network)}</span>
      </button>
    </div>
  );
}
