import type { Person } from '../../../shared/people.ts';
import { personLabel, xProfileUrl } from '../../../shared/xPeople.ts';
import './XProfileLink.css';

/** Opens an X profile by its id, which X takes to the current username: the way to someone an archive names by id. */
export function XProfileLink({ person }: { person: Person }) {
  return (
    <a
      className="profile-link"
      href={xProfileUrl(person.id)}
      target="_blank"
      rel="noreferrer"
      aria-label={`Open profile of ${personLabel(person)}`}
    >
      Open profile
    </a>
  );
}
