import type { Person } from '../../../shared/people.ts';
import type { PersonFacts } from '../../../shared/personDetails.ts';

/** What the people rows show beside the follow (profile, exchanges, outcome); `version` grows when any of it changes. */
export interface PeopleFactsSource {
  version(): number;
  factsFor(accountId: string): (person: Person) => PersonFacts;
  /** Whom an outcome protects in this account; null when no outcome can protect anyone, so no row is looked up. */
  protectedFor(accountId: string): ((person: Person) => boolean) | null;
}
