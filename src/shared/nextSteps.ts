// What the Dashboard suggests doing next, from what the user's data says; nothing when nothing waits.
import { duration } from './duration.ts';

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

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The steps in the order they matter: offline time first, since online time is what Twoway keeps in check. */
export function nextSteps(s: Situation): NextStep[] {
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
      s.waiting > 0 ? `${s.waiting.toLocaleString('en-US')} waiting for your answer` : '',
    ];
    steps.push({ action: 'catch-up', text: parts.filter(Boolean).join(' · '), label: 'Catch up' });
  }
  return steps;
}
