import type { Network } from '../../../shared/types.ts';
import type { Person } from '../../../shared/network.ts';
import { isUnnamed } from '../../../shared/xPeople.ts';
import { NetworkBadge } from './NetworkBadge.tsx';
import { PersonHandle, PersonName } from './PersonHandle.tsx';
import { XProfileLink } from './XProfileLink.tsx';

/** The start of a person's row: the checkbox, labelled by the handle and its marks, and the display name. */
export function PersonPick({
  person,
  network,
  checked,
  disabled = false,
  onChange,
}: {
  person: Person;
  /** Shown when the view mixes accounts. */
  network?: Network | undefined;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <>
      <label className="person-pick">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
        />
        <PersonHandle person={person} network={network} />
      </label>
      <span className="person-name">
        {network && <NetworkBadge network={network} />}{' '}
        {isUnnamed(person) ? <XProfileLink person={person} /> : <PersonName name={person.displayName} />}
      </span>
    </>
  );
}
