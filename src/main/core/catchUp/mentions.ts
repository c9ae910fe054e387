// Mentions, replies and quotes of the user, and whether they have answered: a mention is answered once one of
// the user's own replies has it as its parent; the user can also mark it answered or ignored.
import type { Mention, MentionState } from '../../../shared/catchUp.ts';
import { DAY } from '../../../shared/calendar.ts';
import type { FeedPost, Notice } from './feed.ts';

export type KeptMention = Omit<Mention, 'accountId'>;

/** A reply the user posted: the post it answers, and when. */
export interface OwnReply {
  postId: string;
  at: number;
}

/** Mentions and the user's replies older than this leave: a month-old mention is past answering. */
export const keepMentionsMs = 30 * DAY;

/** The user's replies among their own posts. */
export function ownReplies(posts: readonly FeedPost[]): OwnReply[] {
  return posts.flatMap((post) => (post.replyTo ? [{ postId: post.replyTo.postId, at: post.createdAt }] : []));
}

export function mergeReplies(kept: readonly OwnReply[], fresh: readonly OwnReply[], now: number): OwnReply[] {
  const byPost = new Map<string, OwnReply>();
  for (const reply of [...kept, ...fresh]) {
    const known = byPost.get(reply.postId);
    if (!known || reply.at < known.at) byPost.set(reply.postId, reply);
  }
  return [...byPost.values()].filter((reply) => reply.at >= now - keepMentionsMs);
}

/**
 * What waits for the user's answer among the notices: every mention and quote, and replies to the user's own
 * posts — a reply deeper in a thread, to someone else, does not ask the user anything.
 */
function asksTheUser(notice: Notice, me: string): boolean {
  if (notice.post.author.id === me || notice.post.repost) return false;
  if (notice.reason !== 'reply') return true;
  const parentAuthor = notice.post.replyTo?.authorId;
  return parentAuthor === undefined || parentAuthor === null || parentAuthor === me;
}

export function mergeMentions(
  kept: readonly KeptMention[],
  notices: readonly Notice[],
  replies: readonly OwnReply[],
  me: string,
  now: number,
): KeptMention[] {
  const byId = new Map(kept.map((mention) => [mention.id, mention]));
  for (const notice of notices) {
    if (!asksTheUser(notice, me) || byId.has(notice.post.id)) continue;
    const { post } = notice;
    byId.set(post.id, {
      id: post.id,
      author: post.author,
      text: post.text,
      createdAt: post.createdAt,
      url: post.url,
      reason: notice.reason,
      state: 'waiting',
      answeredAt: null,
    });
  }
  const answeredAt = new Map(replies.map((reply) => [reply.postId, reply.at]));
  return [...byId.values()]
    .filter((mention) => mention.createdAt >= now - keepMentionsMs)
    .map((mention) => {
      const at = answeredAt.get(mention.id);
      return mention.state === 'waiting' && at !== undefined
        ? { ...mention, state: 'answered', answeredAt: at }
        : mention;
    });
}

/** The user's own mark; back to waiting undoes it. */
export function markMention(mention: KeptMention, state: MentionState, now: number): KeptMention {
  return { ...mention, state, answeredAt: state === 'answered' ? now : null };
}

/** Waiting first, the longest waiting at the top; then what was dealt with, the most recent first. */
export function orderMentions<T extends KeptMention>(mentions: readonly T[]): T[] {
  const waiting = mentions.filter((m) => m.state === 'waiting').sort((a, b) => a.createdAt - b.createdAt);
  const dealt = mentions
    .filter((m) => m.state !== 'waiting')
    .sort((a, b) => (b.answeredAt ?? b.createdAt) - (a.answeredAt ?? a.createdAt));
  return [...waiting, ...dealt];
}
