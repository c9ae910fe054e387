import type { Network } from '../../../shared/types.ts';
import type { Person } from '../../../shared/network.ts';
import { NetworkBadge } from './NetworkBadge.tsx';

/** The start of a person's row: the checkbox, labelled by the handle, and the display name. */
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
        <span className="person-handle">{person.handle}</span>
      </label>
      <span className="person-name">
        {network && <NetworkBadge network={network} />} {person.displayName}
      </span>
    </>
  );
}
