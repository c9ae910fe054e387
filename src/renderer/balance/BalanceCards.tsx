import type { AccountBalance } from '../../shared/types.ts';
import { combined, figuresOf } from './balanceFigures.ts';
import { BalanceCard } from './BalanceCard.tsx';

/** All accounts together (when there are several), then each account. */
export function BalanceCards({ balances }: { balances: AccountBalance[] }) {
  const total = combined(balances);
  return (
    <div className="grid cards">
      {total && balances.length > 1 && <BalanceCard title="All accounts" figures={total} />}
      {balances.map((balance) => {
        const { account } = balance;
        const figures = figuresOf(balance);
        return figures ? (
          <BalanceCard key={account.id} title={account.handle} network={account.network} figures={figures} />
        ) : null;
      })}
    </div>
  );
}
