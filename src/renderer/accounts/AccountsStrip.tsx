import { useEffect, useState } from 'react';
import type { AccountBalance } from '../../shared/types.ts';
import { call } from '../api.ts';
import { combined, figuresOf, type Figures } from '../balance/balanceFigures.ts';
import { signed } from '../format.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { HandleText } from '../ui/HandleText.tsx';
import { TrendChart } from '../balance/TrendChart.tsx';
import { AccountStatus } from './AccountStatus.tsx';
import { count, isArchive } from '../balance/networkWords.ts';
import './AccountsStrip.css';
import '../balance/BalanceCard.css';

/** Followers vs following, the difference and who is due, in one line; the Dashboard has the full cards. */
export function BalanceLine({ title, figures, due }: { title: string; figures: Figures | null; due: number | null }) {
  if (!figures) return <span className="balance-line muted">No figures yet</span>;
  return (
    <article className="balance-line" aria-label={`${title} balance`}>
      <span>
        <strong>{count(figures.followers)}</strong> followers
      </span>{' '}
      <span className="versus">vs</span>{' '}
      <span>
        <strong>{count(figures.following)}</strong> following
      </span>{' '}
      <span className="balance-part">
        <span className="visually-hidden">difference </span>
        <strong className={figures.difference < 0 ? 'warn' : 'good'}>{signed(figures.difference)}</strong>
      </span>{' '}
      {due !== null && (
        <span className="balance-part">
          <strong>{count(due)}</strong> due
        </span>
      )}
    </article>
  );
}

/** How many are due per account, as the Not following back tab counts them. */
function useDueByAccount(ids: string[]): Map<string, number> {
  const version = useNetwork((state) => state.version);
  const [due, setDue] = useState(new Map<string, number>());
  const key = ids.join('\n');
  useEffect(() => {
    let current = true;
    void Promise.all(
      key
        .split('\n')
        .filter(Boolean)
        .map(async (accountId) => {
          const { due } = await call('listNotFollowingBack', { accountId, filter: 'due', limit: 1 });
          return [accountId, due] as const;
        }),
    ).then(
      (pairs) => current && setDue(new Map(pairs)),
      () => current && setDue(new Map()),
    );
    return () => {
      current = false;
    };
  }, [key, version]);
  return due;
}

/** The Network view's accounts, compact so the lists come first: one line each, the trend charts folded away. */
export function AccountsStrip({ shown }: { shown: AccountBalance[] }) {
  const totalDue = useNetwork((state) => state.counts?.due ?? null);
  const trendOpen = useNetwork((state) => state.trendOpen);
  const toggleTrend = useNetwork((state) => state.api.toggleTrend);
  const due = useDueByAccount(shown.map((b) => b.account.id));
  const total = shown.length > 1 ? combined(shown) : null;

  const toggle = (
    <button
      type="button"
      className="button small trend-toggle"
      aria-expanded={trendOpen}
      aria-controls="network-trends"
      onClick={toggleTrend}
    >
      Trend
    </button>
  );

  return (
    <section className="card accounts-strip" aria-label="Accounts and balance">
      <ul className="account-statuses" aria-label="Accounts">
        {shown.map((balance) => (
          <AccountStatus key={balance.account.id} balance={balance} action={total === null && toggle}>
            <BalanceLine
              title={balance.account.handle}
              figures={figuresOf(balance)}
              due={due.get(balance.account.id) ?? null}
            />
          </AccountStatus>
        ))}
      </ul>
      {total && (
        <div className="strip-foot">
          <strong className="strip-total-title">All accounts</strong>
          <BalanceLine title="All accounts" figures={total} due={totalDue} />
          {toggle}
        </div>
      )}
      <div id="network-trends" className="grid trends" hidden={!trendOpen}>
        {trendOpen &&
          shown.map((balance) => (
            <section key={balance.account.id} aria-label={`${balance.account.handle} trend`}>
              <h3 className="card-title">
                <HandleText handle={balance.account.handle} />
              </h3>
              <TrendChart
                history={balance.history}
                label={`${balance.account.handle} trend`}
                countedBy={isArchive(balance) ? 'import' : 'sync'}
              />
            </section>
          ))}
      </div>
    </section>
  );
}
