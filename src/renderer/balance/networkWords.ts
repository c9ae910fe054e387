// How networks, counts and times read on the Network view.
import type { Account, AccountBalance, Network } from '../../shared/types.ts';
import { clockTime } from '../format.ts';
import type { Ghost, QueueAction } from '../../shared/people.ts';
import { networkNames, writeBudgets, writeSpacingMs } from '../../shared/networkFacts.ts';
import { shownHandle } from '../../shared/shownNames.ts';

export { networkNames };

/** Seconds between writes per network, as main's pacing spaces them (shown in the preview before a confirm). */
export const writeSeconds = (network: Network, action: QueueAction) =>
  writeSpacingMs(writeBudgets[network], action) / 1000;

export const isSample = (account: Account) => account.connection.network === 'demo';

/** X accounts without an API token are read from their archive: a newer archive updates them, no sync can. */
export const isArchive = ({ account, canWrite }: AccountBalance) => account.connection.network === 'x' && !canWrite;

export const count = (n: number) => n.toLocaleString();

export const people = (n: number) => `${count(n)} ${n === 1 ? 'person' : 'people'}`;

/** 'Bluesky', 'Bluesky and Mastodon', 'Bluesky, Mastodon and X'. */
export function listed(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A moment as the clock time today, or as a date when it is more than a day old. */
export function momentLabel(at: number, now: number): string {
  if (now - at < 24 * 60 * 60 * 1000) return clockTime(at);
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Mastodon and X give no follow dates: there the grace clock runs from when Twoway first saw the follow. */
export const datesFollows = (network: Network | undefined) => network === 'bluesky';

/** Why a ghost follow can never follow back: 'deleted', 'blocks you', 'moved to @new@host'. */
export function ghostWords(ghost: Ghost): string {
  if (ghost.reason === 'blocks-you') return 'blocks you';
  if (ghost.reason !== 'moved') return ghost.reason;
  return ghost.movedTo ? `moved to ${shownHandle(ghost.movedTo, 'mastodon').text}` : 'moved';
}
