import { useCallback, useState } from 'react';
import type { NotFollowedBackRow as Row } from '../../shared/contract.ts';
import type { AccountBalance } from '../../shared/types.ts';
import { call } from '../api.ts';
import { pickKey, useNetwork } from './networkStore.ts';
import { PeopleList } from './PeopleList.tsx';
import { NotFollowedBackRow } from './NotFollowedBackRow.tsx';
import { PeoplePanelFrame } from './PeoplePanelFrame.tsx';
import { useDebounced } from '../ui/useDebounced.ts';
import { useWindowedRows } from '../ui/useWindowedRows.ts';

/** Followers you do not follow: pick, preview, follow back. */
export function NotFollowedBackPanel({ balances }: { balances: AccountBalance[] }) {
  const scope = useNetwork((state) => state.scope);
  const version = useNetwork((state) => state.version);
  const selected = useNetwork((state) => state.selected.follow);
  const api = useNetwork((state) => state.api);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [error, setError] = useState('');

  const fetchWindow = useCallback(
    (offset: number, limit: number) => call('listNotFollowedBack', { accountId: scope, search: query, offset, limit }),
    [scope, query],
  );
  const list = useWindowedRows<Row>(JSON.stringify([scope, query, version]), fetchWindow);
  const networkOf = (accountId: string) =>
    scope === null ? balances.find((b) => b.account.id === accountId)?.account.network : undefined;

  return (
    <PeoplePanelFrame
      action="follow"
      actionLabel="Follow back"
      balances={balances}
      search={search}
      onSearch={setSearch}
      error={error}
    >
      <PeopleList
        label="You don't follow back"
        list={list}
        resetKey={JSON.stringify([scope, query])}
        empty={query ? `No one matches “${query}”.` : 'You follow back everyone who follows you.'}
        onPickRange={(first, last, on) =>
          void list
            .rowsIn(first, last)
            .then((rows) => api.pick('follow', rows, on))
            .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
        }
        renderRow={(row) => (
          <NotFollowedBackRow
            row={row}
            network={networkOf(row.accountId)}
            checked={selected.has(pickKey(row.accountId, row.person.id))}
            onPick={(on) => api.pick('follow', [{ accountId: row.accountId, person: row.person }], on)}
          />
        )}
      />
    </PeoplePanelFrame>
  );
}
