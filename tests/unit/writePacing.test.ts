// How fast the queue writes, from each network's own limits and the user's daily cap.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { QueueAction } from '../../src/shared/people.ts';
import { writeBudgets, writeShare, writeSpacingMs, type WriteBudget } from '../../src/shared/networkFacts.ts';
import { nextWriteAt, type MadeWrite } from '../../src/main/core/balance/writePacing.ts';

const now = Date.UTC(2026, 2, 14, 12);

/** Runs a queue of `actions` as fast as the pacing allows, from `start`; returns when each write went. */
function run(actions: QueueAction[], budgets: readonly WriteBudget[], dailyCap: number, start = now): MadeWrite[] {
  const made: MadeWrite[] = [];
  let at = start;
  for (const action of actions) {
    at = nextWriteAt(made, { action, budgets, dailyCap }, at).at;
    made.push({ at, action });
  }
  return made;
}

/** The most points any window of the budget's length held, over the writes made. */
function busiestWindow(made: readonly MadeWrite[], budget: WriteBudget): number {
  let most = 0;
  for (const write of made) {
    const inWindow = made.filter((w) => w.at >= write.at && w.at < write.at + budget.windowMs);
    most = Math.max(
      most,
      inWindow.reduce((sum, w) => sum + budget.cost[w.action], 0),
    );
  }
  return most;
}

describe('the pace between writes, from the networks’ limits', () => {
  it('spends a quarter of Bluesky’s 5,000 points an hour evenly: an unfollow every 3 s, a follow every 9 s', () => {
    expect(writeSpacingMs(writeBudgets.bluesky, 'unfollow')).toBe(3_000);
    expect(writeSpacingMs(writeBudgets.bluesky, 'follow')).toBe(9_000);
  });

  it('spends a quarter of Mastodon’s 300 requests per 5 minutes, two per write: one every 8 s', () => {
    expect(writeSpacingMs(writeBudgets.mastodon, 'unfollow')).toBe(8_000);
    expect(writeSpacingMs(writeBudgets.mastodon, 'follow')).toBe(8_000);
  });

  it('takes 87 s for 30 Bluesky unfollows and 232 s for 30 on Mastodon', () => {
    const thirty = Array<QueueAction>(30).fill('unfollow');
    expect(run(thirty, writeBudgets.bluesky, 100).at(-1)!.at - now).toBe(87_000);
    expect(run(thirty, writeBudgets.mastodon, 100).at(-1)!.at - now).toBe(232_000);
  });

  it('lets the first write go at once, and the next one a pace after the last', () => {
    const plan = { action: 'unfollow' as const, budgets: writeBudgets.bluesky, dailyCap: 100 };
    expect(nextWriteAt([], plan, now)).toEqual({ at: now, heldBy: 'pace' });
    expect(nextWriteAt([{ at: now - 1000, action: 'unfollow' }], plan, now)).toEqual({
      at: now + 2000,
      heldBy: 'pace',
    });
    // The pace is the next write's: a follow after an unfollow waits the follow's 9 s.
    expect(nextWriteAt([{ at: now - 1000, action: 'unfollow' }], { ...plan, action: 'follow' }, now).at).toBe(
      now + 8000,
    );
  });
});

describe('counts per window', () => {
  it('stops at the daily cap until the oldest write of the last 24 hours is a day old', () => {
    const hundred = Array.from({ length: 100 }, (_, i): MadeWrite => ({
      at: now - 23 * HOUR + i * MINUTE,
      action: 'unfollow',
    }));
    const plan = { action: 'unfollow' as const, budgets: writeBudgets.bluesky, dailyCap: 100 };
    expect(nextWriteAt(hundred, plan, now)).toEqual({ at: now + HOUR, heldBy: 'daily-cap' });
    expect(nextWriteAt(hundred, { ...plan, dailyCap: 101 }, now).heldBy).toBe('pace');
  });

  it('keeps Mastodon follows to a quarter of its 400 a day, even when the cap allows more; unfollows go on', () => {
    const follows = Array.from({ length: 100 }, (_, i): MadeWrite => ({
      at: now - 10 * HOUR + i * MINUTE,
      action: 'follow',
    }));
    const follow = nextWriteAt(follows, { action: 'follow', budgets: writeBudgets.mastodon, dailyCap: 300 }, now);
    expect(follow.at).toBe(now - 10 * HOUR + DAY);
    expect(follow.heldBy).toMatchObject({ what: '400 follows a day' });
    const unfollow = nextWriteAt(follows, { action: 'unfollow', budgets: writeBudgets.mastodon, dailyCap: 300 }, now);
    expect(unfollow).toEqual({ at: now, heldBy: 'pace' });
  });

  it('waits for enough old writes to leave a window, not only the oldest', () => {
    // A quarter of 12 points in 2 hours is 3: after two unfollows (1 each), a follow (3) fits once both have left.
    const budget: WriteBudget = { points: 12, windowMs: 2 * HOUR, cost: { follow: 3, unfollow: 1 }, what: 'test' };
    const made: MadeWrite[] = [
      { at: now - 90 * MINUTE, action: 'unfollow' },
      { at: now - 80 * MINUTE, action: 'unfollow' },
    ];
    expect(nextWriteAt(made, { action: 'unfollow', budgets: [budget], dailyCap: 100 }, now)).toEqual({
      at: now,
      heldBy: 'pace',
    });
    expect(nextWriteAt(made, { action: 'follow', budgets: [budget], dailyCap: 100 }, now)).toEqual({
      at: now + 40 * MINUTE,
      heldBy: budget,
    });
  });

  it('keeps a long mixed queue inside a quarter of every limit of every network', () => {
    const mixed = Array.from({ length: 1_000 }, (_, i): QueueAction => (i % 3 === 0 ? 'follow' : 'unfollow'));
    for (const network of ['bluesky', 'mastodon'] as const) {
      const made = run(mixed, writeBudgets[network], 1_000);
      for (const budget of writeBudgets[network]) {
        expect(busiestWindow(made, budget), `${network}: ${budget.what}`).toBeLessThanOrEqual(
          budget.points * writeShare,
        );
      }
      const perDay = made.filter((w) => w.at < made[0]!.at + DAY).length;
      expect(perDay).toBeLessThanOrEqual(1_000);
    }
  });
});
