// How what Twoway knows of a person reads on their row: when they last posted (long silences stand out), their
// counts, what passed between you, and why they are protected. Unknown things are left unsaid, never guessed.
import { DAY } from '../../shared/calendar.ts';
import { uiLocale } from '../format.ts';
import type { OutcomeType } from '../../shared/outcomes.ts';
import type { Interactions, LinkedOutcome } from '../../shared/personDetails.ts';

/** Silent this long, someone reads as inactive. */
export const inactiveAfterDays = 90;
const monthDays = 30.44;

export interface LastPost {
  text: string;
  inactive: boolean;
}

/** When they last posted, as a row says it; null while their profile was never read (nothing is known). */
export function lastPostWords(lastPostAt: number | null, detailsAt: number | null, now: number): LastPost | null {
  if (detailsAt === null) return null;
  if (lastPostAt === null) return { text: 'No posts yet', inactive: false };
  const days = Math.floor(Math.max(0, now - lastPostAt) / DAY);
  if (days >= 365) {
    const years = Math.floor(days / 365);
    return { text: years === 1 ? 'Inactive over a year' : `Inactive ${years} years`, inactive: true };
  }
  if (days >= inactiveAfterDays) {
    return { text: `Inactive ${Math.round((now - lastPostAt) / (monthDays * DAY))} months`, inactive: true };
  }
  if (days === 0) return { text: 'Posted today', inactive: false };
  if (days === 1) return { text: 'Posted yesterday', inactive: false };
  if (days < 14) return { text: `Last post ${days} days ago`, inactive: false };
  return { text: `Last post ${Math.floor(days / 7)} weeks ago`, inactive: false };
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** '1.2K followers · 310 following'; null when the network does not say. */
export function countsWords(followers: number | null, following: number | null): string | null {
  const parts: string[] = [];
  if (followers !== null) parts.push(`${compact.format(followers)} ${followers === 1 ? 'follower' : 'followers'}`);
  if (following !== null) parts.push(`${compact.format(following)} following`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** How many of `of` were answered, after "you answered" / "they answered". */
function answeredWords(who: 'you' | 'they', n: number, of: number): string {
  if (n === 0) return who === 'you' ? 'you have not answered' : 'they never answered';
  if (n === of) return of === 1 ? `${who} answered` : of === 2 ? `${who} answered both` : `${who} answered all ${of}`;
  return `${who} answered ${n}`;
}

/** What passed between you, as short phrases; empty when the catch-up saw nothing. */
export function interactionWords(i: Interactions): string[] {
  const words: string[] = [];
  if (i.theyMentioned > 0) {
    words.push(`They mentioned you ${times(i.theyMentioned)}, ${answeredWords('you', i.youAnswered, i.theyMentioned)}`);
  }
  if (i.youMentioned > 0) {
    words.push(`You mentioned them ${times(i.youMentioned)}, ${answeredWords('they', i.theyAnswered, i.youMentioned)}`);
  }
  return words;
}

export const outcomeWords: Record<OutcomeType, string> = {
  client: 'client',
  lead: 'lead',
  meeting: 'meeting',
  conversation: 'conversation',
  connection: 'connection',
  media: 'media mention',
};

/** 'YYYY-MM-DD' → '12 Nov' (in en-GB), with the year when it is not this one. */
export function outcomeDay(day: string, now: number, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y!, m! - 1, d!);
  const thisYear = new Date(now).getFullYear() === y;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', ...(thisYear ? {} : { year: 'numeric' }) });
}

/** 'Protected: client — outcome on 12 Nov'; an outcome that does not protect is only mentioned. */
export function outcomeLine(outcome: LinkedOutcome, isProtected: boolean, now: number, locale = uiLocale()): string {
  const what = `${outcomeWords[outcome.type]} — outcome on ${outcomeDay(outcome.date, now, locale)}`;
  return isProtected ? `Protected: ${what}` : `Outcome: ${what}`;
}

/** Since when you follow them: the follow's date on Bluesky, when Twoway first saw it elsewhere. */
export function followedWords(days: number, dated: boolean): string {
  const ago = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days.toLocaleString()} days ago`;
  return dated ? `You followed them ${ago}` : `You follow them · first seen ${ago}`;
}
