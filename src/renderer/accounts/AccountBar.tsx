import type { AccountBalance } from '../../shared/types.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { NetworkBadge } from '../ui/NetworkBadge.tsx';
import { HandleText } from '../ui/HandleText.tsx';
import './AccountBar.css';

/** Which accounts the view shows: all of them together, or one. */
export function AccountBar({
  balances,
  adding,
  onAdd,
}: {
  balances: AccountBalance[];
  adding: boolean;
  onAdd(): void;
}) {
  const scope = useNetwork((state) => state.scope);
  const show = useNetwork((state) => state.api.show);
  return (
    <div className="account-bar">
      <div className="chips" role="group" aria-label="Show accounts">
        <button type="button" className="chip" aria-pressed={scope === null} onClick={() => show(null)}>
          All accounts
        </button>
        {balances.map(({ account }) => (
          <button
            key={account.id}
            type="button"
            className="chip"
            aria-pressed={scope === account.id}
            onClick={() => show(account.id)}
          >
            <NetworkBadge network={account.network} /> <HandleText handle={account.handle} />
          </button>
        ))}
      </div>
      <button type="button" className="button" aria-expanded={adding} aria-controls="add-account" onClick={onAdd}>
        Add account
      </button>
    </div>
  );
}
