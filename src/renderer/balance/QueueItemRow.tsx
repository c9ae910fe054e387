import type { QueueItem } from '../../shared/people.ts';
import type { Network } from '../../shared/types.ts';
import { personLabel } from '../../shared/xPeople.ts';
import { clockTime } from '../format.ts';
import { momentLabel } from './networkWords.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { PersonPicture } from './PersonDetails.tsx';
import './QueueItemRow.css';

const stateWords: Record<QueueItem['state'], string> = {
  waiting: 'waiting',
  working: 'working',
  'needs-you': 'needs you',
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
  cancelled: 'cancelled',
};

function actionWords(item: QueueItem): string {
  if (item.undoes) return item.action === 'follow' ? 'Follow again' : 'Unfollow again';
  return item.action === 'follow' ? 'Follow back' : 'Unfollow';
}

/** Why it stands where it does; a wait the network asked for says until when. */
function noteWords(item: QueueItem, now: number): string | null {
  if (item.waitingUntil === null || item.waitingUntil <= now) return item.note;
  return `waiting until ${clockTime(item.waitingUntil)}${item.note ? ` (${item.note})` : ''}`;
}

/** One follow or unfollow: where it stands, why, and what can still be done about it. */
export function QueueItemRow({
  item,
  network,
  now,
  onCancel,
  onUndo,
  onDone,
}: {
  item: QueueItem;
  network: Network | undefined;
  now: number;
  onCancel(): void;
  onUndo(): void;
  onDone(): void;
}) {
  // Names the row in each button, so a list of "Cancel" buttons still says which one.
  const note = noteWords(item, now);
  const which = (verb: string) => `${verb}: ${actionWords(item).toLowerCase()} ${personLabel(item.person)}`;
  return (
    <div className="queue-row">
      <span className="queue-action">{actionWords(item)}</span>
      <PersonPicture accountId={item.accountId} person={item.person} />
      <span className="person-handle">
        {network && <NetworkBadge network={network} />} {personLabel(item.person)}
      </span>
      <span className={`state-badge ${item.state}`}>{stateWords[item.state]}</span>
      <span className="queue-note muted" title={note ?? undefined}>
        {note}
      </span>
      <span className="queue-time muted">{item.doneAt !== null && momentLabel(item.doneAt, now)}</span>
      <span className="queue-buttons">
        {item.state === 'needs-you' && (
          <>
            <a
              className="button small"
              href={`https://x.com/intent/user?user_id=${encodeURIComponent(item.person.id)}`}
              target="_blank"
              rel="noreferrer"
              aria-label={`Open profile of ${personLabel(item.person)}`}
            >
              Open profile
            </a>
            <button type="button" className="button small primary" onClick={onDone} aria-label={which('Done')}>
              Done
            </button>
          </>
        )}
        {(item.state === 'waiting' || item.state === 'working' || item.state === 'needs-you') && (
          <button type="button" className="button small" onClick={onCancel} aria-label={which('Cancel')}>
            Cancel
          </button>
        )}
        {item.state === 'done' && item.undoUntil !== null && item.undoUntil > now && (
          <button type="button" className="button small" onClick={onUndo} aria-label={which('Undo')}>
            Undo
          </button>
        )}
      </span>
    </div>
  );
}
