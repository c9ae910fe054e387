// Handles and names a hostile server may send, as Twoway shows them: two handles that would look the same are
// told apart by a mark, nothing reverses or hides text, and no name fills the screen.
import { describe, expect, it } from 'vitest';
import { mastodonProfileHost, mixesLetters, shownHandle, shownName } from '../../src/shared/shownNames.ts';

const rlo = '\u202e';
const zwsp = '\u200b';

describe('handles as shown', () => {
  it('shows a plain handle as it is, without marks', () => {
    expect(shownHandle('@alice@mastodon.social', 'mastodon')).toEqual({ text: '@alice@mastodon.social', marks: [] });
    expect(shownHandle('alice.bsky.social', 'bluesky')).toEqual({ text: 'alice.bsky.social', marks: [] });
    expect(shownHandle('@Alice_99', 'x')).toEqual({ text: '@Alice_99', marks: [] });
  });

  it('takes out zero-width characters and says so, so a copy of a handle does not pass for it', () => {
    const copy = shownHandle(`@al${zwsp}ice@mastodon.social`, 'mastodon');
    expect(copy).toEqual({ text: '@alice@mastodon.social', marks: ['hidden characters'] });
    for (const hidden of ['\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u{e0041}', '\ufe0f', '\u3164']) {
      expect(
        shownHandle(`@al${hidden}ice@mastodon.social`, 'mastodon').marks,
        hidden.codePointAt(0)!.toString(16),
      ).toEqual(['hidden characters']);
    }
  });

  it('takes out the controls that reverse text, so a domain cannot be shown backwards', () => {
    // Shown raw, this reads "@alice@mastodon.social" while the server is laicos.nodotsam.
    const reversed = shownHandle(`@alice@${rlo}laicos.nodotsam`, 'mastodon');
    expect(reversed.text).toBe('@alice@laicos.nodotsam');
    expect(reversed.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    expect(reversed.marks).toEqual(['hidden characters']);
  });

  it('marks letters of two alphabets in one label, as look-alike handles have', () => {
    const cyrillicA = '\u0430';
    expect(shownHandle(`@${cyrillicA}lice@mastodon.social`, 'mastodon')).toEqual({
      text: `@${cyrillicA}lice@mastodon.social`,
      marks: ['mixed letters'],
    });
    expect(shownHandle(`alice.bsky.s${'\u043e'}cial`, 'bluesky').marks).toEqual([
      'mixed letters',
      'not a Bluesky handle',
    ]);
    expect(mixesLetters('pαypal')).toBe(true);
    // One alphabet, or one way of writing, is no mix.
    expect(mixesLetters('алиса')).toBe(false);
    expect(mixesLetters('東京tokyoとうきょう')).toBe(false);
    expect(mixesLetters('서울seoul')).toBe(false);
    expect(mixesLetters('alice_99')).toBe(false);
  });

  it('marks what the network does not allow: X usernames are 1 to 15 letters, digits or underscores', () => {
    expect(shownHandle('@this_is_far_too_long', 'x').marks).toEqual(['not an X username']);
    expect(shownHandle('@al ice', 'x').marks).toEqual(['not an X username']);
    expect(shownHandle('@alice@mastodon.social', 'x').marks).toEqual(['not an X username']);
    expect(shownHandle('@alice', 'bluesky').marks).toEqual(['not a Bluesky handle']);
    expect(shownHandle('handle.invalid', 'bluesky').marks).toEqual(['handle not verified']);
    // Without the network, the handle's shape says which it is.
    expect(shownHandle('@this_is_far_too_long').marks).toEqual(['not an X username']);
  });

  it('cuts a long handle at 100 characters with an ellipsis, however long it is', () => {
    const huge = `@${'a'.repeat(2_000_000)}@mastodon.social`;
    const started = performance.now();
    const shown = shownHandle(huge, 'mastodon');
    expect(performance.now() - started).toBeLessThan(500);
    expect([...shown.text]).toHaveLength(101);
    expect(shown.text.endsWith('…')).toBe(true);
    expect(shownHandle(`@${'b'.repeat(98)}`, 'mastodon').text).toBe(`@${'b'.repeat(98)}`);
  });

  it('marks a profile that lives on another server than its handle names', () => {
    expect(shownHandle('@alice@mastodon.social', 'mastodon', 'evil.example').marks).toEqual([
      'profile on evil.example',
    ]);
  });
});

describe('where a Mastodon profile lives', () => {
  it('is told only when the handle names another server', () => {
    expect(mastodonProfileHost('alice@mastodon.social', 'https://mastodon.social/@alice')).toBeNull();
    expect(mastodonProfileHost('alice@Mastodon.Social', 'https://mastodon.social/@alice')).toBeNull();
    expect(mastodonProfileHost('alice@mastodon.social', 'https://evil.example/@alice')).toBe('evil.example');
    // A look-alike server in the handle is compared in its real (punycode) form.
    expect(mastodonProfileHost('alice@mast\u043edon.social', 'https://mastodon.social/@alice')).toBe('mastodon.social');
    // A local handle names no server; a missing or broken address proves nothing.
    expect(mastodonProfileHost('alice', 'https://evil.example/@alice')).toBeNull();
    expect(mastodonProfileHost('alice@mastodon.social', null)).toBeNull();
    expect(mastodonProfileHost('alice@mastodon.social', 'not a url')).toBeNull();
  });
});

describe('names as shown', () => {
  it('keeps a name as it is, emoji and all', () => {
    expect(shownName('Ana Data')).toBe('Ana Data');
    expect(shownName('Family 👨‍👩‍👧 · Zoë')).toBe('Family 👨‍👩‍👧 · Zoë');
    expect(shownName('محمد')).toBe('محمد');
  });

  it('takes out what turns or breaks the text around it', () => {
    expect(shownName(`Eve${rlo}gnp.exe`)).toBe('Evegnp.exe');
    expect(shownName('Eve\u2066isolated\u2069')).toBe('Eveisolated');
    expect(shownName('two\nlines\u2028here')).toBe('twolineshere');
  });

  it('cuts at 64 characters as people count them, and tames piles of accents', () => {
    const long = shownName('🙂'.repeat(500));
    expect([...long]).toHaveLength(65);
    expect(long.endsWith('…')).toBe(true);
    const zalgo = shownName(`Z${'\u0301'.repeat(400)}oe`);
    expect(zalgo).toBe('Z\u0301\u0301oe');
  });
});
