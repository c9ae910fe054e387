// How times and counts read in the UI.
export { duration } from '../shared/duration.ts';

/** The locale the window writes in, the system's: the same main writes the tray and notifications in. */
export const uiLocale = () => Intl.DateTimeFormat().resolvedOptions().locale;

/** A running timer: 4:05 under an hour, 1:04:05 over. */
export function stopwatch(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** 'YYYY-MM-DD' → 'Mon 23 Nov'. */
export function dayLabel(day: string, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y!, m! - 1, d!);
  return date.toLocaleDateString(undefined, { weekday: style, day: 'numeric', month: 'short' });
}

/** 'YYYY-MM-DD' → 'Mon'. */
export function weekdayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { weekday: 'short' });
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** 'YYYY-MM-DD' in local time, as a date input takes it. */
export { dayKey as dateInputValue } from '../shared/calendar.ts';

export function timeInputValue(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A local date ('2026-11-25') and time ('14:30') from form inputs → epoch ms; NaN when incomplete. */
export function fromInputs(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  if ([y, m, d, hh, mm].some((n) => n === undefined || Number.isNaN(n))) return Number.NaN;
  return new Date(y!, m! - 1, d!, hh!, mm!).getTime();
}

/** An amount in its currency, as the user's locale writes it: '€4,500.00'. */
export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
}

/** Amounts in several currencies, never added together: '€4,500.00 + $300.00'; '—' when there are none. */
export function moneyList(amounts: Record<string, number>): string {
  const parts = Object.entries(amounts).map(([currency, amount]) => money(amount, currency));
  return parts.length > 0 ? parts.join(' + ') : '—';
}

/** '2026-11-23'…'2026-11-29' → 'Nov 23 – 29, 2026' (in the user's locale), across months and years as needed. */
export function rangeLabel(from: string, to: string): string {
  const date = (key: string) => {
    const [y, m, d] = key.split('-').map(Number);
    return new Date(y!, m! - 1, d!);
  };
  const format = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return from === to ? format.format(date(from)) : format.formatRange(date(from), date(to));
}
