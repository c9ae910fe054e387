import { describe, expect, it } from 'vitest';
import {
  countsWords,
  followedWords,
  interactionWords,
  lastPostWords,
  outcomeLine,
} from '../../src/renderer/balance/personWords.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date(2026, 11, 2, 12).getTime();
const read = now - DAY / 2;

describe('how a person’s row reads', () => {
  it('says when they last posted; three months of silence and more stand out as inactive', () => {
    expect(lastPostWords(now - 2 * 60 * 60 * 1000, read, now)).toEqual({ text: 'Posted today', inactive: false });
    expect(lastPostWords(now - 1.5 * DAY, read, now)).toEqual({ text: 'Posted yesterday', inactive: false });
    expect(lastPostWords(now - 5 * DAY, read, now)).toEqual({ text: 'Last post 5 days ago', inactive: false });
    expect(lastPostWords(now - 40 * DAY, read, now)).toEqual({ text: 'Last post 5 weeks ago', inactive: false });
    expect(lastPostWords(now - 89 * DAY, read, now)?.inactive).toBe(false);
    expect(lastPostWords(now - 90 * DAY, read, now)).toEqual({ text: 'Inactive 3 months', inactive: true });
    expect(lastPostWords(now - 8 * 30.44 * DAY, read, now)).toEqual({ text: 'Inactive 8 months', inactive: true });
    expect(lastPostWords(now - 200 * DAY, read, now)).toEqual({ text: 'Inactive 7 months', inactive: true });
    expect(lastPostWords(now - 400 * DAY, read, now)).toEqual({ text: 'Inactive over a year', inactive: true });
    expect(lastPostWords(now - 800 * DAY, read, now)).toEqual({ text: 'Inactive 2 years', inactive: true });
  });

  it('says nothing of a profile never read, and "No posts yet" of one read without posts', () => {
    expect(lastPostWords(null, null, now)).toBeNull();
    expect(lastPostWords(now - DAY, null, now)).toBeNull();
    expect(lastPostWords(null, read, now)).toEqual({ text: 'No posts yet', inactive: false });
  });

  it('counts compactly, leaving out what the network does not say', () => {
    expect(countsWords(1234, 310)).toBe('1.2K followers · 310 following');
    expect(countsWords(1, 0)).toBe('1 follower · 0 following');
    expect(countsWords(null, 5)).toBe('5 following');
    expect(countsWords(null, null)).toBeNull();
  });

  it('says what passed between you, and whether they answered', () => {
    const none = { theyMentioned: 0, youAnswered: 0, youMentioned: 0, theyAnswered: 0, lastAt: null };
    expect(interactionWords(none)).toEqual([]);
    expect(interactionWords({ ...none, theyMentioned: 2, youAnswered: 2, youMentioned: 2, theyAnswered: 2 })).toEqual([
      'They mentioned you twice, you answered both',
      'You mentioned them twice, they answered both',
    ]);
    expect(interactionWords({ ...none, youMentioned: 4 })).toEqual(['You mentioned them 4 times, they never answered']);
    expect(interactionWords({ ...none, theyMentioned: 1 })).toEqual(['They mentioned you once, you have not answered']);
    expect(interactionWords({ ...none, youMentioned: 3, theyAnswered: 1 })).toEqual([
      'You mentioned them 3 times, they answered 1',
    ]);
  });

  it('says why someone is protected, and the day of the outcome in the window’s locale', () => {
    expect(outcomeLine({ id: 'a', type: 'client', date: '2026-11-12' }, true, now, 'en-GB')).toBe(
      'Protected: client — outcome on 12 Nov',
    );
    expect(outcomeLine({ id: 'a', type: 'conversation', date: '2025-10-03' }, false, now, 'en-GB')).toBe(
      'Outcome: conversation — outcome on 3 Oct 2025',
    );
    expect(outcomeLine({ id: 'a', type: 'client', date: '2026-11-12' }, true, now, 'en-US')).toBe(
      'Protected: client — outcome on Nov 12',
    );
  });

  it('says since when you follow them in your words', () => {
    expect(followedWords(29, true)).toBe('You followed them 29 days ago');
    expect(followedWords(1, true)).toBe('You followed them yesterday');
    expect(followedWords(0, false)).toBe('You follow them · first seen today');
  });
});
