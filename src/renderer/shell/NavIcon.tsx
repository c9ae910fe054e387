import type { View } from '../../shared/routes.ts';

// Drawn inline, so no icon font or image is fetched; lines in the text colour, so light and dark both work.
const shapes: Record<View, string> = {
  dashboard: 'M3 3h6v8H3zM11 3h6v5h-6zM11 10h6v7h-6zM3 13h6v4H3z',
  'catch-up': 'M3 5h14v10H3zM3 5l7 6 7-6',
  network: 'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 17c0-3 2.2-5 5-5s5 2 5 5M13 4.5a2.5 2.5 0 1 1 0 5M14 12c2.2.3 4 2 4 5',
  time: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM10 5v5l3 2',
  report: 'M3 17h14M5 17V9M9 17V4M13 17v-6M17 17V7',
  outcomes: 'M10 2.5l2.3 4.7 5.2.8-3.8 3.6.9 5.2L10 14.4l-4.6 2.4.9-5.2L2.5 8l5.2-.8z',
  settings: 'M3 5h14M3 10h14M3 15h14M7 3v4M13 8v4M9 13v4',
};

/** The picture beside a view's name; the name alone is read out, so the picture is hidden from screen readers. */
export function NavIcon({ view }: { view: View }) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={shapes[view]} />
    </svg>
  );
}
