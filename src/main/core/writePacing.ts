// How fast follow and unfollow writes may go: a pause between writes per network and a daily cap, so a
// long queue never looks like a bot to the network.
import { DAY } from '../../shared/calendar.ts';

/** When the next write may happen, given the times of the writes already made (any order). */
export function nextWriteAt(writes: readonly number[], now: number, intervalMs: number, dailyCap: number): number {
  const recent = writes.filter((at) => at > now - DAY).sort((a, b) => a - b);
  const afterLast = recent.length > 0 ? recent.at(-1)! + intervalMs : now;
  // At the cap, wait until the oldest write of the last 24 hours falls out of the window.
  const underCap = recent.length >= dailyCap ? recent[recent.length - dailyCap]! + DAY : now;
  return Math.max(now, afterLast, underCap);
}
