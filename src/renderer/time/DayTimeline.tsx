import { useId } from 'react';
import type { TimeEntry } from '../../shared/types.ts';
import { MINUTE, addDays } from '../../shared/calendar.ts';
import { clockTime, duration } from '../format.ts';
import './DayTimeline.css';

/** A stretch between two entries of the day; shorter ones are not worth a block. */
const shortestGapMs = 5 * MINUTE;

interface Props {
  /** The start of the local day shown. */
  dayStart: number;
  /** The day's entries, oldest first; a running session may be among them as an entry ending now. */
  entries: readonly Pick<TimeEntry, 'id' | 'kind' | 'activity' | 'start' | 'end' | 'note'>[];
  label: string;
}

/**
 * The day's entries as blocks on its hours, with the gaps between them, from 08:00 to 18:00 or wider where the
 * day was. Each block and gap is named; a sentence beside says the same for screen readers.
 */
export function DayTimeline({ dayStart, entries, label }: Props) {
  const summaryId = useId();
  const dayEnd = addDays(dayStart, 1);
  const clipped = entries
    .map((entry) => ({ ...entry, start: Math.max(entry.start, dayStart), end: Math.min(entry.end, dayEnd) }))
    .filter((entry) => entry.end > entry.start);
  if (clipped.length === 0) return null;
  // Positions read the wall clock, so on a DST day the blocks still sit under the hours the clock showed.
  const hourOf = (ms: number) => {
    if (ms >= dayEnd) return 24;
    const at = new Date(ms);
    return at.getHours() + at.getMinutes() / 60 + at.getSeconds() / 3600;
  };
  const first = Math.min(8, Math.floor(hourOf(clipped[0]!.start)));
  const last = Math.max(18, Math.ceil(hourOf(Math.max(...clipped.map((e) => e.end)))));
  const span = last - first;
  const left = (ms: number) => `${((hourOf(ms) - first) / span) * 100}%`;
  const width = (from: number, to: number) => `${(Math.max(0, hourOf(to) - hourOf(from)) / span) * 100}%`;

  const gaps = clipped.slice(1).flatMap((entry, i) => {
    const before = clipped[i]!;
    return entry.start - before.end >= shortestGapMs ? [{ start: before.end, end: entry.start }] : [];
  });
  const gapMs = gaps.reduce((sum, gap) => sum + gap.end - gap.start, 0);
  const ticks = Array.from({ length: span + 1 }, (_, i) => first + i).filter((h) => h % 2 === 0);
  const range = `${clockTime(clipped[0]!.start)}–${clockTime(clipped.at(-1)!.end)}`;
  const sentence =
    `From ${range}: ${clipped.length} ${clipped.length === 1 ? 'entry' : 'entries'}` +
    (gaps.length === 0
      ? ', no gaps.'
      : `, ${gaps.length} ${gaps.length === 1 ? 'gap' : 'gaps'} of ${duration(gapMs)} in all (` +
        gaps.map((gap) => `${clockTime(gap.start)}–${clockTime(gap.end)}`).join(', ') +
        ').');

  return (
    <figure className="day-timeline" role="group" aria-label={label} aria-describedby={summaryId}>
      <div className="day-timeline-track">
        {gaps.map((gap) => (
          <span
            key={`gap-${gap.start}`}
            className="timeline-gap"
            role="img"
            aria-label={`Gap ${clockTime(gap.start)}–${clockTime(gap.end)}, ${duration(gap.end - gap.start)}`}
            title={`Gap ${clockTime(gap.start)}–${clockTime(gap.end)} (${duration(gap.end - gap.start)})`}
            style={{ left: left(gap.start), width: width(gap.start, gap.end) }}
          />
        ))}
        {clipped.map((entry) => {
          const name =
            `${entry.kind} ${entry.activity} ${clockTime(entry.start)}–${clockTime(entry.end)}, ` +
            `${duration(entry.end - entry.start)}${entry.note ? ` — ${entry.note}` : ''}`;
          return (
            <span
              key={entry.id}
              className={`timeline-block ${entry.kind}`}
              role="img"
              aria-label={name}
              title={name}
              style={{ left: left(entry.start), width: width(entry.start, entry.end) }}
            />
          );
        })}
      </div>
      <div className="day-timeline-hours" aria-hidden="true">
        {ticks.map((hour) => (
          <span key={hour} style={{ left: `${((hour - first) / span) * 100}%` }}>
            {String(hour % 24).padStart(2, '0')}
          </span>
        ))}
      </div>
      <figcaption id={summaryId} className="day-timeline-summary">
        {sentence}
      </figcaption>
    </figure>
  );
}
