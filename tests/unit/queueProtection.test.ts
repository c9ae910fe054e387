// A queued unfollow is asked again right before its write whether an outcome came to protect the person meanwhile.
import { describe, expect, it } from 'vitest';
import { keptByProtection, logDay, protectedChoice } from '../../src/main/core/balance/queueProtection.ts';

const kim = { id: 'p1', handle: 'kim.bsky.social', displayName: 'Kim' };
const unfollow = { action: 'unfollow' as const, person: kim, undoes: null };
const client = { outcome: { id: 'o1', type: 'client' as const, date: '2026-12-02' }, protected: true };
const today = '2026-12-02';

describe('a queued unfollow, just before its write', () => {
  it('keeps someone protected since it was queued, and says by which outcome', () => {
    expect(keptByProtection(unfollow, client, today)).toBe(
      'Kept @kim.bsky.social: protected — client outcome on 2 Dec.',
    );
  });

  it('goes when nothing protects them, or the protection was lifted', () => {
    expect(keptByProtection(unfollow, { outcome: null, protected: false }, today)).toBeNull();
    expect(keptByProtection(unfollow, { ...client, protected: false }, today)).toBeNull();
  });

  it('goes when the user confirmed this very unfollow ("Unfollow anyway…")', () => {
    expect(keptByProtection({ ...unfollow, unfollowAnyway: true }, client, today)).toBeNull();
    expect(keptByProtection({ ...unfollow, unfollowAnyway: false }, client, today)).not.toBeNull();
  });

  it('goes when it undoes a follow the user made, and never holds a follow', () => {
    expect(keptByProtection({ ...unfollow, undoes: 'q7' }, client, today)).toBeNull();
    expect(keptByProtection({ ...unfollow, action: 'follow' }, client, today)).toBeNull();
  });

  it('names a Mastodon handle with one @, and a lead as a lead', () => {
    const lead = { outcome: { id: 'o2', type: 'lead' as const, date: '2026-11-20' }, protected: true };
    const person = { id: 'p2', handle: '@ana@mastodon.social', displayName: 'Ana' };
    expect(keptByProtection({ ...unfollow, person }, lead, today)).toBe(
      'Kept @ana@mastodon.social: protected — lead outcome on 20 Nov.',
    );
  });
});

describe('whom an unfollow queues', () => {
  const ana = { id: 'p2' };
  const shielded = new Set([kim.id]);

  it('leaves out the protected, and queues them only when the user confirmed, marked as confirmed', () => {
    expect(protectedChoice([kim, ana], shielded, false)).toEqual({ people: [ana], confirmed: new Set() });
    expect(protectedChoice([kim, ana], shielded, true)).toEqual({ people: [kim, ana], confirmed: new Set([kim.id]) });
  });

  it('refuses, saying how to go on, when everyone asked for is protected', () => {
    expect(protectedChoice([kim], shielded, false)).toEqual({
      refused:
        'This person is protected by an outcome logged with them: confirm the unfollow on their row, or lift the protection first.',
    });
    expect(protectedChoice([kim, kim], shielded, false)).toMatchObject({
      refused: expect.stringMatching(/^These people are protected/),
    });
  });
});

describe('the day in the log', () => {
  it('leaves out this year and names another', () => {
    expect(logDay('2026-01-09', '2026-12-02')).toBe('9 Jan');
    expect(logDay('2025-12-31', '2026-01-01')).toBe('31 Dec 2025');
  });
});
