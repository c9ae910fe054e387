import { useEffect, useState } from 'react';
import { addDays, fromDayKey, startOfWeek } from '../../shared/calendar.ts';
import { countedOnce } from '../../shared/countedOnce.ts';
import type { TimeEntry } from '../../shared/types.ts';
import { DiscardedNotice } from '../shell/DiscardedNotice.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { EntryForm } from './EntryForm.tsx';
import { EntryHistory } from './EntryHistory.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { DayTimeline } from './DayTimeline.tsx';
import { UndoToast } from '../ui/UndoToast.tsx';
import { clockTime, dateInputValue, dayLabel, duration } from '../format.ts';
import { parseRoute, routeHash } from '../../shared/routes.ts';
import { useApp } from '../shell/appStore.ts';
import { useTime } from './timeStore.ts';
import { useDevices } from '../devices/devicesStore.ts';
import { useNow } from '../useNow.ts';
import './Time.css';

type Shown = TimeEntry & { running?: true };

/** Time of a kind, minutes two devices both timed counted once (as every total in Twoway counts them). */
const sumOf = (entries: readonly Shown[], kind: TimeEntry['kind']) =>
  countedOnce(entries.filter((e) => e.kind === kind)).reduce((sum, e) => sum + e.end - e.start, 0);

/** The start of the week `offsetWeeks` from this one. */
function weekStart(offsetWeeks: number, weekStartsOn: number): number {
  return addDays(startOfWeek(Date.now(), weekStartsOn), offsetWeeks * 7);
}

/** The name of the other device an entry was timed or logged on; null for this device's own. */
function useOtherDevice(device: string | undefined): string | null {
  const view = useDevices((state) => state.view);
  if (!device || !view || device === view.device.id) return null;
  return view.devices.find((row) => row.id === device)?.name ?? null;
}

function EntryRow({ entry }: { entry: Shown }) {
  const api = useTime((state) => state.api);
  const elsewhere = useOtherDevice(entry.device);
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
        <EntryHistory id={entry.id} />
      </li>
    );
  }
  const label = `${entry.kind} ${entry.activity} ${clockTime(entry.start)}–${clockTime(entry.end)}`;
  if (entry.running) {
    return (
      <li className="entry running">
        <span className="running-mark" aria-hidden="true">
          ●
        </span>
        <span className={`kind-badge ${entry.kind}`}>{entry.kind}</span>
        <span className="entry-time">{clockTime(entry.start)}–now</span>
        <span className="entry-activity">{entry.activity}</span>
        <span className="entry-duration">{duration(entry.end - entry.start)}</span>
        <span className="entry-note">{entry.note}</span>
        <span className="entry-actions">
          <span className="muted">running</span>
        </span>
      </li>
    );
  }
  return (
    <li className="entry">
      <button
        type="button"
        className="button small continue"
        aria-label={`Continue ${entry.activity}${entry.note ? ` ${entry.note}` : ''}`}
        title="Start a new session with this activity and note"
        onClick={() => void api.start(entry.kind, { activity: entry.activity, note: entry.note })}
      >
        ▶
      </button>
      <span className={`kind-badge ${entry.kind}`}>{entry.kind}</span>
      <span className="entry-time">
        {clockTime(entry.start)}–{clockTime(entry.end)}
      </span>
      <span className="entry-activity">{entry.activity}</span>
      <span className="entry-duration">{duration(entry.end - entry.start)}</span>
      <span className="entry-note">
        {elsewhere && <span className="entry-device">{elsewhere}</span>}
        {entry.note}
      </span>
      <RowActions label={label} onEdit={() => setEditing(true)} onDelete={() => void api.remove(entry.id)} />
    </li>
  );
}

export function Time({ log }: { log: boolean }) {
  const weekStartsOn = useApp((state) => state.settings?.weekStartsOn ?? 1);
  const { entries: logged, lastDeleted, api } = useTime();
  const running = useTime((state) => state.timer?.running ?? null);
  const now = useNow(running !== null, 15_000);
  const [offset, setOffset] = useState(0);
  const [logging, setLogging] = useState(log);
  useEffect(() => {
    // '#/time?log=1' (tray, menu) opens the form; the request is then taken out of the address, so asking
    // again changes the hash and opens it anew.
    const take = () => {
      const route = parseRoute(window.location.hash);
      if (route.view !== 'time' || !route.log) return false;
      history.replaceState(null, '', routeHash({ view: 'time' }));
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

  // The running session counts in its week as an entry ending now.
  const live: Shown | null =
    running && running.start < to && running.awayFrom === undefined
      ? {
          id: 'running',
          kind: running.kind,
          activity: running.activity,
          note: running.note ?? '',
          start: running.start,
          end: Math.max(running.start, now),
          source: 'timer',
          running: true,
        }
      : null;
  const entries: Shown[] = live && live.end > from ? [...logged, live] : logged;
  const days = new Map<string, Shown[]>();
  for (const entry of [...entries].reverse()) {
    const day = dateInputValue(entry.start);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  const weekLabel = `${dayLabel(dateInputValue(from))} – ${dayLabel(dateInputValue(to - 1))}`;
  const weekOnline = sumOf(entries, 'online');
  const weekOffline = sumOf(entries, 'offline');

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
      <p className="week-total">
        <span className="week-total-label">Week total</span> <strong>{duration(weekOnline + weekOffline)}</strong>
        <span className="muted">
          {' '}
          · online {duration(weekOnline)} · offline {duration(weekOffline)}
        </span>
      </p>
      <DiscardedNotice />
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
                · online {duration(sumOf(dayEntries, 'online'))} · offline {duration(sumOf(dayEntries, 'offline'))}
              </span>
            </h3>
            <DayTimeline
              dayStart={fromDayKey(day)}
              entries={[...dayEntries].reverse()}
              label={`Timeline of ${dayLabel(day, 'long')}`}
            />
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
