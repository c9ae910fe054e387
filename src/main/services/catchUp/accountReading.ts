// One account's catch-up reading: mentions and the user's own posts first, then the home timeline back to the
// window's start, then the feeds of followers the user does not follow with what the budget leaves. Every
// feed stops at its window, its page limit and the request budget; cancel stops between requests.
import type { CatchUpProgress } from '../../../shared/catchUp.ts';
import type { Person } from '../../../shared/people.ts';
import { reachedBack, type FeedPost } from '../../core/catchUp/feed.ts';
import {
  othersNewestFirst,
  othersToRead,
  ownFeedSince,
  readWindows,
  type ReadBudget,
} from '../../core/catchUp/plan.ts';
import type { AccountCatchUp, CatchUpReading } from '../../core/catchUp/read.ts';
import type { CatchUpReader } from '../networks/catchUpReader.ts';
import type { Page } from '../networks/page.ts';
import { NetworkFailure } from '../networks/resilientFetch.ts';

export interface LoadOptions {
  kept: AccountCatchUp;
  /** From the last sync: who follows the user and whom they follow. */
  followers: readonly Person[];
  following: readonly { id: string }[];
  /** Follower ids the last sync saw first, the newest follower first. */
  newestFollowerIds: readonly string[];
  budget: ReadBudget;
  /** Requests the reader's connection had made before this catch-up (signing in counts). */
  requestsBefore: number;
  now: number;
  signal: AbortSignal;
  onProgress: (progress: Omit<CatchUpProgress, 'accountId'>) => void;
}

export async function loadCatchUp(reader: CatchUpReader, options: LoadOptions): Promise<CatchUpReading> {
  const { budget, signal, onProgress } = options;
  const windows = readWindows(options.kept.lastCatchUpAt, options.now);
  const used = () => reader.requests() - options.requestsBefore;
  const left = () => budget.requests - used();
  let phase: CatchUpProgress['phase'] = 'mentions';
  const report = () => onProgress({ phase, done: Math.min(used(), budget.requests), total: budget.requests });
  const checkCancel = () => {
    if (signal.aborted) throw new NetworkFailure('cancelled', 'Cancelled.');
  };

  /** Newest-first pages until one reaches back past `since`, the feed ends, or a limit stops it. */
  async function pages<T>(
    read: (cursor: string | null) => Promise<Page<T>>,
    postOf: (item: T) => FeedPost,
    since: number,
    maxPages: number,
  ): Promise<{ items: T[]; complete: boolean }> {
    const items: T[] = [];
    const cursors = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < maxPages && left() > 0; page++) {
      checkCancel();
      const next: Page<T> = await read(cursor);
      items.push(...next.items);
      report();
      if (next.cursor === null || reachedBack(next.items.map(postOf), since)) return { items, complete: true };
      // A server that hands back a cursor it gave before would make this loop forever.
      if (cursors.has(next.cursor)) {
        throw new NetworkFailure('bad-response', 'The server repeated a page; the catch-up stopped rather than loop.');
      }
      cursors.add(next.cursor);
      cursor = next.cursor;
    }
    return { items, complete: false };
  }

  const same = (post: FeedPost) => post;
  let notices: CatchUpReading['notices'] = [];
  let timeline: FeedPost[] = [];
  let cutShort = false;
  report();
  if (reader.signedIn) {
    notices = (
      await pages(
        (c) => reader.noticesPage(c),
        (n) => n.post,
        windows.mentions,
        budget.noticePages,
      )
    ).items;
  }
  phase = 'own-posts';
  const own = (await pages((c) => reader.ownPostsPage(c), same, windows.mentions, budget.ownPostPages)).items;

  const synced = options.followers.length > 0;
  if (reader.signedIn && synced) {
    phase = 'timeline';
    const read = await pages((c) => reader.timelinePage(c), same, windows.posts, budget.timelinePages);
    timeline = read.items;
    cutShort = !read.complete;
  }

  // Signed in, the timeline has everyone the user follows; without, every follower's own feed is the only way.
  phase = 'followers';
  const candidates = reader.signedIn
    ? othersNewestFirst(options.followers, options.following, options.newestFollowerIds)
    : othersNewestFirst(options.followers, [], options.newestFollowerIds);
  const count = reader.signedIn ? Math.min(budget.others, left()) : left();
  const othersRead: string[] = [];
  const others: FeedPost[] = [];
  const sinceOf: Record<string, number> = {};
  for (const id of othersToRead(candidates, options.kept.othersReadAt, count, options.now)) {
    if (left() <= 0) break;
    checkCancel();
    others.push(...(await reader.recentPosts(id)));
    othersRead.push(id);
    sinceOf[id] = ownFeedSince(options.kept.othersReadAt[id], windows, options.now);
    report();
  }

  return {
    me: reader.me,
    windows,
    feed: [...timeline, ...others],
    notices,
    own,
    followers: new Set(options.followers.map((p) => p.id)),
    othersRead,
    sinceOf,
    othersCount: candidates.length,
    cutShort,
    requests: used(),
  };
}
