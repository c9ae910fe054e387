import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { RunningSession } from '../../src/shared/types.ts';
import {
  decideRestart,
  initialUpdateState,
  nextCheckAt,
  restartDue,
  restartOffer,
  updateErrorReason,
  updateReducer,
  updateStatus,
  type UpdaterEvent,
  type UpdateState,
} from '../../src/main/core/desktop/updatePolicy.ts';

const start = Date.UTC(2026, 4, 4, 9, 0);
const session: RunningSession = { kind: 'online', activity: 'scanning', start, heartbeat: start };

/** The state after these updater events, each a minute after the one before. */
function after(...events: UpdaterEvent[]): UpdateState {
  return events.reduce((state, event, i) => updateReducer(state, event, start + i * MINUTE), initialUpdateState);
}
const failedCheck = (message = 'net::ERR_INTERNET_DISCONNECTED'): UpdaterEvent[] => [
  { type: 'checking' },
  { type: 'error', message },
];
const downloaded = after(
  { type: 'checking' },
  { type: 'available', version: '1.2.0' },
  { type: 'progress', percent: 40.7 },
  { type: 'downloaded', version: '1.2.0' },
);

describe('when to check', () => {
  it('checks nothing before the app is ready (window shown or started hidden)', () => {
    expect(nextCheckAt({ state: initialUpdateState, enabled: true, startedAt: null })).toBeNull();
  });

  it('checks at start, then 6 hours after each check that finished', () => {
    expect(nextCheckAt({ state: initialUpdateState, enabled: true, startedAt: start })).toBe(start);
    const upToDate = after({ type: 'checking' }, { type: 'not-available' });
    expect(upToDate.lastCheckAt).toBe(start + MINUTE);
    expect(nextCheckAt({ state: upToDate, enabled: true, startedAt: start })).toBe(start + MINUTE + 6 * HOUR);
  });

  it('never checks on its own with the setting off', () => {
    expect(nextCheckAt({ state: initialUpdateState, enabled: false, startedAt: start })).toBeNull();
    const upToDate = after({ type: 'checking' }, { type: 'not-available' });
    expect(nextCheckAt({ state: upToDate, enabled: false, startedAt: start })).toBeNull();
  });

  it('does not plan a second check while one runs, while downloading, or once an update waits', () => {
    for (const state of [
      after({ type: 'checking' }),
      after({ type: 'checking' }, { type: 'available', version: '1.2.0' }),
      downloaded,
    ]) {
      expect(nextCheckAt({ state, enabled: true, startedAt: start })).toBeNull();
    }
  });

  it('tries again sooner after an error, backing off from 15 minutes to the usual 6 hours', () => {
    let state = initialUpdateState;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const at = start + attempt * 10 * HOUR;
      state = updateReducer(updateReducer(state, { type: 'checking' }, at), { type: 'error', message: 'x' }, at);
      waits.push((nextCheckAt({ state, enabled: true, startedAt: start })! - at) / MINUTE);
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 360, 360]);
    // A check that works again brings back the 6-hour rhythm and a fresh backoff.
    const ok = updateReducer(updateReducer(state, { type: 'checking' }, start), { type: 'not-available' }, start);
    expect(ok.failures).toBe(0);
    const again = updateReducer(updateReducer(ok, { type: 'checking' }, start), { type: 'error', message: 'x' }, start);
    expect(nextCheckAt({ state: again, enabled: true, startedAt: start })).toBe(start + 15 * MINUTE);
  });
});

describe('what the user reads', () => {
  it('says which step failed and why, never leaving an error silent', () => {
    expect(after(...failedCheck()).error).toBe(
      "Couldn't check for updates: no connection to GitHub (net::ERR_INTERNET_DISCONNECTED)",
    );
    const midDownload = after(
      { type: 'checking' },
      { type: 'available', version: '1.2.0' },
      {
        type: 'error',
        message: 'Error: sha512 checksum mismatch, expected abc, got def',
      },
    );
    expect(midDownload.error).toBe("Couldn't download the update: sha512 checksum mismatch, expected abc, got def");
    expect(midDownload.phase).toBe('failed');
  });

  it('keeps the downloaded update on offer when installing fails', () => {
    const state = updateReducer(downloaded, { type: 'error', message: 'No update filepath provided' }, start);
    expect(state.phase).toBe('downloaded');
    expect(state.error).toBe("Couldn't install the update: No update filepath provided");
    expect(restartOffer(state, null)).toBe('ready');
  });

  it('keeps the last error in view while the next check runs, and clears it once one succeeds', () => {
    const retrying = updateReducer(after(...failedCheck()), { type: 'checking' }, start + HOUR);
    expect(retrying.phase).toBe('checking');
    expect(retrying.error).toMatch(/^Couldn't check for updates/);
    expect(updateReducer(retrying, { type: 'not-available' }, start + HOUR).error).toBeNull();
  });

  it('turns updater errors into one short line', () => {
    const github404 =
      'HttpError: 404 \n"method: GET url: https://github.com/twoway-app/twoway/releases.atom"\n\nPlease double check';
    expect(updateErrorReason(github404)).toBe('HttpError: 404');
    expect(updateErrorReason("ENOENT: no such file or directory, open '/opt/Twoway/resources/app-update.yml'")).toBe(
      'this build carries no update information (app-update.yml is missing)',
    );
    expect(updateErrorReason('getaddrinfo ENOTFOUND github.com')).toBe('no connection to GitHub (ENOTFOUND)');
    expect(updateErrorReason('\n  \n')).toBe('the updater gave no reason');
    const long = updateErrorReason(`Error: ${'x'.repeat(500)}`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shows the download in whole percent, and the version it brings', () => {
    const downloading = after(
      { type: 'checking' },
      { type: 'available', version: '1.2.0' },
      {
        type: 'progress',
        percent: 40.7,
      },
    );
    expect(downloading).toMatchObject({ phase: 'downloading', percent: 40, newVersion: '1.2.0' });
    expect(downloaded).toMatchObject({ phase: 'downloaded', percent: null, newVersion: '1.2.0' });
  });

  it('plans no check in the preview or a development build, whatever the setting', () => {
    const input = { state: initialUpdateState, enabled: true, startedAt: start, currentVersion: null, running: null };
    expect(updateStatus({ ...input, source: 'preview' }).nextCheckAt).toBeNull();
    expect(updateStatus({ ...input, source: 'development' }).nextCheckAt).toBeNull();
    expect(updateStatus({ ...input, source: 'desktop' }).nextCheckAt).toBe(start);
  });
});

describe('restarting to update', () => {
  it('offers a restart only once an update is downloaded', () => {
    expect(restartOffer(initialUpdateState, null)).toBe('none');
    expect(restartOffer(after({ type: 'checking' }, { type: 'available', version: '1.2.0' }), null)).toBe('none');
    expect(restartOffer(downloaded, null)).toBe('ready');
  });

  it('asks first while a session runs, and restarts at once when none does', () => {
    expect(restartOffer(downloaded, session)).toBe('session-running');
    expect(decideRestart(downloaded, null, 'now')).toEqual({ action: 'restart' });
    expect(decideRestart(downloaded, session, 'now')).toEqual({
      action: 'refuse',
      reason:
        'Your online session is running: restarting now would end it. Restart when it stops, or end it and restart.',
    });
  });

  it('restarts mid-session only when the user accepts that the session ends', () => {
    expect(decideRestart(downloaded, session, 'ending-session')).toEqual({ action: 'restart' });
  });

  it('waits for the session to stop when asked, then restarts', () => {
    expect(decideRestart(downloaded, session, 'when-session-stops')).toEqual({ action: 'wait' });
    expect(decideRestart(downloaded, null, 'when-session-stops')).toEqual({ action: 'restart' });
    const waiting = { ...downloaded, restartWhenSessionStops: true };
    expect(restartOffer(waiting, session)).toBe('after-session');
    expect(restartDue(waiting, session)).toBe(false);
    expect(restartDue(waiting, null)).toBe(true);
  });

  it('never restarts on its own without being asked', () => {
    expect(restartDue(downloaded, null)).toBe(false);
    expect(restartDue(downloaded, session)).toBe(false);
  });

  it('refuses a restart with nothing downloaded', () => {
    expect(decideRestart(initialUpdateState, null, 'now')).toEqual({
      action: 'refuse',
      reason: 'No update has been downloaded yet.',
    });
  });

  it('forgets a pending restart when installing fails, so it cannot fire later unasked', () => {
    const waiting = { ...downloaded, restartWhenSessionStops: true };
    const failed = updateReducer(waiting, { type: 'error', message: 'install failed' }, start);
    expect(restartDue(failed, null)).toBe(false);
  });
});
