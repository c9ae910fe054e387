import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/shared/people.ts';
import type { Outcome } from '../../src/shared/outcomes.ts';
import { isProtected, outcomeIndex, proposable } from '../../src/main/core/outcomes/personOutcomes.ts';

const outcome = (id: string, over: Partial<Outcome>): Outcome => ({
  id,
  date: '2026-11-12',
  type: 'client',
  channel: 'bluesky',
  value: null,
  currency: null,
  person: '',
  note: '',
  ...over,
});
const kim: Person = { id: 'did:plc:kim', handle: 'kim.bsky.social', displayName: 'Kim Growth' };
const ana: Person = { id: '7', handle: '@ana@mastodon.social', displayName: 'Ana' };

describe('which outcome belongs to whom', () => {
  it('finds a person by their handle as a word of the outcome’s text, with or without @, any case', () => {
    const linked = outcomeIndex(
      [outcome('a', { person: 'Kim (@Kim.Bsky.Social), met at the fair', type: 'lead', date: '2026-11-02' })],
      'bluesky',
    );
    expect(linked(kim)).toEqual({ id: 'a', type: 'lead', date: '2026-11-02' });
    expect(linked({ ...kim, handle: 'kimberly.bsky.social' })).toBeNull();
    expect(linked({ ...kim, handle: 'im.bsky.social', displayName: '' })).toBeNull();
  });

  it('finds a Mastodon handle written with its host, and a person by their exact display name', () => {
    const linked = outcomeIndex(
      [
        outcome('m', { channel: 'mastodon', person: 'ana@mastodon.social', type: 'meeting' }),
        outcome('n', { channel: 'offline', person: 'kim growth', type: 'conversation' }),
      ],
      'mastodon',
    );
    expect(linked(ana)?.id).toBe('m');
    expect(linked({ ...kim, handle: '@kim@other.example' })?.id).toBe('n');
  });

  it('a Bluesky outcome names no one on Mastodon; an offline one names anyone', () => {
    const outcomes = [
      outcome('b', { channel: 'bluesky', person: '@ana@mastodon.social' }),
      outcome('o', { channel: 'offline', person: 'kim.bsky.social', type: 'lead' }),
    ];
    expect(outcomeIndex(outcomes, 'mastodon')(ana)).toBeNull();
    expect(outcomeIndex(outcomes, 'bluesky')(kim)?.id).toBe('o');
  });

  it('of several, a client tells more than a lead or a conversation, and the newer day wins a tie', () => {
    const linked = outcomeIndex(
      [
        outcome('talk', { person: 'kim.bsky.social', type: 'conversation', date: '2026-11-30' }),
        outcome('old', { person: 'kim.bsky.social', type: 'client', date: '2026-09-01' }),
        outcome('new', { person: 'kim.bsky.social', type: 'client', date: '2026-11-12' }),
        outcome('lead', { person: 'kim.bsky.social', type: 'lead', date: '2026-11-29' }),
      ],
      'bluesky',
    );
    expect(linked(kim)).toEqual({ id: 'new', type: 'client', date: '2026-11-12' });
  });

  it('an outcome without a person links no one', () => {
    expect(outcomeIndex([outcome('x', { person: '  ' })], 'bluesky')({ ...kim, displayName: '' })).toBeNull();
  });
});

describe('protection', () => {
  it('a client, a lead or a meeting protects; a conversation or a connection does not; the user can lift it', () => {
    expect(isProtected({ id: 'a', type: 'client', date: '2026-11-12' }, false)).toBe(true);
    expect(isProtected({ id: 'a', type: 'lead', date: '2026-11-12' }, false)).toBe(true);
    expect(isProtected({ id: 'a', type: 'meeting', date: '2026-11-12' }, false)).toBe(true);
    expect(isProtected({ id: 'a', type: 'conversation', date: '2026-11-12' }, false)).toBe(false);
    expect(isProtected({ id: 'a', type: 'connection', date: '2026-11-12' }, false)).toBe(false);
    expect(isProtected({ id: 'a', type: 'client', date: '2026-11-12' }, true)).toBe(false);
    expect(isProtected(null, false)).toBe(false);
  });

  it('Select all due and the queue propose only who is due and neither kept nor protected', () => {
    expect(proposable({ due: true, kept: false, protected: false })).toBe(true);
    expect(proposable({ due: true, kept: false, protected: true })).toBe(false);
    expect(proposable({ due: true, kept: true, protected: false })).toBe(false);
    expect(proposable({ due: false, kept: false, protected: false })).toBe(false);
  });
});
