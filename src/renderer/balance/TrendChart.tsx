import type { CountSnapshot } from '../../shared/types.ts';
import './TrendChart.css';

const width = 640;
const height = 180;
const pad = 28;

/** Followers and following over time as two lines; the numbers are in the cards and the table beside it. */
export function TrendChart({
  history,
  label,
  countedBy = 'sync',
}: {
  history: CountSnapshot[];
  label: string;
  /** What adds a point: a sync, or an archive import (X accounts read from their archive). */
  countedBy?: 'sync' | 'import';
}) {
  if (history.length < 2) return <p className="muted">The trend appears after the second {countedBy}.</p>;
  const values = history.flatMap((s) => [s.followers, s.following]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const first = history[0]!.at;
  const span = Math.max(1, history.at(-1)!.at - first);
  const x = (at: number) => pad + ((at - first) / span) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - low) / Math.max(1, high - low)) * (height - 2 * pad);
  const line = (pick: (s: CountSnapshot) => number) =>
    history.map((s, i) => `${i ? 'L' : 'M'}${x(s.at).toFixed(1)},${y(pick(s)).toFixed(1)}`).join(' ');
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${label}: followers from ${history[0]!.followers} to ${history.at(-1)!.followers}, following from ${history[0]!.following} to ${history.at(-1)!.following}`}
      >
        <text x={4} y={y(high) + 4} className="axis">
          {high}
        </text>
        <text x={4} y={y(low) + 4} className="axis">
          {low}
        </text>
        <path d={line((s) => s.following)} className="line following" />
        <path d={line((s) => s.followers)} className="line followers" />
      </svg>
      <figcaption className="legend-inline">
        <span>
          <span className="swatch followers" />
          Followers
        </span>
        <span>
          <span className="swatch following" />
          Following
        </span>
      </figcaption>
    </figure>
  );
}
