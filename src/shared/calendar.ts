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
