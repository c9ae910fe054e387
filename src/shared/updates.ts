// What the window and the tray know about updates of the app itself.

/**
 * Where updates come from: the installed desktop app checks GitHub Releases; a development build and the
 * browser preview never check (the preview is not installed, so the desktop app manages updates).
 */
export type UpdateSource = 'desktop' | 'development' | 'preview';

/** idle: not checked yet; failed: the last check or download did not finish (see `error`). */
export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'downloaded' | 'up-to-date' | 'failed';

/**
 * What a downloaded update offers, given the timer:
 * - none: nothing to install;
 * - ready: no session runs, so restarting loses nothing;
 * - session-running: restarting would end the running session (saved as an entry): the user chooses now or later;
 * - after-session: the user chose to restart once the running session stops.
 */
export type RestartOffer = 'none' | 'ready' | 'session-running' | 'after-session';

export interface UpdateStatus {
  source: UpdateSource;
  /** The version running now; null where there is no installed app (the preview). */
  currentVersion: string | null;
  phase: UpdatePhase;
  /** When the last check finished, found something or failed; null before the first. */
  lastCheckAt: number | null;
  /** When Twoway checks next on its own; null when it will not (checks off, busy, or an update waits). */
  nextCheckAt: number | null;
  /** "Couldn't check for updates: …" or "Couldn't download the update: …", while that is the latest word. */
  error: string | null;
  /** The newer version being downloaded or ready. */
  newVersion: string | null;
  /** Percent downloaded, while downloading. */
  percent: number | null;
  restart: RestartOffer;
}
