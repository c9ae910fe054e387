import type { NotFollowedBackRow as Row } from '../../shared/contract.ts';
import type { Network } from '../../shared/types.ts';
import { useBalances } from './balanceStore.ts';
import { PersonRow } from './PersonDetails.tsx';

/** A follower you do not follow: who they are and what they post, to decide whether to follow back. */
export function NotFollowedBackRow({
  row,
  network,
  checked,
  onPick,
}: {
  row: Row;
  network: Network | undefined;
  checked: boolean;
  onPick(checked: boolean): void;
}) {
  const accountNetwork = useBalances((state) => state.balances.find((b) => b.account.id === row.accountId))?.account
    .network;
  return (
    <PersonRow
      row={row}
      network={network}
      accountNetwork={accountNetwork}
      pick={{ checked, onChange: onPick }}
      aside={<span className="person-since muted">Follows you</span>}
    />
  );
}
