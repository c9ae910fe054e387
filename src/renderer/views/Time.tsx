import { useEffect, useState } from 'react';
import { addDays, startOfWeek } from '../../shared/calendar.ts';
import type { TimeEntry } from '../../shared/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { EntryForm } from '../components/EntryForm.tsx';
import { RowActions } from '../components/RowActions.tsx';
import { UndoToast } from '../components/UndoToast.tsx';
import { clockTime, dateInputValue, dayLabel, duration } from '../format.ts';
import { parseRoute } from '../route.ts';
import { useApp } from '../stores/appStore.ts';
import { useTime } from '../stores/timeStore.ts';

/** The start of the week `offsetWeeks` from this one. */
function weekStart(offsetWeeks: number, weekStartsOn: number): number {
  return addDays(startOfWeek(Date.now(), weekStartsOn), offsetWeeks * 7);
}

function EntryRow({ entry }: { entry: TimeEntry }) {
  const api = useTime((state) => state.api);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="entry editing">
        <EntryForm
          entry={entry}
          submitLabel="Save changes"
          onSubmit={async (input) => {
            await api.update(entry.id, input);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  const label = `${entry.kind} ${entry.activity} ${clockTime(entry.start)}–${clockTime(entry.end)}`;
  return (
    <li className="entry">
      <span className={`kind-badge ${entry.kind}`}>{entry.kind}</span>
      <span className="entry-time">
        {clockTime(entry.start)}–{clockTime(entry.end)}
      </span>
      <span className="entry-activity">{entry.activity}</span>
      <span className="entry-duration">{duration(entry.end - entry.start)}</span>
      <span className="entry-note">{entry.note}</span>
      <RowActions label={label} onEdit={() => setEditing(true)} onDelete={() => void api.remove(entry.id)} />
    </li>
  );
}

export function Time({ params }: { params: URLSearchParams }) {
  const weekStartsOn = useApp((state) => state.settings?.weekStartsOn ?? 1);
  const { entries, lastDeleted, api } = useTime();
  const [offset, setOffset] = useState(0);
  const [logging, setLogging] = useState(() => params.get('log') === '1');
  useEffect(() => {
    // '#/time?log=1' (tray, menu) opens the form; the request is then taken out of the address, so asking
    // again changes the hash and opens it anew.
    const take = () => {
      if (parseRoute(window.location.hash).params.get('log') !== '1') return false;
      history.replaceState(null, '', '#/time');
      return true;
    };
    take();
    const onHash = () => {
      if (take()) setLogging(true);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const from = weekStart(offset, weekStartsOn);
  const to = weekStart(offset + 1, weekStartsOn);

  useEffect(() => {
    void api.showRange(from, to);
  }, [api, from, to]);

  const days = new Map<string, TimeEntry[]>();
  for (const entry of [...entries].reverse()) {
    const day = dateInputValue(entry.start);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  const weekLabel = `${dayLabel(dateInputValue(from))} – ${dayLabel(dateInputValue(to - 1))}`;

  return (
    <div className="time-view">
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setOffset(offset - 1)} aria-label="Previous week">
          ←
        </button>
        <h2 className="toolbar-title">{weekLabel}</h2>
        <button
          type="button"
          className="button"
          onClick={() => setOffset(offset + 1)}
          disabled={offset >= 0}
          aria-label="Next week"
        >
          →
        </button>
        <span className="spacer" />
        <button type="button" className="button primary" onClick={() => setLogging(!logging)} aria-expanded={logging}>
          Log time
        </button>
      </div>
      {logging && (
        <section className="card" aria-label="Log time">
          <h2 className="card-title">Log time after the fact</h2>
          <EntryForm
            submitLabel="Save entry"
            onSubmit={async (input) => {
              await api.add(input);
              setLogging(false);
            }}
            onCancel={() => setLogging(false)}
          />
        </section>
      )}
      {lastDeleted && (
        <UndoToast onUndo={api.undo}>
          Deleted the {lastDeleted.kind} {lastDeleted.activity} entry of {dayLabel(dateInputValue(lastDeleted.start))}.
        </UndoToast>
      )}
      {days.size === 0 ? (
        <EmptyState title="No time logged this week">
          <p>Start a session on the dashboard, or log a meeting, call or event you already had with “Log time”.</p>
        </EmptyState>
      ) : (
        [...days].map(([day, dayEntries]) => (
          <section key={day} className="card day" aria-label={dayLabel(day, 'long')}>
            <h3 className="card-title">
              {dayLabel(day, 'long')}
              <span className="muted">
                {' '}
                · online{' '}
                {duration(dayEntries.filter((e) => e.kind === 'online').reduce((s, e) => s + e.end - e.start, 0))} ·
                offline{' '}
                {duration(dayEntries.filter((e) => e.kind === 'offline').reduce((s, e) => s + e.end - e.start, 0))}
              </span>
            </h3>
            <ul className="entries">
              {dayEntries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
