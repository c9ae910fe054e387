// Who does not follow back, read from an account's columns where it has them: the ids and follow dates answer
// the question, and only the rows found are made into people, so opening a large account and showing its
// first rows never reads every name of both lists.
import type { AccountData, Followed, NotFollowingBack } from '../../shared/network.ts';
import { notFollowingBack, notFollowingBackRow, notFollowingBackRows } from '../core/followGraph.ts';
import { columnsOf } from './accountFile.ts';

export function notFollowingBackOf(
  data: AccountData,
  keep: ReadonlySet<string>,
  now: number,
  graceDays: number,
): NotFollowingBack[] {
  const columns = columnsOf(data);
  if (!columns) return notFollowingBack(data, keep, now, graceDays);
  const { followers, following } = columns;
  const rows = notFollowingBackRows(followers.ids(), following.ids(), following.followedAt(), following.ghosts);
  return Array.from(rows, (row) => notFollowingBackRow(following.person(row) as Followed, keep, now, graceDays));
}

/** How many of the account's follows are ghosts. */
export function ghostCount(data: AccountData): number {
  return columnsOf(data)?.following.ghosts.size ?? data.following.filter((f) => f.ghost).length;
}
