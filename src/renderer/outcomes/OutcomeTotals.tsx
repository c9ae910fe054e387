import { outcomeTotals } from '../../shared/outcomeTotals.ts';
import { outcomeTypeLabels, type Outcome } from '../../shared/outcomes.ts';
import { money } from '../format.ts';
import './OutcomeTotals.css';

/** How many outcomes of each kind the period holds, and their value per currency — never one sum of several. */
export function OutcomeTotals({ outcomes, period }: { outcomes: readonly Outcome[]; period: string }) {
  const totals = outcomeTotals(outcomes);
  const values = Object.entries(totals.value);
  return (
    <section className="card outcome-totals" aria-labelledby="outcome-totals-title">
      <h2 id="outcome-totals-title" className="card-title">
        Totals{' '}
        <span className="muted">
          · {period} · {totals.count.toLocaleString()} outcome{totals.count === 1 ? '' : 's'}
        </span>
      </h2>
      <dl className="outcome-totals-types">
        {totals.byType.map(({ type, count }) => (
          <div key={type} className={count === 0 ? 'none' : undefined}>
            <dt>{outcomeTypeLabels[type]}</dt>
            <dd>{count.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <p className="outcome-totals-value">
        {values.length === 0 ? (
          <span className="muted">No values logged in this period.</span>
        ) : (
          <>
            Value{values.length > 1 ? ', per currency' : ''}:{' '}
            {values.map(([currency, amount], index) => (
              <span key={currency}>
                {index > 0 && <span className="muted"> · </span>}
                <strong>{money(amount, currency)}</strong>
              </span>
            ))}
          </>
        )}
      </p>
    </section>
  );
}
