import type { ReactNode } from 'react';
import type { WindowedRows } from './useWindowedRows.ts';
import { VirtualList } from './VirtualList.tsx';

/** A windowed list of people with its loading, failure and empty states. */
export function PeopleList<Row>({
  label,
  list,
  resetKey,
  empty,
  renderRow,
}: {
  label: string;
  list: WindowedRows<Row>;
  resetKey: string;
  empty: string;
  renderRow(row: Row): ReactNode;
}) {
  if (list.error) {
    return (
      <p className="warn" role="alert">
        The list could not be loaded: {list.error}{' '}
        <button type="button" className="button small" onClick={list.retry}>
          Try again
        </button>
      </p>
    );
  }
  if (list.total === null) return <p className="muted list-message">Loading…</p>;
  if (list.total === 0) return <p className="list-message">{empty}</p>;
  return (
    <VirtualList
      total={list.total}
      label={label}
      resetKey={resetKey}
      onRange={list.show}
      renderRow={(index) => {
        const row = list.rowAt(index);
        return row === undefined ? <div className="person-row muted">Loading…</div> : renderRow(row);
      }}
    />
  );
}
