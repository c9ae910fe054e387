// Who does not follow back, read from an account's columns where it has them: the ids and follow dates answer
// the question, and only the rows found are made into people, so opening a large account and showing its
// first rows never reads every name of both lists.
import type { AccountData, Followed, NotFollowingBack } from '../../../shared/people.ts';
import { notFollowingBack, notFollowingBackRow, notFollowingBackRows } from '../../core/balance/followGraph.ts';
import { notFollowingBackRowsOfBytes } from '../../core/balance/idBytes.ts';
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
  const [mine, theirs] = [followers.idBytes(), following.idBytes()];
  const rows =
    mine && theirs
      ? notFollowingBackRowsOfBytes(mine, theirs, following.followedAt(), following.ghosts)
      : notFollowingBackRows(followers.ids(), following.ids(), following.followedAt(), following.ghosts);
  const found = new Array<NotFollowingBack>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    found[k] = notFollowingBackRow(following.person(rows[k]!) as Followed, keep, now, graceDays);
  }
  return found;
}

/** How many of the account's follows are ghosts. */
export function ghostCount(data: AccountData): number {
  return columnsOf(data)?.following.ghosts.size ?? data.following.filter((f) => f.ghost).length;
}
