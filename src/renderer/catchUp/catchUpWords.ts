// How the briefing's times, counts and answers read.
import type { AnswerRate, FollowerPost, MentionReason, PostCounts } from '../../shared/catchUp.ts';
import { networkNames } from '../../shared/networkFacts.ts';
import type { Network } from '../../shared/types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 'just now', '12 min ago', '3 h ago', 'Mon 14:05', '3 Nov'. */
export function ago(at: number, now: number): string {
  const past = Math.max(0, now - at);
  if (past < MINUTE) return 'just now';
  if (past < HOUR) return `${Math.floor(past / MINUTE)} min ago`;
  if (past < DAY) return `${Math.floor(past / HOUR)} h ago`;
  const date = new Date(at);
  if (past < 6 * DAY) {
    return date.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  }
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** The moment itself: 'today 14:05', 'yesterday 09:30', 'Mon 14:05'. */
export function moment(at: number, now: number): string {
  const time = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (ms: number) => new Date(ms).toDateString();
  if (day(at) === day(now)) return `today ${time}`;
  if (day(at) === day(now - DAY)) return `yesterday ${time}`;
  return ago(at, now);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** A wait or a delay, roughly: '12 min', '5 h', '3 days'. */
export function span(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  return plural(Math.round(ms / DAY), 'day');
}

export function countsLine({ replies, reposts, likes }: PostCounts): string {
  return [plural(replies, 'reply', 'replies'), plural(reposts, 'repost'), plural(likes, 'like')].join(' · ');
}

export const kindWords: Record<FollowerPost['kind'], string | null> = { post: null, reply: 'Reply', quote: 'Quote' };

export const reasonWords: Record<MentionReason, string> = {
  mention: 'mentioned you',
  reply: 'replied to you',
  quote: 'quoted you',
};

export const openWords = (network: Network) => `Open on ${networkNames[network]}`;

/** '3 of 4 mentions answered, in about 2 h'; 'never answered your 3 mentions'. */
export function answerLine(rate: AnswerRate): string {
  const asked = plural(rate.asked, 'mention');
  if (rate.answered === 0) return rate.asked === 1 ? 'has not answered your mention' : `never answered your ${asked}`;
  const speed = rate.medianMs === null ? '' : `, in about ${span(rate.medianMs)}`;
  return `answered ${rate.answered} of ${asked}${speed}`;
}
