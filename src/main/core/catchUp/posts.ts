// Followers' posts as the briefing keeps them: new ones arrive unread, ones seen again keep what the user
// marked and take fresh counts, and old ones leave. Grouped by person for the view, newest first.
import type { AnswerRate, FollowerPost, PersonPosts, ScanTarget } from '../../../shared/catchUp.ts';
import { DAY } from '../../../shared/calendar.ts';
import { postKind, type FeedPost } from './feed.ts';

export type KeptPost = Omit<FollowerPost, 'accountId'>;

/** Posts older than this leave the briefing, read or not. */
export const keepPostsMs = 14 * DAY;
/** At most this many posts per account, the newest. */
export const keptPostsPerAccount = 1000;

export function keptPost(post: FeedPost): KeptPost {
  return {
    id: post.id,
    author: post.author,
    text: post.text,
    createdAt: post.createdAt,
    url: post.url,
    kind: postKind(post),
    counts: post.counts,
    scanned: false,
  };
}

const newestFirst = (a: { createdAt: number }, b: { createdAt: number }) => b.createdAt - a.createdAt;

export function mergePosts(kept: readonly KeptPost[], fresh: readonly FeedPost[], now: number): KeptPost[] {
  const byId = new Map(kept.map((post) => [post.id, post]));
  for (const post of fresh) {
    const known = byId.get(post.id);
    // A post read again keeps its scanned mark; its counts and its author's name may have changed.
    byId.set(post.id, known ? { ...keptPost(post), scanned: known.scanned } : keptPost(post));
  }
  return [...byId.values()]
    .filter((post) => post.createdAt >= now - keepPostsMs)
    .sort(newestFirst)
    .slice(0, keptPostsPerAccount);
}

export function markScanned(
  kept: readonly KeptPost[],
  accountId: string,
  target: ScanTarget,
  scanned = true,
): KeptPost[] {
  const hits = (post: KeptPost) => {
    if ('everything' in target) return true;
    if (target.accountId !== accountId) return false;
    return 'post' in target ? post.id === target.post : post.author.id === target.person;
  };
  return kept.map((post) => (hits(post) && post.scanned !== scanned ? { ...post, scanned } : post));
}

export const unreadOf = (kept: readonly KeptPost[]) => kept.filter((post) => !post.scanned).length;

/**
 * Every account's posts grouped by person, the person with the newest post first and each person's posts newest
 * first. Without `withScanned`, people whose every post is scanned are left out, and so are scanned posts.
 */
export function groupByPerson(
  accounts: readonly { accountId: string; posts: readonly KeptPost[] }[],
  answers: readonly AnswerRate[],
  withScanned: boolean,
): PersonPosts[] {
  const rates = new Map(answers.map((rate) => [`${rate.accountId}\n${rate.person.id}`, rate]));
  const groups = new Map<string, PersonPosts>();
  for (const { accountId, posts } of accounts) {
    for (const post of posts) {
      if (!withScanned && post.scanned) continue;
      const key = `${accountId}\n${post.author.id}`;
      let group = groups.get(key);
      if (!group) {
        group = { accountId, person: post.author, posts: [], unread: 0, answers: rates.get(key) ?? null };
        groups.set(key, group);
      }
      group.posts.push({ ...post, accountId });
      if (!post.scanned) group.unread++;
    }
  }
  const people = [...groups.values()];
  for (const group of people) {
    group.posts.sort(newestFirst);
    // The newest post carries the name as it is now.
    group.person = group.posts[0]!.author;
  }
  return people.sort((a, b) => b.posts[0]!.createdAt - a.posts[0]!.createdAt);
}
