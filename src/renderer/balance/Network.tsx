import { useState } from 'react';
import { RarelyAnswersPanel } from '../catchUp/RarelyAnswersPanel.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { AccountBar } from '../accounts/AccountBar.tsx';
import { AccountsStrip } from '../accounts/AccountsStrip.tsx';
import { AddAccountForm } from '../accounts/AddAccountForm.tsx';
import { GhostsPanel } from './GhostsPanel.tsx';
import { count } from './networkWords.ts';
import { NotFollowedBackPanel } from './NotFollowedBackPanel.tsx';
import { NotFollowingBackPanel } from './NotFollowingBackPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { Tabs } from '../ui/Tabs.tsx';
import { useBalances } from './balanceStore.ts';
import { useNetwork, type NetworkTab } from './networkStore.ts';
import './Network.css';

const panels = {
  'not-following-back': NotFollowingBackPanel,
  ghosts: GhostsPanel,
  'not-followed-back': NotFollowedBackPanel,
  'rarely-answers': RarelyAnswersPanel,
  queue: QueuePanel,
};

export function Network() {
  const balances = useBalances((state) => state.balances);
  const scope = useNetwork((state) => state.scope);
  const tab = useNetwork((state) => state.tab);
  const due = useNetwork((state) => state.counts?.due);
  const ghosts = useNetwork((state) => state.counts?.ghosts ?? 0);
  const showTab = useNetwork((state) => state.api.showTab);
  const [adding, setAdding] = useState(false);
  const addForm = adding && <AddAccountForm onDone={() => setAdding(false)} />;

  if (balances.length === 0) {
    return (
      <div className="network">
        <EmptyState title="No network accounts yet">
          <p>
            Twoway compares who follows you with who you follow on Bluesky, Mastodon and X, shows who has not followed
            back after your grace period, and unfollows them at a safe pace when you say so. X takes no unfollows from
            apps: there Twoway opens each profile for you to unfollow on X.
          </p>
          {!adding && (
            <p>
              <button type="button" className="button primary" onClick={() => setAdding(true)}>
                Add account
              </button>
            </p>
          )}
        </EmptyState>
        {addForm}
      </div>
    );
  }

  // An account removed meanwhile leaves the view on all accounts.
  const scoped = balances.filter((b) => b.account.id === scope);
  const shown = scoped.length > 0 ? scoped : balances;
  const Panel = panels[tab];
  const tabs: { id: NetworkTab; label: string }[] = [
    {
      id: 'not-following-back',
      label: due === undefined ? 'Not following back' : `Not following back · ${count(due)} due`,
    },
    // Shown while there are any, and while open: cleaning the last one up leaves the tab where it was.
    ...(ghosts > 0 || tab === 'ghosts'
      ? [{ id: 'ghosts' as const, label: `Gone or blocking you · ${count(ghosts)}` }]
      : []),
    { id: 'not-followed-back', label: "You don't follow back" },
    { id: 'rarely-answers', label: 'Rarely answers' },
    { id: 'queue', label: 'Queue and log' },
  ];

  return (
    <div className="network">
      <AccountBar balances={balances} adding={adding} onAdd={() => setAdding(!adding)} />
      {addForm}
      <AccountsStrip shown={shown} />
      <Tabs label="People" tabs={tabs} selected={tab} onSelect={showTab}>
        {tab !== 'queue' && shown.every((b) => b.syncedAt === null) ? (
          <p className="list-message">The lists appear when the first sync is complete.</p>
        ) : (
          <Panel balances={balances} />
        )}
      </Tabs>
    </div>
  );
}
