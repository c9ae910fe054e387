import type { Person } from '../../shared/people.ts';
import { shownHandle, shownName } from '../../shared/shownNames.ts';
import type { Network } from '../../shared/types.ts';
import { isUnnamed, personLabel } from '../../shared/xPeople.ts';
import { HandleText } from '../ui/HandleText.tsx';
import './PersonHandle.css';

/** A person's handle as a server cannot spoof it: cleaned, isolated from the text around it, cut, and marked. */
export function PersonHandle({ person, network }: { person: Person; network?: Network | undefined }) {
  // Someone an X archive names by id alone shows as that id, never as an address passing for a handle.
  if (isUnnamed(person)) return <bdi className="person-handle">{personLabel(person)}</bdi>;
  // An account gone before Twoway learned its name stands for itself by its id (a Bluesky DID): not a handle.
  if (person.handle === person.id)
    return (
      <bdi className="person-handle">
        <HandleText handle={shownHandle(person.id).text} />
      </bdi>
    );
  const { text, marks } = shownHandle(person.handle, network, person.profileHost);
  return (
    <>
      <bdi className="person-handle">
        <HandleText handle={text} />
      </bdi>
      {marks.map((mark) => (
        <span key={mark}>
          {' '}
          <span className="handle-mark">{mark}</span>
        </span>
      ))}
    </>
  );
}

/** A display name, isolated so it cannot turn the row around it, and cut. */
export function PersonName({ name }: { name: string }) {
  return <bdi>{shownName(name)}</bdi>;
}

/** The handle as words for labels (aria-label, hidden text): cleaned and cut like the shown one. */
export const handleWords = (person: Person, network?: Network) =>
  isUnnamed(person) ? personLabel(person) : shownHandle(person.handle, network).text;
