// An hour scale for time charts: a round top and ticks a reader can count.
import { duration } from '../../format.ts';

const MINUTE = 60_000;
const steps = [15, 30, 60, 120, 180, 240, 360, 600, 1200, 2400, 6000].map((m) => m * MINUTE);

/** Up to five ticks from 0 to a round top at or above `maxMs`. */
export function timeTicks(maxMs: number): { top: number; ticks: number[] } {
  const step = steps.find((s) => maxMs / s <= 5) ?? steps.at(-1)!;
  const top = Math.max(step, Math.ceil(maxMs / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, ticks };
}

/** A tick's label: '0', '30 min', '1 h', '1 h 30'. */
export const tickLabel = (ms: number) => (ms === 0 ? '0' : duration(ms));
