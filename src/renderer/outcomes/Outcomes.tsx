import { useState } from 'react';
import { outcomeChannelLabels, outcomeTypeLabels, type Outcome } from '../../shared/outcomes.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { RowActions } from '../ui/RowActions.tsx';
import { UndoToast } from '../ui/UndoToast.tsx';
import { dateInputValue, dayLabel, money } from '../format.ts';
import { OutcomeTotals } from './OutcomeTotals.tsx';
import { inPeriod, outcomePeriodLabels, outcomePeriods, type OutcomePeriod } from '../../shared/outcomeTotals.ts';
import { useOutcomes } from './outcomesStore.ts';
import './Outcomes.css';

function OutcomeRow({ outcome }: { outcome: Outcome }) {
  const api = useOutcomes((state) => state.api);
  const [editing, setEditing] = useState(false);
  const what = outcomeTypeLabels[outcome.type];
  if (editing) {
    return (
      <li className="outcome editing">
        <OutcomeForm
          outcome={outcome}
          submitLabel="Save changes"
          onSubmit={async (input) => {
            await api.update(outcome.id, input);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  const label = `${what} of ${dayLabel(outcome.date, 'long')}${outcome.person ? ` with ${outcome.person}` : ''}`;
  return (
    <li className="outcome">
      <span className="outcome-date">{dayLabel(outcome.date)}</span>
      <span className={`outcome-type type-${outcome.type}`}>{what}</span>
      <span className="outcome-channel muted">{outcomeChannelLabels[outcome.channel]}</span>
      <span className="outcome-value">
        {outcome.value !== null && outcome.currency ? money(outcome.value, outcome.currency) : ''}
      </span>
      <span className="outcome-person">{outcome.person}</span>
      <span className="outcome-note">{outcome.note}</span>
      <RowActions label={label} onEdit={() => setEditing(true)} onDelete={() => void api.remove(outcome.id)} />
    </li>
  );
}

/** What networking produced: connections, conversations, meetings, leads, clients, media mentions. */
export function Outcomes() {
  const { outcomes: all, lastDeleted, api } = useOutcomes();
  const [logging, setLogging] = useState(false);
  const [period, setPeriod] = useState<OutcomePeriod>('all');
  const [today] = useState(() => dateInputValue(Date.now()));
  const outcomes = all.filter((outcome) => inPeriod(outcome.date, period, today));
  return (
    <div className="outcomes-view">
      <div className="toolbar">
        <p className="muted toolbar-note">
          Log what networking produced, online or offline; the report weighs it against the time it took.
        </p>
        <span className="spacer" />
        {all.length > 0 && (
          <label className="inline outcome-period">
            Period
            <select value={period} onChange={(event) => setPeriod(event.target.value as OutcomePeriod)}>
              {outcomePeriods.map((p) => (
                <option key={p} value={p}>
                  {outcomePeriodLabels[p]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button primary" aria-expanded={logging} onClick={() => setLogging(!logging)}>
          Log an outcome
        </button>
      </div>
      {logging && (
        <section className="card" aria-label="Log an outcome">
          <h2 className="card-title">Log an outcome</h2>
          <OutcomeForm
            submitLabel="Save outcome"
            onSubmit={async (input) => {
              await api.add(input);
              setLogging(false);
            }}
            onCancel={() => setLogging(false)}
          />
        </section>
      )}
      {lastDeleted && (
        <UndoToast onUndo={api.undo}>
          Deleted the {outcomeTypeLabels[lastDeleted.type].toLowerCase()} of {dayLabel(lastDeleted.date)}.
        </UndoToast>
      )}
      {all.length > 0 && <OutcomeTotals outcomes={outcomes} period={outcomePeriodLabels[period]} />}
      {all.length > 0 && outcomes.length === 0 ? (
        <p className="list-message muted">No outcomes in this period.</p>
      ) : outcomes.length === 0 ? (
        <EmptyState title="No outcomes logged yet">
          <p>
            A new connection, a conversation, a meeting booked, a lead, a client won, your post shown on TV: log it
            here, and the report shows what brings business — online or offline.
          </p>
        </EmptyState>
      ) : (
        <section className="card" aria-label="Logged outcomes">
          <ul className="outcomes">
            {outcomes.map((outcome) => (
              <OutcomeRow key={outcome.id} outcome={outcome} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
