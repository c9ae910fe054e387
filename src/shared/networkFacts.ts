// Facts about each network that main and the renderer both state.
import { DAY, HOUR, MINUTE } from './calendar.ts';
import type { QueueAction } from './people.ts';
import type { Network } from './types.ts';

export const networkNames: Record<Network, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', x: 'X' };

/** A limit a network counts follows and unfollows against: so many points per window, each write costing some. */
export interface WriteBudget {
  points: number;
  windowMs: number;
  cost: Record<QueueAction, number>;
  /** The limit in the user's words: '400 follows a day'. */
  what: string;
}

/** Each network's documented write limits per account. X takes no follow writes from apps: the user makes them. */
export const writeBudgets: Record<Network, readonly WriteBudget[]> = {
  // The PDS counts record writes in points: a create (a follow) costs 3, a delete (an unfollow) 1.
  bluesky: [
    { points: 5_000, windowMs: HOUR, cost: { follow: 3, unfollow: 1 }, what: '5,000 write points an hour' },
    { points: 35_000, windowMs: DAY, cost: { follow: 3, unfollow: 1 }, what: '35,000 write points a day' },
  ],
  // Every request counts, and each write is two: the check right before it, then the write itself.
  mastodon: [
    { points: 300, windowMs: 5 * MINUTE, cost: { follow: 2, unfollow: 2 }, what: '300 requests per 5 minutes' },
    { points: 400, windowMs: DAY, cost: { follow: 1, unfollow: 0 }, what: '400 follows a day' },
  ],
  x: [],
};

/** The share of each budget the queue spends: the rest stays with syncs, catch-ups and the user's other apps. */
export const writeShare = 1 / 4;
export const writeShareWords = 'a quarter';

/**
 * The pause between two writes: the pace that spends the queue's share of each budget of an hour or less evenly,
 * rounded up to the second. Longer budgets only cap the count: a day's follows need not be spread over the day.
 */
export function writeSpacingMs(budgets: readonly WriteBudget[], action: QueueAction): number {
  const evenly = budgets
    .filter((budget) => budget.windowMs <= HOUR)
    .map((budget) => (budget.windowMs * budget.cost[action]) / (budget.points * writeShare));
  return Math.ceil(Math.max(0, ...evenly) / 1000) * 1000;
}
