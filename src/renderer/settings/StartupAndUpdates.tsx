import { useState } from 'react';
import { dayKey } from '../../shared/calendar.ts';
import type { Settings } from '../../shared/types.ts';
import type { UpdateStatus } from '../../shared/updates.ts';
import { ApiError } from '../api.ts';
import { clockTime, dayLabel } from '../format.ts';
import { useApp } from '../shell/appStore.ts';
import { useUpdates } from '../shell/updatesStore.ts';
import './StartupAndUpdates.css';

type Toggle = 'startAtLogin' | 'checkForUpdates';

/** 'today at 10:32', else 'Mon 4 May at 10:32'. */
function when(ms: number): string {
  const day = dayKey(ms);
  return `${day === dayKey(Date.now()) ? 'today' : dayLabel(day)} at ${clockTime(ms)}`;
}

/** Where the updates stand, in one sentence. */
function updateWords(status: UpdateStatus): string {
  const version = status.currentVersion ? `Twoway ${status.currentVersion}` : 'Twoway';
  const last = status.lastCheckAt === null ? 'Not checked yet.' : `Last checked ${when(status.lastCheckAt)}.`;
  switch (status.phase) {
    case 'checking':
      return `${version}. Checking for updates…`;
    case 'downloading':
      return `${version}. Downloading ${status.newVersion ?? 'the update'}${status.percent === null ? '' : ` (${status.percent} %)`}…`;
    case 'downloaded':
      return `${version}. ${status.newVersion ?? 'An update'} is downloaded: restart to update.`;
    case 'up-to-date':
      return `${version} is up to date. ${last}`;
    default:
      return `${version}. ${last}`;
  }
}

/** Start at login and update checks: each applies as soon as it is switched, as system settings do. */
export function StartupAndUpdates() {
  const settings = useApp((state) => state.settings);
  const host = useApp((state) => state.status?.host);
  const update = useApp((state) => state.api.updateSettings);
  const status = useUpdates((state) => state.status);
  const checkNow = useUpdates((state) => state.api.checkNow);
  const [errors, setErrors] = useState<Partial<Record<Toggle | 'check', string>>>({});
  const [saved, setSaved] = useState('');
  // A switch shows its new position while it saves; a refusal puts it back.
  const [switching, setSwitching] = useState<Partial<Record<Toggle, boolean>>>({});
  if (!settings) return null;
  const desktop = status?.source === 'desktop';
  const isOn = (field: Toggle) => switching[field] ?? settings[field];

  async function toggle(field: Toggle, on: boolean) {
    setSaved('');
    setSwitching((now) => ({ ...now, [field]: on }));
    try {
      await update({ [field]: on } as Partial<Settings>);
      setErrors((now) => ({ ...now, [field]: undefined }));
      setSaved('Saved.');
    } catch (error) {
      const message = error instanceof ApiError ? (error.fields[field] ?? error.message) : String(error);
      setErrors((now) => ({ ...now, [field]: message }));
    } finally {
      setSwitching(({ [field]: _done, ...rest }) => rest);
    }
  }

  async function check() {
    setErrors((now) => ({ ...now, check: undefined }));
    try {
      await checkNow();
    } catch (error) {
      setErrors((now) => ({ ...now, check: error instanceof Error ? error.message : String(error) }));
    }
  }

  const fieldError = (field: Toggle | 'check') =>
    errors[field] ? (
      <span className="field-error" role="alert">
        {errors[field]}
      </span>
    ) : null;

  return (
    <section className="card startup-updates" aria-labelledby="startup-updates-title">
      <h2 className="card-title" id="startup-updates-title">
        Start-up and updates
      </h2>
      <div className="toggle">
        <label className="inline">
          <input
            type="checkbox"
            checked={isOn('startAtLogin')}
            onChange={(event) => void toggle('startAtLogin', event.target.checked)}
            aria-describedby="start-at-login-help"
          />
          Start Twoway when I log in
        </label>
        <p className="muted" id="start-at-login-help">
          It opens hidden in the tray, timing nothing until you start a session. Where your desktop shows no tray, the
          window opens instead.
          {host === 'browser-preview' && ' The desktop app applies this; the browser preview only saves it.'}
        </p>
        {fieldError('startAtLogin')}
      </div>
      <div className="toggle">
        <label className="inline">
          <input
            type="checkbox"
            checked={isOn('checkForUpdates')}
            onChange={(event) => void toggle('checkForUpdates', event.target.checked)}
            aria-describedby="check-for-updates-help"
          />
          Check for updates automatically
        </label>
        <p className="muted" id="check-for-updates-help">
          At start and every 6 hours Twoway looks for a new version on GitHub and downloads it in the background. It
          never restarts on its own while a session runs.
        </p>
      </div>
      {saved && <p role="status">{saved}</p>}
      {status && !desktop && (
        <p className="note">
          {status.source === 'preview'
            ? 'Updates are managed by the desktop app: the browser preview does not update itself.'
            : 'This is a development build: it does not check for updates.'}
        </p>
      )}
      {status && desktop && (
        <div className="update-status">
          <p aria-live="polite">{updateWords(status)}</p>
          {status.error && (
            <p className="field-error" role="alert">
              {status.error}
            </p>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void check()}
            disabled={status.phase === 'checking' || status.phase === 'downloading'}
          >
            Check now
          </button>
          {fieldError('check')}
        </div>
      )}
    </section>
  );
}
