// Who does not follow back, read from an account's columns where it has them: the ids and follow dates answer
// the question as row indexes, and a row is made into a person only when asked for, so opening a large account
// and showing its first rows never reads every name of both lists.
import { DAY } from '../../../shared/calendar.ts';
import type { AccountData, Followed, NotFollowingBack } from '../../../shared/people.ts';
import { notFollowingBackOrder, notFollowingBackRow, notFollowingBackRows } from '../../core/balance/followGraph.ts';
import { notFollowingBackRowsOfBytes } from '../../core/balance/idBytes.ts';
import type { KeyOrder } from '../../core/balance/numberOrder.ts';
import { columnsOf } from './accountFile.ts';

/** The people you follow who do not follow you, oldest follow first; each row is made when asked for. */
export interface UnansweredFollows {
  readonly length: number;
  /** The k-th row, with the grace clock. */
  row(k: number): NotFollowingBack;
  /** Every row. */
  all(): NotFollowingBack[];
  /** How many are past the grace period and not on the keep-list. */
  due(): number;
}

export function notFollowingBackOf(
  data: AccountData,
  keep: ReadonlySet<string>,
  now: number,
  graceDays: number,
): UnansweredFollows {
  const columns = columnsOf(data);
  let order: KeyOrder;
  let followed: (row: number) => Followed;
  let dateOf: (row: number) => number;
  let idOf: (row: number) => string;
  if (columns) {
    const { followers, following } = columns;
    const [mine, theirs] = [followers.idBytes(), following.idBytes()];
    const dates = following.followedAt();
    order =
      mine && theirs
        ? notFollowingBackRowsOfBytes(mine, theirs, dates, following.ghosts)
        : notFollowingBackRows(followers.ids(), following.ids(), dates, following.ghosts);
    followed = (row) => following.person(row) as Followed;
    dateOf = (row) => dates[row]!;
    idOf = (row) => following.ids()[row]!;
  } else {
    order = notFollowingBackOrder(data);
    followed = (row) => data.following[row]!;
    dateOf = (row) => data.following[row]!.followedAt;
    idOf = (row) => data.following[row]!.id;
  }
  const row = (k: number) => notFollowingBackRow(followed(order.at(k)), keep, now, graceDays);
  return {
    length: order.length,
    row,
    all: () => Array.from({ length: order.length }, (_, k) => row(k)),
    due() {
      // As notFollowingBackRow reckons it, without making the rows or putting them in order.
      let count = 0;
      for (const row of order.found) {
        if (Math.max(0, now - dateOf(row)) >= graceDays * DAY && !(keep.size > 0 && keep.has(idOf(row)))) count++;
      }
      return count;
    },
  };
}

/** How many of the account's follows are ghosts. */
export function ghostCount(data: AccountData): number {
  return columnsOf(data)?.following.ghosts.size ?? data.following.filter((f) => f.ghost).length;
}
