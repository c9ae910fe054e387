// Local-time calendar arithmetic. Days are built with the Date constructor so DST days are 23 or 25 hours long.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The start of the local day `days` days after the one holding `ms`. */
export function addDays(ms: number, days: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start of the week holding `ms`, weeks starting on `weekStartsOn` (0 = Sunday). */
export function startOfWeek(ms: number, weekStartsOn: number): number {
  const back = (new Date(ms).getDay() - weekStartsOn + 7) % 7;
  return addDays(ms, -back);
}

/** Minutes since local midnight, for rules written in wall-clock time ('22:00'). */
export function minuteOfDay(ms: number): number {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
}

/** 'YYYY-MM-DD' → the start of that local day; NaN for anything else. */
export function fromDayKey(key: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  // new Date rolls 2026-02-30 over to March: such a day does not exist.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return Number.NaN;
  return date.getTime();
}

/** Whole local days from the day holding `from` to the day holding `to` (DST days count as one). */
export function daysBetween(from: number, to: number): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY);
}
