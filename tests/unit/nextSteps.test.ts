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
    expect(nextSteps(calm, 'en-GB')).toEqual([]);
  });

  it('sends due people to the review, counted', () => {
    expect(nextSteps({ ...calm, due: 30 }, 'en-GB')).toEqual([
      { action: 'review-due', text: '30 people are due for an unfollow', label: 'Review' },
    ]);
    expect(nextSteps({ ...calm, due: 1 }, 'en-GB')[0]?.text).toBe('1 person is due for an unfollow');
    expect(nextSteps({ ...calm, due: 1200 }, 'en-GB')[0]?.text).toBe('1,200 people are due for an unfollow');
    expect(nextSteps({ ...calm, due: 1200 }, 'de-DE')[0]?.text).toBe('1.200 people are due for an unfollow');
  });

  it('waits for the due count before speaking of it', () => {
    expect(nextSteps({ ...calm, due: null }, 'en-GB')).toEqual([]);
  });

  it('sends unread posts and waiting mentions to Catch-up in one step', () => {
    expect(nextSteps({ ...calm, unread: 12 }, 'en-GB')).toEqual([
      { action: 'catch-up', text: '12 unread posts from followers', label: 'Catch up' },
    ]);
    expect(nextSteps({ ...calm, unread: 12, waiting: 3 }, 'en-GB')[0]?.text).toBe(
      '12 unread posts from followers · 3 waiting for your answer',
    );
    expect(nextSteps({ ...calm, unread: 1 }, 'en-GB')[0]?.text).toBe('1 unread post from followers');
    expect(nextSteps({ ...calm, waiting: 2 }, 'en-GB')[0]?.text).toBe('2 waiting for your answer');
  });

  it('asks for an account first when there is none, and nothing about people then', () => {
    expect(nextSteps({ ...calm, accounts: 0, due: 5, unread: 3 }, 'en-GB')).toEqual([
      { action: 'add-account', text: 'No account yet', label: 'Add an account' },
    ]);
  });

  it('puts going offline first once the daily budget is used up', () => {
    const steps = nextSteps({ ...calm, todayOnlineMs: 52 * MINUTE, due: 4, unread: 7, running: 'online' }, 'en-GB');
    expect(steps.map((step) => step.action)).toEqual(['start-offline', 'review-due', 'catch-up']);
    expect(steps[0]).toEqual({
      action: 'start-offline',
      text: 'Over budget today: 52 min online of 45 min',
      label: 'Start offline',
    });
  });

  it('counts the budget as used up at exactly the budget, and not a minute before', () => {
    expect(nextSteps({ ...calm, todayOnlineMs: 45 * MINUTE }, 'en-GB')[0]?.action).toBe('start-offline');
    expect(nextSteps({ ...calm, todayOnlineMs: 44 * MINUTE }, 'en-GB')).toEqual([]);
  });

  it('does not tell someone already offline to start offline', () => {
    expect(nextSteps({ ...calm, todayOnlineMs: 90 * MINUTE, running: 'offline' }, 'en-GB')).toEqual([]);
  });
});
