// The time ledger and the session timer with their files: entries in one, the timer state in a tiny other,
// so the heartbeat never rewrites the ledger. The heartbeat runs only while a session does.
import { z } from 'zod';
import { entryInput, type EntryInput } from '../../../shared/inputs.ts';
import type {
  Activity,
  SessionChoice,
  SessionKind,
  TimeEntry,
  TimerAnswer,
  TimerState,
  TimeSummary,
} from '../../../shared/types.ts';
import { offlineActivities, onlineActivities } from '../../../shared/types.ts';
import { MINUTE, startOfDay, startOfWeek } from '../../../shared/calendar.ts';
import { dayWithWeekday, timeOfDay } from '../../../shared/localeFormat.ts';
import type { Clock } from '../../core/clock.ts';
import { chosen, firstChoices, remember } from '../../core/time/sessionChoice.ts';
import * as timer from '../../core/time/sessionTimer.ts';
import { dailyTotals, entryProblems, runningAsEntry } from '../../core/time/timeLedger.ts';
import type { EventBus } from '../events.ts';
import { Failure, invalid } from '../failure.ts';
import { createListeners, type Listener } from '../listeners.ts';
import { singleTimer, type Scheduler } from '../scheduler.ts';
import type { SettingsService } from '../settings.ts';
import { openStore, type StoreContext } from '../store.ts';
import type { EntryEdit } from '../../../shared/devices.ts';
import { describedBy } from '../devices/deviceRecord.ts';
import type { SharedDoc } from '../devices/sharedDoc.ts';
import { openSharedList } from '../devices/sharedList.ts';

const activitySchema = z.enum([...onlineActivities, ...offlineActivities]);
const kindSchema = z.enum(['online', 'offline']);
export const entrySchema = z.object({
  id: z.string(),
  kind: kindSchema,
  activity: activitySchema,
  start: z.number(),
  end: z.number(),
  note: z.string(),
  source: z.enum(['timer', 'manual', 'import']),
  device: z.string().max(64).optional(),
}) satisfies z.ZodType<TimeEntry>;
const timerSchema = z.object({
  running: z
    .object({
      kind: kindSchema,
      activity: activitySchema,
      note: z.string().optional(),
      start: z.number(),
      heartbeat: z.number(),
      awayFrom: z.number().optional(),
    })
    .nullable(),
  question: z.object({ reason: z.enum(['crashed', 'away', 'idle']), from: z.number(), to: z.number() }).nullable(),
});
const choiceSchema = z.object({ activity: activitySchema, note: z.string() });
const choicesSchema = z.object({ online: choiceSchema, offline: choiceSchema });

export interface TimeTrackerDeps {
  context: StoreContext;
  /** Where the entries live, shared with the person's other devices. */
  shared: SharedDoc;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  scheduler: Scheduler;
  /** Milliseconds since the last keyboard or mouse input, where the system reports it. */
  systemIdleMs: (() => number) | null;
  newId: () => string;
  /** The locale its messages write days and times in. */
  locale: string;
}

function describe(entry: TimeEntry, locale: string): string {
  const time = (ms: number) => timeOfDay(ms, locale);
  return `the ${entry.kind} ${entry.activity} entry of ${dayWithWeekday(entry.start, locale)}, ${time(entry.start)}–${time(entry.end)}`;
}

const overlapping = (a: Pick<TimeEntry, 'start' | 'end'>, b: Pick<TimeEntry, 'start' | 'end'>) =>
  a.start < b.end && b.start < a.end;

export function createTimeTracker({
  context,
  shared,
  clock,
  events,
  settings,
  scheduler,
  systemIdleMs,
  newId,
  locale,
}: TimeTrackerDeps) {
  const ledger = openSharedList(
    {
      before: { name: 'time-entries', version: 1, schema: z.array(entrySchema), initial: () => [] },
      section: 'entries',
      item: entrySchema,
      order: (a, b) => a.start - b.start,
      itemName: 'time entry',
      // Entries from before devices synced were all made here.
      imported: (entry) => ({ ...entry, device: entry.device ?? shared.device }),
    },
    context,
    shared,
  );
  const device = shared.device;
  /** Entries of other devices may overlap this one's: the totals count such minutes once. */
  const mine = (entry: TimeEntry) => entry.device === undefined || entry.device === device;
  const session = openStore(
    { name: 'running-session', version: 1, schema: timerSchema, initial: () => timer.idle },
    context,
  );
  // The last activity and note of each kind, for the next Start: a file of its own, written only on a choice.
  const choices = openStore(
    { name: 'session-choices', version: 1, schema: choicesSchema, initial: () => firstChoices },
    context,
  );
  const heartbeat = singleTimer(scheduler);
  const timerChanges = createListeners<TimerState>();
  const timeChanges = createListeners<TimeSummary>();
  const deleted = new Map<string, TimeEntry>();

  function summary(): TimeSummary {
    const now = clock.now();
    const { running } = session.read();
    const entries: Pick<TimeEntry, 'kind' | 'start' | 'end'>[] = [...ledger.read()];
    if (running) entries.push(runningAsEntry(running, now));
    const { weekStartsOn, dailyOnlineBudgetMin } = settings.get();
    const week = dailyTotals(entries, startOfWeek(now, weekStartsOn), 7);
    const today = dailyTotals(entries, startOfDay(now), 1)[0]!;
    return {
      at: now,
      today,
      week,
      onlineBudgetMs: dailyOnlineBudgetMin * MINUTE,
      running,
      proposed: choices.read(),
    };
  }

  /** Sessions shorter than this are dropped when they end, as the discard setting says. */
  const shortestMs = () =>
    settings.get().discardShortSessions ? timer.shortestKeptSessionMs : timer.shortestSessionMs;

  function rememberChoice(kind: SessionKind, choice: SessionChoice) {
    const next = remember(choices.read(), kind, choice);
    if (next !== choices.read()) choices.write(next);
  }

  function saveEntries(next: TimeEntry[]) {
    ledger.write(next);
  }

  /** Timer entries keep what the user logged by hand: a closed session gives way where they overlap. */
  function keepClear(closed: timer.ClosedEntry[]): TimeEntry[] {
    const manual = ledger.read().filter(mine);
    return closed
      .filter((piece) => !manual.some((entry) => overlapping(entry, piece)))
      .map((piece) => ({ id: newId(), ...piece, device }));
  }

  /** What the user did is saved or refused; what the timer notes on its own is kept even when the disk refuses. */
  function apply(next: TimerState, closed: timer.ClosedEntry[] = [], byUser = true, discardedMs?: number): TimeEntry[] {
    const ended = session.read().running;
    const saved = keepClear(closed);
    if (saved.length > 0) saveEntries([...ledger.read(), ...saved]);
    if (byUser) session.write(next);
    else session.keep(next);
    if (next.running && next.running.awayFrom === undefined) heartbeat.arm(beat, timer.heartbeatMs);
    else heartbeat.disarm();
    timerChanges.tell(next);
    events.emit('timerChanged', next);
    timeChanged();
    if (discardedMs !== undefined && ended) {
      events.emit('sessionDiscarded', { kind: ended.kind, activity: ended.activity, ms: discardedMs });
    }
    return saved;
  }

  function beat() {
    const idleLimit = settings.get().idleMinutes * MINUTE;
    apply(timer.tick(session.read(), clock.now(), systemIdleMs?.() ?? null, idleLimit), [], false);
  }

  function checked(input: EntryInput, replacing?: string): Omit<TimeEntry, 'id' | 'source'> {
    const draft = entryInput.parse(input);
    const others = ledger.read().filter((entry) => entry.id !== replacing);
    const draftDevice = replacing === undefined ? device : find(replacing).device;
    const problems = entryProblems({ ...draft, device: draftDevice }, others, clock.now(), (entry) =>
      describe(entry, locale),
    );
    if (Object.keys(problems).length > 0) throw invalid(problems);
    return draft;
  }

  function find(id: string): TimeEntry {
    const entry = ledger.read().find((candidate) => candidate.id === id);
    if (!entry) throw new Failure('not-found', 'This entry no longer exists.');
    return entry;
  }

  function timeChanged() {
    const next = summary();
    timeChanges.tell(next);
    events.emit('timeChanged', next);
  }

  function changed<T>(result: T): T {
    timeChanged();
    return result;
  }

  ledger.onMerge(timeChanged);

  // A session still in the file at start-up was never closed: ask what to do with it.
  const recovered = timer.recover(session.read(), clock.now());
  if (recovered !== session.read()) session.keep(recovered);
  if (recovered.running) heartbeat.arm(beat, timer.heartbeatMs);

  return {
    state: (): TimerState => session.read(),
    /** Hears every change of the timer (a start, a stop, a heartbeat, an answer), before windows are told. */
    onTimerChange: (listener: Listener<TimerState>) => timerChanges.add(listener),
    /** Hears every change of the day's and week's totals (the timer's included), before windows are told. */
    onTimeChange: (listener: Listener<TimeSummary>) => timeChanges.add(listener),
    summary,
    /** Starts `kind` with the activity and note given, the ones last used for that kind where not. */
    start(kind: SessionKind, activity?: Activity, note?: string): TimerState {
      const choice = chosen(choices.read(), kind, { activity, note });
      const { state, closed, discardedMs } = timer.start(session.read(), kind, choice, clock.now(), shortestMs());
      rememberChoice(kind, choice);
      apply(state, closed, true, discardedMs);
      return state;
    },
    /** The running session gets another activity or note, remembered for the next Start of its kind. */
    change(choice: Partial<SessionChoice>): TimerState {
      const running = session.read().running;
      if (!running) throw new Failure('not-found', 'No session is running, so there is nothing to change.');
      if (
        choice.activity &&
        !(running.kind === 'online' ? onlineActivities : offlineActivities).some((a) => a === choice.activity)
      ) {
        const other = running.kind === 'online' ? 'offline' : 'online';
        throw invalid({
          activity: `${running.kind === 'online' ? 'An online' : 'An offline'} session cannot be ${choice.activity}: that is ${other} time.`,
        });
      }
      const state = timer.change(session.read(), choice);
      if (state === session.read()) return state;
      rememberChoice(running.kind, { activity: state.running!.activity, note: state.running!.note ?? '' });
      apply(state);
      return state;
    },
    stop(): TimeEntry | null {
      const { state, closed, discardedMs } = timer.stop(session.read(), clock.now(), shortestMs());
      return apply(state, closed, true, discardedMs).at(-1) ?? null;
    },
    answer(choice: TimerAnswer): TimerState {
      if (!session.read().question) throw new Failure('not-found', 'There is no open question about the timer.');
      const { state, closed, discardedMs } = timer.answer(session.read(), choice, clock.now(), shortestMs());
      apply(state, closed, true, discardedMs);
      return state;
    },
    suspend: () => void apply(timer.suspend(session.read(), clock.now()), [], false),
    resume: () => void apply(timer.resume(session.read(), clock.now()), [], false),
    /** Ends the session on a normal quit, so only a crash leaves one behind. */
    close() {
      this.stop();
      heartbeat.disarm();
    },
    lastOnlineEnd(before: number): number | null {
      const ends = ledger.read().filter((e) => e.kind === 'online' && e.end <= before);
      return ends.length > 0 ? Math.max(...ends.map((e) => e.end)) : null;
    },
    list: (from: number, to: number): TimeEntry[] =>
      ledger.read().filter((entry) => entry.end > from && entry.start < to),
    add(input: EntryInput): TimeEntry {
      const entry: TimeEntry = { id: newId(), source: 'manual', ...checked(input), device };
      saveEntries([...ledger.read(), entry]);
      return changed(entry);
    },
    update(id: string, input: EntryInput): TimeEntry {
      const old = find(id);
      const entry: TimeEntry = { ...old, ...checked(input, id) };
      saveEntries(ledger.read().map((candidate) => (candidate.id === id ? entry : candidate)));
      return changed(entry);
    },
    remove(id: string): TimeEntry {
      const entry = find(id);
      deleted.set(id, entry);
      saveEntries(ledger.read().filter((candidate) => candidate.id !== id));
      return changed(entry);
    },
    undoRemove(id: string): TimeEntry {
      const entry = deleted.get(id);
      if (!entry) throw new Failure('not-found', 'There is nothing to undo for this entry.');
      const clash = ledger.read().find((other) => mine(other) && overlapping(other, entry));
      if (clash)
        throw new Failure('conflict', `The entry cannot come back: it would overlap ${describe(clash, locale)}.`);
      deleted.delete(id);
      saveEntries([...ledger.read(), entry]);
      return changed(entry);
    },
    /** The entry's edits on every device, oldest first (the latest ones, as many as the document keeps). */
    history(id: string): EntryEdit[] {
      const record = shared.records('entries').get(id);
      if (!record) throw new Failure('not-found', 'This entry no longer exists.');
      const names = shared.fields('devices');
      return record.history.map((edit) => ({
        at: edit.at,
        deviceName: names.has(edit.device) ? describedBy(names.get(edit.device)!).name : 'A removed device',
        changed: edit.set ? Object.keys(edit.set).sort() : [],
        made: edit.at === record.created.at && edit.device === record.created.device && edit.set !== null,
        removed: edit.set === null,
      }));
    },
    /** Replaces the ledger: sample data, or a restore that was already validated and merged. */
    replace(entries: TimeEntry[]) {
      saveEntries([...entries]);
      changed(null);
    },
    isEmpty: () => ledger.read().length === 0 && session.read().running === null,
  };
}
export type TimeTracker = ReturnType<typeof createTimeTracker>;
