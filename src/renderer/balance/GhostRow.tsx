import type { GhostRow as Row } from '../../shared/contract.ts';
import type { Network } from '../../shared/types.ts';
import { ghostWords } from './networkWords.ts';
import { PersonRow } from './PersonDetails.tsx';
import { followedWords } from './personWords.ts';

const noProfileWords: Record<Row['ghost']['reason'], string> = {
  deleted: 'The account is gone: no profile to show',
  deactivated: 'The account is deactivated: no profile to show',
  suspended: 'The account is suspended: no profile to show',
  'blocks-you': 'They block you: their profile is hidden from you',
  moved: 'The account moved: its profile is at the new one',
};

/** A follow that can never follow back: who it was, since when, and why it cannot. */
export function GhostRow({
  row,
  network,
  accountNetwork,
  checked,
  onPick,
}: {
  row: Row;
  /** Shown when the view mixes accounts. */
  network: Network | undefined;
  accountNetwork: Network | undefined;
  checked: boolean;
  onPick(checked: boolean): void;
}) {
  return (
    <PersonRow
      row={row}
      network={network}
      accountNetwork={accountNetwork}
      pick={{ checked, onChange: onPick }}
      noProfile={noProfileWords[row.ghost.reason]}
      aside={
        <>
          <span className="person-since muted">{followedWords(row.days, accountNetwork === 'bluesky')}</span>
          <span className="state-badge ghost" title={ghostWords(row.ghost)}>
            {ghostWords(row.ghost)}
          </span>
        </>
      }
    />
  );
}
