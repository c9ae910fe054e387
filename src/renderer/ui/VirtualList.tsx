import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFillHeight } from './useFillHeight.ts';
import './VirtualList.css';

interface Props {
  /** How many rows the whole list has; only the visible ones are in the page. */
  total: number;
  label: string;
  renderRow(index: number): ReactNode;
  /** Told which rows are in the page (visible plus overscan), so their data can be fetched. */
  onRange?(first: number, last: number): void;
  /** A new value scrolls back to the top: a new search starts at its first result. */
  resetKey?: string;
  rowHeight?: number;
  /** A fixed height; without one the list reaches down to the bottom of the window. */
  height?: number;
  overscan?: number;
}

/** A window-tall list still shows two rows, and at least this height, in a short window. */
const leastHeight = 220;

/** A list of fixed-height rows that renders only what is in view, so 100,000 rows scroll like 100. */
export function VirtualList({
  total,
  label,
  renderRow,
  onRange,
  resetKey,
  rowHeight = 44,
  height: fixedHeight,
  overscan = 8,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const filled = useFillHeight(scroller, Math.max(leastHeight, 2 * rowHeight));
  const height = fixedHeight ?? filled;
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + overscan) - 1;

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    onRange?.(first, last);
  }, [first, last, onRange]);

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    rows.push(
      <div
        key={index}
        role="listitem"
        aria-posinset={index + 1}
        aria-setsize={total}
        className="virtual-row"
        style={{ top: index * rowHeight, height: rowHeight }}
      >
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div
      ref={scroller}
      className="virtual-list"
      style={{ height: Math.min(height, Math.max(total, 1) * rowHeight) }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="list" aria-label={label} className="virtual-rows" style={{ height: total * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
