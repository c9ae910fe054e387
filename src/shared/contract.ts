// The API the renderer may call and the events main pushes. Both hosts (Electron IPC and the browser
// preview) register exactly these methods and parse every input with the method's schema.
import { z } from 'zod';
import type { CatchUpBriefing, CatchUpSummary } from './catchUp.ts';
import type { GhostFollow, NotFollowingBack, Person, QueueView } from './people.ts';
import {
  accountInput,
  activity,
  activityMismatch,
  csvExport,
  dayRange,
  entryInput,
  fitsKind,
  kind,
  none,
  outcomeInput,
  settingsPatch,
  xHandle,
} from './inputs.ts';
import { signInCode, signInStart, type MastodonSignIn } from './mastodonSignIn.ts';
import type { Outcome } from './outcomes.ts';
import { keepReasonLimit, type PersonFacts, type PersonSuggestion } from './personDetails.ts';
import type { Report } from './report.ts';
import type {
  AccountBalance,
  AppStatus,
  DiscardedSession,
  HeldReminder,
  Reminder,
  Settings,
  SyncProgress,
  TimeEntry,
  TimerState,
  TimeSummary,
} from './types.ts';
import type { UpdateStatus } from './updates.ts';
import type { XImportProgress, XImportResult } from './xImport.ts';

/** A file main made for the user to save: CSV, backup. */
export interface Download {
  fileName: string;
  mimeType: string;
  text: string;
}

/** What restoring a backup would do (or did), section by section. */
export interface RestoreSummary {
  createdAt: number;
  sections: { name: string; added: number; changed: number; skipped: number }[];
}
const backupText = z
  .string()
  .min(1, 'This backup file is empty.')
  .max(140_000_000, 'This file is larger than 140 MB: larger than any Twoway backup.');

const sessionNote = z.string().max(2000, 'A note is at most 2,000 characters.');

const accountRef = z.object({ accountId: z.string().min(1) }).strict();
/** A re-import names its account (the archive must be that account's); a first import may name the handle. */
const xImportTarget = { accountId: z.string().min(1).optional(), handle: xHandle.optional() };
const listScope = { accountId: z.string().min(1).nullable(), search: z.string().max(200).default('') };
const windowed = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };
const listFilter = z.enum(['all', 'due', 'waiting', 'kept']).default('all');
/** Narrows a list by what is known of the person: never in touch with you, or silent for three months. */
const listOnly = z.enum(['anyone', 'never-interacted', 'inactive']).default('anyone');

/** Each people row carries what Twoway knows of the person (profile, exchanges, outcome), so lists can sort on it. */
export type NotFollowingBackRow = NotFollowingBack & { accountId: string } & PersonFacts;
export type GhostRow = GhostFollow & { accountId: string } & PersonFacts;
export type NotFollowedBackRow = { person: Person; accountId: string } & PersonFacts;
/** Per account, how many would be due now under each grace period asked about, in the order asked. */
export type DueCounts = { accountId: string; due: number[] }[];

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
  /** Without an activity or a note, the ones last used for that kind. */
  startSession: method<TimerState>().takes(
    z
      .object({ kind, activity: activity.optional(), note: sessionNote.optional() })
      .strict()
      .refine(fitsKind, activityMismatch),
  ),
  /** The running session's activity or note, changed while it runs. */
  changeSession: method<TimerState>().takes(
    z.object({ activity: activity.optional(), note: sessionNote.optional() }).strict(),
  ),
  /** A session shorter than a minute is not saved (a setting); sessionDiscarded tells every window. */
  stopSession: method<TimeEntry | null>().takes(none),
  answerTimerQuestion: method<TimerState>().takes(
    z.object({ answer: z.enum(['keep', 'discard', 'discard-continue']) }).strict(),
  ),

  getReminder: method<Reminder | null>().takes(none),
  /** What quiet hours hold back now, for Settings to say so; null when nothing waits. */
  getHeldReminder: method<HeldReminder | null>().takes(none),
  answerReminder: method<Reminder | null>().takes(
    z
      .object({
        key: z.string().min(1),
        action: z.enum(['start-offline', 'snooze', 'done-for-today', 'dismiss', 'open-report', 'open-catch-up']),
      })
      .strict(),
  ),

  getTimeSummary: method<TimeSummary>().takes(none),
  listEntries: method<TimeEntry[]>().takes(z.object({ from: z.number().int(), to: z.number().int() }).strict()),
  addEntry: method<TimeEntry>().takes(entryInput),
  updateEntry: method<TimeEntry>().takes(z.object({ id: z.string().min(1), entry: entryInput }).strict()),
  deleteEntry: method<TimeEntry>().takes(z.object({ id: z.string().min(1) }).strict()),
  undoDelete: method<TimeEntry>().takes(z.object({ id: z.string().min(1) }).strict()),

  getReport: method<Report>().takes(dayRange),
  listOutcomes: method<Outcome[]>().takes(none),
  addOutcome: method<Outcome>().takes(outcomeInput),
  updateOutcome: method<Outcome>().takes(z.object({ id: z.string().min(1), outcome: outcomeInput }).strict()),
  deleteOutcome: method<Outcome>().takes(z.object({ id: z.string().min(1) }).strict()),
  undoDeleteOutcome: method<Outcome>().takes(z.object({ id: z.string().min(1) }).strict()),
  exportCsv: method<Download>().takes(csvExport),
  /** Saves the report on screen as a PDF (desktop app); null when the user cancelled the save dialog. */
  /** Shows the main window from the quick view; false where the page must go there itself (the preview). */
  openMainWindow: method<boolean>().takes(none),
  saveReportPdf: method<{ path: string } | null>().takes(z.object({ fileName: z.string().min(1).max(200) }).strict()),
  exportBackup: method<Download>().takes(none),
  previewRestore: method<RestoreSummary>().takes(z.object({ text: backupText }).strict()),
  restoreBackup: method<RestoreSummary>().takes(z.object({ text: backupText }).strict()),

  listBalances: method<AccountBalance[]>().takes(none),
  addAccount: method<AccountBalance>().takes(accountInput),
  /** The archive's bytes, uploaded (the browser preview); null when cancelled. */
  importXArchive: method<XImportResult | null>().takes(
    z
      .object({
        ...xImportTarget,
        files: z
          .array(
            z.object({
              name: z.string().min(1).max(255),
              base64: z
                .string()
                .max(
                  140_000_000,
                  'This file is larger than 100 MB: upload follower.js and following.js from the archive’s data folder instead.',
                ),
            }),
          )
          .min(1, 'Choose the archive .zip, or follower.js and following.js.')
          .max(40),
      })
      .strict(),
  ),
  /**
   * Opens the system's open dialog in main and imports the files chosen there (the desktop app): no path ever
   * crosses IPC, so main reads only what the user picked. Null when the dialog or the import is cancelled.
   */
  importXArchiveFromDialog: method<XImportResult | null>().takes(z.object(xImportTarget).strict()),
  cancelXImport: method<null>().takes(none),
  /** Ends the access a Mastodon sign-in gave Twoway on its instance first; `revoke: false` removes it here only. */
  removeAccount: method<null>().takes(accountRef.extend({ revoke: z.boolean().default(true) })),
  /** Registers Twoway on the instance and opens its approval page; what follows arrives as mastodonSignInChanged. */
  startMastodonSignIn: method<MastodonSignIn>().takes(signInStart),
  getMastodonSignIn: method<MastodonSignIn | null>().takes(none),
  /** Opens the approval page again; in the browser preview the window opens it itself. */
  openMastodonSignInPage: method<MastodonSignIn>().takes(none),
  /** The code the instance showed, where Twoway could not listen for its answer. */
  finishMastodonSignIn: method<MastodonSignIn>().takes(signInCode),
  cancelMastodonSignIn: method<null>().takes(none),
  syncAccount: method<null>().takes(accountRef.extend({ full: z.boolean().default(false) })),
  cancelSync: method<null>().takes(accountRef),
  getSyncProgress: method<SyncProgress[]>().takes(none),
  /** Ghost follows are not in this list; `ghosts` counts them, for the tab that lists them. */
  listNotFollowingBack: method<{ total: number; due: number; ghosts: number; rows: NotFollowingBackRow[] }>().takes(
    z
      .object({
        ...listScope,
        ...windowed,
        filter: listFilter,
        only: listOnly,
        sort: z
          .enum(['oldest', 'newest', 'handle', 'inactive', 'most-followers', 'fewest-followers'])
          .default('oldest'),
      })
      .strict(),
  ),
  /** Everyone due for unfollowing in a scope and search, in one answer: "Select all N due". */
  listDue: method<{ accountId: string; person: Person }[]>().takes(
    z.object({ accountId: listScope.accountId, search: listScope.search, only: listOnly }).strict(),
  ),
  /** Of the people picked, how many the list shows with this search and filter, and why the rest are hidden. */
  countPickedShown: method<{
    shown: number;
    hiddenBySearch: number;
    hiddenByFilter: number;
    onOtherList: number;
    gone: number;
  }>().takes(
    z
      .object({
        /** Which list is on screen: the two lists of follows share one selection of unfollows. */
        list: z.enum(['not-following-back', 'ghosts']).default('not-following-back'),
        ...listScope,
        filter: listFilter,
        only: listOnly,
        picked: z.array(z.object({ accountId: z.string().min(1), personId: z.string().min(1) }).strict()).max(200_000),
      })
      .strict(),
  ),
  /** Follows that can never follow back: deleted, deactivated, suspended, moved, or blocking the user. */
  listGhosts: method<{ total: number; rows: GhostRow[] }>().takes(z.object({ ...listScope, ...windowed }).strict()),
  /** How many would be due now with each of these grace periods: Settings shows it as the user edits. */
  countDue: method<DueCounts>().takes(
    z
      .object({
        graceDays: z.array(z.number().int().min(0, 'The grace period cannot be negative.').max(365)).min(1).max(10),
      })
      .strict(),
  ),
  listNotFollowedBack: method<{ total: number; rows: NotFollowedBackRow[] }>().takes(
    z.object({ ...listScope, ...windowed }).strict(),
  ),
  /** `reason`: why, in the user's words, shown on the row. */
  setKeep: method<null>().takes(
    accountRef.extend({
      personId: z.string().min(1),
      keep: z.boolean(),
      reason: z.string().trim().max(keepReasonLimit, `Keep the reason under ${keepReasonLimit} characters.`).optional(),
    }),
  ),
  /** What Twoway knows of someone; reads their profile (bio, counts, last post) again when a day old. */
  getPersonDetails: method<PersonFacts>().takes(accountRef.extend({ personId: z.string().min(1) })),
  /** Their picture as a data: URL, fetched and checked by main and cached on disk; null when there is none. */
  getAvatar: method<string | null>().takes(accountRef.extend({ personId: z.string().min(1) })),
  /** People of every account whose handle or name matches, for the outcome form's "With" field. */
  suggestPeople: method<PersonSuggestion[]>().takes(z.object({ search: z.string().max(200) }).strict()),
  /** false lifts the protection an outcome gives someone, so they can be proposed for unfollowing again. */
  setProtected: method<null>().takes(accountRef.extend({ personId: z.string().min(1), protected: z.boolean() })),

  getQueue: method<QueueView>().takes(none),
  enqueue: method<QueueView>().takes(
    accountRef.extend({
      action: z.enum(['unfollow', 'follow']),
      personIds: z.array(z.string().min(1)).min(1, 'Choose at least one person.').max(10_000),
      /** Unfollows people protected by an outcome too: only after the user confirmed it for them. */
      includeProtected: z.boolean().default(false),
    }),
  ),
  cancelQueued: method<QueueView>().takes(z.object({ itemId: z.string().min(1).nullable() }).strict()),
  undoQueued: method<QueueView>().takes(z.object({ itemId: z.string().min(1) }).strict()),
  markQueuedDone: method<QueueView>().takes(z.object({ itemId: z.string().min(1) }).strict()),

  getCatchUp: method<CatchUpBriefing>().takes(z.object({ withScanned: z.boolean().optional() }).strict().optional()),
  /** Reads the accounts' feeds (one account, or all with null); `onlyStale` skips ones read minutes ago. */
  refreshCatchUp: method<null>().takes(
    z.object({ accountId: z.string().min(1).nullable().default(null), onlyStale: z.boolean().default(false) }).strict(),
  ),
  cancelCatchUp: method<null>().takes(z.object({ accountId: z.string().min(1).nullable().default(null) }).strict()),
  markScanned: method<CatchUpSummary>().takes(
    z
      .object({
        target: z.union([
          z.object({ accountId: z.string().min(1), post: z.string().min(1) }).strict(),
          z.object({ accountId: z.string().min(1), person: z.string().min(1) }).strict(),
          z.object({ everything: z.literal(true) }).strict(),
        ]),
        /** false takes the mark off again. */
        scanned: z.boolean().default(true),
      })
      .strict(),
  ),
  markMention: method<CatchUpSummary>().takes(
    accountRef.extend({ mentionId: z.string().min(1), state: z.enum(['waiting', 'answered', 'ignored']) }),
  ),

  getUpdates: method<UpdateStatus>().takes(none),
  /** Checks GitHub Releases now, whatever the automatic-check setting says; the result arrives as events. */
  checkForUpdatesNow: method<UpdateStatus>().takes(none),
  /** Installs the downloaded update: `now` is refused while a session runs; see core/updatePolicy.ts. */
  restartToUpdate: method<UpdateStatus>().takes(
    z.object({ when: z.enum(['now', 'ending-session', 'when-session-stops']) }).strict(),
  ),
  cancelRestartToUpdate: method<UpdateStatus>().takes(none),
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
  syncChanged: SyncProgress[];
  queueChanged: QueueView;
  statusChanged: AppStatus;
  outcomesChanged: Outcome[];
  catchUpChanged: CatchUpSummary;
  updatesChanged: UpdateStatus;
  mastodonSignInChanged: MastodonSignIn | null;
  xImportChanged: XImportProgress | null;
  /** A session ended too short to keep: the windows say so, so nothing vanishes silently. */
  sessionDiscarded: DiscardedSession;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = [
  'timerChanged',
  'reminderChanged',
  'timeChanged',
  'settingsChanged',
  'balancesChanged',
  'syncChanged',
  'queueChanged',
  'statusChanged',
  'outcomesChanged',
  'catchUpChanged',
  'updatesChanged',
  'mastodonSignInChanged',
  'xImportChanged',
  'sessionDiscarded',
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
