// How 'What brings business' reads: outcomes and money per hour of online and of offline time, with units.
import type { BusinessSide, Report } from '../../shared/report.ts';
import { money } from '../format.ts';

type Business = Report['business'];
export type Side = 'online' | 'offline';

/** '0.90 outcomes per hour'; '—' where no time was logged. */
export function outcomesPerHour(side: BusinessSide): string {
  if (side.outcomesPerHour === null) return '—';
  const n = side.outcomesPerHour;
  return `${n.toFixed(n < 10 ? 2 : 0)} ${n === 1 ? 'outcome' : 'outcomes'} per hour`;
}

/** '€120.00 per hour offline', per currency; '—' where there is none. */
export function valuePerHour(side: BusinessSide, name: Side): string {
  const parts = Object.entries(side.valuePerHour).map(([currency, amount]) => money(amount, currency));
  return parts.length > 0 ? `${parts.join(' + ')} per hour ${name}` : '—';
}

/** Every currency either side earned in, so both sides show each one. */
export const currencies = (business: Business) => [
  ...new Set([...Object.keys(business.online.valuePerHour), ...Object.keys(business.offline.valuePerHour)]),
];

function ratio(a: number, b: number): string {
  const times = a / b;
  return times >= 10 ? times.toFixed(0) : times.toFixed(1);
}

/** One sentence for the chart: both sides per hour, and which brings more. */
export function businessSummary(business: Business): string {
  const { online, offline } = business;
  if (online.ms === 0 && offline.ms === 0) return 'No time logged in this period: nothing to weigh yet.';
  const sides = (['offline', 'online'] as const)
    .map((name) => {
      const side = business[name];
      if (side.ms === 0) return `no ${name} time logged`;
      const value = currencies(business).map((c) => `${money(side.valuePerHour[c] ?? 0, c)} per hour`);
      return `${name} ${[outcomesPerHour(side), ...value].join(', ')}`;
    })
    .join('; ');
  const a = offline.outcomesPerHour;
  const b = online.outcomesPerHour;
  let verdict = '';
  if (a !== null && b !== null && (a > 0 || b > 0)) {
    if (a === b) verdict = ' Both bring as many outcomes per hour.';
    else if (b === 0) verdict = ' Only offline time brought outcomes.';
    else if (a === 0) verdict = ' Only online time brought outcomes.';
    else if (a > b) verdict = ` An hour offline brings ${ratio(a, b)} times the outcomes of an hour online.`;
    else verdict = ` An hour online brings ${ratio(b, a)} times the outcomes of an hour offline.`;
  }
  return `Per hour: ${sides}.${verdict}`;
}
