// Whether the network, at the sync after Twoway's own writes, counts the follows Twoway expected. Only the
// following count is compared: followers change by others' doing all the time, follows only by the user's.
import { count } from './localeFormat.ts';
import { networkNames } from './networkFacts.ts';
import type { CountSnapshot, Network } from './types.ts';

/** "Bluesky counts 241 following; Twoway expected 240." after such a sync, else null. */
export function countsDisagreement(history: readonly CountSnapshot[], network: Network, locale: string): string | null {
  const synced = history.at(-1);
  const expected = history.at(-2);
  if (!synced || !expected || synced.source === 'write' || expected.source !== 'write') return null;
  if (synced.following === expected.following) return null;
  return `${networkNames[network]} counts ${count(synced.following, locale)} following; Twoway expected ${count(expected.following, locale)}.`;
}
