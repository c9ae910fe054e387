// What the Dashboard suggests doing next, from what the user's data says; nothing when nothing waits.
import { duration } from './duration.ts';
import { count as inLocale } from './localeFormat.ts';

export interface Situation {
  /** Network accounts added. */
  accounts: number;
  /** People not following back whose grace period is over; null while not known. */
  due: number | null;
  /** Followers' posts not yet scanned. */
  unread: number;
  /** Mentions waiting for an answer. */
  waiting: number;
  todayOnlineMs: number;
  budgetMs: number;
  running: 'online' | 'offline' | null;
}

export type StepAction = 'start-offline' | 'add-account' | 'review-due' | 'catch-up';

export interface NextStep {
  action: StepAction;
  text: string;
  /** The button's words. */
  label: string;
}

/** The steps in the order they matter: offline time first, since online time is what Twoway keeps in check. */
export function nextSteps(s: Situation, locale: string): NextStep[] {
  const count = (n: number, one: string, many: string) => `${inLocale(n, locale)} ${n === 1 ? one : many}`;
  const steps: NextStep[] = [];
  if (s.todayOnlineMs >= s.budgetMs && s.running !== 'offline') {
    steps.push({
      action: 'start-offline',
      text: `Over budget today: ${duration(s.todayOnlineMs)} online of ${duration(s.budgetMs)}`,
      label: 'Start offline',
    });
  }
  if (s.accounts === 0) {
    steps.push({ action: 'add-account', text: 'No account yet', label: 'Add an account' });
    return steps;
  }
  if (s.due !== null && s.due > 0) {
    steps.push({
      action: 'review-due',
      text: `${count(s.due, 'person is', 'people are')} due for an unfollow`,
      label: 'Review',
    });
  }
  if (s.unread > 0 || s.waiting > 0) {
    const parts = [
      s.unread > 0 ? `${count(s.unread, 'unread post', 'unread posts')} from followers` : '',
      s.waiting > 0 ? `${inLocale(s.waiting, locale)} waiting for your answer` : '',
    ];
    steps.push({ action: 'catch-up', text: parts.filter(Boolean).join(' · '), label: 'Catch up' });
  }
  return steps;
}
