import { awayNote, closeNote } from '../../shared/systemNotes.ts';
import type { Settings } from '../../shared/types.ts';
import { useApp } from '../shell/appStore.ts';
import { NumberField } from '../ui/NumberField.tsx';
import { Toast } from '../ui/Toast.tsx';
import { QuietHoursNotice } from './QuietHoursNotice.tsx';
import { useAutosave, type Labels } from './useAutosave.ts';
import './TimeSettings.css';

const numberFields = [
  ['dailyOnlineBudgetMin', 'Daily online budget', 'minutes'],
  ['longestStretchMin', 'Longest continuous online stretch', 'minutes'],
  ['weeklyOfflineTargetMin', 'Weekly offline target', 'minutes'],
  ['onlineShareTargetPct', 'Online share target (at most)', '%'],
  ['postsPerWeekTarget', 'Posts per week target', 'posts'],
  ['idleMinutes', 'Ask about idle time after', 'minutes'],
] as const;
const unitWords: Record<string, string> = { minutes: 'minutes', '%': 'percent', posts: 'posts' };

const labels: Labels = {
  ...Object.fromEntries(numberFields.map(([field, label]) => [field, label])),
  discardShortSessions: 'Discarding short sessions',
  quietHours: 'Quiet hours',
  weekStartsOn: 'Week start',
  theme: 'Appearance',
};

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const newQuietHours = { from: '22:00', to: '07:00' };

/** Time budgets, reminders and appearance, each saved as it is changed, with Undo. */
export function TimeSettings() {
  const status = useApp((state) => state.status);
  const saved = useApp((state) => state.settings);
  const { draft, errors, change, flush, toast, dismissToast } = useAutosave(labels);
  if (!draft || !saved) return null;

  const error = (field: string) =>
    errors[field] ? (
      <span className="field-error" id={`settings-${field}-error`}>
        {errors[field]}
      </span>
    ) : null;
  const invalid = (field: string) => ({
    'aria-invalid': !!errors[field],
    'aria-describedby': errors[field] ? `settings-${field}-error` : undefined,
  });
  const quiet = (patch: Partial<Settings['quietHours'] & object>) => {
    const next = { ...(draft.quietHours ?? newQuietHours), ...patch };
    change({ quietHours: next }, next.from && next.to ? {} : { problem: 'Enter both times, like 22:00 and 07:00.' });
  };

  return (
    <section className="settings card" aria-labelledby="time-settings-title">
      <h2 id="time-settings-title" className="card-title">
        Time budgets and reminders <span className="muted settings-saving">· saved as you change them</span>
      </h2>
      <div className="settings-grid">
        {numberFields.map(([field, label, unit]) => (
          <NumberField
            key={field}
            label={label}
            unit={unit}
            value={draft[field]}
            onChange={(value) =>
              change(
                { [field]: value },
                Number.isInteger(value)
                  ? {}
                  : { problem: `Enter the ${label.toLowerCase()} as a whole number of ${unitWords[unit]}.` },
              )
            }
            onCommit={flush}
            error={errors[field]}
          />
        ))}
        <label className="inline wide">
          <input
            type="checkbox"
            checked={draft.discardShortSessions}
            onChange={(event) => change({ discardShortSessions: event.target.checked }, { atOnce: true })}
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
                change({ quietHours: event.target.checked ? newQuietHours : null }, { atOnce: true })
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
                  onChange={(event) => quiet({ from: event.target.value })}
                  onBlur={flush}
                  onKeyDown={(event) => event.key === 'Enter' && flush()}
                  {...invalid('quietHours.from')}
                />
              </label>
              <label>
                To
                <input
                  type="time"
                  value={draft.quietHours.to}
                  onChange={(event) => quiet({ to: event.target.value })}
                  onBlur={flush}
                  onKeyDown={(event) => event.key === 'Enter' && flush()}
                  {...invalid('quietHours.to')}
                />
              </label>
            </span>
          )}
          {error('quietHours')}
          {error('quietHours.from')}
          {error('quietHours.to')}
          <QuietHoursNotice quietHours={saved.quietHours} />
        </fieldset>
        <label>
          Weeks start on
          <select
            value={draft.weekStartsOn}
            onChange={(event) => change({ weekStartsOn: Number(event.target.value) }, { atOnce: true })}
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
            onChange={(event) => change({ theme: event.target.value as Settings['theme'] }, { atOnce: true })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </div>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      {status && (
        <p className="muted data-dir">
          Your data is kept in <code>{status.dataDir}</code>.
        </p>
      )}
      <Toast toast={toast} onDismiss={dismissToast} />
    </section>
  );
}
