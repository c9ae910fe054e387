import { useState, type FormEvent } from 'react';
import { awayNote, closeNote } from '../../shared/systemNotes.ts';
import type { Settings as SettingsValues } from '../../shared/types.ts';
import { ApiError } from '../api.ts';
import { BackupRestore } from '../components/BackupRestore.tsx';
import { NetworkRules } from '../components/network/NetworkRules.tsx';
import { StartupAndUpdates } from '../components/StartupAndUpdates.tsx';
import { useApp } from '../stores/appStore.ts';

const numberFields = [
  ['dailyOnlineBudgetMin', 'Daily online budget', 'minutes'],
  ['longestStretchMin', 'Longest continuous online stretch', 'minutes'],
  ['weeklyOfflineTargetMin', 'Weekly offline target', 'minutes'],
  ['onlineShareTargetPct', 'Online share target (at most)', '%'],
  ['postsPerWeekTarget', 'Posts per week target', 'posts'],
  ['idleMinutes', 'Ask about idle time after', 'minutes'],
] as const;

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function Settings() {
  const saved = useApp((state) => state.settings);
  const status = useApp((state) => state.status);
  const update = useApp((state) => state.api.updateSettings);
  // Unsaved edits over the saved settings: changes made elsewhere meanwhile appear at once, and saving keeps them.
  const [edits, setEdits] = useState<Partial<SettingsValues> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const draft = saved && { ...saved, ...edits };
  if (!draft) return null;

  const change = (patch: Partial<SettingsValues>) => {
    setEdits({ ...edits, ...patch });
    setMessage('');
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await update(edits ?? {});
      setEdits(null);
      setErrors({});
      setMessage('Settings saved.');
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fields : { form: String(error) });
      setMessage('');
    }
  }

  const error = (field: string) => (errors[field] ? <span className="field-error">{errors[field]}</span> : null);

  return (
    <>
      <form className="settings card" onSubmit={(event) => void save(event)} noValidate>
        <h2 className="card-title">Time budgets and reminders</h2>
        <div className="settings-grid">
          {numberFields.map(([field, label, unit]) => (
            <label key={field}>
              {label}
              <span className="with-unit">
                <input
                  type="number"
                  value={Number.isNaN(draft[field]) ? '' : draft[field]}
                  onChange={(event) => change({ [field]: event.target.valueAsNumber })}
                  aria-invalid={!!errors[field]}
                />
                <span className="unit">{unit}</span>
              </span>
              {error(field)}
            </label>
          ))}
          <label className="inline wide">
            <input
              type="checkbox"
              checked={draft.discardShortSessions}
              onChange={(event) => change({ discardShortSessions: event.target.checked })}
            />
            Discard sessions shorter than 1 minute
          </label>
          {status && <p className="note wide">{awayNote(status)}</p>}
          {status && closeNote(status) && <p className="note wide">{closeNote(status)}</p>}
          <fieldset className="quiet-hours">
            <legend>Quiet hours</legend>
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.quietHours !== null}
                onChange={(event) =>
                  change({ quietHours: event.target.checked ? { from: '20:00', to: '08:00' } : null })
                }
              />
              No reminders during these hours
            </label>
            {draft.quietHours && (
              <span className="inline-fields">
                <label>
                  From
                  <input
                    type="time"
                    value={draft.quietHours.from}
                    onChange={(event) => change({ quietHours: { ...draft.quietHours!, from: event.target.value } })}
                  />
                </label>
                <label>
                  To
                  <input
                    type="time"
                    value={draft.quietHours.to}
                    onChange={(event) => change({ quietHours: { ...draft.quietHours!, to: event.target.value } })}
                  />
                </label>
              </span>
            )}
            {error('quietHours.from')}
            {error('quietHours.to')}
          </fieldset>
          <label>
            Weeks start on
            <select
              value={draft.weekStartsOn}
              onChange={(event) => change({ weekStartsOn: Number(event.target.value) })}
            >
              {weekdays.map((name, day) => (
                <option key={name} value={day}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Appearance
            <select
              value={draft.theme}
              onChange={(event) => change({ theme: event.target.value as SettingsValues['theme'] })}
            >
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">
            Save settings
          </button>
          {message && <span role="status">{message}</span>}
          {errors.form && (
            <span className="field-error" role="alert">
              {errors.form}
            </span>
          )}
        </div>
        {status && (
          <p className="muted data-dir">
            Your data is kept in <code>{status.dataDir}</code>.
          </p>
        )}
      </form>
      <NetworkRules />
      <StartupAndUpdates />
      <BackupRestore />
    </>
  );
}
