// The queue the Network view shows comes from two roads, the replies to the user's requests and main's
// events; they can arrive out of order. A write that finishes while the reply to its enqueue is on its way
// must not show as still working.
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueItem, QueueView } from '../../src/shared/people.ts';
import { useNetwork } from '../../src/renderer/balance/networkStore.ts';

const item = (state: QueueItem['state']): QueueItem => ({
  id: 'q1',
  accountId: 'a1',
  action: 'unfollow',
  person: { id: 'p1', handle: '@quiet_ana@example.social', displayName: 'Ana' },
  state,
  note: null,
  doneAt: state === 'done' ? 1 : null,
  undoUntil: null,
  undoes: null,
  queuedAt: 0,
  waitingUntil: null,
});
const view = (state: QueueItem['state'], revision: number): QueueView => ({
  items: [item(state)],
  nextAt: null,
  nextBecause: null,
  revision,
});

/** Main's side: the enqueue reply is held until the test lets it go. */
function replyLater(reply: QueueView) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  Object.assign(globalThis, {
    window: {
      twoway: {
        enqueue: async () => {
          await released;
          return { ok: true, value: reply };
        },
      },
    },
  });
  return release;
}

const shownState = () => useNetwork.getState().queue?.items[0]?.state;

describe('the queue shown in the Network view', () => {
  const initial = useNetwork.getState();
  afterEach(() => useNetwork.setState(initial, true));

  it('keeps "done" when the reply saying "working" arrives after the event saying "done"', async () => {
    const release = replyLater(view('working', 2));
    const { api } = useNetwork.getState();
    const enqueued = api.enqueue('unfollow', [{ accountId: 'a1', person: item('working').person }]);
    // The write finished and its event came first.
    api.receiveQueue(view('done', 3));
    release();
    await enqueued;
    expect(shownState()).toBe('done');
  });

  it('shows the reply when no newer event came', async () => {
    const release = replyLater(view('working', 2));
    const enqueued = useNetwork
      .getState()
      .api.enqueue('unfollow', [{ accountId: 'a1', person: item('working').person }]);
    release();
    await enqueued;
    expect(shownState()).toBe('working');
  });
});
