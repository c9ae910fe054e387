// Days around today in the preview's fixed-offset zone, and the time and outcome files that seed them.
import { runZone } from './afternoon.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Etc/GMT-13 is 13 hours ahead of UTC. */
function offsetOf(zone: string): number {
  const match = /^Etc\/GMT(?:([+-])(\d+))?$/.exec(zone);
  if (!match?.[1]) return 0;
  return (match[1] === '-' ? 1 : -1) * Number(match[2]) * HOUR;
}

const offset = offsetOf(runZone());
const todayStart = Math.floor((Date.now() + offset) / DAY) * DAY - offset;

/** The local day `n` days from today: its start, 'YYYY-MM-DD', 'Mon', and its weekday (0 = Sunday). */
export function day(n: number) {
  const start = todayStart + n * DAY;
  const wall = new Date(start + offset);
  return {
    start,
    key: wall.toISOString().slice(0, 10),
    short: wall.toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' }),
    weekday: wall.getUTCDay(),
  };
}

export function entries(spans: { day: number; kind: 'online' | 'offline'; minutes: number }[]): string {
  const data = spans.map((s, i) => {
    // Online at 09:00, offline at 11:00: both over before the afternoon the preview runs in.
    const start = day(s.day).start + (s.kind === 'online' ? 9 : 11) * HOUR;
    return {
      id: `seed-${i}`,
      kind: s.kind,
      activity: s.kind === 'online' ? 'posting' : 'meeting',
      start,
      end: start + s.minutes * MIN,
      note: '',
      source: 'manual',
    };
  });
  return JSON.stringify({ schemaVersion: 1, data });
}

export function outcomes(list: { day: number; type: string; channel: string; value?: number; currency?: string }[]) {
  const data = list.map((o, i) => ({
    id: `outcome-${i}`,
    date: day(o.day).key,
    type: o.type,
    channel: o.channel,
    value: o.value ?? null,
    currency: o.currency ?? null,
    person: '',
    note: '',
  }));
  return JSON.stringify({ schemaVersion: 1, data });
}
