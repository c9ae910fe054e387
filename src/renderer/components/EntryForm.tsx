import { useId, useState, type FormEvent } from 'react';
import type { EntryInput } from '../../shared/inputs.ts';
import { offlineActivities, onlineActivities, type SessionKind, type TimeEntry } from '../../shared/types.ts';
import { useFieldErrors } from './useFieldErrors.tsx';
import { dateInputValue, fromInputs, timeInputValue } from '../format.ts';

interface Props {
  /** The entry being edited; a new entry starts as an offline meeting that ended now. */
  entry?: TimeEntry;
  submitLabel: string;
  onSubmit(entry: EntryInput): Promise<void>;
  onCancel?(): void;
}

const activitiesOf = (kind: SessionKind): readonly string[] =>
  kind === 'online' ? onlineActivities : offlineActivities;

export function EntryForm({ entry, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [now] = useState(Date.now);
  const [kind, setKind] = useState<SessionKind>(entry?.kind ?? 'offline');
  const [activity, setActivity] = useState<string>(entry?.activity ?? 'meeting');
  const [date, setDate] = useState(dateInputValue(entry?.start ?? now));
  const [from, setFrom] = useState(timeInputValue(entry?.start ?? now - 60 * 60_000));
  const [to, setTo] = useState(timeInputValue(entry?.end ?? now));
  const [note, setNote] = useState(entry?.note ?? '');
  const { errors, setErrors, refused, error, described, formError } = useFieldErrors();
  const [busy, setBusy] = useState(false);

  function chooseKind(next: SessionKind) {
    setKind(next);
    if (!activitiesOf(next).includes(activity)) setActivity(activitiesOf(next)[0]!);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const start = fromInputs(date, from);
    const end = fromInputs(date, to);
    if (Number.isNaN(start)) return setErrors({ start: 'Enter a date and a start time.' });
    if (Number.isNaN(end)) return setErrors({ end: 'Enter an end time.' });
    setBusy(true);
    try {
      await onSubmit({ kind, activity: activity as EntryInput['activity'], start, end, note });
      setErrors({});
    } catch (failure) {
      refused(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="entry-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="kind-choice">
        <legend>Kind</legend>
        {(['offline', 'online'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={option}
              checked={kind === option}
              onChange={() => chooseKind(option)}
            />
            {option === 'online' ? 'Online' : 'Offline'}
          </label>
        ))}
      </fieldset>
      <label>
        Activity
        <select
          value={activity}
          onChange={(event) => setActivity(event.target.value)}
          aria-describedby={described('activity')}
        >
          {activitiesOf(kind).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        {error('activity')}
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(event) => setDate(event.target.value)} required />
      </label>
      <label>
        From
        <input
          type="time"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          aria-invalid={!!errors.start}
          aria-describedby={described('start')}
          required
        />
        {error('start')}
      </label>
      <label>
        To
        <input
          type="time"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-invalid={!!errors.end}
          aria-describedby={described('end')}
          required
        />
        {error('end')}
      </label>
      <label className="wide">
        Note
        <input
          type="text"
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Who, where, what came of it"
        />
        {error('note')}
      </label>
      <div className="form-actions wide">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        {formError(['start', 'end', 'activity'])}
      </div>
    </form>
  );
}
