import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotFollowingBackRow as Row } from '../../shared/contract.ts';
import type { AccountBalance } from '../../shared/types.ts';
import { call } from '../api.ts';
import { useApp } from '../shell/appStore.ts';
import { pickKey, useNetwork } from './networkStore.ts';
import { Toast, type ToastMessage } from '../ui/Toast.tsx';
import { count, datesFollows } from './networkWords.ts';
import { NotFollowingBackRow } from './NotFollowingBackRow.tsx';
import { PeopleList } from './PeopleList.tsx';
import { PeoplePanelFrame } from './PeoplePanelFrame.tsx';
import { handleWords } from './PersonHandle.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { useDebounced } from '../ui/useDebounced.ts';
import { usePickedShown } from './usePickedShown.ts';
import { useWindowedRows } from '../ui/useWindowedRows.ts';

type Filter = 'due' | 'waiting' | 'kept' | 'all';
type Only = 'anyone' | 'never-interacted' | 'inactive';
type Sort = 'oldest' | 'newest' | 'handle' | 'inactive' | 'most-followers' | 'fewest-followers';
const filters: Record<Filter, string> = { due: 'Due', waiting: 'Waiting', kept: 'Kept', all: 'All' };
const onlys: Record<Only, string> = {
  anyone: 'Anyone',
  'never-interacted': 'Never interacted',
  inactive: 'No post in 3 months',
};
const sorts: Record<Sort, string> = {
  oldest: 'Oldest follow first',
  newest: 'Newest follow first',
  inactive: 'Longest silent first',
  'most-followers': 'Most followers first',
  'fewest-followers': 'Fewest followers first',
  handle: 'Handle',
};

function emptyText(filter: Filter, only: Only, search: string, everyone: number, ghosts: number): string {
  if (search) return `No one matches “${search}”.`;
  if (only !== 'anyone' && everyone > 0) return `No one here is “${onlys[only]}”: set Only to Anyone to see everyone.`;
  if (everyone === 0 && ghosts > 0) {
    return `Everyone else you follow follows you back; the ${count(ghosts)} who never can are under Gone or blocking you.`;
  }
  if (everyone === 0) return 'Everyone you follow follows you back.';
  if (filter === 'due') return 'No one is due: the others are within their grace period or kept.';
  if (filter === 'waiting') return 'No one is within the grace period.';
  return 'Your keep-list is empty: Keep someone to never have them proposed for unfollowing.';
}

/** People you follow who do not follow you back, the due ones first in mind: pick, preview, unfollow. */
export function NotFollowingBackPanel({ balances }: { balances: AccountBalance[] }) {
  const scope = useNetwork((state) => state.scope);
  const version = useNetwork((state) => state.version);
  const counts = useNetwork((state) => state.counts);
  const selected = useNetwork((state) => state.selected.unfollow);
  const api = useNetwork((state) => state.api);
  const graceDays = useApp((state) => state.settings?.graceDays ?? 3);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [filter, setFilter] = useState<Filter>('due');
  const [only, setOnly] = useState<Only>('anyone');
  const [sort, setSort] = useState<Sort>('oldest');
  const [selecting, setSelecting] = useState<string | null>(null);
  const [dueMatching, setDueMatching] = useState<{ key: string; due: number } | null>(null);
  const [error, setError] = useState('');

  const fetchWindow = useCallback(
    (offset: number, limit: number) =>
      call('listNotFollowingBack', { accountId: scope, search: query, filter, only, sort, offset, limit }),
    [scope, query, filter, only, sort],
  );
  const key = JSON.stringify([scope, query, filter, only, sort, version]);
  const list = useWindowedRows<Row>(key, fetchWindow);
  const narrowed = query !== '' || only !== 'anyone';
  const dueKey = JSON.stringify([scope, query, only, version]);

  // The due count of a search or Only, for "Select all N due"; without either it is the scope's.
  useEffect(() => {
    if (!narrowed) return;
    let current = true;
    void call('listNotFollowingBack', { accountId: scope, search: query, filter: 'due', only, limit: 1 }).then(
      ({ total }) => current && setDueMatching({ key: dueKey, due: total }),
    );
    return () => {
      current = false;
    };
  }, [scope, query, only, narrowed, dueKey]);
  const dueInSearch = narrowed ? (dueMatching?.key === dueKey ? dueMatching.due : null) : (counts?.due ?? null);
  // "Select all due" takes only the due people this filter and search show: none under Waiting or Kept.
  const due = filter === 'due' || filter === 'all' ? dueInSearch : 0;

  // Of the people picked, how many this list shows: the bar says how many the search or filter hides.
  const shown = usePickedShown(selected, { list: 'not-following-back', accountId: scope, search: query, filter, only });

  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toasts = useRef(0);
  const accountNetwork = (accountId: string) => balances.find((b) => b.account.id === accountId)?.account.network;

  /** Keep or un-keep, then offer to undo it; an undo puts back a pick the keep took away. */
  async function keep(row: Row, on: boolean) {
    const picked = selected.get(pickKey(row.accountId, row.person.id));
    await api.setKeep(row.accountId, row.person.id, on);
    const who = handleWords(row.person, accountNetwork(row.accountId));
    setToast({
      id: ++toasts.current,
      text: on ? `Kept ${who}` : `No longer kept: ${who}`,
      action: {
        label: 'Undo',
        run: async () => {
          await api.setKeep(row.accountId, row.person.id, !on);
          if (on && picked) api.pick('unfollow', [picked], true);
        },
      },
    });
  }

  async function pickRange(first: number, last: number, on: boolean) {
    const rows = await list.rowsIn(first, last);
    // Kept and protected people cannot be picked one by one, nor in a range.
    const pickable = rows.filter((row) => !row.kept && !row.protected);
    api.pick('unfollow', pickable, on);
  }

  async function selectAllDue() {
    setError('');
    try {
      setSelecting('Selecting…');
      api.pick('unfollow', await call('listDue', { accountId: scope, search: query, only }), true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSelecting(null);
    }
  }

  const attempt = (action: Promise<void>) =>
    void action.catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  const networkOf = (accountId: string) =>
    scope === null ? balances.find((b) => b.account.id === accountId)?.account.network : undefined;

  return (
    <PeoplePanelFrame
      action="unfollow"
      actionLabel="Unfollow"
      balances={balances}
      search={search}
      onSearch={setSearch}
      filters={
        <>
          <SelectField label="Show" value={filter} options={filters} onChange={setFilter} />
          <SelectField label="Only" value={only} options={onlys} onChange={setOnly} />
          <SelectField label="Sort" value={sort} options={sorts} onChange={setSort} />
        </>
      }
      error={error}
      shown={shown}
      otherList="Gone or blocking you"
      moreWaysToPick={
        (filter === 'due' || filter === 'all') && (
          <button
            type="button"
            className="button small"
            disabled={selecting !== null || !due}
            onClick={() => void selectAllDue()}
          >
            {selecting ?? (due === null ? 'Select all due' : `Select all ${count(due)} due`)}
          </button>
        )
      }
      after={<Toast toast={toast} onDismiss={() => setToast(null)} />}
    >
      <PeopleList
        label="Not following back"
        list={list}
        resetKey={JSON.stringify([scope, query, filter, only, sort])}
        empty={emptyText(filter, only, query, counts?.total ?? 1, counts?.ghosts ?? 0)}
        onPickRange={(first, last, on) => attempt(pickRange(first, last, on))}
        renderRow={(row) => (
          <NotFollowingBackRow
            row={row}
            network={networkOf(row.accountId)}
            graceDays={graceDays}
            firstSeen={!datesFollows(balances.find((b) => b.account.id === row.accountId)?.account.network)}
            checked={selected.has(pickKey(row.accountId, row.person.id))}
            onPick={(on) => api.pick('unfollow', [{ accountId: row.accountId, person: row.person }], on)}
            onKeep={(on) => attempt(keep(row, on))}
          />
        )}
      />
    </PeoplePanelFrame>
  );
}
