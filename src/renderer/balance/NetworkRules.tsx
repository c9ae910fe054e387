import { useEffect, useState, type FormEvent } from 'react';
import type { DueCounts } from '../../shared/contract.ts';
import type { Settings } from '../../shared/types.ts';
import { ApiError, call } from '../api.ts';
import { useApp } from '../shell/appStore.ts';
import { useBalances } from './balanceStore.ts';
import { count, people } from './networkWords.ts';
import { useLeaveGuard } from '../settings/useLeaveGuard.ts';
import { NumberField } from '../ui/NumberField.tsx';
import { useDebounced } from '../ui/useDebounced.ts';
import './NetworkRules.css';

type Rule = 'graceDays' | 'dailyWriteCap' | 'syncEveryHours';
const fields: [Rule, string, string][] = [
  ['graceDays', 'Grace period', 'days'],
  ['dailyWriteCap', 'Daily cap per account', 'changes'],
  ['syncEveryHours', 'Sync automatically every', 'hours'],
];

const validGrace = (days: number) => Number.isInteger(days) && days >= 0 && days <= 365;
const dayWords = (n: number) => `${count(n)} ${n === 1 ? 'day' : 'days'}`;

/** Who would be due with each grace period asked about, summed over the accounts, and the most on one account. */
function totals(counts: DueCounts, index: number) {
  const due = counts.map((account) => account.due[index] ?? 0);
  return { due: due.reduce((a, b) => a + b, 0), most: Math.max(0, ...due) };
}

/**
 * What the draft would do, in sentences: who is due with its grace period (`counts` answer for the saved one,
 * then the draft's), how long the cap spreads their unfollowing, and when accounts sync.
 */
function effects(draft: Settings, grace: number, saved: Settings, counts: DueCounts | null): string[] {
  const lines: string[] = [];
  if (counts !== null && counts.length === 0) lines.push('Add a network account to see who would be due.');
  else if (counts !== null) {
    const now = totals(counts, 0);
    const then = totals(counts, 1);
    lines.push(
      grace === saved.graceDays
        ? `With ${dayWords(grace)}, ${people(now.due)} ${now.due === 1 ? 'is' : 'are'} due now.`
        : `With ${dayWords(grace)}, ${people(then.due)} would be due now; ${count(now.due)} with the ${dayWords(saved.graceDays)} saved.`,
    );
    const cap = Number.isInteger(draft.dailyWriteCap) && draft.dailyWriteCap > 0 ? draft.dailyWriteCap : null;
    if (cap !== null && then.most > 0) {
      const days = Math.ceil(then.most / cap);
      lines.push(
        `At ${count(cap)} a day per account, unfollowing everyone due takes ${days === 1 ? 'a day at most' : `about ${dayWords(days)}`}.`,
      );
    }
  }
  if (Number.isInteger(draft.syncEveryHours)) {
    lines.push(
      draft.syncEveryHours === 0
        ? 'Accounts sync only when you press Sync now.'
        : `Each account syncs every ${draft.syncEveryHours === 1 ? 'hour' : `${count(draft.syncEveryHours)} hours`} while Twoway runs, and reads its lists whole at least once a day.`,
    );
  }
  return lines;
}

/** Settings → Networks: the grace period, the daily cap and the sync interval, with their effect as you type. */
export function NetworkRules() {
  const saved = useApp((state) => state.settings);
  const update = useApp((state) => state.api.updateSettings);
  const balances = useBalances((state) => state.balances);
  const [edits, setEdits] = useState<Partial<Pick<Settings, Rule>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [counts, setCounts] = useState<{ key: string; counts: DueCounts | null; error?: string } | null>(null);
  const draft = saved && { ...saved, ...edits };
  // A grace period that is no number yet (a cleared field) shows the saved one's effect until it is.
  const grace = draft && validGrace(draft.graceDays) ? draft.graceDays : (saved?.graceDays ?? null);
  const asked = useDebounced(grace, 250);
  const savedGrace = saved?.graceDays ?? null;
  const key = JSON.stringify([savedGrace, asked, balances.map((b) => b.syncedAt)]);

  // Counted in main from the real lists, again after every sync.
  useEffect(() => {
    if (savedGrace === null || asked === null) return;
    let current = true;
    call('countDue', { graceDays: [savedGrace, asked] }).then(
      (answer) => current && setCounts({ key, counts: answer }),
      (error: unknown) => current && setCounts({ key, counts: null, error: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, savedGrace, asked]);
  const dirty = !!saved && (Object.keys(edits) as Rule[]).some((rule) => !Object.is(edits[rule], saved[rule]));
  useLeaveGuard(dirty, 'Leave without saving the network rules? Your changes to them are lost.');
  if (!saved || !draft || grace === null) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await update(edits);
      setEdits({});
      setErrors({});
      setMessage('Saved.');
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fields : { form: String(error) });
      setMessage('');
    }
  }

  const answered = counts?.key === key && asked === grace ? counts : null;
  const shown = answered?.counts ?? null;
  return (
    <form
      className="settings card network-rules"
      aria-labelledby="network-rules-title"
      onSubmit={(e) => void save(e)}
      noValidate
    >
      <h2 className="card-title" id="network-rules-title">
        Networks
      </h2>
      <p className="note">
        Someone you follow is <strong>due</strong> when they have not followed you back within the grace period, counted
        from the day you followed them (on Mastodon and X, from the day Twoway first saw the follow). People you keep,
        and accounts that are gone or block you, are never due. Twoway unfollows only the people you pick and confirm,
        at a pace each network allows, and at most the daily cap. X takes no unfollows from apps: there Twoway opens
        each profile for you to unfollow on X.
      </p>
      <div className="settings-grid">
        {fields.map(([field, label, unit]) => (
          <NumberField
            key={field}
            label={label}
            unit={unit}
            value={draft[field]}
            onChange={(value) => {
              setEdits({ ...edits, [field]: value });
              setMessage('');
            }}
            error={errors[field]}
          />
        ))}
      </div>
      <section className="rule-effects" aria-live="polite" aria-label="What these rules do">
        {effects(draft, grace, saved, shown).map((line) => (
          <p key={line}>{line}</p>
        ))}
        {answered?.error && <p className="warn">Who would be due could not be counted: {answered.error}</p>}
        {!answered && <p className="muted">Counting who would be due…</p>}
      </section>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={Object.keys(edits).length === 0}>
          Save network rules
        </button>
        {message && <span role="status">{message}</span>}
        {dirty && !message && <span className="muted">Not saved yet</span>}
        {errors.form && (
          <span className="field-error" role="alert">
            {errors.form}
          </span>
        )}
      </div>
    </form>
  );
}
