import { useState, type ReactNode } from 'react';
import type { AccountBalance } from '../../shared/types.ts';
import { useNetwork } from './networkStore.ts';
import { ActionPreview } from './ActionPreview.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import type { PickedShown } from './selectionWords.ts';

/**
 * What every list of people on the Network view shares: the search and its filters above the list, what went
 * wrong below it, and the selection with its one action, which opens the preview.
 */
export function PeoplePanelFrame({
  action,
  actionLabel,
  balances,
  search,
  onSearch,
  note,
  filters,
  error,
  shown,
  otherList,
  moreWaysToPick,
  after,
  children,
}: {
  action: 'follow' | 'unfollow';
  actionLabel: string;
  balances: AccountBalance[];
  search: string;
  onSearch(search: string): void;
  /** Said above the search. */
  note?: ReactNode;
  /** More fields beside the search. */
  filters?: ReactNode;
  error: string;
  shown?: PickedShown | null;
  otherList?: string;
  /** Such as "Select all due", in the selection bar. */
  moreWaysToPick?: ReactNode;
  /** Below the selection bar, such as a toast. */
  after?: ReactNode;
  /** The list. */
  children: ReactNode;
}) {
  const selected = useNetwork((state) => state.selected[action]);
  const api = useNetwork((state) => state.api);
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="people-panel">
      {note}
      <div className="toolbar people-toolbar">
        <label>
          Search people
          <input type="search" value={search} onChange={(event) => onSearch(event.target.value)} />
        </label>
        {filters}
      </div>
      {children}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <SelectionBar
        picked={selected.size}
        shown={shown}
        otherList={otherList}
        actionLabel={actionLabel}
        onReview={() => setPreviewing(true)}
        onClear={() => api.clear(action)}
      >
        {moreWaysToPick}
      </SelectionBar>
      {after}
      {previewing && (
        <ActionPreview
          action={action}
          picked={[...selected.values()]}
          balances={balances}
          onClose={() => setPreviewing(false)}
        />
      )}
    </div>
  );
}
