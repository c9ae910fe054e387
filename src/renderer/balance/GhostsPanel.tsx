import { useCallback, useState } from 'react';
import type { GhostRow } from '../../shared/contract.ts';
import type { AccountBalance } from '../../shared/types.ts';
import { call } from '../api.ts';
import { pickKey, useNetwork, type Picked } from './networkStore.ts';
import { GhostRow as GhostFollowRow } from './GhostRow.tsx';
import { count } from './networkWords.ts';
import { PeopleList } from './PeopleList.tsx';
import { PeoplePanelFrame } from './PeoplePanelFrame.tsx';
import { useDebounced } from '../ui/useDebounced.ts';
import { usePickedShown } from './usePickedShown.ts';
import { useWindowedRows } from '../ui/useWindowedRows.ts';
import './GhostsPanel.css';

/** The most rows one listGhosts call returns. */
const pageLimit = 500;

/**
 * Follows that can never follow back — deleted, deactivated, suspended, moved, or blocking you — apart from
 * "not following back", with the reason; unfollowing them cleans up the following count.
 */
export function GhostsPanel({ balances }: { balances: AccountBalance[] }) {
  const scope = useNetwork((state) => state.scope);
  const version = useNetwork((state) => state.version);
  const ghosts = useNetwork((state) => state.counts?.ghosts ?? null);
  const selected = useNetwork((state) => state.selected.unfollow);
  const api = useNetwork((state) => state.api);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [selecting, setSelecting] = useState(false);
  const [error, setError] = useState('');

  const fetchWindow = useCallback(
    (offset: number, limit: number) => call('listGhosts', { accountId: scope, search: query, offset, limit }),
    [scope, query],
  );
  const list = useWindowedRows<GhostRow>(JSON.stringify([scope, query, version]), fetchWindow);
  const pickedShown = usePickedShown(selected, { list: 'ghosts', accountId: scope, search: query });
  const networkOf = (accountId: string) => balances.find((b) => b.account.id === accountId)?.account.network;
  const shownNetwork = (accountId: string) => (scope === null ? networkOf(accountId) : undefined);

  /** Everyone listed (in the search, if any), fetched page by page. */
  async function selectAll() {
    setError('');
    setSelecting(true);
    try {
      const picked: Picked[] = [];
      for (let total = Infinity; picked.length < total;) {
        const page = await call('listGhosts', {
          accountId: scope,
          search: query,
          offset: picked.length,
          limit: pageLimit,
        });
        total = page.total;
        if (page.rows.length === 0) break;
        picked.push(...page.rows.map(({ accountId, person }) => ({ accountId, person })));
      }
      api.pick('unfollow', picked, true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSelecting(false);
    }
  }

  const shown = query ? list.total : ghosts;
  return (
    <PeoplePanelFrame
      action="unfollow"
      actionLabel="Unfollow"
      balances={balances}
      search={search}
      onSearch={setSearch}
      note={
        <p className="panel-note muted">
          These accounts can never follow you back: they were deleted, deactivated or suspended, moved to another
          account, or block you. They are never counted as due. Unfollowing them takes them off your following count —
          on Bluesky your follow record of a deleted account still counts until it is deleted.
        </p>
      }
      error={error}
      shown={pickedShown}
      otherList="Not following back"
      moreWaysToPick={
        <button type="button" className="button small" disabled={selecting || !shown} onClick={() => void selectAll()}>
          {selecting ? 'Selecting…' : shown ? `Select all ${count(shown)}` : 'Select all'}
        </button>
      }
    >
      <PeopleList
        label="Gone or blocking you"
        list={list}
        resetKey={JSON.stringify([scope, query])}
        empty={query ? `No one matches “${query}”.` : 'Everyone you follow is still there and can follow you back.'}
        onPickRange={(first, last, on) =>
          void list
            .rowsIn(first, last)
            .then((rows) => api.pick('unfollow', rows, on))
            .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
        }
        renderRow={(row) => (
          <GhostFollowRow
            row={row}
            network={shownNetwork(row.accountId)}
            accountNetwork={networkOf(row.accountId)}
            checked={selected.has(pickKey(row.accountId, row.person.id))}
            onPick={(on) => api.pick('unfollow', [{ accountId: row.accountId, person: row.person }], on)}
          />
        )}
      />
    </PeoplePanelFrame>
  );
}
