import { useState } from 'react';
import type { AccountBalance } from '../../shared/types.ts';
import { clockTime } from '../format.ts';
import { useNetwork } from './networkStore.ts';
import { useNow } from '../useNow.ts';
import { count } from './networkWords.ts';
import { QueueItemRow } from './QueueItemRow.tsx';
import { VirtualList } from '../ui/VirtualList.tsx';
import './QueuePanel.css';

/** 14:05:30 today; with its date when the daily cap pushes the next write to another day. */
function nextLabel(at: number, now: number): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const time = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay
    ? time
    : `${new Date(at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
}

/** The paced queue and its log: what waits, what went, and undo for a day. */
export function QueuePanel({ balances }: { balances: AccountBalance[] }) {
  const queue = useNetwork((state) => state.queue);
  const api = useNetwork((state) => state.api);
  const now = useNow(true, 5_000);
  const [error, setError] = useState('');
  if (!queue) return <p className="muted list-message">Loading…</p>;

  const items = queue.items;
  const waiting = items.filter((item) => item.state === 'waiting').length;
  const working = items.some((item) => item.state === 'working');
  let standing = waiting === 0 ? 'Nothing waiting.' : `${count(waiting)} waiting.`;
  if (working) standing = waiting === 0 ? 'One write under way.' : `One write under way, ${count(waiting)} waiting.`;
  // A write under way that waits for the network says until when, and why.
  const held = items.find((item) => item.state === 'working' && item.waitingUntil !== null && item.waitingUntil > now);
  const mixed = balances.length > 1;
  const networkOf = (accountId: string) =>
    mixed ? balances.find((b) => b.account.id === accountId)?.account.network : undefined;
  const attempt = (action: Promise<void>) =>
    void action.then(
      () => setError(''),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );

  return (
    <div className="people-panel">
      <div className="toolbar queue-toolbar">
        <span>
          {standing}
          {held && (
            <>
              {' '}
              Waiting until {clockTime(held.waitingUntil!)}
              {held.note && ` (${held.note})`}.
            </>
          )}
          {/* A moment already past reads as stuck: the write is going now, or waits on the network's limit. */}
          {!held && waiting > 0 && queue.nextAt !== null && queue.nextAt > now && (
            <>
              {' '}
              Next write at {nextLabel(queue.nextAt, now)}
              {queue.nextBecause && ` (${queue.nextBecause})`}.
            </>
          )}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="button small danger"
          disabled={waiting === 0}
          onClick={() => attempt(api.cancelQueued(null))}
        >
          Cancel all waiting
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="list-message">
          Nothing queued yet. Follows and unfollows you confirm wait here and go one at a time, at a pace the network
          accepts; the log keeps them, with undo for 24 hours. X takes no follows or unfollows from apps: each one there
          waits here as “needs you”, for you to make on X.
        </p>
      ) : (
        <VirtualList
          total={items.length}
          label="Queue and log"
          renderRow={(index) => {
            const item = items[index]!;
            return (
              <QueueItemRow
                item={item}
                network={networkOf(item.accountId)}
                now={now}
                onCancel={() => attempt(api.cancelQueued(item.id))}
                onUndo={() => attempt(api.undoQueued(item.id))}
                onDone={() => attempt(api.markQueuedDone(item.id))}
              />
            );
          }}
        />
      )}
      <p className="muted">All accounts share this queue; each keeps its own pace and daily cap.</p>
    </div>
  );
}
