// Whether a queued unfollow still goes, asked right before its write: someone an outcome came to protect while the
// unfollow waited is kept. An unfollow the user confirmed for them ("Unfollow anyway…") goes, and so does an undo
// of a follow Twoway made: both were asked for that very person.
import type { QueueItem } from '../../../shared/people.ts';
import type { PersonFacts } from '../../../shared/personDetails.ts';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day ('YYYY-MM-DD') as the log says it: '2 Dec', with its year when that is not the year of `today`. */
export function logDay(day: string, today: string): string {
  const [year, month, date] = day.split('-');
  const short = `${Number(date)} ${months[Number(month) - 1]}`;
  return year === today.slice(0, 4) ? short : `${short} ${year}`;
}

/**
 * Whom an unfollow queues of those asked for: the protected only when the user confirmed it for them, and then
 * marked as confirmed. A refusal in the user's words when nobody is left.
 */
export function protectedChoice<P extends { id: string }>(
  asked: readonly P[],
  shielded: ReadonlySet<string>,
  includeProtected: boolean,
): { people: P[]; confirmed: ReadonlySet<string> } | { refused: string } {
  if (includeProtected)
    return { people: [...asked], confirmed: new Set(asked.filter((p) => shielded.has(p.id)).map((p) => p.id)) };
  const people = asked.filter((p) => !shielded.has(p.id));
  if (people.length > 0) return { people, confirmed: new Set() };
  return {
    refused:
      asked.length === 1
        ? 'This person is protected by an outcome logged with them: confirm the unfollow on their row, or lift the protection first.'
        : 'These people are protected by outcomes logged with them: confirm each unfollow on its row, or lift the protection first.',
  };
}

/** Why this item must not be written after all, in the log's words; null when it goes ahead. */
export function keptByProtection(
  item: Pick<QueueItem, 'action' | 'person' | 'undoes' | 'unfollowAnyway'>,
  now: Pick<PersonFacts, 'outcome' | 'protected'>,
  today: string,
): string | null {
  if (item.action !== 'unfollow' || item.unfollowAnyway === true || item.undoes !== null) return null;
  if (!now.protected || now.outcome === null) return null;
  const handle = item.person.handle.replace(/^@+/, '');
  return `Kept @${handle}: protected — ${now.outcome.type} outcome on ${logDay(now.outcome.date, today)}.`;
}
