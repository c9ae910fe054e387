import { useEffect, useId, useState, type FormEvent } from 'react';
import { amountExample, amountText, parseAmount } from '../../shared/amounts.ts';
import type { OutcomeInput } from '../../shared/inputs.ts';
import {
  outcomeChannelLabels,
  outcomeChannels,
  outcomeTypeLabels,
  outcomeTypes,
  type Outcome,
  type OutcomeChannel,
  type OutcomeType,
} from '../../shared/outcomes.ts';
import type { PersonSuggestion } from '../../shared/personDetails.ts';
import { networkNames } from '../../shared/networkFacts.ts';
import { shownName } from '../../shared/shownNames.ts';
import { call } from '../api.ts';
import { useDebounced } from '../ui/useDebounced.ts';
import { AmountReadback, locale } from './AmountReadback.tsx';
import { useFieldErrors } from '../ui/useFieldErrors.tsx';
import { dateInputValue } from '../format.ts';
import './OutcomeForm.css';

interface Props {
  /** The outcome being edited; a new one starts as today's conversation offline. */
  outcome?: Outcome;
  submitLabel: string;
  onSubmit(outcome: OutcomeInput): Promise<void>;
  onCancel?(): void;
}

/**
 * The people Twoway knows whose handle or name matches what is typed: picking one puts their handle in, so the
 * outcome links to them on the Network view (and protects them there).
 */
function usePeopleSuggestions(typed: string): PersonSuggestion[] {
  const search = useDebounced(typed.trim(), 200);
  const [found, setFound] = useState<{ search: string; people: PersonSuggestion[] }>({ search: '', people: [] });
  useEffect(() => {
    if (search.length < 2) return;
    let current = true;
    call('suggestPeople', { search })
      .then((people) => current && setFound({ search, people }))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [search]);
  return search.length < 2 || found.search !== search ? [] : found.people;
}

/** The last currency used is offered again: a consultant bills in one currency most of the time. */
const currencyKey = 'twoway.lastCurrency';

export function OutcomeForm({ outcome, submitLabel, onSubmit, onCancel }: Props) {
  const [type, setType] = useState<OutcomeType>(outcome?.type ?? 'conversation');
  const [channel, setChannel] = useState<OutcomeChannel>(outcome?.channel ?? 'offline');
  const [today] = useState(() => dateInputValue(Date.now()));
  const [date, setDate] = useState(outcome?.date ?? today);
  const [value, setValue] = useState(outcome?.value == null ? '' : amountText(outcome.value, locale()));
  const [currency, setCurrency] = useState(outcome?.currency ?? localStorage.getItem(currencyKey) ?? 'EUR');
  const [person, setPerson] = useState(outcome?.person ?? '');
  const [note, setNote] = useState(outcome?.note ?? '');
  const { errors, setErrors, refused, error, described, formError } = useFieldErrors();
  const suggestions = usePeopleSuggestions(person);
  const suggestionsId = useId();
  const [busy, setBusy] = useState(false);
  const readbackId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = value.trim() === '' ? null : parseAmount(value, locale());
    if (parsed && !parsed.ok) return setErrors({ value: parsed.error });
    const amount = parsed?.value ?? null;
    setBusy(true);
    try {
      await onSubmit({ type, channel, date, value: amount, currency: amount === null ? null : currency, person, note });
      if (amount !== null) localStorage.setItem(currencyKey, currency.toUpperCase());
      setErrors({});
    } catch (failure) {
      refused(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="outcome-form" onSubmit={(event) => void submit(event)} noValidate>
      <label>
        What happened
        <select value={type} onChange={(event) => setType(event.target.value as OutcomeType)}>
          {outcomeTypes.map((t) => (
            <option key={t} value={t}>
              {outcomeTypeLabels[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Where it came from
        <select value={channel} onChange={(event) => setChannel(event.target.value as OutcomeChannel)}>
          {outcomeChannels.map((c) => (
            <option key={c} value={c}>
              {outcomeChannelLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date
        <input
          type="date"
          value={date}
          max={today}
          onChange={(event) => setDate(event.target.value)}
          aria-invalid={!!errors.date}
          aria-describedby={described('date')}
        />
        {error('date')}
      </label>
      <label>
        <span>Value {type === 'client' ? '' : <span className="muted">(optional)</span>}</span>
        <span className="inline-fields">
          <input
            inputMode="decimal"
            value={value}
            placeholder={amountExample(locale())}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={!!errors.value}
            aria-describedby={[described('value'), readbackId].filter(Boolean).join(' ')}
          />
          <input
            className="currency"
            aria-label="Currency"
            value={currency}
            maxLength={3}
            onChange={(event) => setCurrency(event.target.value.toUpperCase())}
            aria-invalid={!!errors.currency}
            aria-describedby={described('currency')}
          />
        </span>
        <AmountReadback id={readbackId} text={value} currency={currency} />
        {error('value')}
        {error('currency')}
      </label>
      <label>
        <span>
          With <span className="muted">(optional)</span>
        </span>
        <input
          value={person}
          onChange={(event) => setPerson(event.target.value)}
          placeholder="Name or @handle"
          list={suggestionsId}
          autoComplete="off"
        />
        <datalist id={suggestionsId}>
          {suggestions.map((p) => (
            <option key={`${p.network}\n${p.handle}`} value={p.handle}>
              {`${p.displayName ? `${shownName(p.displayName)} · ` : ''}${networkNames[p.network]}`}
            </option>
          ))}
        </datalist>
        {error('person')}
      </label>
      <label className="wide">
        <span>
          Note <span className="muted">(optional)</span>
        </span>
        <input
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="e.g. my post was shown on TV"
          aria-invalid={!!errors.note}
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
        {formError(['date', 'type', 'channel', 'value', 'currency', 'person', 'note'])}
      </div>
    </form>
  );
}
