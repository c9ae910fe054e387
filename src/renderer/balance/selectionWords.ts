// What the selection bar says: how many are picked, and honestly how many of them the list does not show.
import { count } from './networkWords.ts';

/** Of the people picked, how many the list shows, and what hides the others (main counts it). */
export interface PickedShown {
  shown: number;
  hiddenBySearch: number;
  hiddenByFilter: number;
  /** Picked on the other list of follows, which shares this selection. */
  onOtherList: number;
  /** No longer on the list at all: they followed back, or the follow ended. */
  gone: number;
}

/** '200 selected (198 hidden by the search)'; 'No one selected'. */
export function selectionWords(picked: number, shown: PickedShown | null, otherList = ''): string {
  if (picked === 0) return 'No one selected';
  const base = `${count(picked)} selected`;
  if (!shown) return base;
  const hidden: string[] = [];
  if (shown.hiddenBySearch > 0) hidden.push(`${count(shown.hiddenBySearch)} hidden by the search`);
  if (shown.hiddenByFilter > 0) {
    hidden.push(`${count(shown.hiddenByFilter)} ${hidden.length > 0 ? 'by' : 'hidden by'} the filter`);
  }
  if (shown.onOtherList > 0) hidden.push(`${count(shown.onOtherList)} under ${otherList}`);
  if (shown.gone > 0) hidden.push(`${count(shown.gone)} no longer on this list`);
  return hidden.length === 0 ? base : `${base} (${hidden.join(', ')})`;
}

/**
 * The rows a Shift-click or Shift+Space covers: from the anchor (the row last picked or unpicked) to this one,
 * both included; without an anchor, or with one the list no longer has, only this row.
 */
export function pickedRange(anchor: number | null, index: number, total: number): { first: number; last: number } {
  if (anchor === null || anchor >= total) return { first: index, last: index };
  return { first: Math.min(anchor, index), last: Math.max(anchor, index) };
}
