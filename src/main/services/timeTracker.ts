// The time ledger and the session timer with their files: entries in one, the running session in a tiny
// other, so the timer never rewrites the ledger.
import { z } from 'zod';
import { entryInput, type EntryInput } from '../../shared/contract.ts';
import type { Activity, RunningSession, SessionKind, TimeEntry, TimeSummary } from '../../shared/types.ts';
import { offlineActivities, onlineActivities } from '../../shared/types.ts';
import { startOfDay, startOfWeek } from '../core/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { start, stop, type Transition } from '../core/sessionTimer.ts';
import { dailyTotals, entryProblems, runningAsEntry } from '../core/timeLedger.ts';
import type { EventBus } from './events.ts';
import { Failure, invalid } from './failure.ts';
import type { SettingsService } from './settings.ts';
import { openStore, type StoreContext } from './store.ts';

const activitySchema = z.enum([...onlineActivities, ...offlineActivities]);
const kindSchema = z.enum(['online', 'offline']);
const entrySchema = z.object({
  id: z.string(),
  kind: kindSchema,
  activity: activitySchema,
  start: z.number(),
  end: z.number(),
  note: z.string(),
  source: z.enum(['timer', 'manual', 'import']),
});
const runningSchema = z
  .object({ kind: kindSchema, activity: activitySchema, start: z.number(), heartbeat: z.number() })
  .nullable();

export interface TimeTrackerDeps {
  context: StoreContext;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  newId: () => string;
}

function describe(entry: TimeEntry): string {
  const time = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = new Date(entry.start).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
  return `the ${entry.kind} ${entry.activity} entry of ${day}, ${time(entry.start)}–${time(entry.end)}`;
}

export function createTimeTracker({ context, clock, events, settings, newId }: TimeTrackerDeps) {
  const ledger = openStore(
    { name: 'time-entries', version: 1, schema: z.array(entrySchema), initial: () => [] },
    context,
  );
  const session = openStore(
    { name: 'running-session', version: 1, schema: runningSchema, initial: () => null },
    context,
  );
  const deleted = new Map<string, TimeEntry>();

  const byStart = (a: TimeEntry, b: TimeEntry) => a.start - b.start;

  function summary(): TimeSummary {
    const now = clock.now();
    const running = session.read();
    const entries: Pick<TimeEntry, 'kind' | 'start' | 'end'>[] = [...ledger.read()];
    if (running) entries.push(runningAsEntry(running, now));
    const { weekStartsOn, dailyOnlineBudgetMin } = settings.get();
    const week = dailyTotals(entries, startOfWeek(now, weekStartsOn), 7);
    const today = dailyTotals(entries, startOfDay(now), 1)[0]!;
    return { at: now, today, week, onlineBudgetMs: dailyOnlineBudgetMin * 60_000, running };
  }

  function saveEntries(next: TimeEntry[]) {
    ledger.write(next.sort(byStart));
    events.emit('timeChanged', summary());
  }

  function apply(transition: Transition) {
    session.write(transition.running);
    if (transition.closed) saveEntries([...ledger.read(), { id: newId(), ...transition.closed }]);
    events.emit('timerChanged', transition.running);
    if (!transition.closed) events.emit('timeChanged', summary());
  }

  function checked(input: EntryInput, replacing?: string): Omit<TimeEntry, 'id' | 'source'> {
    const draft = entryInput.parse(input);
    const others = ledger.read().filter((entry) => entry.id !== replacing);
    const problems = entryProblems(draft, others, clock.now(), describe);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    return draft;
  }

  function find(id: string): TimeEntry {
    const entry = ledger.read().find((candidate) => candidate.id === id);
    if (!entry) throw new Failure('not-found', 'This entry no longer exists.');
    return entry;
  }

  return {
    running: (): RunningSession | null => session.read(),
    summary,
    start(kind: SessionKind, activity?: Activity): RunningSession {
      const transition = start(session.read(), kind, activity, clock.now());
      apply(transition);
      return transition.running!;
    },
    stop(): TimeEntry | null {
      const before = ledger.read().length;
      apply(stop(session.read(), clock.now()));
      return ledger.read().length > before ? ledger.read().at(-1)! : null;
    },
    list: (from: number, to: number): TimeEntry[] =>
      ledger.read().filter((entry) => entry.end > from && entry.start < to),
    add(input: EntryInput): TimeEntry {
      const entry: TimeEntry = { id: newId(), source: 'manual', ...checked(input) };
      saveEntries([...ledger.read(), entry]);
      return entry;
    },
    update(id: string, input: EntryInput): TimeEntry {
      const old = find(id);
      const entry: TimeEntry = { id, source: old.source, ...checked(input, id) };
      saveEntries(ledger.read().map((candidate) => (candidate.id === id ? entry : candidate)));
      return entry;
    },
    remove(id: string): TimeEntry {
      const entry = find(id);
      deleted.set(id, entry);
      saveEntries(ledger.read().filter((candidate) => candidate.id !== id));
      return entry;
    },
    undoRemove(id: string): TimeEntry {
      const entry = deleted.get(id);
      if (!entry) throw new Failure('not-found', 'There is nothing to undo for this entry.');
      const clash = ledger.read().find((other) => other.start < entry.end && entry.start < other.end);
      if (clash) throw new Failure('conflict', `The entry cannot come back: it would overlap ${describe(clash)}.`);
      deleted.delete(id);
      saveEntries([...ledger.read(), entry]);
      return entry;
    },
    /** Replaces an empty ledger wholesale (demo data). */
    seed(entries: TimeEntry[]) {
      saveEntries([...entries]);
    },
    isEmpty: () => ledger.read().length === 0 && session.read() === null,
  };
}
export type TimeTracker = ReturnType<typeof createTimeTracker>;
