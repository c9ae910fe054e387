import { create } from 'zustand';
import type { EntryInput } from '../../shared/inputs.ts';
import type {
  DiscardedSession,
  SessionChoice,
  SessionKind,
  TimeEntry,
  TimerAnswer,
  TimerState,
  TimeSummary,
} from '../../shared/types.ts';
import { call } from '../api.ts';

interface TimeState {
  summary: TimeSummary | null;
  timer: TimerState | null;
  entries: TimeEntry[];
  /** The range the entry list shows, so events can refresh it. */
  range: { from: number; to: number } | null;
  /** The last deleted entry, offered for undo. */
  lastDeleted: TimeEntry | null;
  /** The last session that ended too short to keep, until the next start or a dismiss. */
  discarded: DiscardedSession | null;
  api: {
    load(): Promise<void>;
    /** Without a choice, the activity and note last used for that kind. */
    start(kind: SessionKind, choice?: Partial<SessionChoice>): Promise<void>;
    /** The running session's activity or note. */
    change(choice: Partial<SessionChoice>): Promise<void>;
    stop(): Promise<void>;
    dismissDiscarded(): void;
    answer(answer: TimerAnswer): Promise<void>;
    showRange(from: number, to: number): Promise<void>;
    add(entry: EntryInput): Promise<void>;
    update(id: string, entry: EntryInput): Promise<void>;
    remove(id: string): Promise<void>;
    undo(): Promise<void>;
  };
}

let changing: Promise<void> = Promise.resolve();

export const useTime = create<TimeState>()((set, get) => ({
  summary: null,
  timer: null,
  entries: [],
  range: null,
  lastDeleted: null,
  discarded: null,
  api: {
    async load() {
      const [summary, timer] = await Promise.all([call('getTimeSummary'), call('getTimer')]);
      set({ summary, timer });
      const { range } = get();
      if (range) set({ entries: await call('listEntries', range) });
    },
    async start(kind, choice = {}) {
      await changing;
      set({ discarded: null });
      await call('startSession', { kind, ...choice });
    },
    async change(choice) {
      // The reply is the new state: shown at once, whenever the event arrives.
      const change = changing.then(async () => set({ timer: await call('changeSession', choice) }));
      // A Stop right after a change (the note field losing focus to the button) waits for it.
      changing = change.then(
        () => undefined,
        () => undefined,
      );
      await change;
    },
    async stop() {
      await changing;
      await call('stopSession');
    },
    dismissDiscarded() {
      set({ discarded: null });
    },
    async answer(answer) {
      await call('answerTimerQuestion', { answer });
    },
    async showRange(from, to) {
      set({ range: { from, to }, entries: await call('listEntries', { from, to }) });
    },
    async add(entry) {
      await call('addEntry', entry);
    },
    async update(id, entry) {
      await call('updateEntry', { id, entry });
    },
    async remove(id) {
      set({ lastDeleted: await call('deleteEntry', { id }) });
    },
    async undo() {
      const entry = get().lastDeleted;
      if (!entry) return;
      await call('undoDelete', { id: entry.id });
      set({ lastDeleted: null });
    },
  },
}));
