import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DayTotals } from '../../shared/types.ts';
import { dayLabel, duration, weekdayLabel } from '../format.ts';
import { timeTicks, tickLabel } from '../ui/chart/timeScale.ts';
import { useWidth } from '../ui/chart/useWidth.ts';
import './TimeBars.css';

export interface TimeBar {
  key: string;
  /** Under the column: 'Mon', '23 Nov'. */
  label: string;
  /** In the table, the tooltip and to screen readers: 'Monday 23 Nov'. */
  name: string;
  onlineMs: number;
  offlineMs: number;
  /** This column's online budget, where it differs from the chart's (a short last week). */
  budgetMs?: number;
  current?: boolean;
}

/** A column per day, labelled by weekday (a week) or day of the month (longer). */
export function dayBars(days: DayTotals[], today: string, label: 'weekday' | 'date' = 'weekday'): TimeBar[] {
  return days.map((d) => ({
    key: d.day,
    label: label === 'weekday' ? weekdayLabel(d.day) : String(Number(d.day.slice(8))),
    name: dayLabel(d.day, 'long'),
    onlineMs: d.onlineMs,
    offlineMs: d.offlineMs,
    current: d.day === today,
  }));
}

/** 'Tuesday 1 Dec: online 43 min, offline 1 h 18, over budget by 12 min'. */
export function barName(bar: TimeBar, budgetMs: number): string {
  const over = bar.onlineMs - (bar.budgetMs ?? budgetMs);
  return `${bar.name}: online ${duration(bar.onlineMs)}, offline ${duration(bar.offlineMs)}${
    over > 0 ? `, over budget by ${duration(over)}` : ''
  }`;
}

const height = 200;
const margin = { top: 22, right: 8, bottom: 24, left: 48 };

/**
 * Online and offline side by side per day or week on one hour axis; the online budget is marked on each online
 * column only, and only the part over it is hatched. Each column takes focus (arrow keys move between them) and
 * shows its figures; the same figures as a table, for screen readers, on request and in print.
 */
export function TimeBars({
  bars,
  budgetMs,
  caption,
  rowHeader = 'Day',
  showTable = false,
}: {
  bars: TimeBar[];
  budgetMs: number;
  caption: string;
  rowHeader?: 'Day' | 'Week';
  /** Offers a button that shows the table on screen. */
  showTable?: boolean;
}) {
  const id = useId();
  const pattern = `over-${id.replace(/[^\w-]/g, '')}`;
  const [tableShown, setTableShown] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(() =>
    Math.max(
      0,
      bars.findIndex((b) => b.current),
    ),
  );
  const groups = useRef<(SVGGElement | null)[]>([]);
  const [box, width] = useWidth<HTMLDivElement>();

  const budgetOf = (b: TimeBar) => b.budgetMs ?? budgetMs;
  const { top, ticks } = timeTicks(Math.max(...bars.flatMap((b) => [b.onlineMs, b.offlineMs, budgetOf(b)]), 1));
  const plotW = Math.max(1, width - margin.left - margin.right);
  const plotH = height - margin.top - margin.bottom;
  const y = (ms: number) => margin.top + plotH - (ms / top) * plotH;
  const groupW = plotW / Math.max(1, bars.length);
  const barW = Math.min(26, Math.max(3, groupW * 0.34));
  const showTotals = groupW >= 44;
  const dense = bars.length > 14;

  function move(event: KeyboardEvent, index: number) {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: bars.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = Math.min(bars.length - 1, Math.max(0, to));
    setFocusIndex(next);
    groups.current[next]?.focus();
  }

  const tip = active === null ? null : bars[active];
  // Beside the column, not over it nor over the card's title: right of it in the left half, left of it after.
  const tipLeft = active !== null && active + 0.5 < bars.length / 2;
  const tipX = active === null ? 0 : margin.left + groupW * (active + (tipLeft ? 1 : 0));
  return (
    <figure className={`time-bars${dense ? ' dense' : ''}`}>
      <div className="chart-head">
        <span className="legend-inline" aria-hidden="true">
          <span>
            <span className="swatch online" />
            online
          </span>
          <span>
            <span className="swatch offline" />
            offline
          </span>
          <span>
            <span className="swatch budget" />
            online budget
          </span>
          <span>
            <span className="swatch over" />
            over budget
          </span>
        </span>
        {showTable && (
          <button
            type="button"
            className="button small"
            aria-pressed={tableShown}
            aria-controls={id}
            onClick={() => setTableShown(!tableShown)}
          >
            {tableShown ? 'Show as chart' : 'Show as table'}
          </button>
        )}
      </div>
      <div ref={box} className={`chart-box${tableShown ? ' chart-hidden' : ''}`}>
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={`${caption}: use the arrow keys to move between columns`}
        >
          <defs>
            <pattern id={pattern} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="over-ground" />
              <rect width="3" height="6" className="over-stripe" />
            </pattern>
          </defs>
          <g aria-hidden="true">
            {ticks.map((t) => (
              <g key={t}>
                <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} className="grid-line" />
                <text x={margin.left - 6} y={y(t) + 4} className="axis-label" textAnchor="end">
                  {tickLabel(t)}
                </text>
              </g>
            ))}
          </g>
          {bars.map((b, i) => {
            const center = margin.left + groupW * (i + 0.5);
            const onlineX = center - barW - 1;
            const offlineX = center + 1;
            const budget = budgetOf(b);
            const within = Math.min(b.onlineMs, budget);
            const over = Math.max(0, b.onlineMs - budget);
            return (
              <g
                key={b.key}
                ref={(element) => {
                  groups.current[i] = element;
                }}
                className={`bar-group${b.current ? ' is-today' : ''}`}
                role="img"
                aria-label={barName(b, budgetMs)}
                tabIndex={i === focusIndex ? 0 : -1}
                onFocus={() => {
                  setFocusIndex(i);
                  setActive(i);
                }}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(i)}
                onMouseLeave={() => setActive(null)}
                onKeyDown={(event) => move(event, i)}
              >
                <rect x={center - groupW / 2} y={margin.top} width={groupW} height={plotH} className="bar-hit" />
                <rect x={onlineX} y={y(within)} width={barW} height={y(0) - y(within)} className="column-online" />
                {over > 0 && (
                  <rect
                    x={onlineX}
                    y={y(b.onlineMs)}
                    width={barW}
                    height={y(budget) - y(b.onlineMs)}
                    fill={`url(#${pattern})`}
                    className="column-excess"
                  />
                )}
                <line x1={onlineX - 3} x2={onlineX + barW + 3} y1={y(budget)} y2={y(budget)} className="budget-mark" />
                <rect
                  x={offlineX}
                  y={y(b.offlineMs)}
                  width={barW}
                  height={y(0) - y(b.offlineMs)}
                  className="column-offline"
                />
                {showTotals && b.onlineMs + b.offlineMs > 0 && (
                  <text
                    x={center}
                    y={y(Math.max(b.onlineMs, b.offlineMs, budget)) - 6}
                    className="bar-total"
                    textAnchor="middle"
                  >
                    {duration(b.onlineMs + b.offlineMs)}
                  </text>
                )}
                <text x={center} y={height - 6} className="column-label" textAnchor="middle">
                  {b.label}
                </text>
              </g>
            );
          })}
        </svg>
        {tip && (
          <div
            className={`chart-tooltip ${tipLeft ? 'after' : 'before'}`}
            role="tooltip"
            style={{ left: tipX, top: margin.top }}
          >
            <strong>{tip.name}</strong>
            <span>online {duration(tip.onlineMs)}</span>
            <span>offline {duration(tip.offlineMs)}</span>
            {tip.onlineMs > budgetOf(tip) && (
              <span className="warn">over budget by {duration(tip.onlineMs - budgetOf(tip))}</span>
            )}
          </div>
        )}
      </div>
      {/* Hidden in a clipping box: a table keeps its height whatever it is given, and would lengthen the page. */}
      <div id={id} className={tableShown ? 'chart-table' : 'chart-table visually-hidden'}>
        <table className="figures">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              <th scope="col">Online</th>
              <th scope="col">Offline</th>
              <th scope="col">Over budget</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.name}</th>
                <td>{duration(b.onlineMs)}</td>
                <td>{duration(b.offlineMs)}</td>
                <td>{b.onlineMs > budgetOf(b) ? `by ${duration(b.onlineMs - budgetOf(b))}` : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
