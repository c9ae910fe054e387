import { describe, expect, it } from 'vitest';
import { nextSteps, type Situation } from '../../src/shared/nextSteps.ts';

const MINUTE = 60_000;
const calm: Situation = {
  accounts: 2,
  due: 0,
  unread: 0,
  waiting: 0,
  todayOnlineMs: 10 * MINUTE,
  budgetMs: 45 * MINUTE,
  running: null,
};

describe('nextSteps', () => {
  it('says nothing when nothing is due, unread or over budget', () => {
    expect(nextSteps(calm)).toEqual([]);
  });

  it('sends due people to the review, counted', () => {
    expect(nextSteps({ ...calm, due: 30 })).toEqual([
      { action: 'review-due', text: '30 people are due for an unfollow', label: 'Review' },
    ]);
    expect(nextSteps({ ...calm, due: 1 })[0]?.text).toBe('1 person is due for an unfollow');
    expect(nextSteps({ ...calm, due: 1200 })[0]?.text).toBe('1,200 people are due for an unfollow');
  });

  it('waits for the due count before speaking of it', () => {
    expect(nextSteps({ ...calm, due: null })).toEqual([]);
  });

  it('sends unread posts and waiting mentions to Catch-up in one step', () => {
    expect(nextSteps({ ...calm, unread: 12 })).toEqual([
      { action: 'catch-up', text: '12 unread posts from followers', label: 'Catch up' },
    ]);
    expect(nextSteps({ ...calm, unread: 12, waiting: 3 })[0]?.text).toBe(
      '12 unread posts from followers · 3 waiting for your answer',
    );
    expect(nextSteps({ ...calm, unread: 1 })[0]?.text).toBe('1 unread post from followers');
    expect(nextSteps({ ...calm, waiting: 2 })[0]?.text).toBe('2 waiting for your answer');
  });

  it('asks for an account first when there is none, and nothing about people then', () => {
    expect(nextSteps({ ...calm, accounts: 0, due: 5, unread: 3 })).toEqual([
      { action: 'add-account', text: 'No account yet', label: 'Add an account' },
    ]);
  });

  it('puts going offline first once the daily budget is used up', () => {
    const steps = nextSteps({ ...calm, todayOnlineMs: 52 * MINUTE, due: 4, unread: 7, running: 'online' });
    expect(steps.map((step) => step.action)).toEqual(['start-offline', 'review-due', 'catch-up']);
    expect(steps[0]).toEqual({
      action: 'start-offline',
      text: 'Over budget today: 52 min online of 45 min',
      label: 'Start offline',
    });
  });

  it('counts the budget as used up at exactly the budget, and not a minute before', () => {
    expect(nextSteps({ ...calm, todayOnlineMs: 45 * MINUTE })[0]?.action).toBe('start-offline');
    expect(nextSteps({ ...calm, todayOnlineMs: 44 * MINUTE })).toEqual([]);
  });

  it('does not tell someone already offline to start offline', () => {
    expect(nextSteps({ ...calm, todayOnlineMs: 90 * MINUTE, running: 'offline' })).toEqual([]);
  });
});
