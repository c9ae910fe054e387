// A duration as people type it — '1h30', '90m', '1:30', '45', '1.5h' — read into milliseconds, or told why not.
import { DAY, MINUTE } from './calendar.ts';

export type TypedDuration = { ms: number } | { error: string };

const hint = 'Type it like 1h30, 90m, 1:30, 1.5h or 45 (minutes).';

/** '1:30', '1h30', '1 h 30 min': whole hours and minutes, the minutes under 60. */
const hoursAndMinutes = /^(\d+)\s*(?::|h|hr|hrs|hours?)\s*(\d+)\s*(?:m|min|mins|minutes?)?$/;
/** '1.5h', '2 hours', '1,5 h'. */
const hoursOnly = /^(\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:h|hr|hrs|hours?)$/;
/** '90m', '45 min', '45'. */
const minutesOnly = /^(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minutes?)?$/;

const number = (text: string) => Number(text.replace(',', '.'));

export function parseDuration(typed: string): TypedDuration {
  const text = typed.trim().toLowerCase();
  if (text === '') return { error: `Enter a duration. ${hint}` };
  let ms: number;
  const both = hoursAndMinutes.exec(text);
  const hours = hoursOnly.exec(text);
  const minutes = minutesOnly.exec(text);
  if (both) {
    const [h, m] = [Number(both[1]), Number(both[2])];
    if (m >= 60) {
      const total = h * 60 + m;
      return {
        error: `Minutes go up to 59: “${typed.trim()}” has ${m}. Did you mean ${Math.floor(total / 60)}h${String(total % 60).padStart(2, '0')}?`,
      };
    }
    ms = (h * 60 + m) * MINUTE;
  } else if (hours) {
    ms = Math.round(number(hours[1]!) * 60) * MINUTE;
  } else if (minutes) {
    ms = Math.round(number(minutes[1]!)) * MINUTE;
  } else {
    return { error: `“${typed.trim()}” is not a duration. ${hint}` };
  }
  if (ms <= 0) return { error: 'A duration must be at least 1 minute.' };
  if (ms > DAY) return { error: 'An entry can last at most 24 hours.' };
  return { ms };
}
