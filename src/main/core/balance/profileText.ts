// A profile's bio as a row shows it: its first line of plain text, without the characters that can turn or hide
// text around it, and cut to a line's length. Bluesky sends plain text, Mastodon HTML.
import { htmlToText } from '../catchUp/postText.ts';

/** The most characters a bio line keeps. */
export const bioLimit = 160;

/** Bidirectional controls, zero-width characters, joiners, the byte-order mark, controls: never shown. */
const hidden = /[\p{Cf}\p{Cc}\u2028\u2029]/gu;

/** The first line with text of a bio, cleaned and cut; null when there is none. */
export function bioFirstLine(bio: string | null | undefined, format: 'text' | 'html' = 'text'): string | null {
  if (!bio) return null;
  const text = format === 'html' ? htmlToText(bio.slice(0, 20_000)) : bio.slice(0, 20_000);
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = raw.replace(hidden, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const chars = [...line];
    return chars.length > bioLimit
      ? `${chars
          .slice(0, bioLimit - 1)
          .join('')
          .trimEnd()}…`
      : line;
  }
  return null;
}
