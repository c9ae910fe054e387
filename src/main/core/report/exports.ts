// The CSV exports: time entries, daily totals and outcomes, with ISO dates and the local time zone stated.
import type { Outcome } from '../../../shared/outcomes.ts';
import type { DayTotals, TimeEntry } from '../../../shared/types.ts';
import { MINUTE } from '../../../shared/calendar.ts';
import { isoLocal, toCsv } from './csv.ts';

const minutes = (ms: number) => Math.round(ms / MINUTE);

export function entriesCsv(entries: readonly TimeEntry[], timeZone: string): string {
  return toCsv(
    ['start', 'end', 'time_zone', 'kind', 'activity', 'minutes', 'note', 'source'],
    entries.map((e) => [
      isoLocal(e.start),
      isoLocal(e.end),
      timeZone,
      e.kind,
      e.activity,
      minutes(e.end - e.start),
      e.note,
      e.source,
    ]),
  );
}

export function dailyCsv(days: readonly DayTotals[], budgetMs: number, timeZone: string): string {
  return toCsv(
    ['date', 'time_zone', 'online_minutes', 'offline_minutes', 'online_budget_minutes', 'over_budget'],
    days.map((d) => [
      d.day,
      timeZone,
      minutes(d.onlineMs),
      minutes(d.offlineMs),
      minutes(budgetMs),
      d.onlineMs > budgetMs ? 'yes' : 'no',
    ]),
  );
}

export function outcomesCsv(outcomes: readonly Outcome[]): string {
  return toCsv(
    ['date', 'type', 'channel', 'value', 'currency', 'person', 'note'],
    outcomes.map((o) => [
      o.date,
      o.type,
      o.channel,
      o.value === null ? null : o.value.toFixed(2),
      o.currency,
      o.person,
      o.note,
    ]),
  );
}
