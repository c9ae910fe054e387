// How fast follow and unfollow writes may go: a steady pace and counts per window, from the network's own limits
// (shared/networkFacts.ts) and the user's daily cap, so a long queue never runs into a limit or looks like a bot.
import { DAY } from '../../../shared/calendar.ts';
import type { QueueAction } from '../../../shared/people.ts';
import { writeShare, writeSpacingMs, type WriteBudget } from '../../../shared/networkFacts.ts';

/** A write the queue made, for pacing. */
export interface MadeWrite {
  at: number;
  action: QueueAction;
}

export interface WritePlan {
  action: QueueAction;
  budgets: readonly WriteBudget[];
  /** Follows and unfollows per account per day, at most (Settings). */
  dailyCap: number;
}

/** When the next write may go, and what holds it back: the pace, the daily cap, or one of the network's budgets. */
export interface NextWrite {
  at: number;
  heldBy: 'pace' | 'daily-cap' | WriteBudget;
}

/** The moment enough of the writes in a window fall out of it for one more to fit; `now` when it fits already. */
function budgetFreesAt(made: readonly MadeWrite[], budget: WriteBudget, action: QueueAction, now: number): number {
  const cost = budget.cost[action];
  if (cost === 0) return now;
  const allowance = budget.points * writeShare;
  const inWindow = made.filter((write) => write.at > now - budget.windowMs);
  let spent = inWindow.reduce((sum, write) => sum + budget.cost[write.action], 0);
  if (spent + cost <= allowance) return now;
  for (const write of inWindow) {
    spent -= budget.cost[write.action];
    if (spent + cost <= allowance) return write.at + budget.windowMs;
  }
  // One write alone costs more than the share: it waits until the window is empty.
  return (inWindow.at(-1)?.at ?? now) + budget.windowMs;
}

/** When the next write may happen, given the writes already made (any order). */
export function nextWriteAt(made: readonly MadeWrite[], plan: WritePlan, now: number): NextWrite {
  const longest = Math.max(DAY, ...plan.budgets.map((budget) => budget.windowMs));
  const recent = made.filter((write) => write.at > now - longest).sort((a, b) => a.at - b.at);
  const lastDay = recent.filter((write) => write.at > now - DAY);
  const last = recent.at(-1);
  const waits: NextWrite[] = [
    { at: now, heldBy: 'pace' },
    { at: last ? last.at + writeSpacingMs(plan.budgets, plan.action) : now, heldBy: 'pace' },
    // At the cap, wait until the oldest write of the last 24 hours falls out of the window.
    {
      at: lastDay.length >= plan.dailyCap ? lastDay[lastDay.length - plan.dailyCap]!.at + DAY : now,
      heldBy: 'daily-cap',
    },
    ...plan.budgets.map((budget) => ({ at: budgetFreesAt(recent, budget, plan.action, now), heldBy: budget })),
  ];
  return waits.reduce((latest, wait) => (wait.at > latest.at ? wait : latest));
}
