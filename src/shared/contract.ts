// The API the renderer may call and the events main pushes. Both hosts (Electron IPC and the browser
// preview) register exactly these methods and parse every input with the method's schema.
import { z } from 'zod';
import type { AccountBalance, AppStatus, Reminder, Settings, TimeEntry, TimerState, TimeSummary } from './types.ts';
import { offlineActivities, onlineActivities } from './types.ts';

const activity = z.enum([...onlineActivities, ...offlineActivities]);
const kind = z.enum(['online', 'offline']);
const none = z.undefined().or(z.object({}).strict());

const fitsKind = (value: { kind: 'online' | 'offline'; activity?: string | undefined }) =>
  value.activity === undefined ||
  (value.kind === 'online' ? onlineActivities : offlineActivities).some((a) => a === value.activity);
const activityMismatch = {
  message: 'This activity belongs to the other kind of time.',
  path: ['activity'],
};

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use the 24-hour form HH:MM, for example 07:30.');

export const settingsPatch = z
  .object({
    dailyOnlineBudgetMin: z.number().int().min(1, 'The daily online budget must be at least 1 minute.').max(1440),
    longestStretchMin: z.number().int().min(1, 'The longest stretch must be at least 1 minute.').max(1440),
    weeklyOfflineTargetMin: z.number().int().min(0, 'The weekly offline target cannot be negative.').max(10080),
    onlineShareTargetPct: z.number().int().min(0).max(100, 'A share is at most 100 %.'),
    postsPerWeekTarget: z.number().int().min(0, 'The posts-per-week target cannot be negative.').max(1000),
    quietHours: z.object({ from: clockTime, to: clockTime }).nullable(),
    weekStartsOn: z.number().int().min(0).max(6),
    idleMinutes: z.number().int().min(1, 'Idle detection needs at least 1 minute.').max(240),
    theme: z.enum(['system', 'light', 'dark']),
  })
  .partial()
  .strict();

export const entryInput = z
  .object({
    kind,
    activity,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    note: z.string().max(2000, 'A note is at most 2,000 characters.').default(''),
  })
  .strict()
  .refine(fitsKind, activityMismatch);
export type EntryInput = z.input<typeof entryInput>;

/** One method of the contract: its input schema and, as a phantom, its result type. */
interface Method<I extends z.ZodType, R> {
  input: I;
  result?: R;
}
const method = <R>() => ({
  takes: <I extends z.ZodType>(input: I): Method<I, R> => ({ input }),
});

export const contract = {
  getAppStatus: method<AppStatus>().takes(none),
  dismissNotice: method<AppStatus>().takes(z.object({ id: z.string().min(1) }).strict()),
  loadDemo: method<AppStatus>().takes(none),

  getSettings: method<Settings>().takes(none),
  updateSettings: method<Settings>().takes(settingsPatch),

  getTimer: method<TimerState>().takes(none),
  startSession: method<TimerState>().takes(
    z.object({ kind, activity: activity.optional() }).strict().refine(fitsKind, activityMismatch),
  ),
  stopSession: method<TimeEntry | null>().takes(none),
  answerTimerQuestion: method<TimerState>().takes(
    z.object({ answer: z.enum(['keep', 'discard', 'discard-continue']) }).strict(),
  ),

  getReminder: method<Reminder | null>().takes(none),
  answerReminder: method<Reminder | null>().takes(
    z.object({ key: z.string().min(1), action: z.enum(['start-offline', 'snooze', 'done-for-today', 'dismiss']) }).strict(),
  ),

  getTimeSummary: method<TimeSummary>().takes(none),
  listEntries: method<TimeEntry[]>().takes(z.object({ from: z.number().int(), to: z.number().int() }).strict()),
  addEntry: method<TimeEntry>().takes(entryInput),
  updateEntry: method<TimeEntry>().takes(z.object({ id: z.string().min(1), entry: entryInput }).strict()),
  deleteEntry: method<TimeEntry>().takes(z.object({ id: z.string().min(1) }).strict()),
  undoDelete: method<TimeEntry>().takes(z.object({ id: z.string().min(1) }).strict()),

  listBalances: method<AccountBalance[]>().takes(none),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;

/** What main pushes to every window. Payloads are complete states, so a missed event heals itself. */
export interface Events {
  timerChanged: TimerState;
  reminderChanged: Reminder | null;
  timeChanged: TimeSummary;
  settingsChanged: Settings;
  balancesChanged: AccountBalance[];
  statusChanged: AppStatus;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = [
  'timerChanged',
  'reminderChanged',
  'timeChanged',
  'settingsChanged',
  'balancesChanged',
  'statusChanged',
];

export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'unavailable' | 'internal';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Per field messages, keyed by the input path ('end', 'quietHours.from'). */
  fields?: Record<string, string>;
}

export type Reply<R> = { ok: true; value: R } | { ok: false; error: ApiErrorBody };

/** What the preload exposes as window.twoway and the preview bridge imitates. */
export type TwowayApi = {
  [M in MethodName]: (input?: MethodInput<M>) => Promise<Reply<MethodResult<M>>>;
} & {
  subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export const ipcChannel = (name: MethodName | EventName) => `twoway:${name}`;
