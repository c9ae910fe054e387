// Times and counts in the words of one locale, for text main writes itself (the tray, notifications, messages)
// and text both sides share. The locale is always given: main asks the system once and passes it on.

/** A time of day as the locale writes it: '14:05' in en-GB and de-DE, '02:05 PM' in en-US. */
export function timeOfDay(ms: number, locale: string): string {
  return new Date(ms).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** A day as the locale writes it, with its weekday: 'Wed 25 Nov' in en-GB, 'Wed, Nov 25' in en-US. */
export function dayWithWeekday(ms: number, locale: string): string {
  return new Date(ms).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** A count with the locale's grouping: 1,203 in en-GB, 1.203 in de-DE. */
export function count(n: number, locale: string): string {
  return n.toLocaleString(locale);
}
