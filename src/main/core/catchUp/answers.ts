// Who answers: for the user's recent posts that mention someone, whether that person replied and how fast,
// and per person the share of mentions they answered.
import type { AnswerRate } from '../../../shared/catchUp.ts';
import type { Person } from '../../../shared/people.ts';
import type { FeedPost } from './feed.ts';

/** One of the user's posts that mentions people. */
export interface AskedPost {
  postId: string;
  at: number;
  mentioned: Person[];
}

/** A mentioned person's first reply to an asked post. */
export interface Answer {
  postId: string;
  personId: string;
  at: number;
}

/** The user's posts that count, per account: the newest ones. */
export const askedPerAccount = 50;

export function askedPosts(own: readonly FeedPost[], me: string): AskedPost[] {
  return own.flatMap((post) => {
    if (post.repost) return [];
    const mentioned = [...new Map(post.mentions.filter((p) => p.id !== me).map((p) => [p.id, p])).values()];
    return mentioned.length > 0 ? [{ postId: post.id, at: post.createdAt, mentioned }] : [];
  });
}

export function mergeAsked(kept: readonly AskedPost[], fresh: readonly AskedPost[]): AskedPost[] {
  const byId = new Map(kept.map((asked) => [asked.postId, asked]));
  for (const asked of fresh) byId.set(asked.postId, asked);
  return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, askedPerAccount);
}

/** Replies, anywhere in the posts seen, by a person an asked post mentions, to that post or its thread. */
export function answersIn(posts: readonly FeedPost[], asked: readonly AskedPost[]): Answer[] {
  const byId = new Map(asked.map((a) => [a.postId, a]));
  return posts.flatMap((post) => {
    if (!post.replyTo || post.repost) return [];
    const target = byId.get(post.replyTo.postId) ?? byId.get(post.replyTo.rootId);
    if (!target || !target.mentioned.some((person) => person.id === post.author.id)) return [];
    return [{ postId: target.postId, personId: post.author.id, at: post.createdAt }];
  });
}

export function mergeAnswers(kept: readonly Answer[], fresh: readonly Answer[], asked: readonly AskedPost[]): Answer[] {
  const stillAsked = new Set(asked.map((a) => a.postId));
  const byPair = new Map<string, Answer>();
  for (const answer of [...kept, ...fresh]) {
    if (!stillAsked.has(answer.postId)) continue;
    const key = `${answer.postId}\n${answer.personId}`;
    const known = byPair.get(key);
    if (!known || answer.at < known.at) byPair.set(key, answer);
  }
  return [...byPair.values()];
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** One rate per person mentioned, the lowest share answered first, then the most asked. */
export function answerRates(accountId: string, asked: readonly AskedPost[], answers: readonly Answer[]): AnswerRate[] {
  const answerOf = new Map(answers.map((a) => [`${a.postId}\n${a.personId}`, a]));
  const people = new Map<string, { person: Person; asked: number; delays: number[]; lastAskedAt: number }>();
  for (const post of asked) {
    for (const person of post.mentioned) {
      const entry = people.get(person.id) ?? { person, asked: 0, delays: [], lastAskedAt: post.at };
      entry.asked++;
      entry.lastAskedAt = Math.max(entry.lastAskedAt, post.at);
      const answer = answerOf.get(`${post.postId}\n${person.id}`);
      if (answer) entry.delays.push(Math.max(0, answer.at - post.at));
      people.set(person.id, entry);
    }
  }
  return [...people.values()]
    .map(({ person, asked: count, delays, lastAskedAt }) => ({
      accountId,
      person,
      asked: count,
      answered: delays.length,
      medianMs: median(delays),
      lastAskedAt,
    }))
    .sort((a, b) => a.answered / a.asked - b.answered / b.asked || b.asked - a.asked);
}
