import { useId, useState, type FormEvent } from 'react';
import type { EntryInput } from '../../shared/inputs.ts';
import { offlineActivities, onlineActivities, type SessionKind, type TimeEntry } from '../../shared/types.ts';
import { parseDuration } from '../../shared/typedDuration.ts';
import { useFieldErrors } from '../ui/useFieldErrors.tsx';
import { dateInputValue, fromInputs, timeInputValue } from '../format.ts';
import './EntryForm.css';

interface Props {
  /** The entry being edited; a new entry starts as an offline meeting that ended now. */
  entry?: TimeEntry;
  submitLabel: string;
  onSubmit(entry: EntryInput): Promise<void>;
  onCancel?(): void;
}

const activitiesOf = (kind: SessionKind): readonly string[] =>
  kind === 'online' ? onlineActivities : offlineActivities;

/** From and To as a duration ('1:30'); '' while either is incomplete or To is not after From. */
function spanOf(date: string, from: string, to: string): string {
  const minutes = (fromInputs(date, to) - fromInputs(date, from)) / 60_000;
  if (!(minutes > 0)) return '';
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function EntryForm({ entry, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [now] = useState(Date.now);
  const [kind, setKind] = useState<SessionKind>(entry?.kind ?? 'offline');
  const [activity, setActivity] = useState<string>(entry?.activity ?? 'meeting');
  const [date, setDate] = useState(dateInputValue(entry?.start ?? now));
  const [from, setFrom] = useState(timeInputValue(entry?.start ?? now - 60 * 60_000));
  const [to, setTo] = useState(timeInputValue(entry?.end ?? now));
  const [note, setNote] = useState(entry?.note ?? '');
  // A typed duration sets the end from the start; null while the duration just follows From and To.
  const [typed, setTyped] = useState<string | null>(null);
  const { errors, setErrors, refused, error, described, formError } = useFieldErrors();
  const [busy, setBusy] = useState(false);

  function chooseKind(next: SessionKind) {
    setKind(next);
    if (!activitiesOf(next).includes(activity)) setActivity(activitiesOf(next)[0]!);
  }

  /** The end a valid typed duration gives from `start`, as the To field shows it. */
  function follow(text: string | null, start: string) {
    const parsed = text === null ? null : parseDuration(text);
    const begin = fromInputs(date, start);
    if (parsed && 'ms' in parsed && !Number.isNaN(begin)) setTo(timeInputValue(begin + parsed.ms));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const start = fromInputs(date, from);
    if (Number.isNaN(start)) return setErrors({ start: 'Enter a date and a start time.' });
    const parsed = typed === null ? null : parseDuration(typed);
    if (parsed && 'error' in parsed) return setErrors({ duration: parsed.error });
    // A typed duration may run past midnight; the To field alone cannot.
    const end = parsed ? start + parsed.ms : fromInputs(date, to);
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
          onChange={(event) => {
            setFrom(event.target.value);
            follow(typed, event.target.value);
          }}
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
          onChange={(event) => {
            setTo(event.target.value);
            setTyped(null);
          }}
          aria-invalid={!!errors.end}
          aria-describedby={described('end')}
          required
        />
        {error('end')}
      </label>
      <label>
        Duration
        <input
          type="text"
          inputMode="decimal"
          value={typed ?? spanOf(date, from, to)}
          onChange={(event) => {
            setTyped(event.target.value);
            follow(event.target.value, from);
          }}
          placeholder="1h30"
          aria-invalid={!!errors.duration}
          aria-describedby={described('duration') ?? `${id}-duration-hint`}
        />
        {error('duration') ?? (
          <span className="field-hint" id={`${id}-duration-hint`}>
            1h30, 90m, 1:30, 1.5h or 45
          </span>
        )}
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
        {formError(['start', 'end', 'activity', 'duration'])}
      </div>
    </form>
  );
}
