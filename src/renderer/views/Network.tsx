import { combined } from '../balanceFigures.ts';
import { BalanceCards } from '../components/BalanceCards.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { useBalances } from '../stores/balanceStore.ts';

export function Network() {
  const balances = useBalances((state) => state.balances);
  const total = combined(balances);
  if (!total) {
    return (
      <EmptyState title="No network accounts yet">
        <p>
          Twoway compares who follows you with who you follow on Bluesky, Mastodon and X, and shows who has not followed
          back after your grace period. Adding accounts is not available in this version yet.
        </p>
      </EmptyState>
    );
  }
  const asOf = new Date(total.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="network">
      <p className="muted">As of {asOf}.</p>
      <BalanceCards balances={balances} />
      {balances.map(({ account, history }) => (
        <section key={account.id} className="card" aria-label={`${account.handle} trend`}>
          <h2 className="card-title">{account.handle} · trend</h2>
          <TrendChart history={history} label={`${account.handle} trend`} />
        </section>
      ))}
    </div>
  );
}
