// When Twoway checks for a new version of itself, and when it may restart to install one: never on its own
// while a session runs, because restarting ends the session.
import { HOUR, MINUTE } from '../../../shared/calendar.ts';
import type { RunningSession } from '../../../shared/types.ts';
import type { RestartOffer, UpdatePhase, UpdateSource, UpdateStatus } from '../../../shared/updates.ts';

export const CHECK_EVERY_MS = 6 * HOUR;
const FIRST_RETRY_MS = 15 * MINUTE;

/** After failed checks in a row: 15 min, 30 min, 1 h, 2 h, 4 h, then the usual 6 h. */
export function retryDelayMs(failures: number): number {
  return Math.min(CHECK_EVERY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

export interface UpdateState {
  phase: UpdatePhase;
  lastCheckAt: number | null;
  /** Failed checks or downloads in a row, for the backoff. */
  failures: number;
  error: string | null;
  newVersion: string | null;
  percent: number | null;
  /** The user asked to restart once the running session stops. */
  restartWhenSessionStops: boolean;
}

export const initialUpdateState: UpdateState = {
  phase: 'idle',
  lastCheckAt: null,
  failures: 0,
  error: null,
  newVersion: null,
  percent: null,
  restartWhenSessionStops: false,
};

/** What the updater reports, in its order: checking, then available (and progress) or not, or an error. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

const longestReason = 200;

/** The first line of an updater error, in words a user can act on where the cause is known. */
export function updateErrorReason(message: string): string {
  const line =
    message
      .split('\n')
      .map((part) => part.trim())
      .find(Boolean)
      ?.replace(/^Error:\s*/, '') ?? '';
  if (/app-update\.yml/.test(line) && /ENOENT|no such file/i.test(line)) {
    return 'this build carries no update information (app-update.yml is missing)';
  }
  const offline = /net::ERR_INTERNET_DISCONNECTED|net::ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.exec(
    line,
  );
  if (offline) return `no connection to GitHub (${offline[0]})`;
  if (line === '') return 'the updater gave no reason';
  return line.length > longestReason ? `${line.slice(0, longestReason - 1)}…` : line;
}

export function updateReducer(state: UpdateState, event: UpdaterEvent, now: number): UpdateState {
  switch (event.type) {
    case 'checking':
      // The last error stays in view until this check says otherwise.
      return { ...state, phase: state.phase === 'downloaded' ? 'downloaded' : 'checking' };
    case 'available':
      return {
        ...state,
        phase: 'downloading',
        lastCheckAt: now,
        error: null,
        newVersion: event.version,
        percent: 0,
      };
    case 'not-available':
      return { ...state, phase: 'up-to-date', lastCheckAt: now, failures: 0, error: null, percent: null };
    case 'progress':
      return state.phase === 'downloading' ? { ...state, percent: Math.floor(event.percent) } : state;
    case 'downloaded':
      return {
        ...state,
        phase: 'downloaded',
        lastCheckAt: state.lastCheckAt ?? now,
        failures: 0,
        error: null,
        newVersion: event.version,
        percent: null,
      };
    case 'error': {
      const reason = updateErrorReason(event.message);
      if (state.phase === 'downloaded') {
        // Installing failed; the downloaded update is still offered, and nothing restarts on its own.
        return { ...state, error: `Couldn't install the update: ${reason}`, restartWhenSessionStops: false };
      }
      const what = state.phase === 'downloading' ? "Couldn't download the update" : "Couldn't check for updates";
      return {
        ...state,
        phase: 'failed',
        lastCheckAt: now,
        failures: state.failures + 1,
        error: `${what}: ${reason}`,
        percent: null,
      };
    }
  }
}

export interface CheckPlanInput {
  state: UpdateState;
  /** The "Check for updates automatically" setting. */
  enabled: boolean;
  /** When the app was ready to check (its window shown, or started hidden); null before. */
  startedAt: number | null;
}

/** When to check on its own next; null when not: checks off, not started, busy, or an update already waits. */
export function nextCheckAt({ state, enabled, startedAt }: CheckPlanInput): number | null {
  if (!enabled || startedAt === null) return null;
  if (state.phase === 'checking' || state.phase === 'downloading' || state.phase === 'downloaded') return null;
  if (state.lastCheckAt === null) return startedAt;
  return state.lastCheckAt + (state.phase === 'failed' ? retryDelayMs(state.failures) : CHECK_EVERY_MS);
}

export function restartOffer(state: UpdateState, running: RunningSession | null): RestartOffer {
  if (state.phase !== 'downloaded') return 'none';
  if (!running) return 'ready';
  return state.restartWhenSessionStops ? 'after-session' : 'session-running';
}

/**
 * now: only when no session runs; ending-session: the user accepted that the running session ends (it is
 * saved as an entry on the way out); when-session-stops: now if none runs, else once it stops.
 */
export type RestartRequest = 'now' | 'ending-session' | 'when-session-stops';

export type RestartDecision = { action: 'restart' } | { action: 'wait' } | { action: 'refuse'; reason: string };

export function decideRestart(
  state: UpdateState,
  running: RunningSession | null,
  request: RestartRequest,
): RestartDecision {
  if (state.phase !== 'downloaded') return { action: 'refuse', reason: 'No update has been downloaded yet.' };
  if (!running || request === 'ending-session') return { action: 'restart' };
  if (request === 'when-session-stops') return { action: 'wait' };
  return {
    action: 'refuse',
    reason: `Your ${running.kind} session is running: restarting now would end it. Restart when it stops, or end it and restart.`,
  };
}

/** The one restart that happens without a click at that moment: the user asked for it, and the session stopped. */
export function restartDue(state: UpdateState, running: RunningSession | null): boolean {
  return state.phase === 'downloaded' && state.restartWhenSessionStops && running === null;
}

export interface StatusInput extends CheckPlanInput {
  source: UpdateSource;
  currentVersion: string | null;
  running: RunningSession | null;
}

export function updateStatus(input: StatusInput): UpdateStatus {
  const { state, source, currentVersion, running } = input;
  return {
    source,
    currentVersion,
    phase: state.phase,
    lastCheckAt: state.lastCheckAt,
    nextCheckAt: source === 'desktop' ? nextCheckAt(input) : null,
    error: state.error,
    newVersion: state.newVersion,
    percent: state.percent,
    restart: restartOffer(state, running),
  };
}
