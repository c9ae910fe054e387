// How people's handles and names are shown, whatever a server sent: invisible characters out of handles, a cap
// on length, and marks where a handle may pass for another one (letters of two alphabets in one label, a form
// the network does not allow, a profile that lives on another server than its handle says).
import type { Network } from './types.ts';

export const handleLimit = 100;
export const nameLimit = 64;

export interface ShownHandle {
  text: string;
  /** Why the handle deserves a second look, in the user's words; empty when it looks as it is. */
  marks: string[];
}

/**
 * Characters that show as nothing: bidirectional controls (which can reverse what follows), zero-width spaces
 * and joiners, word joiners, the byte-order mark, soft hyphens, tag characters, variation selectors and fillers.
 */
const invisible = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Variation_Selector}\u115f\u1160\u3164\uffa0]|\u034f/gu;
/** In names, only what can turn or break the line around them; joiners stay for emoji. */
const unruly = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `limit` characters as people count them, each with at most two accents, then an ellipsis. */
function capped(text: string, limit: number): string {
  const head = text.slice(0, limit * 8);
  let shown = '';
  let count = 0;
  for (const { segment } of segmenter.segment(head)) {
    if (count === limit) return `${shown}…`;
    shown += segment.replace(/(\p{M}{2})\p{M}+/gu, '$1');
    count += 1;
  }
  return head.length < text.length ? `${shown}…` : shown;
}

const scripts = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
  'Mongolian',
  'Ethiopic',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
].map((name) => ({ name, test: new RegExp(`\\p{Script=${name}}`, 'u') }));

/** The alphabets whose letters a label uses (digits and signs belong to none). */
function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue;
    found.add(scripts.find((script) => script.test.test(char))?.name ?? 'other');
  }
  return found;
}

/** Mixes that are one way of writing (Unicode's "highly restrictive" level): Japanese, Chinese, Korean with Latin. */
const oneWriting = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** Whether one label (between dots and @) mixes alphabets, as look-alike handles do (Latin a, Cyrillic а). */
export function mixesLetters(label: string): boolean {
  const used = scriptsOf(label);
  if (used.size < 2) return false;
  return !oneWriting.some((allowed) => [...used].every((script) => allowed.has(script)));
}

const domain = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const forms: Record<Network, { test(handle: string): boolean; name: string }> = {
  x: { test: (h) => /^@[A-Za-z0-9_]{1,15}$/.test(h), name: 'an X username' },
  mastodon: { test: (h) => /^@[\p{L}\p{N}_.-]+@[^@\s]+$/u.test(h), name: 'a Mastodon handle' },
  bluesky: { test: (h) => domain.test(h), name: 'a Bluesky handle' },
};

/** The network a handle's shape says, as Twoway writes them: @name@server, @name, or a domain. */
function networkOf(handle: string): Network {
  const ats = handle.split('@').length - 1;
  return ats >= 2 ? 'mastodon' : ats === 1 ? 'x' : 'bluesky';
}

/** A handle as shown: without invisible characters, at most 100 characters, with its marks. */
export function shownHandle(handle: string, network?: Network, profileHost?: string): ShownHandle {
  const visible = handle.replace(invisible, '');
  const marks: string[] = [];
  if (visible !== handle) marks.push('hidden characters');
  // Letters are looked at as far as they can be shown: a megabyte of handle costs no more than a screenful.
  if (
    visible
      .slice(0, handleLimit * 8)
      .split(/[.@]/)
      .some(mixesLetters)
  )
    marks.push('mixed letters');
  const form = forms[network ?? networkOf(visible)];
  if (!form.test(visible)) marks.push(`not ${form.name}`);
  if (network === 'bluesky' && visible === 'handle.invalid') marks.push('handle not verified');
  if (profileHost) marks.push(`profile on ${capped(profileHost, handleLimit)}`);
  return { text: capped(visible, handleLimit), marks };
}

/** A display name as shown: nothing that turns or breaks the text around it, at most 64 characters. */
export function shownName(name: string): string {
  return capped(name.replace(unruly, ''), nameLimit);
}

/**
 * Where a Mastodon profile lives when that is not the server its handle names (acct user@a.example, profile
 * https://b.example/@user), else null. A local acct names no server and proves nothing.
 */
export function mastodonProfileHost(acct: string, profileUrl: string | null | undefined): string | null {
  const at = acct.lastIndexOf('@');
  if (at < 0 || !profileUrl || !URL.canParse(profileUrl)) return null;
  const named = URL.canParse(`https://${acct.slice(at + 1)}`) ? new URL(`https://${acct.slice(at + 1)}`).hostname : '';
  const lives = new URL(profileUrl).hostname;
  return named === lives ? null : lives;
}
