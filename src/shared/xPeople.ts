// People known by their X id alone: the data archive lists ids, not names. Such a person is stored with an empty
// handle until a name becomes known (a sync through the API, or an archive whose links name the profile), and
// is shown as "X account <id>" with a link to the profile, never with an address posing as a name.
import type { Person } from './people.ts';

/** Earlier versions stored the profile address as the handle. */
const oldPlaceholder = /^x\.com\/i\/user\/\d+$/;

export const isUnnamed = (person: Pick<Person, 'handle'>) => person.handle === '' || oldPlaceholder.test(person.handle);

/** The profile of an X account by its id: X redirects it to the current username. */
export const xProfileUrl = (id: string) => `https://x.com/i/user/${encodeURIComponent(id)}`;

/** What stands for a person's handle on screen and in labels: the handle, or "X account <id>". */
export const personLabel = (person: Pick<Person, 'id' | 'handle'>) =>
  isUnnamed(person) ? `X account ${person.id}` : person.handle;
