import type { ReactNode } from 'react';
import './TableScroll.css';

/**
 * A table that scrolls sideways inside its card when the window is narrow, instead of widening the page; a
 * named stop for the keyboard, so the arrow keys can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrolling region must be reachable without a mouse (WCAG 2.1.1), hence the tab stop.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
