import type { ReactNode } from 'react';
import { count } from './networkWords.ts';
import { selectionWords, type PickedShown } from './selectionWords.ts';
import './SelectionBar.css';

/** What is picked, and the one action to take on it; the action opens a preview, never acts at once. */
export function SelectionBar({
  picked,
  shown = null,
  otherList = '',
  actionLabel,
  onReview,
  onClear,
  children,
}: {
  picked: number;
  /** How many of the picked the list shows, where the list can hide some (search, filter). */
  shown?: PickedShown | null;
  /** The other list that shares this selection, named when some of the picked are there. */
  otherList?: string;
  actionLabel: string;
  onReview(): void;
  onClear(): void;
  /** More ways to pick, such as "Select all due". */
  children?: ReactNode;
}) {
  return (
    <div className="selection-bar" role="group" aria-label="Selection">
      {children}
      <span className="spacer" />
      <span role="status" className="muted">
        {selectionWords(picked, shown, otherList)}
      </span>
      {picked > 0 && (
        <button type="button" className="button small" onClick={onClear}>
          Clear selection
        </button>
      )}
      <button type="button" className="button primary" disabled={picked === 0} onClick={onReview}>
        {picked === 0 ? `${actionLabel}…` : `${actionLabel} ${count(picked)}…`}
      </button>
    </div>
  );
}
