// X takes no follows or unfollows from apps: there each change is a step the user takes, with Twoway's help.
import type { QueueAction } from '../../../shared/people.ts';
import { count } from '../../balance/networkWords.ts';

/** About how long one step on X takes the user: open the profile, unfollow, come back, mark it done. */
export const xStepSeconds = 30;

/** '30 s', '6 min', '1 h 15 min': the user's own time for the manual steps. */
function spent(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** X takes no follows or unfollows from apps: how many of the picked are steps for the user, and their time. */
export function manualStepsOf(action: QueueAction, onX: number, picked: number): string | null {
  if (onX === 0) return null;
  const verb = action === 'unfollow' ? 'unfollow' : 'follow back';
  const time =
    onX === 1 ? `about ${spent(xStepSeconds)}` : `about ${spent(onX * xStepSeconds)} at ${xStepSeconds} s each`;
  const who =
    onX === picked
      ? onX === 1
        ? 'It is on X'
        : `All ${count(onX)} are on X`
      : `${count(onX)} of them ${onX === 1 ? 'is' : 'are'} on X`;
  const how =
    onX === 1
      ? `Twoway opens the profile for you to ${verb} there, and you mark it done in the queue`
      : `Twoway opens each profile for you to ${verb} there, and you mark each done in the queue`;
  return `${who}: ${how} — ${time}.`;
}
