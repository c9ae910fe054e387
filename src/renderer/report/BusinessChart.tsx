import type { Report } from '../../shared/report.ts';
import { money } from '../format.ts';
import { businessSummary, currencies, outcomesPerHour, type Side } from './businessText.ts';
import './BusinessChart.css';

type Business = Report['business'];

interface Row {
  metric: string;
  values: Record<Side, number | null>;
  show(value: number, side: Side): string;
}

function rows(business: Business): Row[] {
  const perHour = (side: Side) => business[side].outcomesPerHour;
  return [
    {
      metric: 'Outcomes per hour',
      values: { online: perHour('online'), offline: perHour('offline') },
      show: (_, side) => outcomesPerHour(business[side]),
    },
    ...currencies(business).map((currency) => ({
      metric: `Value per hour (${currency})`,
      values: {
        online: business.online.ms === 0 ? null : (business.online.valuePerHour[currency] ?? 0),
        offline: business.offline.ms === 0 ? null : (business.offline.valuePerHour[currency] ?? 0),
      },
      show: (value: number, side: Side) => `${money(value, currency)} per hour ${side}`,
    })),
  ];
}

/** Per hour online against per hour offline, a pair of bars for outcomes and for each currency's value. */
export function BusinessChart({ business }: { business: Business }) {
  const summary = businessSummary(business);
  return (
    <figure className="business-chart">
      <div role="img" aria-label={summary} className="business-rows">
        {rows(business).map((row) => {
          const top = Math.max(row.values.online ?? 0, row.values.offline ?? 0);
          return (
            <div key={row.metric} className="business-row">
              <span className="business-metric">{row.metric}</span>
              {(['online', 'offline'] as const).map((side) => {
                const value = row.values[side];
                return (
                  <div key={side} className="business-line">
                    <span className="business-side">{side === 'online' ? 'Online' : 'Offline'}</span>
                    <span className="business-track">
                      <span
                        className={`business-fill ${side}`}
                        style={{ width: `${top > 0 && value !== null ? (value / top) * 100 : 0}%` }}
                      />
                    </span>
                    <span className="business-value">{value === null ? `no ${side} time` : row.show(value, side)}</span>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      <figcaption aria-hidden="true">{summary}</figcaption>
    </figure>
  );
}
