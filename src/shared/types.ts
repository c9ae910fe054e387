// Domain types shared by main, preload and renderer. Times are epoch milliseconds; days are local 'YYYY-MM-DD'.
import type { Route } from './routes.ts';

export type SessionKind = 'online' | 'offline';

export const onlineActivities = ['posting', 'replying', 'scanning', 'messages'] as const;
export const offlineActivities = ['meeting', 'call', 'event', 'follow-up', 'other'] as const;
export type OnlineActivity = (typeof onlineActivities)[number];
export type OfflineActivity = (typeof offlineActivities)[number];
export type Activity = OnlineActivity | OfflineActivity;

export type EntrySource = 'timer' | 'manual' | 'import';

export interface TimeEntry {
  id: string;
  kind: SessionKind;
  activity: Activity;
  start: number;
  end: number;
  note: string;
  source: EntrySource;
  /** The device that timed or logged it; absent in entries from before devices synced. */
  device?: string;
}

/** The activity and note a session runs with; the last one of each kind is what the next Start proposes. */
export interface SessionChoice {
  activity: Activity;
  note: string;
}

/** The session the timer is running now; elapsed is always now − start. */
export interface RunningSession {
  kind: SessionKind;
  activity: Activity;
  /** What the user is doing, in their words; the saved entry ends with it. Absent in sessions from before notes. */
  note?: string;
  start: number;
  /** Last moment the main process saw the session alive; bounds what a crash can lose. */
  heartbeat: number;
  /** Set while the computer sleeps or the screen is locked: the away time is the user's to keep or drop. */
  awayFrom?: number;
}

/**
 * Time the timer cannot judge alone, put to the user:
 * - crashed: Twoway stopped without closing the session; close it at its last heartbeat, or keep it running.
 * - away: the computer slept or was locked from `from` to `to`; keep that time, or discard it.
 * - idle: no input from `from` to `to`; keep it, discard it and stop, or discard it and continue.
 */
export interface TimerQuestion {
  reason: 'crashed' | 'away' | 'idle';
  from: number;
  to: number;
}
export type TimerAnswer = 'keep' | 'discard' | 'discard-continue';

export interface TimerState {
  running: RunningSession | null;
  question: TimerQuestion | null;
}

export type ReminderCause = 'daily-budget' | 'stretch' | 'weekly-offline' | 'back-online' | 'weekly-digest';
export type ReminderAction =
  'start-offline' | 'snooze' | 'done-for-today' | 'dismiss' | 'open-report' | 'open-catch-up';

/** A nudge the reminder rules decided on; `key` names the cause and its occasion, so it never repeats. */
export interface Reminder {
  key: string;
  cause: ReminderCause;
  title: string;
  body: string;
  actions: ReminderAction[];
  /** The view the reminder leads to (the week's report): its notification opens it, and so does 'open-report'. */
  route?: Route;
}

export interface DayTotals {
  day: string;
  onlineMs: number;
  offlineMs: number;
}

export interface TimeSummary {
  /** When the summary was computed; the running session is counted up to this moment. */
  at: number;
  today: DayTotals;
  onlineBudgetMs: number;
  /** The current week, from the week-start day, one row per day. */
  week: DayTotals[];
  running: RunningSession | null;
  /** What Start online and Start offline use unless told otherwise: the last activity and note of each kind. */
  proposed: Record<SessionKind, SessionChoice>;
}

/** A session stopped before it reached the shortest worth keeping, so the user hears it was not saved. */
export interface DiscardedSession {
  kind: SessionKind;
  activity: Activity;
  ms: number;
}

export interface QuietHours {
  /** 'HH:MM' local time; may wrap past midnight (22:00 → 07:00). */
  from: string;
  to: string;
}

/** A reminder quiet hours hold back: due since `dueAt` (when Twoway first held it), shown at `until`. */
export interface HeldReminder {
  cause: ReminderCause;
  dueAt: number;
  until: number;
}

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Settings {
  dailyOnlineBudgetMin: number;
  longestStretchMin: number;
  weeklyOfflineTargetMin: number;
  onlineShareTargetPct: number;
  postsPerWeekTarget: number;
  quietHours: QuietHours | null;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  idleMinutes: number;
  theme: ThemeChoice;
  /** Days someone you followed has to follow back before the policy says unfollow. */
  graceDays: number;
  /** Hours between automatic syncs; 0 syncs only on demand. */
  syncEveryHours: number;
  /** Follows and unfollows per network account per day, at most. */
  dailyWriteCap: number;
  /** Check GitHub Releases for a new version every 6 hours and download it in the background. */
  checkForUpdates: boolean;
  /** Open when the user logs in, hidden in the tray where there is one. */
  startAtLogin: boolean;
  /** Sessions stopped within their first minute are taps on the wrong button: not saved, with a notice. */
  discardShortSessions: boolean;
  gettingStarted: GettingStarted;
}

export type StartStepState = 'open' | 'done' | 'skipped';

/**
 * The first three steps the Dashboard offers: add an account, set the daily budget, start a session. They show
 * while Twoway holds no data, or once begun (a step taken, or asked for again in Settings), until none is open.
 */
export interface GettingStarted {
  account: StartStepState;
  budget: StartStepState;
  session: StartStepState;
  begun: boolean;
}

export type Network = 'bluesky' | 'mastodon' | 'x';

/** Where Twoway reads and writes an account; service URLs are settings, for self-hosted servers. */
export type Connection =
  | { network: 'bluesky'; did: string; appviewUrl: string; pdsUrl: string }
  | { network: 'mastodon'; instanceUrl: string; accountId: string }
  | { network: 'x'; userId: string | null; apiUrl: string }
  | { network: 'demo' };

export interface Account {
  id: string;
  network: Network;
  handle: string;
  displayName: string;
  connection: Connection;
}

export interface CountSnapshot {
  at: number;
  followers: number;
  following: number;
  mutuals: number;
  /** The profile's post count, where the network gives one. */
  posts?: number;
  /**
   * 'write': Twoway's estimate after its own follows and unfollows, until the next sync counts again; absent: a
   * sync's (or an import's) count.
   */
  source?: 'write';
}

export interface AccountBalance {
  account: Account;
  /** Oldest first; the last one is the latest known state. */
  history: CountSnapshot[];
  /** The last completed sync: the figures are "as of" this time. */
  syncedAt: number | null;
  /** Whether Twoway holds what it needs to unfollow and follow here (app password, token). */
  canWrite: boolean;
  /** Why the last sync did not complete, if it did not. */
  problem: string | null;
  /** What the last completed sync left out because the network sent it unreadable, in the user's words. */
  leftOut: string | null;
  /** Followers gained and lost over the last seven days, from the syncs' recorded changes. */
  week: { gained: number; lost: number };
}

/** A data file that could not be read and was moved aside so the app could start. */
export interface StoreNotice {
  id: string;
  store: string;
  reason: string;
  /** Where the unreadable file was moved; null when the file could not be saved (its data is kept in memory). */
  movedTo: string | null;
  at: number;
}

export interface AppStatus {
  dataDir: string;
  host: 'electron' | 'browser-preview';
  notices: StoreNotice[];
  hasData: boolean;
  /** What the system tells Twoway about time away; see AwayDetection. */
  awayDetection: AwayDetection;
  /**
   * Whether the tray icon shows on this desktop, so that closing the window keeps Twoway there; where it does not
   * (Linux without a StatusNotifier host, the browser preview), closing the window minimizes it.
   */
  trayShows: boolean;
  /**
   * How app passwords and tokens are kept: encrypted by the OS keychain; 'weak' where Electron can only use the
   * key built into Chromium (Linux without a keyring; the user is asked first); in memory only where nothing can
   * encrypt, and in the browser preview.
   */
  secretStorage: 'encrypted' | 'weak' | 'memory';
}

/**
 * Each pauses a running session and asks on the user's return: the computer going to sleep, the screen locking
 * (Electron reports it on macOS and Windows only), keyboard and mouse idle (not under Wayland). The browser
 * preview hears none of them.
 */
export interface AwayDetection {
  sleep: boolean;
  lock: boolean;
  idle: boolean;
}

/** A sync under way: shown as progress, and cancellable. */
export interface SyncProgress {
  accountId: string;
  phase: 'checking' | 'scanning' | 'naming';
  /** People read so far, of `total` (the profile's counts). */
  done: number;
  total: number;
  /** Set while waiting out a rate limit. */
  waitingUntil?: number;
}
