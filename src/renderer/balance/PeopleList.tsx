import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { personRowHeight } from './PersonDetails.tsx';
import { pickedRange } from './selectionWords.ts';
import type { WindowedRows } from '../ui/useWindowedRows.ts';
import { VirtualList } from '../ui/VirtualList.tsx';
import './PeopleList.css';

/** The row index of a row's checkbox, from the list item around it; null for anything else. */
function checkboxRow(target: EventTarget): { box: HTMLInputElement; index: number } | null {
  if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return null;
  const item = target.closest('[aria-posinset]');
  return item ? { box: target, index: Number(item.getAttribute('aria-posinset')) - 1 } : null;
}

/**
 * A windowed list of people with its loading, failure and empty states. With `onPickRange`, Shift-click on a
 * row's checkbox (or Shift+Space on it) picks or unpicks every row from the one last clicked to this one.
 */
export function PeopleList<Row>({
  label,
  list,
  resetKey,
  empty,
  renderRow,
  rowHeight,
  onPickRange,
}: {
  label: string;
  list: WindowedRows<Row>;
  resetKey: string;
  empty: string;
  renderRow(row: Row): ReactNode;
  rowHeight?: number;
  onPickRange?(first: number, last: number, on: boolean): void;
}) {
  // The row last picked or unpicked, in this query: a new search or filter starts a new range.
  const anchor = useRef<{ key: string; index: number } | null>(null);
  const anchorIndex = () => (anchor.current?.key === resetKey ? anchor.current.index : null);

  const onClickCapture = (event: MouseEvent) => {
    const hit = checkboxRow(event.target);
    if (!hit || hit.box.disabled) return;
    // The click has already flipped the box: the range takes its new state.
    if (event.shiftKey && onPickRange && list.total !== null) {
      const { first, last } = pickedRange(anchorIndex(), hit.index, list.total);
      if (first !== last) onPickRange(first, last, hit.box.checked);
    }
    anchor.current = { key: resetKey, index: hit.index };
  };
  const onKeyDownCapture = (event: KeyboardEvent) => {
    const hit = checkboxRow(event.target);
    if (!hit || hit.box.disabled || event.key !== ' ' || !event.shiftKey || !onPickRange || list.total === null) {
      return;
    }
    event.preventDefault();
    const { first, last } = pickedRange(anchorIndex(), hit.index, list.total);
    onPickRange(first, last, !hit.box.checked);
    anchor.current = { key: resetKey, index: hit.index };
  };

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
    <div className="people-list" onClickCapture={onClickCapture} onKeyDownCapture={onKeyDownCapture}>
      <VirtualList
        total={list.total}
        label={label}
        resetKey={resetKey}
        onRange={list.show}
        rowHeight={rowHeight ?? personRowHeight}
        renderRow={(index) => {
          const row = list.rowAt(index);
          return row === undefined ? <div className="person-row muted">Loading…</div> : renderRow(row);
        }}
      />
    </div>
  );
}
